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
            let statuses = match status {
                Some(first) => std::iter::once(first)
                    .chain(
                        code.more_statuses
                            .iter()
                            .filter_map(|s| u16::try_from(s.value).ok()),
                    )
                    .collect(),
                None => Vec::new(),
            };
            crate::model::Resolved {
                variant,
                ctor,
                category,
                status,
                statuses,
                channel,
                retryable,
            }
        })
        .collect();
    for (code, r) in catalog.codes.iter_mut().zip(resolved) {
        code.resolved = r;
    }
    inherit_every_code(catalog);
    operation_codes(catalog);
}

/// Each operation's codes: its own and `every_operation`'s, a category
/// standing for its codes, in catalog order, once each (unknown names and
/// codes of channels without statuses are the checker's).
fn operation_codes(catalog: &mut Catalog) {
    let mut all = Vec::new();
    for op in &catalog.operations {
        let mut codes: Vec<usize> = op
            .errors
            .iter()
            .chain(&catalog.every_operation)
            .flat_map(|name| named_codes(catalog, &name.value))
            .filter(|&i| catalog.codes[i].resolved.status.is_some())
            .collect();
        codes.sort_unstable();
        codes.dedup();
        all.push(codes);
    }
    for (op, codes) in catalog.operations.iter_mut().zip(all) {
        op.codes = codes;
    }
}

/// The codes a name in an operation's `errors:` stands for: the code, or
/// every code of the category.
pub(crate) fn named_codes(catalog: &Catalog, name: &str) -> Vec<usize> {
    if let Some(i) = catalog.codes.iter().position(|c| c.code.value == name) {
        return vec![i];
    }
    let Some(cat) = catalog.categories.iter().position(|c| c.name.value == name) else {
        return Vec::new();
    };
    (0..catalog.codes.len())
        .filter(|&i| catalog.codes[i].resolved.category == Some(cat))
        .collect()
}

/// Gives every code what `every_code:` declares (each declared value
/// member its envelope places and it does not list; unknown names are the
/// checker's), and the headers of its category and of `every_code` that
/// it does not name itself.
fn inherit_every_code(catalog: &mut Catalog) {
    let every = std::mem::take(&mut catalog.every_code);
    for i in 0..catalog.codes.len() {
        let code = &catalog.codes[i];
        let placed: Vec<usize> = every
            .members
            .iter()
            .enumerate()
            .filter(|(_, m)| {
                let value = catalog
                    .member(&m.value)
                    .is_some_and(|d| matches!(d.kind, crate::model::MemberKind::Value(_)));
                // A body-less code has no body to carry them.
                value
                    && code.no_body.is_none()
                    && !code.members.iter().any(|c| c.value == m.value)
                    && places(catalog, &code.resolved.channel, &m.value)
            })
            .map(|(i, _)| i)
            .collect();
        let code = &mut catalog.codes[i];
        for j in placed {
            let m = &every.members[j];
            // Listed twice in `every_code`: the checker says so, once.
            if code.members.iter().any(|c| c.value == m.value) {
                continue;
            }
            if every.optional_members.contains(&m.value) {
                code.optional_members.push(m.value.clone());
            }
            code.members.push(m.clone());
        }
        // The code's own headers, then its category's, then every code's.
        let category_headers = code
            .resolved
            .category
            .and_then(|c| catalog.categories.get(c))
            .map_or(&[][..], |c| c.headers.as_slice())
            .to_vec();
        let code = &mut catalog.codes[i];
        for h in category_headers.iter().chain(&every.headers) {
            let named = code
                .headers
                .iter()
                .any(|c| c.name.value.eq_ignore_ascii_case(&h.name.value));
            if !named {
                code.headers.push(h.clone());
            }
        }
        code.member_fields = crate::model::build::member_fields(code, &catalog.members);
    }
    catalog.every_code = every;
}

/// Whether the envelope of `channel` places member `name`.
fn places(catalog: &Catalog, channel: &str, name: &str) -> bool {
    let mut found = false;
    for env in catalog
        .envelopes
        .iter()
        .filter(|e| e.channel.value == channel)
    {
        crate::check::walk_template(&env.template, &mut |t| {
            found |= matches!(t, crate::model::Template::Member(m) if m.value == name);
        });
    }
    found
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
