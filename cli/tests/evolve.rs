//! `errcat diff`, `errcat lock` and `errcat check` against a lock file,
//! end to end: a temporary git repository with two commits.

use std::path::{Path, PathBuf};
use std::process::Command;

const V1: &str = "\
name: shop
version: 1.0.0
envelopes:
  http: {error: {code: $code, message: $message, details: $details}}
codes:
  OUT_OF_STOCK:
    status: 409
    message: Out of stock
    details:
      sku: string
";

/// A fresh directory under the system's temp dir, removed at the end.
struct TempRepo(PathBuf);

impl Drop for TempRepo {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=errcat",
            "-c",
            "user.email=errcat@example.invalid",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn errcat(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn repo(name: &str) -> TempRepo {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let dir = std::env::temp_dir().join(format!("errcat-{name}-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(dir.join("catalog")).unwrap();
    git(&dir, &["init", "-q"]);
    TempRepo(dir)
}

#[test]
fn diff_against_a_git_revision() {
    let r = repo("git");
    let file = r.0.join("catalog/shop.yaml");
    std::fs::write(&file, V1).unwrap();
    git(&r.0, &["add", "."]);
    git(&r.0, &["commit", "-q", "-m", "v1"]);
    // Unchanged: nothing to report.
    let (code, out, _) = errcat(&r.0, &["diff", "--git", "HEAD", "catalog/shop.yaml"]);
    assert_eq!((code, out.as_str()), (0, ""));
    // A breaking edit in the working tree.
    std::fs::write(&file, V1.replace("status: 409", "status: 410")).unwrap();
    let (code, out, _) = errcat(&r.0, &["diff", "--git", "HEAD", "catalog/shop.yaml"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.starts_with(
            "catalog/shop.yaml:7:13: breaking: code `OUT_OF_STOCK`: status: `409` -> `410`"
        ),
        "{out}"
    );
    // Committed: against the previous commit it still breaks, against
    // itself nothing changed.
    git(&r.0, &["commit", "-q", "-am", "v2"]);
    assert_eq!(
        errcat(&r.0, &["diff", "--git", "HEAD~1", "catalog/shop.yaml"]).0,
        1
    );
    assert_eq!(
        errcat(&r.0, &["diff", "--git", "HEAD", "catalog/shop.yaml"]).0,
        0
    );
    // A compatible edit exits 0 and says what it is.
    std::fs::write(
        &file,
        V1.replace("status: 409", "status: 410").replace(
            "      sku: string\n",
            "      sku: string\n      hint: string?\n",
        ),
    )
    .unwrap();
    let (code, out, _) = errcat(&r.0, &["diff", "--git", "HEAD", "catalog/shop.yaml"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("compatible: code `OUT_OF_STOCK`: field `hint`: optional field added"),
        "{out}"
    );
    // A revision that does not exist is an error, not a diff.
    assert_eq!(
        errcat(&r.0, &["diff", "--git", "nope", "catalog/shop.yaml"]).0,
        2
    );
}

#[test]
fn a_revision_is_never_an_option_of_git() {
    let r = repo("inject");
    std::fs::write(r.0.join("catalog/shop.yaml"), V1).unwrap();
    git(&r.0, &["add", "."]);
    git(&r.0, &["commit", "-q", "-m", "v1"]);
    let written = r.0.join("catalog/written");
    for rev in [
        format!("--output={}", written.display()),
        "-o/tmp/x".to_string(),
        "--help".to_string(),
        String::new(),
    ] {
        let (code, out, err) = errcat(&r.0, &["diff", "--git", &rev, "catalog/shop.yaml"]);
        assert_eq!(code, 2, "{rev}: {out}{err}");
        assert!(err.contains("is not a git revision"), "{rev}: {err}");
        assert!(!written.exists(), "{rev} wrote a file");
    }
}

#[test]
fn the_lock_file_is_stable_and_checked() {
    let r = repo("lock");
    let file = r.0.join("catalog/shop.yaml");
    std::fs::write(&file, V1).unwrap();
    assert_eq!(errcat(&r.0, &["lock", "catalog/shop.yaml"]).0, 0);
    let lock = r.0.join("catalog/shop.lock.yaml");
    let first = std::fs::read_to_string(&lock).unwrap();
    assert_eq!(errcat(&r.0, &["lock", "catalog/shop.yaml"]).0, 0);
    assert_eq!(
        std::fs::read_to_string(&lock).unwrap(),
        first,
        "same catalog, same lock"
    );
    assert_eq!(errcat(&r.0, &["check", "catalog/shop.yaml"]).0, 0);
    // A breaking change fails `check` at its line, with how to accept it.
    std::fs::write(&file, V1.replace("      sku: string\n", "      sku: u64\n")).unwrap();
    let (code, _, err) = errcat(&r.0, &["check", "catalog/shop.yaml"]);
    assert_eq!(code, 1);
    assert!(err.contains("--> catalog/shop.yaml:10:7"), "{err}");
    assert!(
        err.contains("type `string` -> `u64`") && err.contains("version: 2.0.0"),
        "{err}"
    );
    // A major bump accepts it; so does locking again.
    std::fs::write(
        &file,
        V1.replace("      sku: string\n", "      sku: u64\n")
            .replace("1.0.0", "2.0.0"),
    )
    .unwrap();
    assert_eq!(errcat(&r.0, &["check", "catalog/shop.yaml"]).0, 0);
    std::fs::write(&file, V1.replace("      sku: string\n", "      sku: u64\n")).unwrap();
    assert_eq!(errcat(&r.0, &["lock", "catalog/shop.yaml"]).0, 0);
    assert_eq!(errcat(&r.0, &["check", "catalog/shop.yaml"]).0, 0);
}
