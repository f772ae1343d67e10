//! Stage 3a: the decisions the checks and the expansion read, made once:
//! every code's variant and constructor names and its resolved category,
//! status, channel and retryability (`Code::resolved`). It runs before the
//! checks, which only read, on any catalog, valid or not.

use crate::check::HTTP;
use crate::model::{Catalog, Category, Code};
use crate::names;

/// Fills in `Code::resolved` from the code and its category's defaults.
pub fn resolve(catalog: &mut Catalog) {
    let resolved: Vec<_> = catalog
        .codes
        .iter()
        .map(|code| {
            let variant = derive_variant_name(catalog, code).unwrap_or_default();
            let ctor = names::snake(&variant);
            let category = code.category.as_ref().and_then(|c| {
                catalog
                    .categories
                    .iter()
                    .position(|k| k.name.value == c.value)
            });
            let cat = category.and_then(|i| catalog.categories.get(i));
            let channel = channel_of(catalog, code).to_string();
            let status = if channel == HTTP {
                code.status
                    .as_ref()
                    .or(cat.and_then(|c| c.status.as_ref()))
                    .and_then(|s| u16::try_from(s.value).ok())
            } else {
                None
            };
            let retryable = code
                .retryable
                .or(cat.and_then(|c| c.retryable))
                .unwrap_or(false);
            crate::model::Resolved {
                variant,
                ctor,
                category,
                status,
                channel,
                retryable,
            }
        })
        .collect();
    for (code, r) in catalog.codes.iter_mut().zip(resolved) {
        code.resolved = r;
    }
}

/// The Rust variant name of a code: its `rust_name`, or derived from the
/// code (as [`resolve`] decided it, when it has run).
pub(crate) fn variant_name(catalog: &Catalog, code: &Code) -> Option<String> {
    if !code.resolved.variant.is_empty() {
        return Some(code.resolved.variant.clone());
    }
    derive_variant_name(catalog, code)
}

fn derive_variant_name(catalog: &Catalog, code: &Code) -> Option<String> {
    match &code.rust_name {
        Some(r) => Some(r.value.clone()),
        None => names::upper_camel(&code.code.value).or_else(|| {
            let prefix = catalog.rust_name_prefix.as_ref()?;
            names::prefixed(&prefix.value, &code.code.value)
        }),
    }
}

/// The category a code names, if the catalog has it.
pub(crate) fn category_of<'a>(catalog: &'a Catalog, code: &Code) -> Option<&'a Category> {
    let name = &code.category.as_ref()?.value;
    catalog.categories.iter().find(|c| &c.name.value == name)
}

/// The code's channel: its own, else its category's, else `http`.
pub(crate) fn channel_of<'a>(catalog: &'a Catalog, code: &'a Code) -> &'a str {
    code.channel
        .as_ref()
        .or_else(|| category_of(catalog, code).and_then(|c| c.channel.as_ref()))
        .map_or(HTTP, |c| c.value.as_str())
}

#[cfg(test)]
mod tests {
    use crate::check::test_support::*;

    #[test]
    fn resolution_applies_defaults() {
        let text = format!(
            "{BASE}  AUTH_X: {{category: auth, message: hi}}\n  S: {{category: sock, message: hi, retryable: true}}\n"
        );
        let c = crate::compile_str("t.yaml", text.as_bytes()).unwrap();
        let r = &c.codes[0].resolved;
        assert_eq!(
            (
                r.status,
                r.channel.as_str(),
                r.variant.as_str(),
                r.ctor.as_str()
            ),
            (Some(401), "http", "AuthX", "auth_x")
        );
        let r = &c.codes[1].resolved;
        assert_eq!(
            (r.status, r.channel.as_str(), r.retryable),
            (None, "ws", true)
        );
    }
}
