//! Where a catalog path is looked up, and the rebuild trigger.

use crate::quasi::{Rust, rust};

use super::private;

/// Where a catalog path is looked up.
#[derive(Debug, Clone, Default)]
pub struct Bases {
    /// The calling crate's `CARGO_MANIFEST_DIR`: paths are resolved here first.
    pub manifest_dir: std::path::PathBuf,
    /// The directory of the source file that invokes the macro, where
    /// the compiler tells it: the fallback, like `include_str!`.
    pub source_dir: Option<std::path::PathBuf>,
}

/// A catalog path resolved against [`Bases`].
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The path as written, shown in diagnostics.
    pub rel: String,
    /// The file to read.
    pub path: std::path::PathBuf,
    /// Whether it was found beside the invoking source file (then the
    /// rebuild trigger is `include_bytes!` relative to that file).
    pub source_relative: bool,
    /// Its lock file (`hook0.yaml` -> `hook0.lock.yaml`), decided here once
    /// for the cache key, the lock check and the rebuild trigger.
    pub lock: std::path::PathBuf,
    /// The lock file as shown in diagnostics, beside `rel`.
    pub lock_rel: String,
}

impl Bases {
    /// Resolves `rel`: against the manifest directory when the file is
    /// there, else beside the invoking source file when it is there, else
    /// against the manifest directory (so "not found" names that path).
    pub fn resolve(&self, rel: &str) -> Resolved {
        let in_manifest = self.manifest_dir.join(rel);
        if !in_manifest.exists()
            && let Some(dir) = &self.source_dir
        {
            let beside = dir.join(rel);
            if beside.exists() {
                return Resolved::new(rel, beside, true);
            }
        }
        Resolved::new(rel, in_manifest, false)
    }
}

impl Resolved {
    fn new(rel: &str, path: std::path::PathBuf, source_relative: bool) -> Resolved {
        let lock = crate::evolve::lock_path(&path);
        let lock_rel = crate::evolve::lock_path(std::path::Path::new(rel))
            .to_string_lossy()
            .into_owned();
        Resolved {
            rel: rel.to_string(),
            path,
            source_relative,
            lock,
            lock_rel,
        }
    }

    /// `const`s that make cargo rebuild the crate when the catalog or its
    /// lock file changes.
    pub fn rebuild_trigger(&self) -> Rust {
        let mut out = include(&self.rel, self.source_relative);
        if self.lock.exists() {
            out.extend(include(&self.lock_rel, self.source_relative));
        }
        out
    }
}

fn include(rel: &str, source_relative: bool) -> Rust {
    let p = private();
    {
        // `include_bytes!` takes absolute paths as they are, and relative
        // ones relative to the invoking file.
        if source_relative || std::path::Path::new(rel).is_absolute() {
            rust!(
                const _: &[u8] = #p::core::include_bytes!(#rel);
            )
        } else {
            let include = format!("/{rel}");
            rust! {
                const _: &[u8] = #p::core::include_bytes!(#p::core::concat!(#p::core::env!("CARGO_MANIFEST_DIR"), #include));
            }
        }
    }
}
