//! Arrays in envelopes: every slot must be readable back. A slot inside an
//! array sits in an object element that is either the envelope's list of
//! errors (JSON:API's `errors: [{code: $code}]`) or picked out among the
//! array's elements by a literal member (AIP-193's
//! `"@type": "type.googleapis.com/google.rpc.ErrorInfo"`). Anything else
//! could be written but not decoded, so it is refused here.

use super::*;

/// The first slot or member inside `t`, where a mistake about `t` is shown.
fn first_slot(t: &Template) -> Option<&Spanned<String>> {
    match t {
        Template::Member(m) | Template::UnknownSlot(m) => Some(m),
        Template::Object(members) => members.iter().find_map(|(_, v)| first_slot(v)),
        Template::Array(items) => items.iter().find_map(first_slot),
        _ => None,
    }
}

/// The first slot inside `t`, with its name, for messages.
fn first_place(t: &Template) -> Option<(Loc, String)> {
    match t {
        Template::Slot(s) => Some((s.loc.clone(), s.value.name().to_string())),
        Template::Object(members) => members.iter().find_map(|(_, v)| first_place(v)),
        Template::Array(items) => items.iter().find_map(first_place),
        _ => first_slot(t).map(|m| (m.loc.clone(), m.value.clone())),
    }
}

pub(crate) fn check_arrays(catalog: &Catalog, cx: &mut Diagnostics) {
    for env in &catalog.envelopes {
        let channel = &env.channel.value;
        if !matches!(env.template, Template::Object(_)) {
            cx.push(
                Diagnostic::new(
                    &env.channel.loc,
                    format!("the `{channel}` envelope is not a JSON object"),
                )
                .hint("write the envelope as an object, such as `{error: {code: $code, message: $message}}`"),
            );
            continue;
        }
        let mut lists = 0;
        arrays_in(&env.template, false, &mut lists, cx);
        if env.template.list().is_some() {
            outside_the_list(&env.template, cx);
        }
    }
}

/// The arrays of `t` that hold elements selected by a literal: where a
/// code's own `elements:` go.
pub(crate) fn selected_arrays(t: &Template) -> Vec<&[Template]> {
    let mut out = Vec::new();
    super::walk_template(t, &mut |n| {
        if let Template::Array(items) = n
            && !n.is_list()
            && n.has_slots()
        {
            out.push(items.as_slice());
        }
    });
    out
}

/// A code's `elements:` are literal objects, added to the one array of its
/// envelope whose elements are selected by literals, and selected by none
/// of them (or decoding would read one as the error's own).
pub(crate) fn check_code_elements(catalog: &Catalog, cx: &mut Diagnostics) {
    for code in catalog.codes.iter().filter(|c| !c.elements.is_empty()) {
        let channel = code.resolved.channel.as_str();
        let Some(env) = catalog
            .envelopes
            .iter()
            .find(|e| e.channel.value == channel)
        else {
            continue;
        };
        let arrays = selected_arrays(&env.template);
        let Some(items) = arrays.first().filter(|_| arrays.len() == 1) else {
            let found = if arrays.is_empty() {
                "no"
            } else {
                "more than one"
            };
            cx.push(
                Diagnostic::new(&code.elements[0].0, format!("code `{}` adds elements, but the `{channel}` envelope has {found} array of elements selected by a literal", code.code.value))
                    .hint("elements go into the one array whose element holding the code is picked out by a literal, such as AIP-193's `details: [{\"@type\": …ErrorInfo, reason: $code}]`"),
            );
            continue;
        };
        for (loc, element) in &code.elements {
            element_ok(loc, element, items, cx);
        }
    }
}

