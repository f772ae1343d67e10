//! One code.

use super::*;

pub(super) fn code(name: Spanned<String>, node: &Node, cx: &mut Diagnostics) -> Option<Code> {
    let what = format!("code `{}`", name.value);
    let map = MapReader::new(node, &what, CODE_KEYS, cx)?;
    let details = map.get("details").map_or(Details::None, |n| details(n, cx));
    let headers = map.get("headers").map_or_else(Vec::new, |h| headers(h, cx));
    let resolution = map
        .get("resolution")
        .map_or_else(Vec::new, |n| resolution(n, cx));
    let deprecated = map.get("deprecated").and_then(|n| deprecated(n, cx));
    let example = map.get("example").and_then(|n| example(n, cx));
    // Required where the channel sends it (`check::messages`).
    let message = map
        .get_or_misspelt("message")
        .and_then(|n| string(n, "`message`", cx));
    let optional = map
        .get("details_optional")
        .and_then(|n| boolean(n, "`details_optional`", cx))
        .unwrap_or(false);
    // Other forms carry the optionality in their type, as `T?` does.
    let details = match details {
        Details::Value(mut t) if optional && !matches!(t.value, Ty::Optional(_)) => {
            t.value = Ty::Optional(Box::new(t.value));
            Details::Value(t)
        }
        d => d,
    };
    let details_optional = optional && matches!(details, Details::Object(_));
    let renamed_from = map
        .get("renamed_from")
        .map_or_else(Vec::new, |n| other_codes(n, cx));
    let aliases = map
        .get("aliases")
        .map_or_else(Vec::new, |n| other_codes(n, cx));
    let (status, more_statuses) = map
        .get("status")
        .map_or((None, Vec::new()), |n| statuses(n, cx));
    let mut code = Code {
        renamed_from,
        aliases,
        category: map
            .get_or_misspelt("category")
            .and_then(|n| string(n, "`category`", cx)),
        status,
        more_statuses,
        channel: map.get("channel").and_then(|n| string(n, "`channel`", cx)),
        rust_name: map
            .get("rust_name")
            .and_then(|n| string(n, "`rust_name`", cx)),
        message,
        description: text(map.get("description"), "`description`", cx),
        resolution,
        details,
        details_optional,
        members: Vec::new(),
        member_fields: Vec::new(),
        optional_members: Vec::new(),
        member_templates: Vec::new(),
        headers,
        retryable: map
            .get("retryable")
            .and_then(|n| boolean(n, "`retryable`", cx)),
        retry: map.get("retry").and_then(|n| retry(n, cx)),
        deprecated,
        elements: map
            .get("elements")
            .map_or_else(Vec::new, |n| elements(n, cx)),
        no_body: map.get("body").and_then(|n| {
            boolean(n, "`body`", cx)
                .filter(|b| !b)
                .map(|_| n.loc.clone())
        }),
        example,
        code: name,
        resolved: Resolved::default(),
    };
    if let Some(n) = map.get("members") {
        code_members(n, &mut code, cx);
    }
    Some(code)
}

/// `status:`: one status, or several with the default first.
fn statuses(n: &Node, cx: &mut Diagnostics) -> (Option<Spanned<i128>>, Vec<Spanned<i128>>) {
    match &n.kind {
        Kind::Null => (None, Vec::new()),
        Kind::Seq(items) => {
            let mut all = items.iter().filter_map(|i| integer(i, "a status", cx));
            (all.next(), all.collect())
        }
        _ => (integer(n, "`status`", cx), Vec::new()),
    }
}

/// `elements:`: a list of literal JSON elements (checked in `check::arrays`).
fn elements(n: &Node, cx: &mut Diagnostics) -> Vec<(Loc, Template)> {
    match &n.kind {
        Kind::Seq(items) => items
            .iter()
            .map(|i| (i.loc.clone(), super::template(i)))
            .collect(),
        _ => {
            cx.push(
                Diagnostic::new(&n.loc, "`elements` is not a list")
                    .hint("write a list of objects, such as `elements: [{\"@type\": type.googleapis.com/google.rpc.Help, links: []}]`"),
            );
            Vec::new()
        }
    }
}

