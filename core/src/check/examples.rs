//! Examples match their code's detail schema and members.

use super::*;

/// Every example matches its code's detail schema; example timestamps are RFC 3339.
pub(crate) fn check_examples(catalog: &Catalog, cx: &mut Diagnostics) {
    for f in fields_of(catalog) {
        if let Some(ex) = &f.example {
            check_value(catalog, ex, &f.ty.value, cx);
        }
    }
    for code in &catalog.codes {
        let Some(example) = &code.example else {
            continue;
        };
        if let Some(ts) = &example.timestamp
            && let Err(why) = crate::timestamp::parse_timestamp(&ts.value)
        {
            cx.push(
                Diagnostic::new(&ts.loc, format!("`{}` {why}", ts.value)).hint(why.hint(&ts.value)),
            );
        }
        match (&code.details, &example.details) {
            (Details::None, Some(d)) => cx.push(
                Diagnostic::new(&d.loc, format!("example of `{}` has details, but the code has none", code.code.value))
                    .hint("declare the fields under the code's `details:`, or remove them from the example"),
            ),
            (Details::Object(_), None) if code.details_optional => {}
            (Details::Object(_), Some(d)) if code.details_optional && matches!(d.kind, Kind::Null) => {}
            (Details::Object(fields), None) => {
                let required: Vec<&str> = fields
                    .iter()
                    .filter(|f| !matches!(f.ty.value, Ty::Optional(_)))
                    .map(|f| f.name.value.as_str())
                    .collect();
                if !required.is_empty() {
                    cx.push(
                        Diagnostic::new(&example.loc, format!("example of `{}` has no `details`", code.code.value))
                            .hint(format!("add `details:` with {}", required.join(", "))),
                    );
                }
            }
            (Details::Value(ty), None) => cx.push(
                Diagnostic::new(&example.loc, format!("example of `{}` has no `details`", code.code.value))
                    .hint(format!("add `details:` holding a `{}`", ty.value.display())),
            ),
            (Details::Object(fields), Some(d)) => check_object(catalog, d, fields, cx),
            (Details::Value(ty), Some(d)) => check_value(catalog, d, &ty.value, cx),
            (Details::None, None) => {}
        }
        check_example_members(catalog, code, example, cx);
    }
}

