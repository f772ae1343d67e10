//! The catalog, its envelopes, categories, statuses and channels.

use std::collections::{HashMap, HashSet};

use super::*;

/// `name` must be present and be a plain identifier-like word.
pub(crate) fn check_name(catalog: &Catalog, cx: &mut Diagnostics) {
    if let Some(sep) = catalog
        .code_namespace
        .as_ref()
        .filter(|s| s.value.is_empty())
    {
        cx.push(
            Diagnostic::new(&sep.loc, "`code_namespace` is empty")
                .hint("write the separator a namespace ends with, such as `\"#\"`"),
        );
    }
    if let Some(name) = &catalog.name {
        let ok = !name.value.is_empty()
            && name
                .value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !ok {
            cx.push(
                Diagnostic::new(&name.loc, format!("invalid catalog name `{}`", name.value))
                    .hint("use letters, digits, `_` and `-` only, e.g. `hook0`"),
            );
        }
    }
    if let Some(ct) = &catalog.content_type {
        check_media_type(ct, catalog.content_type_json, cx);
    }
    if let Some(h) = &catalog.request_id_header
        && http::HeaderName::from_bytes(h.value.as_bytes()).is_err()
    {
        cx.push(
            Diagnostic::new(&h.loc, format!("`{}` is not a header name", h.value))
                .hint("e.g. `request_id_header: x-amzn-RequestId`"),
        );
    }
    if let Some(t) = &catalog.code_type
        && !matches!(t.value.as_str(), "string" | "integer")
    {
        cx.push(
            Diagnostic::new(&t.loc, format!("unknown `code_type` `{}`", t.value))
                .hint(suggest(&t.value, &["string", "integer"])),
        );
    }
    if catalog.numeric_codes() {
        // Written as the number's canonical text, so that what a client
        // reads back (`5`) is the code (`5`, not `05`).
        for code in &catalog.codes {
            let wire = &code.code.value;
            if wire.parse::<i64>().map(|n| n.to_string()) != Ok(wire.clone()) {
                cx.push(
                    Diagnostic::new(&code.code.loc, format!("code `{wire}` is not an integer, but `code_type` is `integer`"))
                        .hint("write integer codes as plain decimal numbers without leading zeros, e.g. `5`"),
                );
            }
        }
    }
    if let Some(prefix) = &catalog.rust_name_prefix {
        let ok = prefix.value.starts_with(|c: char| c.is_ascii_uppercase())
            && prefix.value.chars().all(|c| c.is_ascii_alphanumeric());
        if !ok {
            cx.push(
                Diagnostic::new(
                    &prefix.loc,
                    format!(
                        "`rust_name_prefix` `{}` cannot start a Rust type name",
                        prefix.value
                    ),
                )
                .hint("use ASCII letters and digits, starting with a capital, e.g. `Sqlstate`"),
            );
        }
    }
}

/// Envelopes: every `$slot` must be known, every template must hold `$code`,
/// and there must be at least one envelope.
pub(crate) fn check_envelopes(catalog: &Catalog, cx: &mut Diagnostics) {
    if catalog.envelopes.is_empty() && catalog.name.is_some() {
        cx.push(
            Diagnostic::new(&catalog.loc, "the catalog defines no envelope").hint(
                "add `envelopes:` with an `http:` template such as `{error: {code: $code, message: $message}}`",
            ),
        );
    }
    let mut slot_names: Vec<&str> = Slot::ALL.iter().map(|s| s.name()).collect();
    slot_names.extend(catalog.members.iter().map(|m| m.name.value.as_str()));
    for env in &catalog.envelopes {
        let mut found = HashSet::new();
        walk_template(&env.template, &mut |t| {
            match t {
            Template::Slot(s) => {
                found.insert(s.value);
                if s.value == Slot::Category && catalog.categories.is_empty() {
                    cx.push(
                        Diagnostic::new(&s.loc, "the envelope has a `$category` slot, but the catalog has no categories")
                            .hint("add `categories:` and a `category:` to every code, or remove the slot"),
                    );
                }
            }
            Template::UnknownSlot(s) => cx.push(
                Diagnostic::new(&s.loc, format!("unknown envelope slot `${}`", s.value)).hint(
                    match did_you_mean(&s.value, slot_names.iter().copied()) {
                        Some(best) => format!("did you mean `${best}`? (write `$${}` for a literal string starting with `$`)", s.value),
                        None => format!(
                            "slots are {}; write `$${}` for a literal string starting with `$`",
                            slot_names.iter().map(|n| format!("`${n}`")).collect::<Vec<_>>().join(", "),
                            s.value
                        ),
                    },
                ),
            ),
            _ => {}
        }
        });
        if !found.contains(&Slot::Code) {
            cx.push(
                Diagnostic::new(
                    &env.channel.loc,
                    format!("envelope `{}` has no `$code` slot", env.channel.value),
                )
                .hint("clients find the error by its code; add a member such as `code: $code`"),
            );
        }
    }
}

