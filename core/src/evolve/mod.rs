//! Stage 6 (evolution): a catalog's wire contract, the lock file that
//! records it, and the classified changes between two versions, for
//! `errcat diff`, `errcat lock` and the macro's lock check.

pub mod contract;
pub mod diff;
mod unchanged;

use std::path::{Path, PathBuf};

pub use contract::{Contract, lock_text, of_catalog, read_lock};
pub use diff::{Change, Class, diff};

use crate::Checked;
use crate::diag::{Diagnostic, Diagnostics};

/// The major number of a `MAJOR.MINOR.PATCH` version.
pub fn major(version: &str) -> Option<u64> {
    let mut parts = version.split('.');
    let major = parts.next()?.parse().ok()?;
    let rest: Vec<&str> = parts.collect();
    let ok = rest.len() == 2
        && rest
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    ok.then_some(major)
}

/// The lock file of the catalog at `path`: `hook0.yaml` -> `hook0.lock.yaml`.
pub fn lock_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    path.with_file_name(format!("{stem}.lock.yaml"))
}

/// The lock check of the catalog at `path` (shown as `rel`): nothing when
/// it has no lock file.
pub fn lock_diagnostics(catalog: &Checked, path: &Path, rel: &str) -> Vec<Diagnostic> {
    let shown = lock_path(Path::new(rel)).to_string_lossy().into_owned();
    check_lock_file(catalog, &lock_path(path), &shown, rel)
}

/// The lock check against the lock file `lock` (shown as `shown`) of the
/// catalog shown as `rel`: nothing when there is no lock file.
pub fn check_lock_file(catalog: &Checked, lock: &Path, shown: &str, rel: &str) -> Vec<Diagnostic> {
    let shown = shown.to_string();
    match std::fs::read(lock) {
        Ok(bytes) => check_lock(catalog, (&shown, &bytes), rel),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        // A lock that is there but cannot be read (a directory, no
        // permission) is not "no lock": that would let breaking changes
        // through without a word.
        Err(e) => {
            let source =
                std::sync::Arc::new(crate::diag::Source::new(shown.clone(), String::new()));
            vec![
                Diagnostic::new(
                    &crate::diag::Loc::file(source),
                    format!("cannot read the lock file {shown}: {e}"),
                )
                .hint(format!(
                    "make it a readable file (re-create it with `errcat lock {rel}`), or remove it to check without a lock"
                )),
            ]
        }
    }
}

/// The lock check: every breaking change of `catalog` against its lock file
/// is a diagnostic at the change, unless the catalog's major version is
/// above the lock's. `lock` is the lock file's display path and bytes.
pub fn check_lock(catalog: &Checked, lock: (&str, &[u8]), catalog_path: &str) -> Vec<Diagnostic> {
    let mut now = of_catalog(catalog, false);
    let written = lock_text(&now, catalog_path);
    // The usual case, a catalog unchanged since its lock, without parsing
    // the lock: the text `errcat lock` would write is the text there.
    if body(written.as_bytes()) == body(lock.1) {
        return Vec::new();
    }
    // Else only the codes whose text differs are parsed and compared.
    let (lock_text, same) = match std::str::from_utf8(lock.1) {
        Ok(text) => unchanged::blank_unchanged(text, &written),
        Err(_) => (String::new(), Default::default()),
    };
    let bytes = if same.is_empty() {
        lock.1
    } else {
        lock_text.as_bytes()
    };
    now.facts
        .retain(|f| !(f.path[0] == "code" && f.path.get(1).is_some_and(|c| same.contains(c))));
    let mut cx = Diagnostics::new();
    let Some(locked) = read_lock(lock.0, bytes, &mut cx) else {
        return cx.into_vec();
    };
    // A version that is not MAJOR.MINOR.PATCH would read as "no version"
    // and let every breaking change through.
    if let Some(v) = &locked.version
        && major(&v.value).is_none()
    {
        cx.push(
            Diagnostic::new(
                &v.loc,
                format!("the lock's version `{}` is not MAJOR.MINOR.PATCH", v.value),
            )
            .hint(format!(
                "write it as three numbers (`version: 1.0.0`), or re-create the lock with `errcat lock {catalog_path}`"
            )),
        );
        return cx.into_vec();
    }
    let bumped = match (
        locked.version.as_ref().and_then(|v| major(&v.value)),
        now.version.as_ref().and_then(|v| major(&v.value)),
    ) {
        (Some(a), Some(b)) => b > a,
        (None, Some(_)) => true,
        _ => false,
    };
    if bumped {
        return cx.into_vec();
    }
    let accept = match locked.version.as_ref().and_then(|v| major(&v.value)) {
        Some(m) => format!(
            "raise the catalog's major version (`version: {}.0.0`)",
            m + 1
        ),
        None => "give the catalog a `version` (e.g. `version: 2.0.0`)".to_string(),
    };
    for change in diff(&locked, &now)
        .into_iter()
        .filter(|c| c.class == Class::Breaking)
    {
        cx.push(
            Diagnostic::new(
                &change.loc,
                format!("breaking change against `{}`: {}: {}", lock.0, change.subject, change.reason),
            )
            .hint(format!(
                "clients built against the lock break; to ship it anyway, {accept}, or accept it with `errcat lock {catalog_path}`"
            )),
        );
    }
    cx.into_vec()
}

/// A lock file's text after its leading comment, which names the catalog
/// by the path it was locked as.
fn body(text: &[u8]) -> &[u8] {
    let mut rest = text;
    while rest.first() == Some(&b'#') {
        let end = rest
            .iter()
            .position(|&b| b == b'\n')
            .map_or(rest.len(), |i| i + 1);
        rest = &rest[end..];
    }
    rest
}
