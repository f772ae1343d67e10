//! A cache of successful expansions, keyed by the catalog's path, length
//! and modification time and by the item's tokens (sqlx's `MtimeCache` is
//! the model). A crate with several macro uses of one catalog, and
//! rust-analyzer's long-lived proc-macro server, expand an unchanged catalog
//! once; the output is identical to a fresh expansion because it is the
//! fresh expansion's text.
//!
//! The generated code is text (token streams cannot be kept across macro
//! invocations: their handles belong to one invocation), so a hit is the
//! same text the compiler lexed the first time.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use proc_macro2::TokenStream;

use crate::quasi::Rust;

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

static CACHE: Mutex<Option<HashMap<Key, Rust>>> = Mutex::new(None);

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

/// An expansion: the generated code as text, and any diagnostics as
/// tokens.
///
/// The code stays text so that the proc macro hands it straight to the
/// compiler's lexer (`proc_macro::TokenStream::from_str`), in one call
/// rather than one per token (see [`crate::quasi`]); going through
/// `proc_macro2` would first re-lex it with `proc_macro2`'s own validating
/// lexer. Diagnostics stay tokens: they carry the span of the catalog path
/// in the user's source, which text cannot keep.
#[derive(Debug, Default)]
pub struct Output {
    /// `compile_error!`s, spanned in the user's code.
    pub errors: TokenStream,
    /// The generated code.
    pub code: Rust,
    cached: bool,
}

impl Output {
    /// Only diagnostics.
    pub fn errors(errors: TokenStream) -> Output {
        Output {
            errors,
            ..Output::default()
        }
    }

    /// Diagnostics and the code that stands beside them.
    pub fn with_code(errors: TokenStream, code: Rust) -> Output {
        Output {
            errors,
            code,
            cached: false,
        }
    }

    /// The diagnostics followed by the code, lexed by `proc_macro2`
    /// (outside the compiler: tests and tools).
    pub fn into_token_stream(self) -> TokenStream {
        let mut tokens = self.errors;
        tokens.extend(self.code.to_token_stream());
        tokens
    }

    /// Whether the cache served this expansion.
    pub fn is_cached(&self) -> bool {
        self.cached
    }
}

/// Returns the cached expansion of `item` with the catalog at `path`, or
/// runs `expand` and caches its output when it has no diagnostics. Errors
/// are never cached: they carry spans that text cannot keep.
pub(crate) fn expand_cached(
    path: &Path,
    item: &TokenStream,
    kind: &'static str,
    expand: impl FnOnce() -> Output,
) -> Output {
    let key = key(path, item, kind);
    if let Some(k) = &key {
        let hit = CACHE
            .lock()
            .ok()
            .and_then(|c| c.as_ref().and_then(|m| m.get(k).cloned()));
        if let Some(code) = hit {
            return Output {
                errors: TokenStream::new(),
                code,
                cached: true,
            };
        }
    }
    let output = expand();
    if output.errors.is_empty()
        && let (Some(k), Ok(mut cache)) = (key, CACHE.lock())
    {
        let map = cache.get_or_insert_with(HashMap::new);
        if map.len() >= CAPACITY {
            map.clear();
        }
        map.insert(k, output.code.clone());
    }
    output
}