/// `content_type` is a media type as RFC 9110 writes one (`type/subtype`,
/// then `; name=value` parameters, a value a token or a quoted string), and
/// a JSON one (`json`, `+json`).
fn check_media_type(ct: &Spanned<String>, declared_json: bool, cx: &mut Diagnostics) {
    let token = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
    };
    let quoted = |s: &str| {
        s.len() >= 2
            && s.starts_with('"')
            && s.ends_with('"')
            && !s[1..s.len() - 1].contains(['"', '\r', '\n'])
    };
    let mut parts = ct.value.split(';');
    let essence = parts.next().unwrap_or("").trim_end();
    let (kind, sub) = essence.split_once('/').unwrap_or(("", ""));
    let params_ok = parts.all(|p| {
        let p = p.trim_matches([' ', '\t']);
        p.split_once('=')
            .is_some_and(|(name, value)| token(name) && (token(value) || quoted(value)))
    });
    // It is sent as a header value: visible ASCII, spaces and tabs only.
    let header_ok = ct
        .value
        .bytes()
        .all(|b| b == b'\t' || (0x20..0x7f).contains(&b));
    if !token(kind) || !token(sub) || !params_ok || !header_ok {
        cx.push(
            Diagnostic::new(&ct.loc, format!("`{}` is not a media type", ct.value))
                .hint("write `type/subtype`, parameters after `;` (e.g. `application/json; charset=utf-8`)"),
        );
    } else if !(declared_json
        || sub.eq_ignore_ascii_case("json")
        || sub.to_ascii_lowercase().ends_with("+json"))
    {
        cx.push(
            Diagnostic::new(&ct.loc, format!("`{}` is not a JSON media type", ct.value))
                .hint("error bodies are JSON: use `application/json`, a `+json` type such as `application/problem+json`, or declare a vendor JSON type: `{type: application/x-amz-json-1.0, json: true}`"),
        );
    }
}

/// A code's details reach the wire only through its envelope's `$details`
/// slot: details on a code whose envelope has none would be silently lost.
pub(crate) fn check_details_placed(catalog: &Catalog, cx: &mut Diagnostics) {
    let mut with_slot = HashSet::new();
    for env in &catalog.envelopes {
        walk_template(&env.template, &mut |t| {
            if let Template::Slot(s) = t
                && s.value == Slot::Details
            {
                with_slot.insert(env.channel.value.as_str());
            }
        });
    }
    for code in &catalog.codes {
        // A code whose category is unknown has that mistake, not this one.
        if code.category.is_some() && category_of(catalog, code).is_none() {
            continue;
        }
        let channel = code.resolved.channel.as_str();
        let known = catalog.envelopes.iter().any(|e| e.channel.value == channel);
        let loc = match &code.details {
            Details::None => continue,
            Details::Object(fields) => fields.first().map_or(&code.code.loc, |f| &f.name.loc),
            Details::Value(ty) => &ty.loc,
        };
        if known && !with_slot.contains(channel) {
            cx.push(
                Diagnostic::new(
                    loc,
                    format!(
                        "code `{}` has details, but the `{channel}` envelope has no `$details` slot to carry them",
                        code.code.value
                    ),
                )
                .hint(format!(
                    "add `details: $details` to the `{channel}` envelope, or remove the code's `details:`"
                )),
            );
        }
    }
}

pub(super) fn status_ok(catalog: &Catalog, status: &Spanned<i128>, cx: &mut Diagnostics) -> bool {
    if (400..=599).contains(&status.value) {
        return true;
    }
    // Errors on a success status (Slack's 200) need a literal that tells
    // them from successes, which decoding checks.
    if (200..=299).contains(&status.value) {
        if catalog.http_has_literals() {
            return true;
        }
        cx.push(
            Diagnostic::new(&status.loc, format!("status {} is a success status, but the `http` envelope has no literal to tell an error from a success", status.value))
                .hint("add a literal member to the `http` envelope, such as `ok: false`: decoding then reads only bodies that have it"),
        );
        return false;
    }
    let hint = if (100..=399).contains(&status.value) {
        "an error status is 4xx or 5xx, or 2xx with a literal such as `ok: false` in the envelope"
            .to_string()
    } else {
        "an HTTP status is a number from 400 to 599 for errors, e.g. 400, 404, 503".to_string()
    };
    cx.push(
        Diagnostic::new(&status.loc, format!("invalid HTTP status {}", status.value)).hint(hint),
    );
    false
}

