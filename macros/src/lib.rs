//! The errcat proc macros: a thin shim over `errcat-core`, which does all
//! the work and is tested, fuzzed and benchmarked as a plain library. Use
//! them through the `errcat` crate, which re-exports them.

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Instant;

use errcat_core::cache::Output;
use errcat_core::expand::Bases;
use proc_macro::{Delimiter, Group, Span, TokenStream, TokenTree};

/// Hands an expansion to the compiler: the diagnostics and the head of the
/// user's enum as the tokens they are (spanned in the user's code), the
/// generated code as text for the compiler's lexer, in one call per text
/// rather than one bridge call per token. `proc_macro2` would first re-lex
/// the text with its own validating lexer, unoptimized in a debug build.
/// The text was written by errcat's `rust!`, so it lexes; should the
/// compiler still refuse it, the `proc_macro2` path reports why.
fn finish(output: Output, what: &str, start: Instant) -> TokenStream {
    let cached = output.is_cached();
    let lex = Instant::now();
    let body = match &output.item {
        Some((_, body)) => TokenStream::from_str(body.as_str()).ok(),
        None => Some(TokenStream::new()),
    };
    let (Some(body), Ok(code)) = (body, TokenStream::from_str(output.code.as_str())) else {
        return output.into_token_stream().into();
    };
    let mut tokens: TokenStream = output.errors.into();
    if let Some((head, _)) = output.item {
        tokens.extend(TokenStream::from(head));
        tokens.extend([TokenTree::Group(Group::new(Delimiter::Brace, body))]);
    }
    tokens.extend(code);
    report(what, start, cached, lex);
    tokens
}

/// `ERRCAT_TIMINGS=1 cargo build` prints how long each macro use took inside
/// the compiler, and how much of it the compiler spent lexing the text.
fn report(what: &str, start: Instant, cached: bool, lex: Instant) {
    static ENABLED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if !*ENABLED.get_or_init(|| std::env::var_os("ERRCAT_TIMINGS").is_some()) {
        return;
    }
    let ms = |i: Instant| i.elapsed().as_secs_f64() * 1e3;
    let kind = if cached { "cache hit" } else { "expanded" };
    eprintln!(
        "errcat: {what} {kind}: {:.3} ms (of which the compiler lexing the text: {:.3} ms)",
        ms(start),
        ms(lex)
    );
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
