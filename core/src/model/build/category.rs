//! Categories and retry advice.

use super::*;

pub(super) fn category(name: Spanned<String>, node: &Node, cx: &mut Diagnostics) -> Category {
    let mut cat = Category {
        name,
        rust_name: None,
        title: None,
        description: None,
        status: None,
        prefix: None,
        channel: None,
        retryable: None,
        retry: None,
        headers: Vec::new(),
    };
    if matches!(node.kind, Kind::Null) {
        return cat;
    }
    let what = format!("category `{}`", cat.name.value);
    let Some(map) = MapReader::new(node, &what, CATEGORY_KEYS, cx) else {
        return cat;
    };
    cat.title = text(map.get("title"), "`title`", cx);
    cat.description = text(map.get("description"), "`description`", cx);
    cat.status = map.get("status").and_then(|n| integer(n, "`status`", cx));
    cat.prefix = map.get("prefix").and_then(|n| string(n, "`prefix`", cx));
    cat.channel = map.get("channel").and_then(|n| string(n, "`channel`", cx));
    cat.retryable = map
        .get("retryable")
        .and_then(|n| boolean(n, "`retryable`", cx));
    cat.rust_name = map
        .get("rust_name")
        .and_then(|n| string(n, "`rust_name`", cx));
    cat.retry = map.get("retry").and_then(|n| retry(n, cx));
    if let Some(h) = map.get("headers") {
        cat.headers = super::code::code_headers(h, cx);
    }
    cat
}

/// A duration as the catalog writes it: `500ms`, `1s`, `2m`.
pub fn parse_duration_ms(text: &str) -> Option<u64> {
    let (digits, unit) = text.split_at(text.find(|c: char| !c.is_ascii_digit())?);
    let n: u64 = digits.parse().ok()?;
    match unit {
        "ms" => Some(n),
        "s" => n.checked_mul(1000),
        "m" => n.checked_mul(60_000),
        _ => None,
    }
}

pub(super) fn duration(node: &Node, what: &str, cx: &mut Diagnostics) -> Option<u64> {
    let text = node.scalar_text()?;
    let ms = parse_duration_ms(text);
    if ms.is_none() {
        cx.push(
            Diagnostic::new(&node.loc, format!("{what} `{text}` is not a duration"))
                .hint("write a whole number with `ms`, `s` or `m`, e.g. `500ms` or `30s`"),
        );
    }
    ms
}

/// A `retry:` block.
pub(super) fn retry(node: &Node, cx: &mut Diagnostics) -> Option<Retry> {
    let map = MapReader::new(node, "`retry`", RETRY_KEYS, cx)?;
    let backoff = map.get("backoff").and_then(|b| {
        let m = MapReader::new(b, "`backoff`", BACKOFF_KEYS, cx)?;
        let initial_ms = match m.get("initial") {
            Some(n) => duration(n, "`initial`", cx)?,
            None => 1000,
        };
        let factor = match m.get("factor") {
            Some(n) => {
                let f = integer(n, "`factor`", cx)?;
                match u32::try_from(f.value) {
                    Ok(v) if v >= 1 => v,
                    _ => {
                        cx.push(
                            Diagnostic::new(&f.loc, "`factor` must be a whole number from 1")
                                .hint("write e.g. `factor: 2`"),
                        );
                        return None;
                    }
                }
            }
            None => 2,
        };
        let max_ms = match m.get("max") {
            Some(n) => Some(duration(n, "`max`", cx)?),
            None => None,
        };
        let jitter = m
            .get("jitter")
            .and_then(|n| boolean(n, "`jitter`", cx))
            .unwrap_or(false);
        Some(Backoff {
            initial_ms,
            factor,
            max_ms,
            jitter,
        })
    });
    Some(Retry {
        loc: node.loc.clone(),
        after_field: map
            .get("after_field")
            .and_then(|n| string(n, "`after_field`", cx)),
        after_header: map
            .get("after_header")
            .and_then(|n| string(n, "`after_header`", cx)),
        backoff,
        attempts: map
            .get("attempts")
            .and_then(|n| integer(n, "`attempts`", cx)),
        action: map.get("action").and_then(|n| string(n, "`action`", cx)),
    })
}
