//! The errcat proc macros: a thin shim over `errcat-core`, which does all
//! the work and is tested, fuzzed and benchmarked as a plain library. Use
//! them through the `errcat` crate, which re-exports them.

use std::path::PathBuf;

use errcat_core::expand::Bases;
use proc_macro::{Span, TokenStream};

fn bases() -> Bases {
    Bases {
        manifest_dir: std::env::var_os("CARGO_MANIFEST_DIR")
            .map(PathBuf::from)
            .unwrap_or_default(),
        source_dir: Span::call_site()
            .local_file()
            .and_then(|f| f.parent().map(PathBuf::from)),
    }
}

/// Generates an error API from a YAML catalog:
/// `#[errcat::catalog("catalog/api.yaml")] pub enum ApiError {}`.
///
/// The path is resolved against the crate's `CARGO_MANIFEST_DIR`, or, when
/// no file is there, beside the invoking source file. See the
/// `errcat` crate for what is generated.
#[proc_macro_attribute]
pub fn catalog(args: TokenStream, item: TokenStream) -> TokenStream {
    errcat_core::expand::catalog_attribute(args.into(), item.into(), &bases()).into()
}

/// Checks a hand-written enum against a catalog and implements the same API
/// as [`catalog`]: `#[derive(ErrorCatalog)] #[catalog(path = "catalog/api.yaml")]`.
///
/// Each variant maps to a code by its name (`TokenExpired` is
/// `TOKEN_EXPIRED`) or by `#[catalog(code = "...")]`; its fields must be the
/// code's detail fields with compatible types. `#[catalog(path = "...",
/// exhaustive)]` demands a variant for every code.
#[proc_macro_derive(ErrorCatalog, attributes(catalog))]
pub fn error_catalog(item: TokenStream) -> TokenStream {
    errcat_core::derive::derive_error_catalog(item.into(), &bases()).into()
}
