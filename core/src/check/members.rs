//! Members: declared once, placed in an envelope, typed, carried by codes.

use std::collections::{HashMap, HashSet};

use super::*;

/// The placeholders a template member may use: values every code has.
pub(super) const MEMBER_PLACEHOLDERS: &[&str] = &["code", "category", "status", "channel"];

/// Members: not named like a slot, placed in an envelope, value members
/// typed without inline enums, templates filled only from the code; codes
/// list declared members that their envelope places, and no member
/// shares a name with a detail field.
pub(crate) fn check_members(catalog: &Catalog, cx: &mut Diagnostics) {
    let mut placed = HashSet::new();
    for env in &catalog.envelopes {
        walk_template(&env.template, &mut |t| {
            if let Template::Member(m) = t {
                placed.insert((env.channel.value.as_str(), m.value.as_str()));
            }
        });
    }
    for m in &catalog.members {
        let name = m.name.value.as_str();
        if Slot::ALL.iter().any(|s| s.name() == name) {
            cx.push(
                Diagnostic::new(
                    &m.name.loc,
                    format!("member `{name}` has the name of the slot `${name}`"),
                )
                .hint("`$` names in envelopes mean the built-in slot; rename the member"),
            );
        }
        if !placed.iter().any(|(_, n)| *n == name) {
            cx.push(
                Diagnostic::new(&m.name.loc, format!("member `{name}` is in no envelope")).hint(
                    format!("place it in an envelope, e.g. `{name}: ${name}`, or remove it"),
                ),
            );
        }
        match &m.kind {
            MemberKind::Value(f) => {
                if matches!(f.ty.value.required(), Ty::Enum(_)) {
                    cx.push(
                        Diagnostic::new(&f.ty.loc, format!("member `{name}` has an inline `enum:`"))
                            .hint("declare the values as a named type under `types:` (`Name: {enum: [a, b]}`) and use its name"),
                    );
                }
            }
            MemberKind::Template { template, .. } => check_member_template(catalog, template, cx),
        }
    }
    for code in &catalog.codes {
        check_code_members(catalog, code, &placed, cx);
    }
    check_every_code(catalog, cx);
}

/// `every_code.members` names declared value members, each once.
/// The declared members' names, for hints.
fn member_names(catalog: &Catalog) -> Vec<&str> {
    catalog
        .members
        .iter()
        .map(|m| m.name.value.as_str())
        .collect()
}

fn check_every_code(catalog: &Catalog, cx: &mut Diagnostics) {
    let mut seen = HashSet::new();
    for m in &catalog.every_code.members {
        let name = m.value.as_str();
        match catalog.member(name).map(|d| &d.kind) {
            None => {
                let names = member_names(catalog);
                cx.push(
                    Diagnostic::new(
                        &m.loc,
                        format!("`every_code` lists `{name}`, which is not a declared member"),
                    )
                    .hint(format!(
                        "{} (or declare it under `members:`)",
                        suggest(name, &names)
                    )),
                );
            }
            Some(MemberKind::Template { .. }) => cx.push(
                Diagnostic::new(
                    &m.loc,
                    format!("`every_code` lists the template member `{name}`"),
                )
                .hint(
                    "a template member is already a text every code has; list value members here",
                ),
            ),
            Some(MemberKind::Value(_)) if !seen.insert(name) => cx.push(
                Diagnostic::new(&m.loc, format!("`every_code` lists `{name}` twice"))
                    .hint("list it once"),
            ),
            Some(MemberKind::Value(_)) => {}
        }
    }
}