/// Categories: valid default status, known channel, distinct Rust names.
pub(crate) fn check_categories(catalog: &Catalog, cx: &mut Diagnostics) {
    let mut seen: HashMap<String, &Loc> = HashMap::new();
    for cat in &catalog.categories {
        if let Some(s) = &cat.status {
            status_ok(catalog, s, cx);
        }
        let (name, loc) = match &cat.rust_name {
            Some(r) => (Some(r.value.clone()), &r.loc),
            None => (names::upper_camel(&cat.name.value), &cat.name.loc),
        };
        match name {
            Some(n) if names::is_plain_ident(&n) => {
                if let Some(first) = used_before(&mut seen, n.clone(), loc) {
                    cx.push(
                        Diagnostic::new(loc, format!("category Rust name `{n}` is used twice"))
                            .hint("give one of them a different `rust_name`")
                            .note("first used", first),
                    );
                }
            }
            _ => cx.push(
                Diagnostic::new(
                    loc,
                    format!("category `{}` has no valid Rust name", cat.name.value),
                )
                .hint(format!(
                    "add `rust_name: {}`",
                    names::suggest_rust_name(&cat.name.value)
                )),
            ),
        }
    }
}

/// Every code names a defined category.
pub(crate) fn check_category_references(catalog: &Catalog, cx: &mut Diagnostics) {
    let names: Vec<&str> = catalog
        .categories
        .iter()
        .map(|c| c.name.value.as_str())
        .collect();
    for code in &catalog.codes {
        match &code.category {
            Some(cat) if !names.contains(&cat.value.as_str()) => cx.push(
                Diagnostic::new(&cat.loc, format!("unknown category `{}`", cat.value))
                    .hint(suggest(&cat.value, &names)),
            ),
            // Categories are optional, but all or nothing: once a catalog
            // has them, every code names one.
            None if !names.is_empty() => cx.push(
                Diagnostic::new(
                    &code.code.loc,
                    format!("code `{}` has no `category`", code.code.value),
                )
                .hint(format!(
                    "add `category:` naming one of the catalog's categories: {}",
                    suggest("", &names).trim_start_matches("expected one of ")
                )),
            ),
            _ => {}
        }
    }
}

/// HTTP codes need a valid status (their own or their category's);
/// codes on other channels have none.
pub(crate) fn check_statuses(catalog: &Catalog, cx: &mut Diagnostics) {
    for code in &catalog.codes {
        let channel = channel_of(catalog, code);
        let own = code.status.as_ref();
        if let Some(s) = own
            && !status_ok(catalog, s, cx)
        {
            continue;
        }
        let inherited = category_of(catalog, code).and_then(|c| c.status.as_ref());
        // An unknown category is reported once, by check_category_references.
        let category_known = category_of(catalog, code).is_some();
        if channel == HTTP && own.is_none() && inherited.is_none() && category_known {
            cx.push(
                Diagnostic::new(
                    &code.code.loc,
                    format!("code `{}` has no HTTP status", code.code.value),
                )
                .hint("add `status: 4xx/5xx` to the code, or a default `status` to its category"),
            );
        }
        if channel != HTTP
            && let Some(s) = own
        {
            cx.push(
                Diagnostic::new(
                    &s.loc,
                    format!(
                        "code `{}` is on channel `{channel}`, which has no HTTP status",
                        code.code.value
                    ),
                )
                .hint("remove `status`, or move the code to the `http` channel"),
            );
        }
        check_more_statuses(catalog, code, cx);
    }
}

/// A code's other statuses (`status: [400, 401]`) are valid, and each is
/// given once.
fn check_more_statuses(catalog: &Catalog, code: &Code, cx: &mut Diagnostics) {
    let mut seen: Vec<i128> = code.status.iter().map(|s| s.value).collect();
    for s in &code.more_statuses {
        if !status_ok(catalog, s, cx) {
            continue;
        }
        if seen.contains(&s.value) {
            cx.push(
                Diagnostic::new(&s.loc, format!("status {} is listed twice", s.value))
                    .hint("list each status once; the first is the default"),
            );
        }
        seen.push(s.value);
    }
}

