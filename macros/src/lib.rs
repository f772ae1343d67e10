//! The errcat proc macros: a thin shim over `errcat-core`, which does all
//! the work and is tested, fuzzed and benchmarked as a plain library. Use
//! them through the `errcat` crate, which re-exports them.

use std::path::PathBuf;

use proc_macro::TokenStream;

fn manifest_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_default()
}

/// Generates an error API from a YAML catalog:
/// `#[errcat::catalog("catalog/api.yaml")] pub enum ApiError {}`.
///
/// The path is resolved against the crate's `CARGO_MANIFEST_DIR`. See the
/// `errcat` crate for what is generated.
#[proc_macro_attribute]
pub fn catalog(args: TokenStream, item: TokenStream) -> TokenStream {
    errcat_core::expand::catalog_attribute(args.into(), item.into(), &manifest_dir()).into()
}
