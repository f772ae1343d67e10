//! Messages and headers: their `{placeholders}` name fields that can be
//! shown; header names and values are valid.

use std::collections::HashMap;

use super::*;

pub(super) fn displayable(ty: &Ty, catalog: &Catalog) -> bool {
    match ty {
        Ty::Bool
        | Ty::Int(_)
        | Ty::Number
        | Ty::String
        | Ty::Timestamp
        | Ty::Url
        | Ty::Json
        | Ty::Enum(_) => true,
        Ty::Named(n) => catalog
            .types
            .iter()
            .any(|t| &t.name.value == n && matches!(t.kind, TypeDefKind::Enum(_))),
        Ty::Array(_) | Ty::Map(_) | Ty::Optional(_) => false,
    }
}

/// The slots a header template may name: `{$code}`, `{$message}` (the
/// response's own message, else the code's), `{$status}`, `{$category}`.
pub(crate) const HEADER_SLOTS: [&str; 4] = ["code", "message", "status", "category"];

/// `{$name}` where it cannot be shown: not one of the header slots, or in a
/// message.
fn slot_not_shown(code: &Code, name: &str, at: &Loc, what: &str, header: bool) -> Diagnostic {
    let hint = match header {
        true => format!(
            "a header may name {}",
            HEADER_SLOTS.map(|s| format!("`{{${s}}}`")).join(", ")
        ),
        false => "a message names detail fields and members; `{$…}` belongs in headers".to_string(),
    };
    Diagnostic::new(
        at,
        format!(
            "{what} of `{}` names `{{{name}}}`, which it cannot show",
            code.code.value
        ),
    )
    .hint(hint)
}

pub(super) fn check_placeholders(
    catalog: &Catalog,
    code: &Code,
    text: &Spanned<String>,
    what: &str,
    allow_unix: bool,
    cx: &mut Diagnostics,
) {
    let Some(parsed) = parsed(text, cx) else {
        return;
    };
    let fields: Vec<&Field> = catalog.variant_fields(code).collect();
    for piece in parsed {
        let Piece::Field { name, format } = piece else {
            continue;
        };
        // Where the placeholder stands, for the caret.
        let at = text.loc.narrow(&match &format {
            Some(fmt) => format!("{{{name}:{fmt}}}"),
            None => format!("{{{name}}}"),
        });
        // `{$code}`: what the envelope's slots hold, in headers.
        if let Some(slot) = name.strip_prefix('$') {
            let header = allow_unix;
            if !(header && HEADER_SLOTS.contains(&slot) && format.is_none()) {
                cx.push(slot_not_shown(code, &name, &at, what, header));
            }
            continue;
        }
        let Some(field) = fields.iter().find(|f| f.name.value == name) else {
            unknown_placeholder(catalog, code, &fields, &name, &at, what, cx);
            continue;
        };
        if code.details_optional && code.object_fields().iter().any(|f| f.name.value == name) {
            cx.push(
                Diagnostic::new(
                    &at,
                    format!("{what} of `{}` names `{{{name}}}`, but the code's details may be absent", code.code.value),
                )
                .hint("a message or header needs its value in every error: drop `details_optional`, or remove the placeholder"),
            );
            continue;
        }
        if field.sensitive {
            cx.push(
                Diagnostic::new(
                    &at,
                    format!("{what} of `{}` shows the sensitive field `{name}`", code.code.value),
                )
                .hint(format!(
                    "a {what} reaches logs (Display) and proxies (headers); remove `{{{name}}}` or drop `sensitive` from the field"
                )),
            );
            continue;
        }
        let shown = Shown {
            catalog,
            code,
            field,
            name: &name,
            at: &at,
            what,
            allow_unix,
        };
        shown.check(format.as_deref(), cx);
    }
}

