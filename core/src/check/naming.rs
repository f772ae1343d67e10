//! The names the generated code derives: variants, constructors, fields,
//! types and their companions, distinct and valid.

use std::collections::HashMap;

use super::*;

/// A category's `prefix` must start every code of the category.
pub(crate) fn check_naming_rules(catalog: &Catalog, cx: &mut Diagnostics) {
    for code in &catalog.codes {
        let Some(cat) = category_of(catalog, code) else {
            continue;
        };
        let Some(prefix) = &cat.prefix else { continue };
        if !code.code.value.starts_with(&prefix.value) {
            let better = catalog.categories.iter().find(|c| {
                c.prefix
                    .as_ref()
                    .is_some_and(|p| code.code.value.starts_with(&p.value))
            });
            let hint = match better {
                Some(c) => format!(
                    "category `{}` requires the prefix `{}`; did you mean category `{}`?",
                    cat.name.value, prefix.value, c.name.value
                ),
                None => format!(
                    "category `{}` requires codes to start with `{}`; rename the code or change its category",
                    cat.name.value, prefix.value
                ),
            };
            cx.push(
                Diagnostic::new(
                    &code.code.loc,
                    format!(
                        "code `{}` breaks the naming rule of category `{}`",
                        code.code.value, cat.name.value
                    ),
                )
                .hint(hint),
            );
        }
    }
}

/// Codes map to distinct, valid Rust names whose constructors do not clash
/// with the generated methods.
pub(crate) fn check_rust_names(catalog: &Catalog, cx: &mut Diagnostics) {
    let mut seen: HashMap<String, (&str, &Loc)> = HashMap::new();
    // Distinct variants can still share a constructor (`AB` and `Ab`).
    let mut ctors: HashMap<String, (&str, &Loc)> = HashMap::new();
    for code in &catalog.codes {
        let loc = code.rust_name.as_ref().map_or(&code.code.loc, |r| &r.loc);
        let Some((name, ctor)) = usable_names(catalog, code, loc, cx) else {
            continue;
        };
        // A shared variant is reported below, not again as a shared constructor.
        if !seen.contains_key(&name) {
            let hint = "give one of them a `rust_name` whose snake_case differs";
            claim(
                &mut ctors,
                &ctor,
                code,
                loc,
                "get the constructor",
                hint,
                cx,
            );
        }
        if names::RESERVED_CTORS.contains(&ctor.as_str()) {
            cx.push(
                Diagnostic::new(
                    loc,
                    format!(
                        "code `{}` would get the constructor `{ctor}`, which is a method of every generated error",
                        code.code.value
                    ),
                )
                .hint(format!("add a `rust_name` such as `{name}Error`")),
            );
        }
        let hint = "give one of them a distinct `rust_name`";
        claim(
            &mut seen,
            &name,
            code,
            loc,
            "map to the Rust name",
            hint,
            cx,
        );
    }
}

/// The code's variant and constructor names, when Rust can spell them.
fn usable_names(
    catalog: &Catalog,
    code: &Code,
    loc: &Loc,
    cx: &mut Diagnostics,
) -> Option<(String, String)> {
    let Some(name) = variant_name(catalog, code) else {
        cx.push(
            Diagnostic::new(
                &code.code.loc,
                format!(
                    "code `{}` is not a Rust identifier and has no `rust_name`",
                    code.code.value
                ),
            )
            .hint(format!(
                "add `rust_name: {}`, or give the catalog a `rust_name_prefix` (e.g. `rust_name_prefix: Sqlstate`) to name all such codes",
                names::suggest_rust_name(&code.code.value)
            )),
        );
        return None;
    };
    if !names::is_plain_ident(&name) || !name.starts_with(|c: char| c.is_ascii_uppercase()) {
        cx.push(
            Diagnostic::new(
                loc,
                format!("`rust_name` `{name}` is not an UpperCamelCase identifier"),
            )
            .hint(format!(
                "write e.g. `rust_name: {}`",
                names::suggest_rust_name(&name)
            )),
        );
        return None;
    }
    let ctor = names::snake(&name);
    if !names::can_be_raw(&ctor) {
        cx.push(
            Diagnostic::new(
                loc,
                format!(
                    "code `{}` would get the constructor `{ctor}`, a keyword that Rust cannot use as a name",
                    code.code.value
                ),
            )
            .hint(format!("add a `rust_name` such as `{name}Error`")),
        );
        return None;
    }
    Some((name, ctor))
}

