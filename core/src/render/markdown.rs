//! `errcat docs`: the catalog as a markdown reference, laid out like the
//! references API teams write by hand (see `tests/seeds/`).

use std::fmt::Write as _;

use super::{example, response, synthesized};
use crate::Checked;
use crate::model::{Code, Details, Field, MemberKind};

/// The whole reference.
pub fn reference(catalog: &Checked) -> String {
    let mut out = String::new();
    let title = catalog
        .title
        .clone()
        .or_else(|| catalog.name.as_ref().map(|n| n.value.clone()))
        .unwrap_or_default();
    let _ = writeln!(out, "# {title} error codes\n");
    if let Some(d) = &catalog.description {
        let _ = writeln!(out, "{}\n", d.trim_end());
    }
    formats(catalog, &mut out);
    statuses(catalog, &mut out);
    operations(catalog, &mut out);
    categories(catalog, &mut out);
    codes(catalog, &mut out);
    for (title, body) in &catalog.sections {
        let _ = writeln!(out, "## {title}\n\n{}\n", body.trim_end());
    }
    out
}

/// The error format of every channel, with the example of its first code.
fn formats(catalog: &Checked, out: &mut String) {
    out.push_str("## Error response format\n\n");
    for env in &catalog.envelopes {
        let first = catalog
            .codes
            .iter()
            .find(|c| c.resolved.channel == env.channel.value);
        let Some(code) = first else { continue };
        let what = if env.channel.value == crate::check::HTTP {
            format!("HTTP errors are sent as `{}`:", catalog.content_type())
        } else {
            format!("Errors of the `{}` channel:", env.channel.value)
        };
        let _ = writeln!(
            out,
            "{what}\n\n```json\n{}\n```\n",
            example(catalog, code).pretty()
        );
    }
    if !catalog.members.is_empty() {
        out.push_str("| member | type | description |\n|---|---|---|\n");
        for m in &catalog.members {
            let (ty, desc) = match &m.kind {
                MemberKind::Value(f) => {
                    (format!("`{}`", f.ty.value.display()), f.description.clone())
                }
                MemberKind::Template {
                    template,
                    description,
                } => (format!("text, `{}`", template.value), description.clone()),
            };
            let _ = writeln!(
                out,
                "| `{}` | {ty} | {} |",
                m.name.value,
                cell(desc.as_deref().unwrap_or(""))
            );
        }
        out.push('\n');
    }
}

/// The statuses the catalog uses, each with its codes.
/// Each operation and the errors it answers with.
fn operations(catalog: &Checked, out: &mut String) {
    if catalog.operations.is_empty() {
        return;
    }
    out.push_str("## Operations\n\n| Operation | Route | Errors |\n|---|---|---|\n");
    for op in &catalog.operations {
        let route = match (&op.method, &op.path) {
            (Some(m), Some(p)) => format!("`{} {}`", m.value, p.value),
            _ => String::new(),
        };
        let errors: Vec<String> = op
            .codes
            .iter()
            .map(|&i| format!("`{}`", catalog.codes[i].code.value))
            .collect();
        let name = match &op.summary {
            Some(s) => format!("`{}`: {s}", op.name.value),
            None => format!("`{}`", op.name.value),
        };
        let _ = writeln!(out, "| {name} | {route} | {} |", errors.join(", "));
    }
    out.push('\n');
}

fn statuses(catalog: &Checked, out: &mut String) {
    let mut used: Vec<u16> = catalog
        .codes
        .iter()
        .flat_map(|c| c.resolved.statuses.iter().copied())
        .collect();
    used.sort_unstable();
    used.dedup();
    if used.is_empty() {
        return;
    }
    out.push_str("## HTTP status codes\n\n| Status | Meaning | Codes |\n|---|---|---|\n");
    for s in used {
        let reason = http::StatusCode::from_u16(s)
            .ok()
            .and_then(|c| c.canonical_reason())
            .unwrap_or("");
        let codes: Vec<String> = catalog
            .codes
            .iter()
            .filter(|c| c.resolved.statuses.contains(&s))
            .map(|c| format!("`{}`", c.code.value))
            .collect();
        let _ = writeln!(out, "| {s} | {reason} | {} |", codes.join(", "));
    }
    out.push('\n');
}

fn categories(catalog: &Checked, out: &mut String) {
    if catalog.categories.is_empty() {
        return;
    }
    out.push_str("## Categories\n\n");
    for (i, cat) in catalog.categories.iter().enumerate() {
        let codes: Vec<String> = catalog
            .codes
            .iter()
            .filter(|c| c.resolved.category == Some(i))
            .map(|c| format!("`{}`", c.code.value))
            .collect();
        let title = cat.title.as_deref().unwrap_or(&cat.name.value);
        let _ = write!(out, "- **{title}** (`{}`)", cat.name.value);
        if let Some(d) = &cat.description {
            let _ = write!(out, ": {}", d.trim());
        }
        let _ = writeln!(out, " — {}", codes.join(", "));
    }
    out.push('\n');
}

/// One section per category (or one for all codes), a heading per code.
fn codes(catalog: &Checked, out: &mut String) {
    if catalog.categories.is_empty() {
        out.push_str("## Codes\n\n");
        catalog.codes.iter().for_each(|c| code(catalog, c, out));
        return;
    }
    for (i, cat) in catalog.categories.iter().enumerate() {
        let title = cat.title.as_deref().unwrap_or(&cat.name.value);
        let _ = writeln!(out, "## {title}\n");
        for c in catalog
            .codes
            .iter()
            .filter(|c| c.resolved.category == Some(i))
        {
            code(catalog, c, out);
        }
    }
}

