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
                return Resolved {
                    rel: rel.to_string(),
                    path: beside,
                    source_relative: true,
                };
            }
        }
        Resolved {
            rel: rel.to_string(),
            path: in_manifest,
            source_relative: false,
        }
    }
}

impl Resolved {
    /// `const`s that make cargo rebuild the crate when the catalog or its
    /// lock file changes.
    pub fn rebuild_trigger(&self) -> Rust {
        let mut out = include(&self.rel, self.source_relative);
        if crate::evolve::lock_path(&self.path).exists() {
            let lock = crate::evolve::lock_path(std::path::Path::new(&self.rel));
            out.extend(include(&lock.to_string_lossy(), self.source_relative));
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
