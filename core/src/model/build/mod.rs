//! Building the model from the YAML tree: the catalog (here), categories and
//! retry advice, detail types and codes (one module each), over the node
//! reader.

mod category;
mod code;
mod reader;
mod types;

pub use category::parse_duration_ms;

use category::*;
use code::*;
use reader::*;
use types::*;

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::{Kind, Node};
use crate::model::*;

/// Builds the model from the YAML tree, recording every shape mistake.
pub fn build(root: &Node, cx: &mut Diagnostics) -> Catalog {
    let mut catalog = Catalog {
        name: None,
        title: None,
        description: None,
        sections: Vec::new(),
        rust_name_prefix: None,
        code_type: None,
        version: None,
        deprecation_headers: false,
        request_id_header: None,
        code_namespace: None,
        every_code: EveryCode::default(),
        header_errors: None,
        operations: Vec::new(),
        every_operation: Vec::new(),
        content_type: None,
        content_type_json: false,
        envelopes: Vec::new(),
        categories: Vec::new(),
        types: Vec::new(),
        members: Vec::new(),
        codes: Vec::new(),
        loc: root.loc.clone(),
    };
    let Some(top) = MapReader::new(root, "the catalog", TOP_KEYS, cx) else {
        return catalog;
    };
    scalars(&top, &mut catalog, cx);
    if let Some(node) = top.get("operations") {
        for (k, v) in entries(node, "`operations`", cx) {
            if let Some(name) = key(k, "an operation name", cx) {
                catalog.operations.extend(operation(name, v, cx));
            }
        }
    }
    if let Some(node) = top.get("every_operation") {
        let map = MapReader::new(node, "`every_operation`", EVERY_OPERATION_KEYS, cx);
        if let Some(errors) = map.as_ref().and_then(|m| m.get("errors")) {
            catalog.every_operation = error_names(errors, cx);
        }
    }
    if let Some(node) = top.get("envelopes") {
        for (k, v) in entries(node, "`envelopes`", cx) {
            if let Some(channel) = key(k, "a channel name", cx) {
                let template = template(v);
                catalog.envelopes.push(Envelope { channel, template });
            }
        }
    }
    if let Some(node) = top.get("categories") {
        for (k, v) in entries(node, "`categories`", cx) {
            if let Some(name) = key(k, "a category name", cx) {
                catalog.categories.push(category(name, v, cx));
            }
        }
    }
    if let Some(node) = top.get("types") {
        for (k, v) in entries(node, "`types`", cx) {
            if let Some(name) = key(k, "a type name", cx)
                && let Some(def) = type_def(name, v, cx)
            {
                catalog.types.push(def);
            }
        }
    }
    if let Some(node) = top.get("members") {
        for (k, v) in entries(node, "`members`", cx) {
            if let Some(name) = key(k, "a member name", cx)
                && let Some(m) = member(name, v, cx)
            {
                catalog.members.push(m);
            }
        }
        for env in &mut catalog.envelopes {
            resolve_members(&mut env.template, &catalog.members);
        }
    }
    if let Some(node) = top.get("codes") {
        codes(node, &mut catalog, cx);
    }
    for (required, present) in [
        ("name", catalog.name.is_some() || top.get("name").is_some()),
        ("envelopes", top.get("envelopes").is_some()),
        ("codes", top.get("codes").is_some()),
    ] {
        if !present {
            cx.push(
                Diagnostic::new(&root.loc, format!("the catalog has no `{required}`"))
                    .hint(format!("add a top-level `{required}:` key")),
            );
        }
    }
    catalog
}

