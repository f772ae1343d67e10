//! Rustdoc: one `#[doc]` attribute per item, the variant's reference
//! (status, category, description, resolution, example JSON), field docs.

use crate::quasi::{Rust, ToRust, rust};

use crate::model::{Code, Field};
use crate::valid::Valid;

/// One `#[doc]` attribute for the whole text (one per line would multiply
/// the tokens the compiler has to handle).
pub(super) fn doc(text: &str) -> Rust {
    let text = DocLiteral(text);
    rust!(#[doc = #text])
}

/// A doc text as a string literal, each line after a space (as `///`
/// writes it), written straight into the output. It is a raw literal
/// (`r#"…"#`) when it can be: the lexer reads those as they stand, while a
/// `"…"` literal is escaped character by character, which was a tenth of a
/// large catalog's expansion. A text a raw literal cannot hold (a lone
/// carriage return) is escaped as usual.
struct DocLiteral<'a>(&'a str);

impl ToRust for DocLiteral<'_> {
    fn to_rust(&self, out: &mut Rust) {
        // `lines()` drops one final newline; so does the joined text.
        let text = self.0.strip_suffix('\n').unwrap_or(self.0);
        if text.contains('\r') {
            let joined: Vec<String> = self.0.lines().map(|l| format!(" {l}")).collect();
            return joined.join("\n").to_rust(out);
        }
        // One `#` more than the longest run of them after any `"` (a
        // search only when there is such a run: rustdoc seldom has one).
        let mut longest = 0;
        if text.contains("\"#") {
            for (i, _) in text.match_indices('"') {
                let run = text[i + 1..].bytes().take_while(|b| *b == b'#').count();
                longest = longest.max(run);
            }
        }
        let hashes = "#".repeat(longest + 1);
        out.push_token_with(|s| {
            s.reserve(text.len() + text.len() / 32 + 2 * hashes.len() + 4);
            s.push('r');
            s.push_str(&hashes);
            s.push('"');
            for (i, line) in text.split('\n').enumerate().filter(|_| !text.is_empty()) {
                s.push_str(if i > 0 { "\n " } else { " " });
                s.push_str(line);
            }
            s.push('"');
            s.push_str(&hashes);
        });
    }
}

/// `#[deprecated]`, with the catalog's note, date and replacement (the date
/// goes in the note: `since =` is for crate versions, clippy insists).
pub(super) fn deprecated_attr(code: &Code) -> Rust {
    let Some(d) = &code.deprecated else {
        return Rust::new();
    };
    let mut note = deprecation_note(d);
    if let Some(since) = &d.since {
        note = match note.is_empty() {
            true => format!("deprecated since {}", since.value),
            false => format!("deprecated since {}: {note}", since.value),
        };
    }
    if note.is_empty() {
        rust!(#[deprecated])
    } else {
        rust!(#[deprecated(note = #note)])
    }
}

/// The note, replacement and sunset of a deprecation, as one sentence.
pub fn deprecation_note(d: &crate::model::Deprecation) -> String {
    let mut parts = Vec::new();
    if let Some(n) = &d.note {
        parts.push(n.clone());
    }
    if let Some(r) = &d.replaced_by {
        parts.push(format!("use `{}` instead", r.value));
    }
    if let Some(s) = &d.sunset {
        parts.push(format!("no longer sent after {}", s.value));
    }
    parts.join("; ")
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
    let category = valid
        .category_of(code)
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
    if !code.renamed_from.is_empty() {
        let old: Vec<String> = code
            .renamed_from
            .iter()
            .map(|o| format!("`{}`", o.value))
            .collect();
        s.push_str(&format!(
            "- Formerly: {} (still decoded as this code)\n",
            old.join(", ")
        ));
    }
    if !code.aliases.is_empty() {
        let other: Vec<String> = code
            .aliases
            .iter()
            .map(|o| format!("`{}`", o.value))
            .collect();
        s.push_str(&format!("- Also decoded from: {}\n", other.join(", ")));
    }
    if let Some(d) = &code.deprecated {
        let since = d
            .since
            .as_ref()
            .map(|s| format!(" since {}", s.value))
            .unwrap_or_default();
        let note = deprecation_note(d);
        let sep = if note.is_empty() { "" } else { ": " };
        s.push_str(&format!("- Deprecated{since}{sep}{note}\n"));
    }
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
    let example = valid.example(code);
    if let Ok(json) = serde_json::to_string_pretty(&example) {
        s.push_str(if crate::example::synthesized(code) {
            "\n# Example (synthesized from the schema)\n\n```json\n"
        } else {
            "\n# Example\n\n```json\n"
        });
        s.push_str(&json);
        s.push_str("\n```\n");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `///` lines would give: each line after a space.
    fn as_doc_comment(text: &str) -> String {
        let lines: Vec<String> = text.lines().map(|l| format!(" {l}")).collect();
        lines.join("\n")
    }

    #[test]
    fn doc_literals_hold_any_text_as_doc_comments_would() {
        let texts = [
            "",
            "one line",
            "two\nlines\n",
            "blank\n\nline",
            "json: {\"a\": \"#\"} and \"## hashes\"#",
            "carriage\r\nreturns\rlone",
            "tab\tand é",
        ];
        for text in texts {
            let tokens = doc(text).to_token_stream();
            let attr: syn::Attribute = syn::parse_quote!(#tokens);
            let syn::Meta::NameValue(nv) = &attr.meta else {
                panic!("not a name-value attribute: {tokens}");
            };
            let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) = &nv.value
            else {
                panic!("not a string: {tokens}");
            };
            assert_eq!(s.value(), as_doc_comment(text), "{text:?}");
        }
    }
}