/// Records that `code` takes `key` (a Rust name, a constructor); a second
/// code taking the same key is a diagnostic at `loc`.
pub(super) fn claim<'a>(
    taken: &mut HashMap<String, (&'a str, &'a Loc)>,
    key: &str,
    code: &'a Code,
    loc: &Loc,
    what: &str,
    hint: &str,
    cx: &mut Diagnostics,
) {
    match taken.get(key) {
        Some((other, first)) => cx.push(
            Diagnostic::new(
                loc,
                format!(
                    "codes `{other}` and `{}` both {what} `{key}`",
                    code.code.value
                ),
            )
            .hint(hint)
            .note(format!("`{other}` is defined"), first),
        ),
        None => {
            taken.insert(key.to_string(), (&code.code.value, &code.code.loc));
        }
    }
}

/// Field names must be Rust identifiers (keywords become `r#...`), or carry a `rust_name`.
pub(crate) fn check_field_names(catalog: &Catalog, cx: &mut Diagnostics) {
    for f in fields_of(catalog) {
        // Inline enums, of named types' fields and of codes' details alike.
        if let Ty::Enum(values) = f.ty.value.required() {
            check_enum_values(values, cx);
        }
        let name = f.rust_name.as_ref().unwrap_or(&f.name);
        if !names::is_field_ident(&name.value) {
            // `pointer?: string` is an optional field written as a member's.
            let hint = match f.name.value.strip_suffix('?') {
                Some(bare) if f.rust_name.is_none() && names::is_field_ident(bare) => format!(
                    "an optional field puts the `?` after its type: `{bare}: {}?`",
                    f.ty.value.display()
                ),
                _ => format!(
                    "use the long form with a `rust_name`, e.g. `{}: {{type: ..., rust_name: {}}}`",
                    f.name.value,
                    names::snake(&names::suggest_rust_name(&f.name.value))
                ),
            };
            cx.push(
                Diagnostic::new(
                    &name.loc,
                    format!("field `{}` is not a Rust identifier", name.value),
                )
                .hint(hint),
            );
        }
    }
    // Within one object, Rust names are unique: `rust_name: a` beside a
    // field `a` would be a struct with two fields `a`.
    let type_fields = catalog.types.iter().filter_map(|t| match &t.kind {
        TypeDefKind::Struct(f) => Some(f.as_slice()),
        TypeDefKind::Enum(_) => None,
    });
    let code_fields = catalog
        .codes
        .iter()
        .map(|c| catalog.variant_fields(c).collect::<Vec<_>>());
    for fields in type_fields
        .map(|f| f.iter().collect::<Vec<_>>())
        .chain(code_fields)
    {
        let mut seen: HashMap<&str, &Loc> = HashMap::new();
        for f in fields {
            let name = f.rust_name.as_ref().unwrap_or(&f.name);
            if let Some(first) = seen.insert(&name.value, &name.loc) {
                cx.push(
                    Diagnostic::new(
                        &name.loc,
                        format!("two fields have the Rust name `{}`", name.value),
                    )
                    .hint("give one of them a different `rust_name`")
                    .note("the other field", first),
                );
            }
        }
    }
}