/// The top level's scalars and sections.
fn scalars(top: &MapReader<'_>, catalog: &mut Catalog, cx: &mut Diagnostics) {
    catalog.name = top.get("name").and_then(|n| string(n, "`name`", cx));
    catalog.title = text(top.get("title"), "`title`", cx);
    catalog.description = text(top.get("description"), "`description`", cx);
    if let Some(node) = top.get("sections") {
        for (k, v) in entries(node, "`sections`", cx) {
            if let (Some(title), Some(body)) =
                (key(k, "a section title", cx), string(v, "a section", cx))
            {
                catalog.sections.push((title.value, body.value));
            }
        }
    }
    catalog.code_type = top
        .get("code_type")
        .and_then(|n| string(n, "`code_type`", cx));
    catalog.version = top.get("version").and_then(|n| string(n, "`version`", cx));
    catalog.request_id_header = top
        .get("request_id_header")
        .and_then(|n| string(n, "`request_id_header`", cx));
    catalog.code_namespace = top
        .get("code_namespace")
        .and_then(|n| string(n, "`code_namespace`", cx));
    if let Some(n) = top.get("every_code") {
        catalog.every_code = every_code(n, cx);
    }
    catalog.header_errors = top.get("header_errors").and_then(|n| header_errors(n, cx));
    catalog.deprecation_headers = top
        .get("deprecation_headers")
        .and_then(|n| boolean(n, "`deprecation_headers`", cx))
        .unwrap_or(false);
    if let Some(n) = top.get("content_type") {
        content_type(n, catalog, cx);
    }
    catalog.rust_name_prefix = top
        .get("rust_name_prefix")
        .and_then(|n| string(n, "`rust_name_prefix`", cx));
}

/// `content_type:`, a media type or `{type, json}`, where `json: true`
/// declares a vendor type JSON (`application/x-amz-json-1.0`).
fn content_type(n: &Node, catalog: &mut Catalog, cx: &mut Diagnostics) {
    if !matches!(n.kind, Kind::Map(_)) {
        catalog.content_type = string(n, "`content_type`", cx);
        return;
    }
    let Some(m) = MapReader::new(n, "`content_type`", CONTENT_TYPE_KEYS, cx) else {
        return;
    };
    catalog.content_type = m
        .get_or_misspelt("type")
        .and_then(|t| string(t, "`type`", cx));
    if catalog.content_type.is_none() {
        cx.push(
            Diagnostic::new(&n.loc, "`content_type` has no `type`")
                .hint("write `content_type: {type: application/x-amz-json-1.0, json: true}`"),
        );
    }
    catalog.content_type_json = m
        .get("json")
        .and_then(|j| boolean(j, "`json`", cx))
        .unwrap_or(false);
}

/// `codes:`, in the catalog's order; at least one.
fn codes(node: &Node, catalog: &mut Catalog, cx: &mut Diagnostics) {
    for (k, v) in entries(node, "`codes`", cx) {
        let Some(name) = key(k, "a code", cx) else {
            continue;
        };
        if name.value.is_empty() {
            cx.push(
                Diagnostic::new(&name.loc, "a wire code is empty")
                    .hint("write the code clients receive, e.g. `TOKEN_EXPIRED`"),
            );
        }
        if let Some(mut code) = code(name, v, cx) {
            code.member_fields = member_fields(&code, &catalog.members);
            catalog.codes.push(code);
        }
    }
    // An error enum without variants is useless, and its generated code
    // would not compile. `codes:` with no value is null: zero codes too.
    let empty = match &node.kind {
        Kind::Map(entries) => entries.is_empty(),
        Kind::Null => true,
        _ => false,
    };
    if empty {
        cx.push(
            Diagnostic::new(&node.loc, "`codes` is empty").hint(
                "a catalog needs at least one code, e.g. `TOKEN_EXPIRED: {category: auth, message: The token has expired}`",
            ),
        );
    }
}

pub(super) fn template(node: &Node) -> Template {
    match &node.kind {
        Kind::Map(entries) => Template::Object(
            entries
                .iter()
                .map(|(k, v)| (k.key_string().to_string(), template(v)))
                .collect(),
        ),
        Kind::Seq(items) => Template::Array(items.iter().map(template).collect()),
        Kind::Str(s) if s.starts_with("$$") => {
            Template::Literal(serde_json::Value::String(s[1..].to_string()))
        }
        Kind::Str(s) if s.starts_with('$') => {
            let name = &s[1..];
            match Slot::from_name(name) {
                Some(slot) => Template::Slot(Spanned {
                    value: slot,
                    loc: node.loc.clone(),
                }),
                None => Template::UnknownSlot(Spanned {
                    value: name.to_string(),
                    loc: node.loc.clone(),
                }),
            }
        }
        _ => Template::Literal(node.to_json()),
    }
}

