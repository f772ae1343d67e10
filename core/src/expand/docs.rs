//! Rustdoc: one `#[doc]` attribute per item, the variant's reference
//! (status, category, description, resolution, example JSON), field docs.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Code, Field};
use crate::render;
use crate::valid::Valid;

/// One `#[doc]` attribute for the whole text (one per line would multiply
/// the tokens the compiler has to handle).
pub(super) fn doc(text: &str) -> TokenStream {
    let mut joined = String::with_capacity(text.len() + 16);
    for line in text.lines() {
        joined.push(' ');
        joined.push_str(line);
        joined.push('\n');
    }
    joined.pop();
    quote!(#[doc = #joined])
}

/// `#[deprecated]`, with the catalog's note.
pub(super) fn deprecated_attr(code: &Code) -> TokenStream {
    match &code.deprecated {
        Some(d) => match &d.note {
            Some(note) => quote!(#[deprecated(note = #note)]),
            None => quote!(#[deprecated]),
        },
        None => TokenStream::new(),
    }
}

pub(super) fn field_doc(f: &Field) -> String {
    let mut s = f
        .description
        .clone()
        .unwrap_or_else(|| format!("`{}`", f.name.value));
    s.push_str(&format!("\n\nWire type: `{}`.", f.ty.value.display()));
    if f.sensitive {
        s.push_str(" Sensitive: redacted in `Debug` output.");
    }
    s
}

pub(super) fn status_text(status: Option<u16>) -> String {
    match status {
        Some(s) => match http::StatusCode::from_u16(s)
            .ok()
            .and_then(|c| c.canonical_reason())
        {
            Some(reason) => format!("{s} {reason}"),
            None => s.to_string(),
        },
        None => "none (not an HTTP error)".to_string(),
    }
}

/// A variant's reference: message, metadata, description, resolution and
/// the example in its channel's envelope.
pub(super) fn variant_doc(valid: &Valid<'_>, code: &Code) -> String {
    let r = &code.resolved;
    let category = r
        .category
        .and_then(|i| valid.catalog.categories.get(i))
        .map_or("none", |c| c.name.value.as_str());
    let mut s = String::new();
    if let Some(m) = &code.message {
        s.push_str(&m.value);
        s.push_str("\n\n");
    }
    s.push_str(&format!(
        "- Code: `{}`\n- HTTP status: {}\n- Category: `{}`\n- Channel: `{}`\n- Retryable: {}\n",
        code.code.value,
        status_text(r.status),
        category,
        r.channel,
        if r.retryable { "yes" } else { "no" }
    ));
    if let Some(d) = &code.description {
        s.push('\n');
        s.push_str(d);
        s.push('\n');
    }
    if !code.resolution.is_empty() {
        s.push_str("\n# Resolution\n\n");
        for step in &code.resolution {
            s.push_str(&format!("- {step}\n"));
        }
    }
    let example = render::example(valid.catalog, code);
    if let Ok(json) = serde_json::to_string_pretty(&example) {
        s.push_str(if render::synthesized(code) {
            "\n# Example (synthesized from the schema)\n\n```json\n"
        } else {
            "\n# Example\n\n```json\n"
        });
        s.push_str(&json);
        s.push_str("\n```\n");
    }
    s
}