fn code(catalog: &Checked, c: &Code, out: &mut String) {
    let _ = writeln!(out, "### {}\n", c.code.value);
    match c.resolved.status {
        Some(s) if c.resolved.statuses.len() > 1 => {
            let others: Vec<String> = c.resolved.statuses[1..]
                .iter()
                .map(u16::to_string)
                .collect();
            let _ = writeln!(out, "**HTTP Status**: {s} (also {})  ", others.join(", "));
        }
        Some(s) => {
            let _ = writeln!(out, "**HTTP Status**: {s}  ");
        }
        None => {
            let _ = writeln!(
                out,
                "**Channel**: `{}` (not an HTTP error)  ",
                c.resolved.channel
            );
        }
    }
    if let Some(m) = &c.message {
        let _ = writeln!(out, "**Message**: {}  ", m.value);
    }
    if let Some(d) = &c.description {
        let _ = writeln!(out, "**Description**: {}  ", d.trim());
    }
    // As errcat's client applies it: advice, the default, or final.
    let retry = match c.applied_retry(catalog) {
        Some(r) => retry_text(&r),
        None => "no: the error is final".to_string(),
    };
    let _ = writeln!(out, "**Retry**: {retry}");
    if let Some(d) = &c.deprecated {
        let since = d
            .since
            .as_ref()
            .map(|s| format!(" since {}", s.value))
            .unwrap_or_default();
        let note = crate::expand::deprecation_note(d);
        let _ = writeln!(out, "\n**Deprecated**{since}. {note}");
    }
    if !c.renamed_from.is_empty() {
        let old: Vec<String> = c
            .renamed_from
            .iter()
            .map(|o| format!("`{}`", o.value))
            .collect();
        let _ = writeln!(
            out,
            "\n**Formerly**: {} (still accepted by clients built on this catalog)",
            old.join(", ")
        );
    }
    out.push('\n');
    let shown = if synthesized(c) {
        "**Example** (synthesized from the schema):"
    } else {
        "**Example**:"
    };
    match (&c.no_body, &catalog.header_errors) {
        (Some(_), Some(h)) => {
            let _ = writeln!(
                out,
                "**No body**: the code travels in the `{}` header (its `{}` parameter).\n",
                h.header.value, h.code.value
            );
        }
        _ => {
            let _ = writeln!(
                out,
                "{shown}\n\n```json\n{}\n```\n",
                example(catalog, c).pretty()
            );
        }
    }
    details(catalog, c, out);
    let r = response(catalog, c, None);
    if !r.headers.is_empty() {
        out.push_str("**Headers**:\n\n```http\n");
        for (n, v) in &r.headers {
            let _ = writeln!(out, "{n}: {v}");
        }
        out.push_str("```\n\n");
    }
    if !c.resolution.is_empty() {
        out.push_str("**Resolution**:\n\n");
        for step in &c.resolution {
            let _ = writeln!(out, "- {step}");
        }
        out.push('\n');
    }
}

fn details(catalog: &Checked, c: &Code, out: &mut String) {
    let fields: Vec<&Field> = catalog.variant_fields(c).collect();
    match &c.details {
        Details::Value(t) => {
            let _ = writeln!(out, "**Details**: `{}`\n", t.value.display());
        }
        _ if fields.is_empty() => {}
        _ => {
            let absent = if c.details_optional {
                " (may be absent)"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "**Details**{absent}:\n\n| Field | Type | Optional | Description |\n|---|---|---|---|"
            );
            for f in fields {
                let optional = matches!(f.ty.value, crate::model::Ty::Optional(_));
                let _ = writeln!(
                    out,
                    "| `{}` | `{}` | {} | {} |",
                    f.name.value,
                    f.ty.value.required().display(),
                    if optional { "yes" } else { "no" },
                    cell(f.description.as_deref().unwrap_or(""))
                );
            }
            out.push('\n');
        }
    }
}

/// Retry advice in words, as a client applies it.
pub(crate) fn retry_text(r: &crate::model::AppliedRetry) -> String {
    let ms = |ms: u64| {
        if ms.is_multiple_of(1000) {
            format!("{} s", ms / 1000)
        } else {
            format!("{ms} ms")
        }
    };
    let attempts = r.attempts;
    if let Some(a) = &r.action {
        return format!("take the client action `{a}`, then retry; {attempts} attempts in all");
    }
    let mut waits = Vec::new();
    if let Some(f) = &r.after_field {
        waits.push(format!("wait as the detail `{f}` says"));
    }
    if let Some(h) = &r.after_header {
        waits.push(format!("wait as the `{h}` header says"));
    }
    let b = &r.backoff;
    let cap = b
        .max_ms
        .map(|m| format!(", at most {}", ms(m)))
        .unwrap_or_default();
    let jitter = if b.jitter { ", with jitter" } else { "" };
    waits.push(format!(
        "back off from {}, times {}{cap}{jitter}",
        ms(b.initial_ms),
        b.factor
    ));
    format!("yes: {}; {attempts} attempts in all", waits.join(", else "))
}

/// Text for a table cell: one line, pipes escaped.
fn cell(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

/// `errcat explain`: everything about one code, for a terminal.
pub fn explain(catalog: &Checked, c: &Code) -> String {
    let mut out = String::new();
    code(catalog, c, &mut out);
    let category = c.resolved.category.and_then(|i| catalog.categories.get(i));
    if let Some(cat) = category {
        let _ = writeln!(
            out,
            "Category: `{}`{}",
            cat.name.value,
            cat.description
                .as_ref()
                .map(|d| format!(" — {}", d.trim()))
                .unwrap_or_default()
        );
    }
    let _ = writeln!(out, "Channel: `{}`", c.resolved.channel);
    out
}
