//! `errcat diff` and `errcat lock`.

use std::path::Path;
use std::process::{Command, ExitCode};

use errcat_core::evolve::{self, Class};
use errcat_core::{Checked, compile_file, compile_str};

/// Writes the lock file of `catalog` (read from `file`).
pub fn lock(catalog: &Checked, file: &str) -> ExitCode {
    let path = evolve::lock_path(Path::new(file));
    let text = evolve::lock_text(&evolve::of_catalog(catalog, false), file);
    match std::fs::write(&path, text) {
        Ok(()) => {
            eprintln!("wrote {}", path.display());
            // Cargo tracks the lock file only once a build has seen it:
            // a fresh modification time on the catalog makes the next
            // build expand again and pick the new lock up.
            let touched = std::fs::File::options()
                .append(true)
                .open(file)
                .and_then(|f| f.set_modified(std::time::SystemTime::now()));
            if let Err(e) = touched {
                eprintln!(
                    "warning: cannot touch {file} ({e}); run `cargo clean -p` on crates that use it"
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}

/// `errcat diff OLD NEW`.
pub fn diff_files(old: &str, new: &str) -> ExitCode {
    let old = match compile_file(Path::new(old), old) {
        Ok(c) => c,
        Err(d) => return broken(old, &d),
    };
    diff_against(&old, new)
}

/// `errcat diff --git REV FILE`.
pub fn diff_git(rev: &str, file: &str) -> ExitCode {
    // A revision is never an option of git's: `--output=FILE` would write.
    if rev.starts_with('-') || rev.is_empty() || rev.contains(['\0', '\n']) {
        eprintln!(
            "error: `{}` is not a git revision; name a commit, branch or tag (`HEAD~1`, `v1.2.0`)",
            rev.escape_debug()
        );
        return ExitCode::from(2);
    }
    let path = Path::new(file);
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .arg("show")
        // And should one slip by, git reads nothing after this as an option.
        .arg("--end-of-options")
        .arg(format!("{rev}:./{name}"))
        .output();
    let bytes = match out {
        Ok(o) if o.status.success() => o.stdout,
        Ok(o) => {
            eprintln!(
                "error: git show {rev}:{file}: {}",
                String::from_utf8_lossy(&o.stderr).trim()
            );
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("error: cannot run git: {e}");
            return ExitCode::from(2);
        }
    };
    let shown = format!("{file}@{rev}");
    let old = match compile_str(&shown, &bytes) {
        Ok(c) => c,
        Err(d) => return broken(&shown, &d),
    };
    diff_against(&old, file)
}

fn diff_against(old: &Checked, new: &str) -> ExitCode {
    let new_catalog = match compile_file(Path::new(new), new) {
        Ok(c) => c,
        Err(d) => return broken(new, &d),
    };
    let changes = evolve::diff(
        &evolve::of_catalog(old, true),
        &evolve::of_catalog(&new_catalog, true),
    );
    for c in &changes {
        println!("{c}");
    }
    let count = |class| changes.iter().filter(|c| c.class == class).count();
    let breaking = count(Class::Breaking);
    eprintln!(
        "{breaking} breaking, {} compatible, {} documentation-only change(s)",
        count(Class::Compatible),
        count(Class::Documentation)
    );
    if breaking > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// A catalog that does not check is not compared; exit 2, as for usage.
fn broken(file: &str, diags: &[errcat_core::Diagnostic]) -> ExitCode {
    crate::report(diags);
    eprintln!(
        "error: {file}: {} mistake(s); fix them before comparing",
        diags.len()
    );
    ExitCode::from(2)
}