/// Turns `$name` slots that name a declared member into member slots.
pub(super) fn resolve_members(t: &mut Template, members: &[Member]) {
    match t {
        Template::Object(items) => items
            .iter_mut()
            .for_each(|(_, v)| resolve_members(v, members)),
        Template::Array(items) => items.iter_mut().for_each(|v| resolve_members(v, members)),
        Template::UnknownSlot(s) if members.iter().any(|m| m.name.value == s.value) => {
            *t = Template::Member(s.clone());
        }
        _ => {}
    }
}

/// The fields of the value members a code lists (unknown names are the
/// checker's to report).
pub(crate) fn member_fields(code: &Code, members: &[Member]) -> Vec<Field> {
    code.members
        .iter()
        .filter_map(|n| {
            let m = members.iter().find(|m| m.name.value == n.value)?;
            let MemberKind::Value(f) = &m.kind else {
                return None;
            };
            let mut f = f.clone();
            if code.optional_members.contains(&n.value) && !matches!(f.ty.value, Ty::Optional(_)) {
                f.ty.value = Ty::Optional(Box::new(f.ty.value));
            }
            Some(f)
        })
        .collect()
}

/// One `operations:` entry.
fn operation(name: Spanned<String>, node: &Node, cx: &mut Diagnostics) -> Option<Operation> {
    let what = format!("operation `{}`", name.value);
    let map = MapReader::new(node, &what, OPERATION_KEYS, cx)?;
    Some(Operation {
        method: map.get("method").and_then(|n| string(n, "`method`", cx)),
        path: map.get("path").and_then(|n| string(n, "`path`", cx)),
        summary: text(map.get("summary"), "`summary`", cx),
        errors: map
            .get("errors")
            .map_or_else(Vec::new, |n| error_names(n, cx)),
        codes: Vec::new(),
        name,
    })
}

/// An operation's `errors:`: codes and categories, a list or one.
fn error_names(n: &Node, cx: &mut Diagnostics) -> Vec<Spanned<String>> {
    match &n.kind {
        Kind::Seq(items) => items
            .iter()
            .filter_map(|i| key(i, "a code or category", cx))
            .collect(),
        _ => key(n, "a code or category", cx).into_iter().collect(),
    }
}

/// `header_errors:`: `header`, `code` and `message` (a parameter each).
fn header_errors(n: &Node, cx: &mut Diagnostics) -> Option<HeaderErrors> {
    let map = MapReader::new(n, "`header_errors`", HEADER_ERRORS_KEYS, cx)?;
    let mut required = |key: &str| {
        if map.get(key).is_none() {
            cx.push(
                Diagnostic::new(&n.loc, format!("`header_errors` has no `{key}`"))
                    .hint("write `header_errors: {header: WWW-Authenticate, code: error, message: error_description}`"),
            );
        }
        map.get(key)
            .and_then(|v| string(v, &format!("`{key}`"), cx))
    };
    let header = required("header");
    let code = required("code");
    Some(HeaderErrors {
        loc: n.loc.clone(),
        header: header?,
        code: code?,
        message: map.get("message").and_then(|v| string(v, "`message`", cx)),
    })
}