/// The Rust types a catalog defines, each with where it comes from: named
/// types, and inline `enum:` fields (named after their owner and field).
pub(crate) fn type_names(catalog: &Catalog) -> Vec<(String, &Loc)> {
    let mut out: Vec<(String, &Loc)> = catalog
        .types
        .iter()
        .map(|t| (t.name.value.clone(), &t.name.loc))
        .collect();
    let type_fields = catalog.types.iter().filter_map(|t| match &t.kind {
        TypeDefKind::Struct(f) => Some((t.name.value.clone(), f.as_slice())),
        TypeDefKind::Enum(_) => None,
    });
    let code_fields = catalog
        .codes
        .iter()
        .filter_map(|c| Some((variant_name(catalog, c)?, c.object_fields())));
    for (owner, fields) in type_fields.chain(code_fields) {
        for f in fields {
            if matches!(f.ty.value.required(), Ty::Enum(_)) {
                let name = crate::rust_ty::inline_enum_name(&owner, &f.name.value);
                out.push((name, &f.name.loc));
            }
        }
    }
    // Object details that may be absent become a struct of their own.
    for c in catalog.codes.iter().filter(|c| c.details_optional) {
        if let Some(variant) = variant_name(catalog, c) {
            out.push((optional_details_type(&variant), &c.code.loc));
        }
    }
    out
}

/// The struct that holds a code's object details when they may be absent.
pub(crate) fn optional_details_type(variant: &str) -> String {
    format!("{variant}Details")
}

/// No two generated types share a name: a named type and an inline enum
/// (`RateLimitedPlan`), or two inline enums (`A_B.c` and `A.b_c`).
pub(crate) fn check_type_names(catalog: &Catalog, cx: &mut Diagnostics) {
    let mut seen: HashMap<String, &Loc> = HashMap::new();
    for (name, loc) in type_names(catalog) {
        if let Some(first) = used_before(&mut seen, name.clone(), loc) {
            cx.push(
                Diagnostic::new(loc, format!("this defines the Rust type `{name}` a second time"))
                    .hint("inline enums are named after their code and field; rename the field or the type, or use a named `enum:` type for both")
                    .note("the first definition", first),
            );
        }
    }
}

/// Type names that collide with the companions generated beside the user's
/// enum `error` (`<Enum>Code`, `<Enum>Category`, `<Enum>Channel`, the enum
/// itself): only known once the macro sees the enum.
pub(crate) fn check_companion_names(catalog: &Catalog, error: &str) -> Vec<Diagnostic> {
    let companions = [
        error.to_string(),
        format!("{error}Code"),
        format!("{error}Category"),
        format!("{error}Channel"),
    ];
    type_names(catalog)
        .into_iter()
        .filter(|(name, _)| companions.contains(name))
        .map(|(name, loc)| {
            Diagnostic::new(loc, format!("the type `{name}` collides with a type generated for `{error}`"))
                .hint(format!(
                    "errcat generates `{error}`, `{error}Code`, `{error}Category` and `{error}Channel`; rename this type"
                ))
        })
        .collect()
}

/// The enum of an operation: `create_event` -> `CreateEventError`.
pub(crate) fn operation_enum_name(operation: &str) -> String {
    format!("{}Error", names::upper_camel(operation).unwrap_or_default())
}