fn element_ok(loc: &Loc, element: &Template, items: &[Template], cx: &mut Diagnostics) {
    if !matches!(element, Template::Object(_)) {
        cx.push(
            Diagnostic::new(loc, "an added element is not an object")
                .hint("write an object, such as `{\"@type\": type.googleapis.com/google.rpc.Help, links: []}`"),
        );
    } else if let Some((at, name)) = first_place(element) {
        cx.push(
            Diagnostic::new(&at, format!("an added element holds `${name}`")).hint(
                "a code's elements are literal JSON; write `$$` for a string that starts with `$`",
            ),
        );
    } else if items.iter().any(|i| {
        let want = i.selectors();
        !want.is_empty() && want.iter().all(|w| element.selectors().contains(w))
    }) {
        cx.push(
            Diagnostic::new(loc, "an added element has the literals that select the envelope's own element")
                .hint("decoding would read it as the error's own; give it another `@type` (or other literal)"),
        );
    }
}

/// Checks every array under `t`; `in_array` when `t` is inside one.
fn arrays_in(t: &Template, in_array: bool, lists: &mut usize, cx: &mut Diagnostics) {
    match t {
        Template::Object(members) => {
            for (_, v) in members {
                arrays_in(v, in_array, lists, cx);
            }
        }
        Template::Array(items) if t.is_list() => {
            *lists += 1;
            if let Some((loc, name)) = first_place(t) {
                if in_array {
                    cx.push(
                        Diagnostic::new(&loc, format!("`${name}` is in a list of errors inside an array"))
                            .hint("a list of errors stands in an object of the envelope, such as `errors: [{code: $code}]`"),
                    );
                } else if *lists > 1 {
                    cx.push(
                        Diagnostic::new(&loc, format!("`${name}` is in a second list of errors"))
                            .hint("an envelope holds one list of errors; put every error's parts in its element"),
                    );
                }
            }
            arrays_in(&items[0], true, lists, cx);
        }
        Template::Array(items) => elements(items, lists, cx),
        _ => {}
    }
}

/// The elements of an array that is not a list: each one with slots is an
/// object picked out by literal members no other element shares.
fn elements(items: &[Template], lists: &mut usize, cx: &mut Diagnostics) {
    let mut seen: Vec<Vec<(&str, &serde_json::Value)>> = Vec::new();
    for item in items.iter().filter(|i| i.has_slots()) {
        let Some((loc, name)) = first_place(item) else {
            continue;
        };
        let selectors = item.selectors();
        if !matches!(item, Template::Object(_)) {
            cx.push(
                Diagnostic::new(&loc, format!("`${name}` stands directly in an array, where it cannot be read back"))
                    .hint("put it in an object element: a list of errors such as `errors: [{code: $code}]`, or an element picked out by a literal such as `{\"@type\": \"ErrorInfo\", reason: $code}`"),
            );
        } else if selectors.is_empty() {
            cx.push(
                Diagnostic::new(&loc, format!("the array element holding `${name}` has no literal member to find it by"))
                    .hint("give it a literal member that tells it apart from the other elements, such as `\"@type\": \"type.googleapis.com/google.rpc.ErrorInfo\"`, or make it the array's only element (a list of errors)"),
            );
        } else if seen.contains(&selectors) {
            cx.push(
                Diagnostic::new(&loc, format!("the array element holding `${name}` has the same literal members as another element"))
                    .hint("give each element with slots a literal member value of its own"),
            );
        } else {
            seen.push(selectors);
        }
        arrays_in(item, true, lists, cx);
    }
}