/// `every_code:`: `members:` (names, `name?` optional) and `headers:`.
fn every_code(n: &Node, cx: &mut Diagnostics) -> EveryCode {
    let mut out = EveryCode::default();
    let Some(map) = MapReader::new(n, "`every_code`", EVERY_CODE_KEYS, cx) else {
        return out;
    };
    if let Some(h) = map.get("headers") {
        out.headers = code_headers(h, cx);
    }
    let Some(m) = map.get("members") else {
        return out;
    };
    let items = match &m.kind {
        Kind::Seq(items) => items.as_slice(),
        _ => {
            cx.push(
                Diagnostic::new(&m.loc, "`every_code.members` is not a list")
                    .hint("write `members: [error_uri?]`"),
            );
            return out;
        }
    };
    for item in items {
        if let Some(mut name) = key(item, "a member name", cx) {
            if let Some(base) = name.value.strip_suffix('?') {
                name.value = base.to_string();
                out.optional_members.push(name.value.clone());
            }
            out.members.push(name);
        }
    }
    out
}

/// A `members:` entry: `{template: …}` or a field declaration.
pub(super) fn member(name: Spanned<String>, node: &Node, cx: &mut Diagnostics) -> Option<Member> {
    let is_template = matches!(&node.kind, Kind::Map(e)
        if e.iter().any(|(k, _)| k.as_str() == Some("template")));
    let kind = if is_template {
        let what = format!("member `{}`", name.value);
        let map = MapReader::new(node, &what, MEMBER_TEMPLATE_KEYS, cx)?;
        MemberKind::Template {
            description: text(map.get("description"), "`description`", cx),
            template: string(map.get("template")?, "`template`", cx)?,
        }
    } else {
        MemberKind::Value(field(name.clone(), node, cx)?)
    };
    Some(Member { name, kind })
}

