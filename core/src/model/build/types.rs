//! Named types, fields and the type language.

use super::*;

pub(super) fn type_def(
    name: Spanned<String>,
    node: &Node,
    cx: &mut Diagnostics,
) -> Option<TypeDef> {
    let what = format!("type `{}`", name.value);
    let map = MapReader::new(node, &what, TYPE_KEYS, cx)?;
    let description = text(map.get("description"), "`description`", cx);
    let kind = match (map.get("fields"), map.get("enum")) {
        (Some(fields_node), None) => TypeDefKind::Struct(fields(fields_node, cx)),
        (None, Some(values)) => TypeDefKind::Enum(enum_values(values, cx)?),
        (Some(_), Some(e)) => {
            cx.push(
                Diagnostic::new(&e.loc, format!("{what} has both `fields` and `enum`"))
                    .hint("a named type is either an object (`fields:`) or an enum (`enum:`)"),
            );
            return None;
        }
        (None, None) => {
            cx.push(
                Diagnostic::new(&name.loc, format!("{what} has neither `fields` nor `enum`"))
                    .hint("add `fields:` with one `name: type` per line, or `enum: [a, b]`"),
            );
            return None;
        }
    };
    Some(TypeDef {
        name,
        description,
        kind,
    })
}

pub(super) fn enum_values(node: &Node, cx: &mut Diagnostics) -> Option<Vec<Spanned<String>>> {
    let Kind::Seq(items) = &node.kind else {
        cx.push(
            Diagnostic::new(
                &node.loc,
                format!(
                    "`enum` must be a list of strings, found {}",
                    node.kind.describe()
                ),
            )
            .hint("write `enum: [first, second]`"),
        );
        return None;
    };
    if items.is_empty() {
        cx.push(Diagnostic::new(&node.loc, "`enum` has no values").hint("list at least one value"));
        return None;
    }
    Some(
        items
            .iter()
            .filter_map(|i| string(i, "an enum value", cx))
            .collect(),
    )
}

/// Parses the object fields of `details:` or `fields:`.
pub(super) fn fields(node: &Node, cx: &mut Diagnostics) -> Vec<Field> {
    let mut out = Vec::new();
    for (k, v) in entries(node, "the fields", cx) {
        if let Some(name) = key(k, "a field name", cx)
            && let Some(f) = field(name, v, cx)
        {
            out.push(f);
        }
    }
    out
}

pub(super) fn field(name: Spanned<String>, node: &Node, cx: &mut Diagnostics) -> Option<Field> {
    let mut f = Field {
        name,
        rust_name: None,
        ty: Spanned {
            value: Ty::Json,
            loc: node.loc.clone(),
        },
        description: None,
        example: None,
        sensitive: false,
    };
    // Long form: a mapping with `type` or `enum` (a mapping whose only key is
    // `string` is the map shorthand `{string: T}`).
    let long = matches!(&node.kind, Kind::Map(e)
        if e.iter().any(|(k, _)| matches!(k.as_str(), Some("type" | "enum"))));
    if !long {
        f.ty = ty(node, cx)?;
        return Some(f);
    }
    let what = format!("field `{}`", f.name.value);
    let map = MapReader::new(node, &what, FIELD_KEYS, cx)?;
    let mut inner = match (map.get("type"), map.get("enum")) {
        (Some(t), None) => ty(t, cx)?,
        (None, Some(e)) => Spanned {
            value: Ty::Enum(enum_values(e, cx)?),
            loc: e.loc.clone(),
        },
        (Some(_), Some(e)) => {
            cx.push(
                Diagnostic::new(&e.loc, format!("{what} has both `type` and `enum`"))
                    .hint("use `enum: [a, b]` alone for a field that takes one of listed values"),
            );
            return None;
        }
        (None, None) => return None,
    };
    if let Some(opt) = map
        .get("optional")
        .and_then(|n| boolean(n, "`optional`", cx))
        && opt
        && !matches!(inner.value, Ty::Optional(_))
    {
        inner.value = Ty::Optional(Box::new(inner.value));
    }
    f.ty = inner;
    f.description = text(map.get("description"), "`description`", cx);
    f.example = map.get("example").cloned();
    f.sensitive = map
        .get("sensitive")
        .and_then(|n| boolean(n, "`sensitive`", cx))
        .unwrap_or(false);
    f.rust_name = map
        .get("rust_name")
        .and_then(|n| string(n, "`rust_name`", cx));
    Some(f)
}

/// Parses a type written as a string (`u32`, `[FieldError]`, `{string: T}`,
/// `T?`), a one-element sequence (`[T]`) or a `{string: T}` mapping.
pub(super) fn ty(node: &Node, cx: &mut Diagnostics) -> Option<Spanned<Ty>> {
    let value = match &node.kind {
        Kind::Str(s) => match parse_ty(s) {
            Ok(t) => t,
            Err(msg) => {
                cx.push(Diagnostic::new(&node.loc, msg.0).maybe_hint(msg.1));
                return None;
            }
        },
        Kind::Seq(items) if items.len() == 1 => Ty::Array(Box::new(ty(&items[0], cx)?.value)),
        Kind::Map(entries) if entries.len() == 1 && entries[0].0.as_str() == Some("string") => {
            Ty::Map(Box::new(ty(&entries[0].1, cx)?.value))
        }
        other => {
            cx.push(
                Diagnostic::new(
                    &node.loc,
                    format!("expected a field type, found {}", other.describe()),
                )
                .hint(
                    "write a type such as `string`, `u32?`, `[FieldError]`, `{string: string}`, or a mapping with `type:` or `enum:`",
                ),
            );
            return None;
        }
    };
    Some(Spanned {
        value,
        loc: node.loc.clone(),
    })
}

/// Parses the string form of a type. Errors carry a message and a hint.
pub(crate) fn parse_ty(s: &str) -> Result<Ty, (String, Option<String>)> {
    let s = s.trim();
    if let Some(inner) = s.strip_suffix('?') {
        let inner = parse_ty(inner)?;
        if matches!(inner, Ty::Optional(_)) {
            return Err((
                format!("`{s}` is optional twice"),
                Some("write a single `?`".into()),
            ));
        }
        return Ok(Ty::Optional(Box::new(inner)));
    }
    if let Some(inner) = s.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        return Ok(Ty::Array(Box::new(parse_ty(inner)?)));
    }
    if let Some(inner) = s.strip_prefix('{').and_then(|r| r.strip_suffix('}')) {
        let Some(value) = inner.trim().strip_prefix("string:") else {
            return Err((
                format!("map type `{s}` must have string keys"),
                Some("write `{string: T}`".into()),
            ));
        };
        return Ok(Ty::Map(Box::new(parse_ty(value)?)));
    }
    if let Some((t, _)) = IntTy::ALL.iter().find(|(_, n)| *n == s) {
        return Ok(Ty::Int(*t));
    }
    Ok(match s {
        "bool" => Ty::Bool,
        "string" => Ty::String,
        "number" => Ty::Number,
        "timestamp" => Ty::Timestamp,
        "url" => Ty::Url,
        "json" => Ty::Json,
        _ if crate::names::is_plain_ident(s) => Ty::Named(s.to_string()),
        _ => {
            return Err((
                format!("invalid type `{s}`"),
                Some(format!(
                    "a type is one of {}, a named type, `[T]`, `{{string: T}}` or `T?`",
                    SCALAR_TYPES.join(", ")
                )),
            ));
        }
    })
}