/// A placeholder that names no detail field: a member the code does not
/// carry, or a field that does not exist.
fn unknown_placeholder(
    catalog: &Catalog,
    code: &Code,
    fields: &[&Field],
    name: &str,
    at: &Loc,
    what: &str,
    cx: &mut Diagnostics,
) {
    if let Some(MemberKind::Value(_)) = catalog.member(name).map(|m| &m.kind) {
        // A misspelt entry of `members:` is reported there, once.
        let misspelt = code.members.iter().any(|m| {
            catalog.member(&m.value).is_none() && did_you_mean(&m.value, [name]).is_some()
        });
        if !misspelt {
            cx.push(
                Diagnostic::new(at, format!("{what} of `{}` names the member `{{{name}}}`, which the code does not carry", code.code.value))
                    .hint(format!("add it to the code's members: `members: [{name}]`")),
            );
        }
        return;
    }
    let names: Vec<&str> = fields.iter().map(|f| f.name.value.as_str()).collect();
    let hint = if names.is_empty() {
        format!(
            "code `{}` has no detail fields; add `{name}` under `details:` or write `{{{{` for a literal brace",
            code.code.value
        )
    } else {
        suggest(name, &names)
    };
    cx.push(
        Diagnostic::new(
            at,
            format!(
                "{what} of `{}` names `{{{name}}}`, which is not a detail field",
                code.code.value
            ),
        )
        .hint(hint),
    );
}

/// A field a placeholder shows, and where.
struct Shown<'a> {
    catalog: &'a Catalog,
    code: &'a Code,
    field: &'a Field,
    name: &'a str,
    at: &'a Loc,
    what: &'a str,
    /// A header (which takes `:unix` and optional fields), not a message.
    allow_unix: bool,
}

impl Shown<'_> {
    /// The field can be shown as text, in the format asked for.
    fn check(&self, format: Option<&str>, cx: &mut Diagnostics) {
        let (name, what, allow_unix) = (self.name, self.what, self.allow_unix);
        // A header naming an optional field is sent only when the field is
        // present; a message needs a value.
        let ty = match &self.field.ty.value {
            Ty::Optional(inner) if allow_unix => inner,
            ty => ty,
        };
        match format {
            None if !displayable(ty, self.catalog) => {
                let member_hint = format!(
                    "the code lists the member as `{name}?`; a message needs it in every error: write `{name}`"
                );
                let is_member = self.code.optional_members.iter().any(|m| m == name);
                let hint = if is_member && !allow_unix {
                    member_hint.as_str()
                } else if allow_unix {
                    "header placeholders take scalar fields (strings, numbers, booleans, timestamps, enums), optional ones too: the header is then sent only when the field is present"
                } else {
                    "message placeholders take required scalar fields (strings, numbers, booleans, timestamps, enums)"
                };
                cx.push(
                    Diagnostic::new(
                        self.at,
                        format!(
                            "field `{name}` of type `{}` cannot be shown in a {what}",
                            self.field.ty.value.display()
                        ),
                    )
                    .hint(hint),
                );
            }
            None => {}
            Some("unix") if allow_unix && matches!(ty, Ty::Timestamp) => {}
            Some(other) => cx.push(
                Diagnostic::new(
                    self.at,
                    format!("unknown format `{{{name}:{other}}}` in {what}"),
                )
                .hint(if allow_unix {
                    "the only format is `:unix` (seconds since the epoch), for timestamp fields"
                } else {
                    "messages take plain `{field}` placeholders"
                }),
            ),
        }
    }
}

/// Every `{placeholder}` in a message names a displayable detail field;
/// a code has a message when its channel's envelope sends one (`$message`;
/// with `$message?` or no slot, it is the code's default text only).
pub(crate) fn check_message_placeholders(catalog: &Catalog, cx: &mut Diagnostics) {
    for code in &catalog.codes {
        match &code.message {
            Some(message) => check_placeholders(catalog, code, message, "message", false, cx),
            None if sends_message(catalog, &code.resolved.channel) => cx.push(
                Diagnostic::new(
                    &code.code.loc,
                    format!("code `{}` has no `message`", code.code.value),
                )
                .hint(
                    "add `message: A human-readable message`; its envelope sends one in `$message`",
                ),
            ),
            None => {}
        }
    }
}

/// Whether the envelope of `channel` has a `$message` slot (one every
/// error fills). An unknown channel is another rule's mistake.
fn sends_message(catalog: &Catalog, channel: &str) -> bool {
    let mut found = false;
    for env in catalog
        .envelopes
        .iter()
        .filter(|e| e.channel.value == channel)
    {
        super::walk_template(&env.template, &mut |t| {
            found |= matches!(t, Template::Slot(s) if s.value == Slot::Message);
        });
    }
    found
}