/// A code's `members:` list: value member names and `{name: template}`.
pub(super) fn code_members(node: &Node, code: &mut Code, cx: &mut Diagnostics) {
    let items = match &node.kind {
        Kind::Seq(items) => items.as_slice(),
        Kind::Null => &[],
        other => {
            cx.push(
                Diagnostic::new(
                    &node.loc,
                    format!("`members` must be a list, found {}", other.describe()),
                )
                .hint("write `members: [param]`, or `- doc_url: https://…` for a code's own text"),
            );
            return;
        }
    };
    for item in items {
        match &item.kind {
            Kind::Map(entries) => {
                for (k, v) in entries {
                    if let (Some(name), Some(text)) = (
                        key(k, "a member name", cx),
                        string(v, "a member template", cx),
                    ) {
                        code.member_templates.push((name, text));
                    }
                }
            }
            _ => {
                if let Some(mut name) = key(item, "a member name", cx) {
                    // `hint?`: this code may leave the member out.
                    if let Some(base) = name.value.strip_suffix('?') {
                        name.value = base.to_string();
                        code.optional_members.push(name.value.clone());
                    }
                    code.members.push(name);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_bytes;

    fn build_text(text: &str) -> (Catalog, Vec<Diagnostic>) {
        let mut cx = Diagnostics::new();
        let root = load_bytes("t.yaml", text.as_bytes(), &mut cx).unwrap();
        let catalog = build(&root, &mut cx);
        (catalog, cx.into_vec())
    }

    const MINIMAL: &str =
        "name: t\nenvelopes:\n  http: {code: $code}\ncategories:\n  c: {status: 400}\ncodes:\n";

    #[test]
    fn empty_codes_are_an_error_at_their_line() {
        let (_, diags) = build_text(
            "name: t\nenvelopes:\n  http: {code: $code}\ncategories:\n  c: {status: 400}\ncodes: {}\n",
        );
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!((diags[0].loc.line, diags[0].loc.column), (6, 8));
        assert!(diags[0].message.contains("`codes` is empty"), "{diags:?}");
        assert!(
            diags[0]
                .hint
                .as_deref()
                .unwrap()
                .contains("at least one code")
        );
    }

    #[test]
    fn a_misspelt_required_key_is_one_mistake() {
        let (_, diags) = build_text(&format!("{MINIMAL}  A:\n    categroy: c\n    mesage: hi\n"));
        let got: Vec<(u32, &str)> = diags
            .iter()
            .map(|d| (d.loc.line, d.hint.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(
            got,
            [
                (8, "did you mean `category`?"),
                (9, "did you mean `message`?")
            ],
            "{diags:#?}"
        );
    }

    #[test]
    fn unknown_keys_suggest_the_closest() {
        let (_, diags) = build_text(&format!(
            "{MINIMAL}  A:\n    category: c\n    mesage: hi\n    message: hi\n"
        ));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].loc.line, 9);
        assert_eq!(diags[0].hint.as_deref(), Some("did you mean `message`?"));
    }

    #[test]
    fn wrong_types_are_all_reported() {
        let (_, diags) = build_text(&format!(
            "{MINIMAL}  A:\n    category: c\n    message: [x]\n    retryable: \"yes\"\n    status: \"404\"\n"
        ));
        let lines: Vec<u32> = diags.iter().map(|d| d.loc.line).collect();
        assert_eq!(lines, vec![9, 10, 11], "{diags:?}");
        assert!(
            diags[2]
                .hint
                .as_deref()
                .unwrap()
                .contains("remove the quotes")
        );
    }

    #[test]
    fn missing_required_keys() {
        let (_, diags) = build_text("title: x\n");
        let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert!(messages.iter().any(|m| m.contains("no `name`")));
        assert!(messages.iter().any(|m| m.contains("no `codes`")));
        // A missing category or message is the checker's: categories are
        // optional, and a message is needed only where the envelope sends it.
        let (_, diags) = build_text(&format!("{MINIMAL}  A:\n    status: 400\n"));
        assert_eq!(diags.len(), 0, "{diags:?}");
        let text = format!("{MINIMAL}  A:\n    category: c\n")
            .replace("{code: $code}", "{code: $code, m: $message}");
        let d = crate::compile_str("t.yaml", text.as_bytes())
            .err()
            .unwrap_or_default();
        let d: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(d, ["code `A` has no `message`"]);
        // Without a `$message` slot, none is needed.
        let text = format!("{MINIMAL}  A:\n    category: c\n");
        assert!(crate::compile_str("t.yaml", text.as_bytes()).is_ok());
    }

    #[test]
    fn type_syntax() {
        assert_eq!(
            parse_ty("u32?"),
            Ok(Ty::Optional(Box::new(Ty::Int(IntTy::U32))))
        );
        assert_eq!(
            parse_ty("[FieldError]"),
            Ok(Ty::Array(Box::new(Ty::Named("FieldError".into()))))
        );
        assert_eq!(
            parse_ty("{string: string}"),
            Ok(Ty::Map(Box::new(Ty::String)))
        );
        assert!(parse_ty("u32??").is_err());
        assert!(parse_ty("{int: string}").is_err());
        assert!(parse_ty("not a type").is_err());
    }

    #[test]
    fn field_forms() {
        let (catalog, diags) = build_text(&format!(
            "{MINIMAL}  A:\n    category: c\n    message: hi\n    details:\n      a: [string]\n      b: {{string: u8}}\n      c: {{type: timestamp, optional: true, sensitive: true}}\n      d: {{enum: [x, y]}}\n"
        ));
        assert!(diags.is_empty(), "{diags:?}");
        let Details::Object(fields) = &catalog.codes[0].details else {
            panic!()
        };
        let tys: Vec<String> = fields.iter().map(|f| f.ty.value.display()).collect();
        assert_eq!(
            tys,
            ["[string]", "{string: u8}", "timestamp?", "enum [x, y]"]
        );
        assert!(fields[2].sensitive);
    }

    #[test]
    fn templates_find_slots() {
        let (catalog, _) = build_text(
            "name: t\nenvelopes:\n  http: {a: $code, b: $$lit, c: $nope, d: 1}\ncodes:\n",
        );
        let Template::Object(members) = &catalog.envelopes[0].template else {
            panic!()
        };
        assert!(matches!(members[0].1, Template::Slot(_)));
        assert_eq!(members[1].1, Template::Literal("$lit".into()));
        assert!(matches!(members[2].1, Template::UnknownSlot(_)));
    }
}
