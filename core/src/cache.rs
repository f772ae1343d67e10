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
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::SystemTime;

use proc_macro2::{Delimiter, TokenStream, TokenTree};

use crate::expand::Resolved;
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

fn key(source: &Resolved, item: &TokenStream, kind: &'static str) -> Option<Key> {
    let meta = std::fs::metadata(&source.path).ok()?;
    // The lock file is part of the input: its change must miss the cache.
    let lock = std::fs::metadata(&source.lock)
        .ok()
        .and_then(|m| Some((m.len(), m.modified().ok()?)));
    Some(Key {
        path: source.path.clone(),
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
/// lexer. What carries a span in the user's code stays tokens: the
/// diagnostics (spanned on the catalog path) and the head of the user's
/// enum (its attributes, visibility and name), so that the compiler's own
/// errors about them point where the user wrote them.
#[derive(Debug, Default)]
pub struct Output {
    /// `compile_error!`s, spanned in the user's code.
    pub errors: TokenStream,
    /// The user's enum when the expansion declares it: its head as the
    /// user's tokens (`#[attrs] pub enum ApiError`) and its variants as text
    /// (the braces' contents).
    pub item: Option<(TokenStream, Rust)>,
    /// The rest of the generated code.
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

    /// Generated code without diagnostics.
    pub fn code(item: Option<(TokenStream, Rust)>, code: Rust) -> Output {
        Output {
            item,
            code,
            ..Output::default()
        }
    }

    /// This output with `errors` before its own diagnostics.
    pub fn after_errors(mut self, mut errors: TokenStream) -> Output {
        errors.extend(self.errors);
        self.errors = errors;
        self
    }

    /// Everything, lexed by `proc_macro2` (outside the compiler: tests and
    /// tools); the proc macro assembles the same with the compiler's lexer.
    pub fn into_token_stream(self) -> TokenStream {
        let mut tokens = self.errors;
        if let Some((head, body)) = self.item {
            tokens.extend(head);
            let body = proc_macro2::Group::new(Delimiter::Brace, body.to_token_stream());
            tokens.extend([TokenTree::Group(body)]);
        }
        tokens.extend(self.code.to_token_stream());
        tokens
    }

    /// The whole expansion as text, as the cache keeps it.
    fn to_text(&self) -> Rust {
        let mut text = Rust::new();
        if let Some((head, body)) = &self.item {
            text.extend(head);
            text.push_token("{ ");
            text.extend(body);
            text.push_token("} ");
        }
        text.extend(&self.code);
        text
    }

    /// Whether the cache served this expansion.
    pub fn is_cached(&self) -> bool {
        self.cached
    }
}

/// Returns the cached expansion of `item` with the catalog `source`, or
/// runs `expand` and caches its output when it has no diagnostics. Errors
/// are never cached: they carry spans that text cannot keep.
pub(crate) fn expand_cached(
    source: &Resolved,
    item: &TokenStream,
    kind: &'static str,
    expand: impl FnOnce() -> Output,
) -> Output {
    let key = key(source, item, kind);
    if let Some(k) = &key {
        let hit = CACHE
            .lock()
            .ok()
            .and_then(|c| c.as_ref().and_then(|m| m.get(k).cloned()));
        // A hit is all text: the head's spans belong to the first use.
        if let Some(code) = hit {
            return Output {
                code,
                cached: true,
                ..Output::default()
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
        map.insert(k, output.to_text());
    }
    output
}