/// A code without a body (`body: false`) carries its code in the header
/// `header_errors:` names, with `{$code}`; it has nothing else to carry
/// (no details, no value members), and is an HTTP code.
pub(crate) fn check_header_errors(catalog: &Catalog, cx: &mut Diagnostics) {
    if let Some(h) = &catalog.header_errors
        && http::HeaderName::from_bytes(h.header.value.as_bytes()).is_err()
    {
        cx.push(
            Diagnostic::new(
                &h.header.loc,
                format!("`{}` is not a header name", h.header.value),
            )
            .hint("name the header a body-less error travels in, such as `WWW-Authenticate`"),
        );
    }
    for code in &catalog.codes {
        let Some(loc) = &code.no_body else { continue };
        let what = format!("code `{}` has no body", code.code.value);
        let Some(h) = &catalog.header_errors else {
            cx.push(
                Diagnostic::new(loc, format!("{what}, but the catalog has no `header_errors`"))
                    .hint("declare where such errors carry their code: `header_errors: {header: WWW-Authenticate, code: error, message: error_description}`"),
            );
            continue;
        };
        let carries = code.headers.iter().any(|x| {
            x.name.value.eq_ignore_ascii_case(&h.header.value) && x.value.value.contains("{$code}")
        });
        if !carries {
            cx.push(
                Diagnostic::new(loc, format!("{what}, and no `{}` header with `{{$code}}`", h.header.value))
                    .hint(format!("add `headers: {{{}: 'Bearer {}=\"{{$code}}\"'}}` (to the code, its category or `every_code`)", h.header.value, h.code.value)),
            );
        }
        if !matches!(code.details, Details::None) || !code.member_fields.is_empty() {
            cx.push(
                Diagnostic::new(
                    loc,
                    format!("{what}, but it has details or members, which would be lost"),
                )
                .hint("remove `body: false`, or the code's details and members"),
            );
        }
    }
}

