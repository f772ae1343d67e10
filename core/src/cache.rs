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
    item: String,
    kind: &'static str,
}

/// At most this many expansions are kept; the cache is cleared when full.
const CAPACITY: usize = 256;

static CACHE: Mutex<Option<HashMap<Key, String>>> = Mutex::new(None);

fn key(path: &Path, item: &TokenStream, kind: &'static str) -> Option<Key> {
    let meta = std::fs::metadata(path).ok()?;
    Some(Key {
        path: path.to_path_buf(),
        len: meta.len(),
        modified: meta.modified().ok()?,
        item: item.to_string(),
        kind,
    })
}

/// Returns the cached expansion of `item` with the catalog at `path`, or
/// runs `expand` and caches its output when it succeeded (`Ok`). Errors are
/// never cached: they carry spans that text cannot keep.
pub fn expand_cached(
    path: &Path,
    item: &TokenStream,
    kind: &'static str,
    expand: impl FnOnce() -> Result<TokenStream, TokenStream>,
) -> TokenStream {
    let key = key(path, item, kind);
    if let Some(k) = &key {
        let hit = CACHE
            .lock()
            .ok()
            .and_then(|c| c.as_ref().and_then(|m| m.get(k).cloned()));
        if let Some(text) = hit
            && let Ok(tokens) = TokenStream::from_str(&text)
        {
            return tokens;
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
            tokens
        }
        Err(errors) => errors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    #[test]
    fn a_repeated_expansion_is_identical_and_served_from_the_cache() {
        let dir = std::env::temp_dir().join(format!("errcat-cache-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("c.yaml");
        std::fs::write(&path, "x").unwrap();
        let item = quote!(
            pub enum E {}
        );
        let mut runs = 0;
        let first = expand_cached(&path, &item, "test", || {
            runs += 1;
            Ok(quote!(
                struct A;
            ))
        });
        let second = expand_cached(&path, &item, "test", || {
            runs += 1;
            Ok(quote!(
                struct B;
            ))
        });
        assert_eq!(runs, 1);
        assert_eq!(first.to_string(), second.to_string());
        // A change of the file (its length here) misses the cache.
        std::fs::write(&path, "xy").unwrap();
        let third = expand_cached(&path, &item, "test", || {
            Ok(quote!(
                struct C;
            ))
        });
        assert_eq!(third.to_string(), "struct C ;");
        // Errors are not cached.
        let mut error_runs = 0;
        for _ in 0..2 {
            let _ = expand_cached(
                &path,
                &quote!(
                    enum F {}
                ),
                "test",
                || {
                    error_runs += 1;
                    Err(quote!(compile_error!("x");))
                },
            );
        }
        assert_eq!(error_runs, 2);
    }
}