/// `details:`: an object of fields, or a type.
fn details(n: &Node, cx: &mut Diagnostics) -> Details {
    match &n.kind {
        Kind::Map(_) | Kind::Null => Details::Object(fields(n, cx)),
        _ => match ty(n, cx) {
            Some(t) => Details::Value(t),
            None => Details::None,
        },
    }
}

/// `headers:` of a code or of `every_code`.
pub(super) fn code_headers(h: &Node, cx: &mut Diagnostics) -> Vec<Header> {
    headers(h, cx)
}

/// `headers:`: name to value template.
fn headers(h: &Node, cx: &mut Diagnostics) -> Vec<Header> {
    let mut headers = Vec::new();
    for (k, v) in entries(h, "`headers`", cx) {
        let value = match &v.kind {
            // Plain numbers are natural for constant headers.
            Kind::Int(_) => Some(Spanned {
                value: v.key_string().to_string(),
                loc: v.loc.clone(),
            }),
            _ => string(v, "a header value", cx),
        };
        if let (Some(name), Some(value)) = (key(k, "a header name", cx), value) {
            headers.push(Header { name, value });
        }
    }
    headers
}

/// `resolution:`: a list of steps, or one.
fn resolution(n: &Node, cx: &mut Diagnostics) -> Vec<String> {
    match &n.kind {
        Kind::Seq(items) => items
            .iter()
            .filter_map(|i| string(i, "a resolution step", cx))
            .map(|s| s.value)
            .collect(),
        Kind::Str(s) => vec![s.clone()],
        other => {
            cx.push(
                Diagnostic::new(
                    &n.loc,
                    format!(
                        "`resolution` must be a list of strings, found {}",
                        other.describe()
                    ),
                )
                .hint("write one `- step` per line"),
            );
            Vec::new()
        }
    }
}

/// `renamed_from:` and `aliases:`: other codes, a list or one.
fn other_codes(n: &Node, cx: &mut Diagnostics) -> Vec<Spanned<String>> {
    match &n.kind {
        Kind::Seq(items) => items
            .iter()
            .filter_map(|i| key(i, "a former code", cx))
            .collect(),
        _ => key(n, "a former code", cx).into_iter().collect(),
    }
}

/// `example:`.
fn example(n: &Node, cx: &mut Diagnostics) -> Option<Example> {
    let m = MapReader::new(n, "`example`", EXAMPLE_KEYS, cx)?;
    Some(Example {
        loc: n.loc.clone(),
        details: m.get("details").cloned(),
        request_id: text(m.get("request_id"), "`request_id`", cx),
        timestamp: m
            .get("timestamp")
            .and_then(|t| string(t, "`timestamp`", cx)),
        members: m.get("members").cloned(),
    })
}

/// `deprecated:`: `true`, a note, or the long form.
fn deprecated(n: &Node, cx: &mut Diagnostics) -> Option<Deprecation> {
    match &n.kind {
        Kind::Bool(true) => Some(Deprecation::plain(n, None)),
        Kind::Bool(false) => None,
        Kind::Str(s) => Some(Deprecation::plain(n, Some(s.clone()))),
        Kind::Map(_) => {
            let m = MapReader::new(n, "`deprecated`", DEPRECATION_KEYS, cx)?;
            let get = |k: &str, cx: &mut Diagnostics| {
                m.get(k).and_then(|v| string(v, &format!("`{k}`"), cx))
            };
            Some(Deprecation {
                loc: n.loc.clone(),
                note: text(m.get("note"), "`note`", cx),
                since: get("since", cx),
                replaced_by: get("replaced_by", cx),
                sunset: get("sunset", cx),
            })
        }
        other => {
            cx.push(
                    Diagnostic::new(
                        &n.loc,
                        format!(
                            "`deprecated` must be `true` or a note, found {}",
                            other.describe()
                        ),
                    )
                    .hint("write `deprecated: \"use OTHER_CODE instead\"`, or a mapping with `note`, `since`, `replaced_by`, `sunset`"),
                );
            None
        }
    }
}
