//! Detail types: their definitions and every reference to them.

use std::collections::{HashMap, HashSet};

use super::*;

/// Named types: Rust-identifier names, distinct enum values.
pub(crate) fn check_types(catalog: &Catalog, cx: &mut Diagnostics) {
    for def in &catalog.types {
        if !names::is_plain_ident(&def.name.value)
            || !def.name.value.starts_with(|c: char| c.is_ascii_uppercase())
        {
            cx.push(
                Diagnostic::new(
                    &def.name.loc,
                    format!("invalid type name `{}`", def.name.value),
                )
                .hint(format!(
                    "type names become Rust types; write it in UpperCamelCase, e.g. `{}`",
                    names::suggest_rust_name(&def.name.value)
                )),
            );
        }
        match &def.kind {
            TypeDefKind::Enum(values) => check_enum_values(values, cx),
            TypeDefKind::Struct(_) => {}
        }
    }
}

/// Records that `key` is used at `loc`; where it was first used, when it
/// was used before (one Rust name for two catalog names).
pub(super) fn used_before<'a>(
    seen: &mut HashMap<String, &'a Loc>,
    key: String,
    loc: &'a Loc,
) -> Option<&'a Loc> {
    match seen.get(&key) {
        Some(first) => Some(first),
        None => {
            seen.insert(key, loc);
            None
        }
    }
}

pub(super) fn check_enum_values(values: &[Spanned<String>], cx: &mut Diagnostics) {
    let mut seen: HashMap<String, &Loc> = HashMap::new();
    for v in values {
        let Some(rust) = names::upper_camel(&v.value) else {
            cx.push(
                Diagnostic::new(&v.loc, format!("enum value `{}` has no Rust name", v.value))
                    .hint("enum values must contain a letter and not start with a digit"),
            );
            continue;
        };
        if let Some(first) = used_before(&mut seen, rust.clone(), &v.loc) {
            cx.push(
                Diagnostic::new(
                    &v.loc,
                    format!(
                        "enum value `{}` has the same Rust name `{rust}` as another value",
                        v.value
                    ),
                )
                .hint("enum values must differ in more than case and punctuation")
                .note("the other value", first),
            );
        }
    }
}

/// Every named type a field refers to must be defined; a type may not
/// contain itself except through `[T]` or `{string: T}`.
pub(crate) fn check_type_references(catalog: &Catalog, cx: &mut Diagnostics) {
    let defined: Vec<&str> = catalog
        .types
        .iter()
        .map(|t| t.name.value.as_str())
        .collect();
    let report = |ty: &Spanned<Ty>, cx: &mut Diagnostics| {
        let mut used = Vec::new();
        ty.value.named_types(&mut used);
        for name in used {
            if !defined.contains(&name.as_str()) {
                let mut candidates = defined.clone();
                candidates.extend(crate::model::SCALAR_TYPES);
                cx.push(
                    Diagnostic::new(&ty.loc, format!("unknown type `{name}`"))
                        .hint(suggest(&name, &candidates)),
                );
            }
        }
    };
    for f in fields_of(catalog) {
        report(&f.ty, cx);
    }
    for code in &catalog.codes {
        if let Details::Value(ty) = &code.details {
            report(ty, cx);
        }
    }
    // Direct containment (not through a collection) would be an infinitely large type.
    let direct: HashMap<&str, Vec<String>> = catalog
        .types
        .iter()
        .map(|t| {
            let mut used = Vec::new();
            if let TypeDefKind::Struct(fields) = &t.kind {
                for f in fields {
                    if let Ty::Named(n) = f.ty.value.required() {
                        used.push(n.clone());
                    }
                }
            }
            (t.name.value.as_str(), used)
        })
        .collect();
    for t in &catalog.types {
        let mut stack = vec![t.name.value.clone()];
        let mut seen = HashSet::new();
        while let Some(n) = stack.pop() {
            for next in direct.get(n.as_str()).into_iter().flatten() {
                if *next == t.name.value {
                    cx.push(
                        Diagnostic::new(
                            &t.name.loc,
                            format!("type `{}` contains itself", t.name.value),
                        )
                        .hint("a recursive field must be a list `[T]` or a map `{string: T}`"),
                    );
                    stack.clear();
                    break;
                }
                if seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn type_rules() {
        let d = diags_full(&BASE.replace("  Item:", "  item:"));
        assert!(d[0].message.contains("invalid type name"), "{d:?}");
        let d = diags_full(&BASE.replace("id: string", "id: Item"));
        assert!(d[0].message.contains("contains itself"), "{d:?}");
        assert!(diags_full(&BASE.replace("id: string", "id: \"[Item]\"")).is_empty());
        let d = diags_full(&BASE.replace("id: string", "id: {enum: [a-b, a_b]}"));
        assert!(d[0].message.contains("same Rust name"), "{d:?}");
    }

    #[test]
    fn unknown_type() {
        let d = one("  AUTH_X: {category: auth, message: hi, details: {a: Iten}}\n");
        assert_eq!(d.message, "unknown type `Iten`");
        assert_eq!(d.hint.as_deref(), Some("did you mean `Item`?"));
    }

    #[test]
    fn inline_enums_are_checked_and_may_not_collide() {
        let d = any(
            "  A:\n    category: any\n    message: m\n    details:\n      c: {enum: [日本, x]}\n",
        );
        assert!(
            d.len() == 1 && d[0].message.contains("has no Rust name"),
            "{d:#?}"
        );
        let d = any(
            "  A:\n    category: any\n    message: m\n    details:\n      c: {enum: [On, on]}\n",
        );
        assert!(
            d.len() == 1 && d[0].message.contains("same Rust name"),
            "{d:#?}"
        );
        let d = any(
            "  A_B:\n    category: any\n    message: m\n    details:\n      c: {enum: [x]}\n  A:\n    category: any\n    message: m\n    details:\n      b_c: {enum: [y]}\n",
        );
        assert!(
            d.len() == 1 && d[0].message.contains("`ABC` a second time"),
            "{d:#?}"
        );
        assert_eq!(d[0].note.as_ref().map(|n| n.1.line), Some(18));
        let d =
            any("  X:\n    category: any\n    message: m\n    details:\n      y: {enum: [a]}\n");
        assert!(d.is_empty(), "{d:#?}");
        let d = diags_full(&BASE.replace(
            "  Item:\n    fields:\n      id: string",
            "  XY:\n    enum: [a]\n  X:\n    fields:\n      y: {enum: [b]}",
        ));
        assert!(
            d.len() == 1 && d[0].message.contains("`XY` a second time"),
            "{d:#?}"
        );
    }
}