pub(super) fn check_member_template(
    catalog: &Catalog,
    text: &Spanned<String>,
    cx: &mut Diagnostics,
) {
    let Some(parsed) = parsed(text, cx) else {
        return;
    };
    for piece in parsed {
        let Piece::Field { name, format } = piece else {
            continue;
        };
        let at = text.loc.narrow(&format!("{{{name}"));
        if !MEMBER_PLACEHOLDERS.contains(&name.as_str()) || format.is_some() {
            cx.push(
                Diagnostic::new(&at, format!("a member template cannot use `{{{name}}}`")).hint(
                    format!(
                        "a template is filled from the code alone: {}",
                        MEMBER_PLACEHOLDERS
                            .iter()
                            .map(|p| format!("`{{{p}}}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ),
            );
        } else if name == "category" && catalog.categories.is_empty() {
            cx.push(
                Diagnostic::new(
                    &at,
                    "`{category}` in a template, but the catalog has no categories",
                )
                .hint("use `{code}`, or add categories"),
            );
        }
    }
}

pub(super) fn check_code_members(
    catalog: &Catalog,
    code: &Code,
    placed: &HashSet<(&str, &str)>,
    cx: &mut Diagnostics,
) {
    let channel = channel_of(catalog, code);
    let mut seen: HashMap<String, &Loc> = HashMap::new();
    let listed = code.members.iter().map(|n| (n, true));
    let own = code.member_templates.iter().map(|(n, _)| (n, false));
    for (n, is_value) in listed.chain(own) {
        if let Some(first) = used_before(&mut seen, n.value.clone(), &n.loc) {
            cx.push(
                Diagnostic::new(&n.loc, format!("member `{}` is listed twice", n.value))
                    .hint("keep one")
                    .note("first listed", first),
            );
            continue;
        }
        if !declared_as_listed(catalog, n, is_value, cx) {
            continue;
        }
        if !placed.contains(&(channel, n.value.as_str())) {
            cx.push(
                Diagnostic::new(
                    &n.loc,
                    format!(
                        "the `{channel}` envelope has no `${}` slot for this code's member",
                        n.value
                    ),
                )
                .hint(format!(
                    "add `{0}: ${0}` to the `{channel}` envelope",
                    n.value
                )),
            );
        }
        if is_value {
            beside_details(code, n, cx);
        }
    }
    for (_, text) in &code.member_templates {
        check_member_template(catalog, text, cx);
    }
}

/// The member is declared, and of the kind the code lists it as (a value
/// by name, a template with the code's own text).
fn declared_as_listed(
    catalog: &Catalog,
    n: &Spanned<String>,
    is_value: bool,
    cx: &mut Diagnostics,
) -> bool {
    let Some(m) = catalog.member(&n.value) else {
        let names = member_names(catalog);
        cx.push(
            Diagnostic::new(&n.loc, format!("unknown member `{}`", n.value)).hint(
                if names.is_empty() {
                    format!(
                        "declare it under the top-level `members:`, e.g. `{}: string?`",
                        n.value
                    )
                } else {
                    suggest(&n.value, &names)
                },
            ),
        );
        return false;
    };
    match (&m.kind, is_value) {
        (MemberKind::Template { template, .. }, true) => {
            cx.push(
                Diagnostic::new(
                    &n.loc,
                    format!("member `{}` is a template: every code has it", n.value),
                )
                .hint(format!(
                    "every code gets `{}` already; to give this code its own text, list `{{{}: \"…\"}}` in its `members:`",
                    template.value, n.value
                )),
            );
            false
        }
        (MemberKind::Value(_), false) => {
            cx.push(
                Diagnostic::new(
                    &n.loc,
                    format!("member `{}` is a value, not a template", n.value),
                )
                .hint(format!(
                    "list it by name, `members: [{}]`; the value is given per error",
                    n.value
                )),
            );
            false
        }
        _ => true,
    }
}

/// A value member becomes a field of the variant beside object details:
/// not beside details of another type, and not under a detail's name.
fn beside_details(code: &Code, n: &Spanned<String>, cx: &mut Diagnostics) {
    if let Details::Value(ty) = &code.details {
        cx.push(
            Diagnostic::new(&n.loc, format!("code `{}` has `{}` details and cannot carry value members", code.code.value, ty.value.display()))
                .hint("value members become fields of the variant, beside object details; make the details an object with one field"),
        );
    } else if let Some(f) = code
        .object_fields()
        .iter()
        .find(|f| f.name.value == n.value)
    {
        cx.push(
            Diagnostic::new(
                &n.loc,
                format!(
                    "member `{}` has the name of a detail field of `{}`",
                    n.value, code.code.value
                ),
            )
            .hint("both would be fields of the variant; rename the detail field")
            .note("the detail field", &f.name.loc),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    const MEMBERS: &str = "name: t\nenvelopes:\n  http: {code: $code, message: $message, param: $param, doc: $doc}\n  ws: {code: $code}\nmembers:\n  param: string\n  doc: {template: \"https://d/{code}\"}\ncodes:\n";

    fn members(codes: &str) -> Vec<Diagnostic> {
        diags_full(&format!("{MEMBERS}{codes}"))
    }

    #[test]
    fn every_code_lists_declared_value_members_once() {
        let text = MEMBERS.replace(
            "codes:\n",
            "every_code:\n  members: [param?, doc, nope, param]\n  headers: {Cache-Control: no-store}\ncodes:\n",
        );
        let d = diags_full(&format!("{text}  A: {{status: 400, message: m}}\n"));
        let m: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            m,
            [
                "`every_code` lists the template member `doc`",
                "`every_code` lists `nope`, which is not a declared member",
                "`every_code` lists `param` twice",
            ]
        );
        // Given to every code its envelope places it for; headers too.
        let text = MEMBERS.replace(
            "codes:\n",
            "every_code:\n  members: [param?]\n  headers: {Cache-Control: no-store}\ncodes:\n",
        );
        let text = format!(
            "{text}  A: {{status: 400, message: m}}\n  B: {{channel: ws, message: m, headers: {{cache-control: x}}}}\n"
        );
        let c = crate::compile_str("t.yaml", text.as_bytes()).unwrap();
        assert_eq!(c.codes[0].member_fields[0].ty.value.display(), "string?");
        assert!(c.codes[1].member_fields.is_empty(), "ws does not place it");
        assert_eq!(c.codes[0].headers[0].value.value, "no-store");
        assert_eq!(c.codes[1].headers.len(), 1, "its own header wins");
    }

    #[test]
    fn members_are_declared_placed_and_typed() {
        let ok = format!(
            "{MEMBERS}  A: {{status: 400, message: \"bad {{param}}\", members: [param]}}\n  B: {{status: 400, message: m, members: [param?, {{doc: \"https://other\"}}]}}\n"
        );
        let catalog = crate::compile_str("t.yaml", ok.as_bytes()).unwrap();
        assert_eq!(
            catalog.codes[1].member_fields[0].ty.value.display(),
            "string?"
        );
        assert_eq!(
            crate::example::member_text(&catalog, &catalog.codes[0], "doc").unwrap(),
            "https://d/A"
        );
        assert_eq!(
            crate::example::member_text(&catalog, &catalog.codes[1], "doc").unwrap(),
            "https://other"
        );
    }

    #[test]
    fn each_member_mistake_is_reported() {
        let cases = [
            (
                "  A: {status: 400, message: m, members: [parm]}\n",
                "unknown member `parm`",
            ),
            (
                "  A: {status: 400, message: m, members: [param, param]}\n",
                "listed twice",
            ),
            (
                "  A: {status: 400, message: m, members: [doc]}\n",
                "is a template",
            ),
            (
                "  A: {status: 400, message: m, members: [{param: x}]}\n",
                "is a value, not a template",
            ),
            (
                "  A: {status: 400, message: m, members: [{doc: \"x/{field}\"}]}\n",
                "cannot use `{field}`",
            ),
            (
                "  A: {status: 400, message: \"m {param}\", members: [param?]}\n",
                "cannot be shown in a message",
            ),
            (
                "  A: {channel: ws, message: m, members: [param]}\n",
                "no `$param` slot",
            ),
            (
                "  A: {status: 400, message: m, members: [param], details: {param: string}}\n",
                "name of a detail field",
            ),
            (
                "  A: {status: 400, message: m, members: [param], details: \"[string]\"}\n",
                "cannot carry value members",
            ),
            (
                "  A: {status: 400, message: m, members: [param], example: {members: {}}}\n",
                "no value for member `param`",
            ),
            (
                "  A: {status: 400, message: m, example: {members: {param: x}}}\n",
                "does not carry",
            ),
            (
                "  A: {status: 400, message: m, members: [param], example: {members: {param: 5}}}\n",
                "does not match type `string`",
            ),
        ];
        for (code, want) in cases {
            let d = members(code);
            assert!(
                d.iter().any(|d| d.message.contains(want)
                    || d.hint.as_deref().is_some_and(|h| h.contains(want))),
                "{code}: want {want}: {d:#?}"
            );
        }
    }

    /// Declarations: slot names, placement, inline enums, template
    /// placeholders.
    #[test]
    fn member_declarations_are_checked() {
        let d = diags_full(
            "name: t\nenvelopes:\n  http: {code: $code, message: $message, status: $status}\nmembers:\n  status: string\n  lost: string\n  kind: {enum: [a]}\n  url: {template: \"x/{category}\"}\ncodes:\n  A: {status: 400, message: m}\n",
        );
        for want in [
            "name of the slot `$status`",
            "member `lost` is in no envelope",
            "inline `enum:`",
            "no categories",
        ] {
            assert!(
                d.iter().any(|d| d.message.contains(want)),
                "want {want}: {d:#?}"
            );
        }
    }
}