/// An example's `members:` give values to the code's value members, every
/// required one included.
pub(super) fn check_example_members(
    catalog: &Catalog,
    code: &Code,
    example: &crate::model::Example,
    cx: &mut Diagnostics,
) {
    let members: Vec<&Field> = catalog.value_members(code).collect();
    let given: &[(Node, Node)] = match example.members.as_ref().map(|n| &n.kind) {
        None | Some(Kind::Null) => &[],
        Some(Kind::Map(entries)) => entries,
        Some(other) => {
            let loc = &example.members.as_ref().map_or(&example.loc, |n| &n.loc);
            cx.push(
                Diagnostic::new(
                    loc,
                    format!(
                        "example `members` must be a mapping, found {}",
                        other.describe()
                    ),
                )
                .hint("write `members: {param: amount}`"),
            );
            return;
        }
    };
    for (k, v) in given {
        match members.iter().find(|f| f.name.value == k.key_string()) {
            Some(f) => check_value(catalog, v, &f.ty.value, cx),
            None => {
                let names: Vec<&str> = members.iter().map(|f| f.name.value.as_str()).collect();
                cx.push(
                    Diagnostic::new(
                        &k.loc,
                        format!(
                            "example of `{}` gives member `{}`, which the code does not carry",
                            code.code.value,
                            k.key_string()
                        ),
                    )
                    .hint(if names.is_empty() {
                        "list it in the code's `members:`, or remove it from the example"
                            .to_string()
                    } else {
                        suggest(k.key_string(), &names)
                    }),
                );
            }
        }
    }
    let missing: Vec<&str> = members
        .iter()
        .filter(|f| !matches!(f.ty.value, Ty::Optional(_)))
        .filter(|f| !given.iter().any(|(k, _)| k.key_string() == f.name.value))
        .map(|f| f.name.value.as_str())
        .collect();
    if !missing.is_empty() {
        cx.push(
            Diagnostic::new(
                &example.loc,
                format!(
                    "example of `{}` has no value for member {}",
                    code.code.value,
                    missing
                        .iter()
                        .map(|m| format!("`{m}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
            .hint(format!(
                "add `members: {{{}: …}}` to the example",
                missing[0]
            )),
        );
    }
}

pub(super) fn mismatch(node: &Node, ty: &Ty, cx: &mut Diagnostics) {
    let hint = match (&node.kind, ty.required()) {
        (Kind::Str(s), Ty::Int(_) | Ty::Number) if s.parse::<f64>().is_ok() => {
            Some(format!("remove the quotes: `{s}`"))
        }
        (Kind::Int(_) | Kind::Float(_) | Kind::Bool(_), Ty::String) => {
            Some("quote the value to make it a string".to_string())
        }
        _ => None,
    };
    cx.push(
        Diagnostic::new(
            &node.loc,
            format!(
                "example value does not match type `{}`: found {}",
                ty.display(),
                node.kind.describe()
            ),
        )
        .maybe_hint(hint),
    );
}

pub(super) fn check_object(catalog: &Catalog, node: &Node, fields: &[Field], cx: &mut Diagnostics) {
    let Kind::Map(entries) = &node.kind else {
        cx.push(
            Diagnostic::new(
                &node.loc,
                format!(
                    "example details must be an object, found {}",
                    node.kind.describe()
                ),
            )
            .hint("write the details as `field: value` lines"),
        );
        return;
    };
    let names: Vec<&str> = fields.iter().map(|f| f.name.value.as_str()).collect();
    for (k, v) in entries {
        let key = k.key_string();
        match fields.iter().find(|f| f.name.value == key) {
            Some(f) => check_value(catalog, v, &f.ty.value, cx),
            None => cx.push(
                Diagnostic::new(
                    &k.loc,
                    format!("example has field `{key}`, which the schema does not declare"),
                )
                .hint(suggest(key, &names)),
            ),
        }
    }
    for f in fields {
        let present = entries.iter().any(|(k, _)| k.key_string() == f.name.value);
        if !present && !matches!(f.ty.value, Ty::Optional(_)) {
            cx.push(
                Diagnostic::new(
                    &node.loc,
                    format!("example lacks the required field `{}`", f.name.value),
                )
                .hint(format!(
                    "add `{}: ...` (a `{}`), or make the field optional with `?`",
                    f.name.value,
                    f.ty.value.display()
                )),
            );
        }
    }
}

/// Checks one example value against a type, reporting at the value's line.
pub(crate) fn check_value(catalog: &Catalog, node: &Node, ty: &Ty, cx: &mut Diagnostics) {
    match (ty, &node.kind) {
        (Ty::Optional(_), Kind::Null) => {}
        (Ty::Optional(inner), _) => check_value(catalog, node, inner, cx),
        (Ty::Json, _) => {}
        (Ty::Bool, Kind::Bool(_)) => {}
        (Ty::Int(int), Kind::Int(v)) => {
            let (lo, hi) = int.range();
            if *v < lo || *v > hi {
                cx.push(
                    Diagnostic::new(
                        &node.loc,
                        format!("example value {v} does not fit in `{}`", int.name()),
                    )
                    .hint(format!(
                        "`{}` holds {lo} to {hi}; choose a wider type",
                        int.name()
                    )),
                );
            }
        }
        (Ty::Number, Kind::Int(_) | Kind::Float(_)) => {}
        (Ty::String, Kind::Str(_)) => {}
        (Ty::Url, Kind::Str(s)) => {
            let scheme_ok = s
                .split_once("://")
                .is_some_and(|(scheme, rest)| !scheme.is_empty() && !rest.is_empty());
            if !scheme_ok || s.contains(char::is_whitespace) {
                cx.push(
                    Diagnostic::new(&node.loc, format!("`{s}` is not an absolute URL"))
                        .hint("write e.g. `https://api.example.com/webhook`"),
                );
            }
        }
        (Ty::Timestamp, Kind::Str(s)) => {
            if let Err(why) = crate::timestamp::parse_timestamp(s) {
                cx.push(Diagnostic::new(&node.loc, format!("`{s}` {why}")).hint(why.hint(s)));
            }
        }
        (Ty::Enum(values), Kind::Str(s)) => enum_member(node, s, values, cx),
        (Ty::Array(inner), Kind::Seq(items)) => {
            for item in items {
                check_value(catalog, item, inner, cx);
            }
        }
        (Ty::Map(inner), Kind::Map(entries)) => {
            for (_, v) in entries {
                check_value(catalog, v, inner, cx);
            }
        }
        // An unknown name is reported by check_type_references.
        (Ty::Named(name), _) => {
            if let Some(def) = catalog.types.iter().find(|t| &t.name.value == name) {
                match (&def.kind, &node.kind) {
                    (TypeDefKind::Struct(fields), _) => check_object(catalog, node, fields, cx),
                    (TypeDefKind::Enum(values), Kind::Str(s)) => enum_member(node, s, values, cx),
                    (TypeDefKind::Enum(_), _) => mismatch(node, ty, cx),
                }
            }
        }
        _ => mismatch(node, ty, cx),
    }
}

pub(super) fn enum_member(node: &Node, s: &str, values: &[Spanned<String>], cx: &mut Diagnostics) {
    if !values.iter().any(|v| v.value == s) {
        let names: Vec<&str> = values.iter().map(|v| v.value.as_str()).collect();
        cx.push(
            Diagnostic::new(&node.loc, format!("`{s}` is not one of the enum's values"))
                .hint(suggest(s, &names)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn example_rules() {
        let d = one(
            "  AUTH_X: {category: auth, message: hi, details: {n: u8}, example: {details: {n: 300}}}\n",
        );
        assert!(d.message.contains("does not fit in `u8`"), "{d}");
        let d = diags(
            "  AUTH_X: {category: auth, message: hi, details: {n: u8}, example: {details: {m: 1}}}\n",
        );
        assert_eq!(d.len(), 2, "{d:?}");
        let d = one(
            "  AUTH_X: {category: auth, message: hi, details: {t: timestamp}, example: {details: {t: yesterday}}}\n",
        );
        assert!(d.message.contains("RFC 3339"), "{d}");
        let d = one(
            "  AUTH_X: {category: auth, message: hi, details: {n: string}, example: {details: {n: 5}}}\n",
        );
        assert_eq!(
            d.hint.as_deref(),
            Some("quote the value to make it a string")
        );
        let d = one("  AUTH_X: {category: auth, message: hi, example: {details: {n: 5}}}\n");
        assert!(d.message.contains("the code has none"), "{d}");
        let d = one(
            "  AUTH_X: {category: auth, message: hi, details: \"[Item]\", example: {details: [{id: 1}]}}\n",
        );
        assert!(d.message.contains("does not match type `string`"), "{d}");
        let d = one(
            "  AUTH_X: {category: auth, message: hi, details: {u: url}, example: {details: {u: not-a-url}}}\n",
        );
        assert!(d.message.contains("absolute URL"), "{d}");
    }
}