/// Header names are valid HTTP header names, each once per code; values'
/// placeholders name detail fields, constant values are valid header values.
pub(crate) fn check_headers(catalog: &Catalog, cx: &mut Diagnostics) {
    for code in &catalog.codes {
        let mut seen: HashMap<String, &Loc> = HashMap::new();
        for h in &code.headers {
            match http::HeaderName::from_bytes(h.name.value.as_bytes()) {
                Ok(name) => {
                    if let Some(first) = seen.get(name.as_str()) {
                        cx.push(
                            Diagnostic::new(
                                &h.name.loc,
                                format!("header `{}` is set twice", h.name.value),
                            )
                            .hint("header names are case-insensitive; keep one")
                            .note("first set", first),
                        );
                    } else {
                        seen.insert(name.as_str().to_string(), &h.name.loc);
                    }
                }
                Err(_) => {
                    let cleaned: String = h
                        .name
                        .value
                        .trim()
                        .chars()
                        .map(|c| if c == ' ' || c == '_' { '-' } else { c })
                        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                        .collect();
                    cx.push(
                        Diagnostic::new(&h.name.loc, format!("invalid header name `{}`", h.name.value))
                            .hint(if cleaned.is_empty() {
                                "header names are ASCII letters, digits and `-`".to_string()
                            } else {
                                format!("header names are ASCII letters, digits and `-`; did you mean `{cleaned}`?")
                            }),
                    );
                }
            }
            check_placeholders(catalog, code, &h.value, "header value", true, cx);
            if let Ok(parts) = pieces(&h.value.value) {
                let literal: String = parts
                    .iter()
                    .filter_map(|p| match p {
                        Piece::Text(t) => Some(t.as_str()),
                        Piece::Field { .. } => None,
                    })
                    .collect();
                if http::HeaderValue::from_str(&literal).is_err() {
                    cx.push(
                        Diagnostic::new(&h.value.loc, format!("invalid value for header `{}`", h.name.value))
                            .hint("header values are visible ASCII; remove control characters and line breaks"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn header_slots_are_known_and_only_in_headers() {
        let ok = "  AUTH_X: {category: auth, message: m, headers: {WWW-Authenticate: 'Bearer error=\"{$code}\", d=\"{$message}\", s={$status}, c={$category}'}}\n";
        assert_eq!(diags(ok), []);
        let d = one("  AUTH_X: {category: auth, message: m, headers: {X-A: \"{$cod}\"}}\n");
        assert_eq!(
            d.message,
            "header value of `AUTH_X` names `{$cod}`, which it cannot show"
        );
        assert!(d.hint.as_deref().unwrap().contains("`{$code}`"), "{d}");
        let d = one("  AUTH_X: {category: auth, message: \"{$code} failed\"}\n");
        assert_eq!(
            d.message,
            "message of `AUTH_X` names `{$code}`, which it cannot show"
        );
    }

    #[test]
    fn message_placeholders() {
        let d = one("  X: {category: sock, message: \"{limt} reached\", details: {limit: u32}}\n");
        assert!(d.message.contains("`{limt}`"), "{d}");
        assert_eq!(d.hint.as_deref(), Some("did you mean `limit`?"));
        let d =
            one("  X: {category: sock, message: \"{items}\", details: {items: \"[string]\"}}\n");
        assert!(d.message.contains("cannot be shown"), "{d}");
        let d = one("  X: {category: sock, message: \"a {b\"}\n");
        assert!(d.message.contains("unclosed"), "{d}");
        assert!(
            diags(
                "  X: {category: sock, message: \"{{literal}} {limit}\", details: {limit: u32}}\n"
            )
            .is_empty()
        );
    }

    #[test]
    fn header_rules() {
        let d = one("  AUTH_X: {category: auth, message: hi, headers: {\"Retry After\": \"1\"}}\n");
        assert!(d.message.contains("invalid header name"), "{d}");
        assert!(d.hint.as_deref().unwrap().contains("Retry-After"));
        let d = one(
            "  AUTH_X: {category: auth, message: hi, details: {n: u32}, headers: {Retry-After: \"{m}\"}}\n",
        );
        assert!(d.message.contains("not a detail field"), "{d}");
        let d = one(
            "  AUTH_X: {category: auth, message: hi, details: {n: u32}, headers: {A: \"{n:unix}\"}}\n",
        );
        assert!(d.message.contains("unknown format"), "{d}");
        let d = one("  AUTH_X: {category: auth, message: hi, headers: {A: \"1\", a: \"2\"}}\n");
        assert!(d.message.contains("set twice"), "{d}");
    }

    #[test]
    fn optional_fields_may_fill_headers_but_not_messages() {
        let code = "  A:\n    category: any\n    message: MSG\n    details:\n      n: u32?\n    headers:\n      Retry-After: \"{n}\"\n";
        assert!(any(&code.replace("MSG", "m")).is_empty());
        let d = any(&code.replace("MSG", "\"{n}\""));
        assert_eq!(d.len(), 1, "{d:#?}");
        assert!(
            d[0].message.contains("cannot be shown in a message"),
            "{}",
            d[0]
        );
    }

    #[test]
    fn sensitive_fields_may_not_be_shown_in_messages_or_headers() {
        let d = any(
            "  A:\n    category: any\n    message: \"Card {card} refused\"\n    details:\n      card: {type: string, sensitive: true}\n    headers:\n      X-Card: \"{card}\"\n",
        );
        let got: Vec<(u32, u32)> = d.iter().map(|d| (d.loc.line, d.loc.column)).collect();
        assert_eq!(got, [(16, 20), (20, 16)], "{d:#?}");
        assert!(
            d.iter()
                .all(|d| d.message.contains("sensitive field `card`")),
            "{d:#?}"
        );
    }

    #[test]
    fn optional_object_details_keep_their_fields_out_of_messages() {
        let base = "name: t\nenvelopes:\n  http: {code: $code, message: $message, details: $details}\ncodes:\n";
        let ok = format!(
            "{base}  A: {{status: 400, message: m, details_optional: true, details: {{f: string}}}}\n"
        );
        let catalog = crate::compile_str("t.yaml", ok.as_bytes()).unwrap();
        assert!(catalog.codes[0].details_optional);
        let d = diags_full(&format!(
            "{base}  A: {{status: 400, message: \"m {{f}}\", details_optional: true, details: {{f: string}}}}\n"
        ));
        assert!(
            d.len() == 1 && d[0].message.contains("may be absent"),
            "{d:#?}"
        );
        // The struct it becomes may not collide with a named type.
        let d = diags_full(
            "name: t\nenvelopes:\n  http: {code: $code, message: $message, details: $details}\ntypes:\n  ADetails: {fields: {x: string}}\ncodes:\n  A: {status: 400, message: m, details_optional: true, details: {f: string}}\n",
        );
        assert!(
            d.iter()
                .any(|d| d.message.contains("`ADetails` a second time")),
            "{d:#?}"
        );
    }
}
