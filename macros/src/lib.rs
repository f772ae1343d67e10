//! The errcat proc macros: a thin shim over `errcat-core`, which does all
//! the work and is tested, fuzzed and benchmarked as a plain library. Use
//! them through the `errcat` crate, which re-exports them.

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Instant;

use errcat_core::cache::Output;
use errcat_core::expand::Bases;
use proc_macro::{Span, TokenStream};

/// Hands an expansion to the compiler. A cache hit goes straight to the
/// compiler's lexer: `proc_macro2` would first re-lex the text with its own
/// validating lexer, unoptimized in a debug build (17 ms instead of 1.4 ms
/// for the Hexabase catalog). The text is the `Display` of a token stream
/// errcat made, so it is valid; should the compiler still refuse it, the
/// `proc_macro2` path reports why.
fn finish(output: Output, what: &str, start: Instant) -> TokenStream {
    match output {
        Output::Cached(text) => {
            let lex = Instant::now();
            let tokens = TokenStream::from_str(&text)
                .unwrap_or_else(|_| Output::Cached(text).into_token_stream().into());
            report(what, start, Some(lex));
            tokens
        }
        Output::Fresh(tokens) => {
            let tokens = tokens.into();
            report(what, start, None);
            tokens
        }
    }
}

/// `ERRCAT_TIMINGS=1 cargo build` prints how long each macro use took inside
/// the compiler, and for a cache hit how much of it the compiler spent
/// lexing the cached text.
fn report(what: &str, start: Instant, lex: Option<Instant>) {
    static ENABLED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if !*ENABLED.get_or_init(|| std::env::var_os("ERRCAT_TIMINGS").is_some()) {
        return;
    }
    let ms = |i: Instant| i.elapsed().as_secs_f64() * 1e3;
    match lex {
        Some(lex) => eprintln!(
            "errcat: {what} cache hit: {:.3} ms (of which the compiler lexing the text: {:.3} ms)",
            ms(start),
            ms(lex)
        ),
        None => eprintln!("errcat: {what} expanded: {:.3} ms", ms(start)),
    }
}

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
    let start = Instant::now();
    let what = format!("#[catalog({args})]");
    let output = errcat_core::expand::catalog_attribute_output(args.into(), item.into(), &bases());
    finish(output, &what, start)
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
    let start = Instant::now();
    let output = errcat_core::derive::derive_error_catalog_output(item.into(), &bases());
    finish(output, "#[derive(ErrorCatalog)]", start)
}