/// In an envelope with a list of errors, every error's own parts are in
/// the list's element; only the response's (request id, timestamp) and
/// literals stand outside.
fn outside_the_list(t: &Template, cx: &mut Diagnostics) {
    match t {
        Template::Object(members) => members.iter().for_each(|(_, v)| outside_the_list(v, cx)),
        Template::Array(_) if t.is_list() => {}
        Template::Array(items) => items.iter().for_each(|v| outside_the_list(v, cx)),
        Template::Slot(s) if matches!(s.value, Slot::RequestId | Slot::Timestamp) => {}
        Template::Slot(_) | Template::Member(_) => {
            let Some((loc, name)) = first_place(t) else {
                return;
            };
            cx.push(
                Diagnostic::new(&loc, format!("`${name}` stands outside the envelope's list of errors"))
                    .hint("each error of a list has its own code, message, details and members: move it into the list's element; only `$request_id` and `$timestamp` belong to the whole response"),
            );
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    fn with_envelope(template: &str) -> Vec<Diagnostic> {
        let text = BASE.replace(
            "  http: {error: {code: $code, message: $message, details: $details}}\n",
            &format!("  http: {template}\n"),
        );
        diags_full(&format!(
            "{text}  AUTH_OK: {{category: auth, message: ok}}\n"
        ))
    }

    fn messages(template: &str) -> Vec<String> {
        with_envelope(template)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn lists_and_selected_elements_pass() {
        assert_eq!(
            messages(
                "{errors: [{code: $code, title: $message, meta: {d: $details}}], meta: {id: $request_id}}"
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            messages(
                "{error: {message: $message, details: [{\"@type\": t.ErrorInfo, reason: $code, metadata: $details}, {\"@type\": t.Help, links: []}]}}"
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            messages("{error: {code: $code, tags: [a, 1, {x: [true]}]}}"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_slot_directly_in_an_array_is_refused() {
        let d = with_envelope("{error: {code: $code, ids: [$request_id]}}");
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(
            d[0].message,
            "`$request_id` stands directly in an array, where it cannot be read back"
        );
        assert_eq!((d[0].loc.line, d[0].loc.column), (3, 37));
    }

    #[test]
    fn an_element_without_selector_among_others_is_refused() {
        let m = messages("{error: {details: [{reason: $code}, {help: x}, {message: $message}]}}");
        assert_eq!(
            m,
            [
                "the array element holding `$code` has no literal member to find it by",
                "the array element holding `$message` has no literal member to find it by",
            ]
        );
        let m = messages("{error: {details: [{t: a, reason: $code}, {t: a, m: $message}]}}");
        assert_eq!(
            m,
            [
                "the array element holding `$message` has the same literal members as another element"
            ]
        );
    }

    #[test]
    fn per_error_slots_outside_a_list_are_refused() {
        let m = messages("{message: $message, errors: [{code: $code}], id: $request_id}");
        assert_eq!(
            m,
            ["`$message` stands outside the envelope's list of errors"]
        );
    }

    #[test]
    fn nested_or_second_lists_are_refused() {
        let m = messages("{a: [{code: $code}], b: [{message: $message}]}");
        assert_eq!(m, ["`$message` is in a second list of errors"]);
        let m = messages("{a: [{t: x, e: [{code: $code}]}]}");
        assert_eq!(m, ["`$code` is in a list of errors inside an array"]);
    }

    fn aip(codes: &str) -> Vec<String> {
        let text = format!(
            "name: t\nenvelopes:\n  http: {{error: {{message: $message, details: [{{\"@type\": t.Info, reason: $code}}]}}}}\n  ws: {{code: $code}}\ncategories:\n  sock: {{channel: ws}}\n  bad: {{status: 400}}\ncodes:\n{codes}"
        );
        diags_full(&text).into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn a_codes_elements_are_literal_objects_selected_by_nothing() {
        let ok = "  A: {category: bad, message: m, elements: [{\"@type\": t.Help, links: [{url: u}]}]}\n";
        assert_eq!(aip(ok), Vec::<String>::new());
        let bad = "  A: {category: bad, message: m, elements: [x, {\"@type\": t.Help, id: $request_id}, {\"@type\": t.Info}]}\n";
        assert_eq!(
            aip(bad),
            [
                "an added element is not an object",
                "an added element holds `$request_id`",
                "an added element has the literals that select the envelope's own element",
            ]
        );
        let nowhere = "  B: {category: sock, message: m, elements: [{a: 1}]}\n";
        assert_eq!(
            aip(nowhere),
            [
                "code `B` adds elements, but the `ws` envelope has no array of elements selected by a literal"
            ]
        );
    }

    #[test]
    fn an_envelope_that_is_not_an_object_is_refused() {
        let m = messages("[{code: $code}]");
        assert_eq!(m, ["the `http` envelope is not a JSON object"]);
    }
}
