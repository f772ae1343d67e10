//! Stage 6 (evolution): a catalog's wire contract, the lock file that
//! records it, and the classified changes between two versions, for
//! `errcat diff`, `errcat lock` and the macro's lock check.

pub mod contract;
pub mod diff;

use std::path::{Path, PathBuf};

pub use contract::{Contract, lock_text, of_catalog, read_lock};
pub use diff::{Change, Class, diff};

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Catalog;

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
pub fn lock_diagnostics(catalog: &Catalog, path: &Path, rel: &str) -> Vec<Diagnostic> {
    let lock = lock_path(path);
    match std::fs::read(&lock) {
        Ok(bytes) => {
            let shown = lock_path(Path::new(rel)).to_string_lossy().into_owned();
            check_lock(catalog, (&shown, &bytes), rel)
        }
        Err(_) => Vec::new(),
    }
}

/// The lock check: every breaking change of `catalog` against its lock file
/// is a diagnostic at the change, unless the catalog's major version is
/// above the lock's. `lock` is the lock file's display path and bytes.
pub fn check_lock(catalog: &Catalog, lock: (&str, &[u8]), catalog_path: &str) -> Vec<Diagnostic> {
    let mut cx = Diagnostics::new();
    let Some(locked) = read_lock(lock.0, lock.1, &mut cx) else {
        return cx.into_vec();
    };
    let now = of_catalog(catalog, false);
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