/// Each operation's enum must be a name of its own: not the catalog
/// enum's, one of its companions', a named type's, or another operation's.
/// Each mistake with the index of the operation it is about.
pub(crate) fn check_operation_names(catalog: &Catalog, error: &str) -> Vec<(usize, Diagnostic)> {
    if catalog.operations.is_empty() {
        return Vec::new();
    }
    let companions = [
        error.to_string(),
        format!("{error}Code"),
        format!("{error}Category"),
        format!("{error}Channel"),
    ];
    let types = type_names(catalog);
    let mut seen: Vec<(String, &str)> = Vec::new();
    let mut out = Vec::new();
    for (i, op) in catalog.operations.iter().enumerate() {
        let name = operation_enum_name(&op.name.value);
        let clash = if companions.contains(&name) {
            Some(format!("a type errcat generates for `{error}`"))
        } else if types.iter().any(|(t, _)| *t == name) {
            Some("a type of the catalog".to_string())
        } else {
            seen.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, other)| format!("the enum of the operation `{other}`"))
        };
        if let Some(clash) = clash {
            out.push((
                i,
                Diagnostic::new(
                    &op.name.loc,
                    format!(
                        "the operation `{}`'s enum `{name}` is also {clash}",
                        op.name.value
                    ),
                )
                .hint(
                    "rename the operation (its enum is its name in UpperCamelCase, then `Error`)",
                ),
            ));
        }
        seen.push((name, &op.name.value));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn naming_rule() {
        let d = one("  TOKEN_X: {category: auth, message: hi}\n");
        assert!(d.message.contains("breaks the naming rule"), "{d}");
    }

    #[test]
    fn rust_name_rules() {
        let d = one("  \"42P01\": {category: sock, message: hi}\n");
        assert!(d.message.contains("not a Rust identifier"), "{d}");
        assert_eq!(
            d.hint.as_deref(),
            Some(
                "add `rust_name: E42p01`, or give the catalog a `rust_name_prefix` (e.g. `rust_name_prefix: Sqlstate`) to name all such codes"
            )
        );
        assert!(
            diags("  \"42P01\": {category: sock, message: hi, rust_name: UndefinedTable}\n")
                .is_empty()
        );
        let d = diags(
            "  AUTH_X: {category: auth, message: hi}\n  auth_x: {category: sock, message: hi}\n",
        );
        assert!(
            d.iter()
                .any(|d| d.message.contains("both map to the Rust name `AuthX`")),
            "{d:?}"
        );
        let d = one("  status: {category: sock, message: hi}\n");
        assert!(d.message.contains("method of every generated error"), "{d}");
        let d = one("  X: {category: sock, message: hi, rust_name: lower}\n");
        assert!(d.message.contains("UpperCamelCase"), "{d}");
    }

    #[test]
    fn field_name_rules() {
        let d = one("  X: {category: sock, message: hi, details: {max-size: u32}}\n");
        assert!(d.message.contains("not a Rust identifier"), "{d}");
        assert!(diags("  X: {category: sock, message: hi, details: {type: u32}}\n").is_empty());
    }

    #[test]
    fn codes_whose_constructor_cannot_be_a_name_are_errors() {
        for code in ["super", "SELF", "Crate"] {
            let d = any(&format!("  {code}: {{category: any, message: m}}\n"));
            assert_eq!(d.len(), 1, "{d:#?}");
            assert!(
                d[0].message.contains("keyword that Rust cannot use")
                    || d[0].message.contains("not a Rust identifier"),
                "{code}: {}",
                d[0]
            );
        }
        // Keywords that a raw identifier spells are fine: `r#type`.
        assert!(any("  TYPE: {category: any, message: m}\n").is_empty());
    }

    #[test]
    fn a_prefix_names_codes_that_are_not_identifiers() {
        let base = BASE.replace("name: t\n", "name: t\nrust_name_prefix: Sqlstate\n");
        let codes = "  42P01: {category: sock, message: m}\n  0B000: {category: sock, message: m, rust_name: Explicit}\n  TOKEN: {category: sock, message: m}\n";
        let catalog = crate::compile_str("t.yaml", format!("{base}{codes}").as_bytes()).unwrap();
        let variants: Vec<&str> = catalog
            .codes
            .iter()
            .map(|c| c.resolved.variant.as_str())
            .collect();
        assert_eq!(variants, ["Sqlstate42P01", "Explicit", "Token"]);
        // Still a collision when two codes give one name.
        let codes =
            "  42P01: {category: sock, message: m}\n  42-P01: {category: sock, message: m}\n";
        let d = diags_full(&format!("{base}{codes}"));
        assert!(
            d.iter().any(|d| d
                .message
                .contains("both map to the Rust name `Sqlstate42P01`")),
            "{d:#?}"
        );
        let bad = BASE.replace("name: t\n", "name: t\nrust_name_prefix: sql-state\n");
        let d = diags_full(&format!("{bad}  AUTH_A: {{category: auth, message: m}}\n"));
        assert!(
            d.iter()
                .any(|d| d.message.contains("cannot start a Rust type name")),
            "{d:#?}"
        );
    }

    #[test]
    fn integer_codes_are_canonical_decimal_numbers() {
        let base = "name: t\ncode_type: integer\nenvelopes:\n  http: {code: $code, message: $message}\ncodes:\n";
        let ok = format!("{base}  5: {{status: 404, message: m, rust_name: NotFound}}\n");
        assert!(
            crate::compile_str("t.yaml", ok.as_bytes())
                .unwrap()
                .numeric_codes()
        );
        for bad in ["05", "+5", "0x5", "NOT_FOUND"] {
            let d = diags_full(&format!(
                "{base}  {bad}: {{status: 404, message: m, rust_name: NotFound}}\n"
            ));
            assert!(
                d.iter().any(|d| d.message.contains("is not an integer")),
                "{bad}: {d:#?}"
            );
        }
        let d = diags_full(&ok.replace("integer", "number"));
        assert!(
            d.iter().any(|d| d.message.contains("unknown `code_type`")),
            "{d:#?}"
        );
    }

    #[test]
    fn fields_of_one_object_have_distinct_rust_names() {
        let d = any(
            "  A:\n    category: any\n    message: m\n    details:\n      x: string\n      y: {type: string, rust_name: x}\n",
        );
        assert_eq!(d.len(), 1, "{d:#?}");
        assert!(
            d[0].message.contains("two fields have the Rust name `x`"),
            "{}",
            d[0]
        );
        assert_eq!(
            (d[0].loc.line, d[0].note.as_ref().map(|n| n.1.line)),
            (19, Some(18))
        );
    }

    #[test]
    fn operation_enums_have_names_of_their_own() {
        let text = BASE.replace(
            "types:\n",
            "operations:\n  item: {errors: [AUTH_OK]}\n  api: {errors: [AUTH_OK]}\n  a_b1: {errors: [AUTH_OK]}\n  a_b_1: {errors: [AUTH_OK]}\ntypes:\n  ItemError: {fields: {x: string}}\n",
        );
        let catalog = crate::compile_str(
            "t.yaml",
            format!("{text}  AUTH_OK: {{category: auth, message: ok}}\n").as_bytes(),
        )
        .unwrap();
        let d = super::check_operation_names(&catalog, "ApiError");
        let shown: Vec<(u32, &str)> = d
            .iter()
            .map(|(_, d)| (d.loc.line, d.message.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                (
                    9,
                    "the operation `item`'s enum `ItemError` is also a type of the catalog"
                ),
                (
                    10,
                    "the operation `api`'s enum `ApiError` is also a type errcat generates for `ApiError`"
                ),
                (
                    12,
                    "the operation `a_b_1`'s enum `AB1Error` is also the enum of the operation `a_b1`"
                ),
            ]
        );
        assert_eq!(d.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [0, 1, 3]);
        assert!(d.iter().all(|(_, d)| {
            d.hint
                .as_deref()
                .is_some_and(|h| h.contains("rename the operation"))
        }));
        // Under another enum name, `api` is a name of its own.
        assert_eq!(super::check_operation_names(&catalog, "ShopError").len(), 2);
    }

    #[test]
    fn codes_sharing_a_constructor_are_errors() {
        let d = any("  A_B: {category: any, message: m}\n  AB: {category: any, message: m}\n");
        assert_eq!(d.len(), 1, "{d:#?}");
        assert!(
            d[0].message.contains("both get the constructor `ab`"),
            "{}",
            d[0]
        );
        assert_eq!(d[0].loc.line, 15);
    }

    #[test]
    fn channels_without_a_rust_name_are_errors() {
        let text = BASE
            .replace(
                "  ws: {code: $code, details: $details}",
                "  日本: {code: $code}",
            )
            .replace("channel: ws", "channel: 日本");
        let d = diags_full(&format!("{text}  AUTH_A: {{category: auth, message: m}}\n"));
        assert!(
            d.iter()
                .any(|d| d.message == "channel `日本` has no Rust name" && d.loc.line == 4),
            "{d:#?}"
        );
    }

    #[test]
    fn types_may_not_take_a_companion_name() {
        let text = format!(
            "{}  AUTH_A: {{category: auth, message: m}}\n",
            BASE.replace("  Item:", "  ApiErrorCode:")
        );
        let catalog = crate::compile_str("t.yaml", text.as_bytes()).unwrap();
        let d = super::check_companion_names(&catalog, "ApiError");
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].loc.line, 9);
        assert!(super::check_companion_names(&catalog, "ShopError").is_empty());
    }
}
