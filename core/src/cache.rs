//! A cache of successful expansions, keyed by the catalog's path, length
//! and modification time and by the item's tokens (sqlx's `MtimeCache` is
//! the model). A crate with several macro uses of one catalog, and
//! rust-analyzer's long-lived proc-macro server, expand an unchanged catalog
//! once; the output is identical to a fresh expansion because it is the
//! fresh expansion's text.
//!
//! Token streams cannot be kept across macro invocations (their handles
//! belong to one invocation), so the cache keeps the generated code as text
//! and re-lexes it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Mutex;
use std::time::SystemTime;

use proc_macro2::TokenStream;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    path: PathBuf,
    len: u64,
    modified: SystemTime,
    lock: Option<(u64, SystemTime)>,
    item: String,
    kind: &'static str,
}

/// At most this many expansions are kept; the cache is cleared when full.
const CAPACITY: usize = 256;

static CACHE: Mutex<Option<HashMap<Key, String>>> = Mutex::new(None);

fn key(path: &Path, item: &TokenStream, kind: &'static str) -> Option<Key> {
    let meta = std::fs::metadata(path).ok()?;
    // The lock file is part of the input: its change must miss the cache.
    let lock = std::fs::metadata(crate::evolve::lock_path(path))
        .ok()
        .and_then(|m| Some((m.len(), m.modified().ok()?)));
    Some(Key {
        path: path.to_path_buf(),
        len: meta.len(),
        modified: meta.modified().ok()?,
        lock,
        item: item.to_string(),
        kind,
    })
}

/// An expansion: tokens made now, or the text of an earlier identical one.
///
/// A cache hit stays text so that the proc macro can hand it straight to
/// the compiler's lexer (`proc_macro::TokenStream::from_str`): going through
/// `proc_macro2` would first re-lex it with `proc_macro2`'s own validating
/// lexer, which in an unoptimized macro costs more than the hit saves.
#[derive(Debug)]
pub enum Output {
    /// Expanded in this call.
    Fresh(TokenStream),
    /// Served by the cache: the text of an identical earlier expansion.
    Cached(String),
}

impl Output {
    /// The tokens, lexing cached text with `proc_macro2`.
    pub fn into_token_stream(self) -> TokenStream {
        match self {
            Output::Fresh(tokens) => tokens,
            // The text is the `Display` of a token stream, so it lexes; an
            // error here would be a bug, reported rather than a panic.
            Output::Cached(text) => TokenStream::from_str(&text).unwrap_or_else(|e| {
                let message = format!("errcat: internal error: cached expansion does not lex: {e}");
                quote::quote!(::core::compile_error!(#message);)
            }),
        }
    }

    /// Whether the cache served this expansion.
    pub fn is_cached(&self) -> bool {
        matches!(self, Output::Cached(_))
    }
}

/// Returns the cached expansion of `item` with the catalog at `path`, or
/// runs `expand` and caches its output when it succeeded (`Ok`). Errors are
/// never cached: they carry spans that text cannot keep.
pub(crate) fn expand_cached(
    path: &Path,
    item: &TokenStream,
    kind: &'static str,
    expand: impl FnOnce() -> Result<TokenStream, TokenStream>,
) -> Output {
    let key = key(path, item, kind);
    if let Some(k) = &key {
        let hit = CACHE
            .lock()
            .ok()
            .and_then(|c| c.as_ref().and_then(|m| m.get(k).cloned()));
        if let Some(text) = hit {
            return Output::Cached(text);
        }
    }
    match expand() {
        Ok(tokens) => {
            if let (Some(k), Ok(mut cache)) = (key, CACHE.lock()) {
                let map = cache.get_or_insert_with(HashMap::new);
                if map.len() >= CAPACITY {
                    map.clear();
                }
                map.insert(k, tokens.to_string());
            }
            Output::Fresh(tokens)
        }
        Err(errors) => Output::Fresh(errors),
    }
}
