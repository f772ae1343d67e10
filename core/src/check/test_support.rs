//! What the checks' tests share: a base catalog and ways to compile it.

pub(crate) use crate::diag::Diagnostic;

pub(crate) const BASE: &str = "\
name: t
envelopes:
  http: {error: {code: $code, message: $message, details: $details}}
  ws: {code: $code, details: $details}
categories:
  auth: {status: 401, prefix: AUTH_}
  sock: {channel: ws}
types:
  Item:
    fields:
      id: string
codes:
";

/// The diagnostics of BASE with `codes` added.
pub(crate) fn diags(codes: &str) -> Vec<Diagnostic> {
    diags_full(&format!("{BASE}{codes}"))
}

/// The diagnostics of a whole catalog.
pub(crate) fn diags_full(text: &str) -> Vec<Diagnostic> {
    // A catalog needs a code: one is added after a bare `codes:`.
    let text = match text.strip_suffix("codes:\n") {
        Some(_) => format!("{text}  AUTH_OK: {{category: auth, message: ok}}\n"),
        None => text.to_string(),
    };
    match crate::compile_str("t.yaml", text.as_bytes()) {
        Ok(_) => Vec::new(),
        Err(d) => d,
    }
}

/// The one diagnostic of BASE with `codes` added.
pub(crate) fn one(codes: &str) -> Diagnostic {
    let d = diags(codes);
    assert_eq!(d.len(), 1, "{d:#?}");
    d.into_iter().next().unwrap()
}

/// BASE with a category `any` without a naming rule (one line more).
pub(crate) fn any(codes: &str) -> Vec<Diagnostic> {
    let base = BASE.replace(
        "  sock: {channel: ws}\n",
        "  sock: {channel: ws}\n  any: {status: 400}\n",
    );
    diags_full(&format!("{base}{codes}"))
}