/// Every channel named by a category or code has an envelope.
pub(crate) fn check_channels(catalog: &Catalog, cx: &mut Diagnostics) {
    let channels: Vec<&str> = catalog
        .envelopes
        .iter()
        .map(|e| e.channel.value.as_str())
        .collect();
    // Each channel is a variant of the channel enum.
    let mut seen: HashMap<String, &Loc> = HashMap::new();
    for e in &catalog.envelopes {
        let ch = &e.channel;
        match names::upper_camel(&ch.value) {
            Some(rust) => {
                if let Some(first) = used_before(&mut seen, rust.clone(), &ch.loc) {
                    cx.push(
                        Diagnostic::new(&ch.loc, format!("channels give the same Rust name `{rust}`"))
                            .hint("rename one of the channels")
                            .note("the other channel", first),
                    );
                }
            }
            None => cx.push(
                Diagnostic::new(&ch.loc, format!("channel `{}` has no Rust name", ch.value)).hint(
                    "channel names become enum variants: use ASCII letters, digits, `_` or `-`, starting with a letter",
                ),
            ),
        }
    }
    let named = catalog
        .categories
        .iter()
        .filter_map(|c| c.channel.as_ref())
        .chain(catalog.codes.iter().filter_map(|c| c.channel.as_ref()));
    for ch in named {
        if !channels.contains(&ch.value.as_str()) {
            cx.push(
                Diagnostic::new(&ch.loc, format!("unknown channel `{}`", ch.value))
                    .hint(suggest(&ch.value, &channels)),
            );
        }
    }
    if !catalog.envelopes.is_empty() && !channels.contains(&HTTP) {
        let uses_http = catalog.codes.iter().any(|c| channel_of(catalog, c) == HTTP);
        if uses_http {
            cx.push(
                Diagnostic::new(&catalog.envelopes[0].channel.loc, "no `http` envelope")
                    .hint("codes without a `channel` are HTTP codes; add an `http:` envelope"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn name_rule() {
        let d = diags_full(&BASE.replace("name: t", "name: \"a b\""));
        assert!(d[0].message.contains("invalid catalog name"), "{d:?}");
    }

    #[test]
    fn envelope_rules() {
        let d = diags_full(&BASE.replace("message: $message", "message: $mesage"));
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].loc.line, 3);
        assert!(
            d[0].hint
                .as_deref()
                .unwrap()
                .contains("did you mean `$message`")
        );
        let d = diags_full(&BASE.replace("ws: {code: $code, details: $details}", "ws: {c: 1}"));
        assert!(d[0].message.contains("no `$code` slot"), "{d:?}");
    }

    #[test]
    fn several_statuses_are_valid_and_distinct() {
        let d = diags("  AUTH_X: {category: auth, status: [401, 403, 401, 302], message: m}\n");
        let m: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(m, ["status 401 is listed twice", "invalid HTTP status 302"]);
        let c = crate::compile_str(
            "t.yaml",
            format!("{BASE}  AUTH_X: {{category: auth, status: [401, 403], message: m}}\n")
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(c.codes[0].resolved.statuses, [401, 403]);
        assert_eq!(c.codes[0].resolved.status, Some(401));
    }

    #[test]
    fn category_rules() {
        let d = diags_full(&BASE.replace("status: 401", "status: 302"));
        assert!(d[0].message.contains("invalid HTTP status 302"), "{d:?}");
        let d = diags_full(&BASE.replace("status: 401", "status: 200"));
        assert!(
            d[0].message.contains("status 200 is a success status"),
            "{d:?}"
        );
        // With a literal that tells an error from a success, 2xx is fine.
        let ok = BASE
            .replace("status: 401", "status: 200")
            .replace("{error: {code: $code,", "{ok: false, error: {code: $code,");
        assert_eq!(diags_full(&ok), []);
        let d = diags_full(&BASE.replace(
            "sock: {channel: ws}",
            "sock: {channel: ws}\n  Auth: {status: 400}",
        ));
        assert!(d[0].message.contains("used twice"), "{d:?}");
    }

    #[test]
    fn unknown_category() {
        let d = one("  AUTH_X: {category: aut, message: hi}\n");
        assert_eq!(d.message, "unknown category `aut`");
        assert_eq!(d.hint.as_deref(), Some("did you mean `auth`?"));
        assert_eq!((d.loc.line, d.loc.column), (13, 22));
    }

    #[test]
    fn status_rules() {
        let d = one("  AUTH_X: {category: auth, status: 99, message: hi}\n");
        assert!(d.message.contains("invalid HTTP status 99"));
        let d = one("  X: {category: sock, status: 400, message: hi}\n");
        assert!(d.message.contains("has no HTTP status"), "{d}");
        let text = BASE.replace(
            "auth: {status: 401, prefix: AUTH_}",
            "auth: {prefix: AUTH_}",
        );
        let d = diags_full(&format!(
            "{text}  AUTH_X: {{category: auth, message: hi}}\n"
        ));
        assert!(d[0].message.contains("has no HTTP status"), "{d:?}");
    }

    #[test]
    fn channel_rules() {
        let d = one("  AUTH_X: {category: auth, channel: wss, message: hi}\n");
        assert_eq!(d.message, "unknown channel `wss`");
        assert_eq!(d.hint.as_deref(), Some("did you mean `ws`?"));
    }

    #[test]
    fn categories_are_optional_but_all_or_nothing() {
        let none = "name: t\nenvelopes:\n  http: {code: $code, message: $message}\ncodes:\n  A: {status: 404, message: m}\n";
        let catalog = crate::compile_str("t.yaml", none.as_bytes()).unwrap();
        assert_eq!(catalog.codes[0].resolved.category, None);
        let d =
            diags_full(&none.replace("message: $message}", "message: $message, kind: $category}"));
        assert!(
            d.len() == 1 && d[0].message.contains("no categories"),
            "{d:#?}"
        );
        // With categories, every code names one.
        let d = any("  A: {status: 404, message: m}\n");
        assert!(
            d.len() == 1 && d[0].message.contains("has no `category`"),
            "{d:#?}"
        );
    }

    #[test]
    fn details_need_a_details_slot() {
        // A `ws` envelope, `{code: $code}`, that carries no details.
        let base = BASE.replace("ws: {code: $code, details: $details}", "ws: {code: $code}");
        let d = diags_full(&format!(
            "{base}  S: {{category: sock, message: m, details: {{id: string}}}}\n"
        ));
        assert_eq!(d.len(), 1, "{d:#?}");
        let d = &d[0];
        assert!(
            d.message
                .contains("the `ws` envelope has no `$details` slot"),
            "{d}"
        );
        assert!(
            d.hint
                .as_deref()
                .unwrap()
                .contains("add `details: $details` to the `ws` envelope")
        );
        assert!(diags_full(&format!("{base}  S: {{category: sock, message: m}}\n")).is_empty());
    }

    #[test]
    fn media_types_take_parameters() {
        let with = |ct: &str| {
            diags_full(&BASE.replace("name: t\n", &format!("name: t\ncontent_type: '{ct}'\n")))
        };
        for ok in [
            "application/json;charset=UTF-8",
            "application/json; charset=\"utf-8\"",
            "application/problem+json",
            "Application/JSON",
        ] {
            assert!(with(ok).is_empty(), "{ok}: {:#?}", with(ok));
        }
        for bad in [
            "application/json;",
            "application/json; x",
            "json",
            "application/json; a=\"é\"",
        ] {
            let d = with(bad);
            assert_eq!(d.len(), 1, "{bad}: {d:#?}");
            assert!(d[0].message.ends_with("is not a media type"), "{}", d[0]);
        }
        assert!(
            with("text/plain")[0]
                .message
                .ends_with("is not a JSON media type")
        );

        // A vendor type is JSON when the catalog says so.
        let vendor = |long: &str| {
            diags_full(&BASE.replace("name: t\n", &format!("name: t\ncontent_type: {long}\n")))
        };
        assert!(vendor("{type: application/x-amz-json-1.0, json: true}").is_empty());
        let d = vendor("application/x-amz-json-1.0");
        assert!(
            d[0].hint.as_deref().unwrap().contains("json: true"),
            "{d:#?}"
        );
        let d = vendor("{json: true}");
        assert_eq!(d[0].message, "`content_type` has no `type`");
        let d = vendor("{type: application/json, jsn: true}");
        assert!(d[0].message.contains("jsn"), "{d:#?}");
    }

    #[test]
    fn the_request_id_header_is_a_header_name() {
        let with = |h: &str| {
            diags_full(&BASE.replace("name: t\n", &format!("name: t\nrequest_id_header: {h}\n")))
        };
        assert!(with("x-amzn-RequestId").is_empty());
        let d = with("\"bad header\"");
        assert_eq!(d[0].message, "`bad header` is not a header name");
        assert_eq!(d[0].loc.line, 2);
    }
}
