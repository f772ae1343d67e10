//! Retry advice.

use super::*;

/// Retry advice: a delay field exists in every code the advice applies to
/// and holds a number (seconds) or a timestamp; attempts are 1 to 100; an
/// action is a name.
pub(crate) fn check_retry(catalog: &Catalog, cx: &mut Diagnostics) {
    let advices = catalog
        .categories
        .iter()
        .filter_map(|c| c.retry.as_ref())
        .chain(catalog.codes.iter().filter_map(|c| c.retry.as_ref()));
    for r in advices {
        check_advice(r, cx);
    }
    for code in &catalog.codes {
        check_after_field(catalog, code, cx);
    }
}

/// One advice, alone: attempts, action, header.
fn check_advice(r: &crate::model::Retry, cx: &mut Diagnostics) {
    if let Some(a) = &r.attempts
        && !(1..=100).contains(&a.value)
    {
        cx.push(
            Diagnostic::new(&a.loc, format!("`attempts: {}` is out of range", a.value))
                .hint("attempts count the first one: 1 to 100"),
        );
    }
    if let Some(a) = &r.action
        && !names::is_field_ident(&a.value)
    {
        cx.push(
            Diagnostic::new(&a.loc, format!("action `{}` is not a name", a.value))
                .hint("name the client action in snake_case, e.g. `refresh_credentials`"),
        );
    }
    if let Some(h) = &r.after_header
        && http::HeaderName::from_bytes(h.value.as_bytes()).is_err()
    {
        cx.push(
            Diagnostic::new(&h.loc, format!("`{}` is not a header name", h.value))
                .hint("e.g. `after_header: Retry-After`"),
        );
    }
}

/// The advice that applies to `code` names a delay field of its own.
fn check_after_field(catalog: &Catalog, code: &Code, cx: &mut Diagnostics) {
    let own = code.retry.as_ref();
    let inherited = category_of(catalog, code).and_then(|c| c.retry.as_ref());
    let Some(r) = own.or(inherited) else { return };
    let Some(field) = &r.after_field else {
        return;
    };
    let fields: Vec<&Field> = catalog.variant_fields(code).collect();
    let names: Vec<&str> = fields.iter().map(|f| f.name.value.as_str()).collect();
    let whose = if own.is_some() {
        String::new()
    } else {
        format!(" (from its category, for `{}`)", code.code.value)
    };
    match fields.iter().find(|f| f.name.value == field.value) {
        None => cx.push(
            Diagnostic::new(
                &field.loc,
                format!(
                    "`after_field: {}` names no detail field of `{}`{whose}",
                    field.value, code.code.value
                ),
            )
            .hint(if names.is_empty() {
                "the code has no details; use `after_header: Retry-After` or a `backoff`"
                    .to_string()
            } else {
                suggest(&field.value, &names)
            }),
        ),
        Some(f)
            if !matches!(
                f.ty.value.required(),
                Ty::Int(_) | Ty::Number | Ty::Timestamp
            ) =>
        {
            cx.push(
                Diagnostic::new(
                    &field.loc,
                    format!(
                        "`after_field: {}` of `{}` is a `{}`{whose}",
                        field.value,
                        code.code.value,
                        f.ty.value.display()
                    ),
                )
                .hint("the delay is a number of seconds or a timestamp to retry at"),
            )
        }
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    /// Each rule of retry advice, with its message, place and hint.
    #[test]
    fn retry_rules() {
        let d = one("  AUTH_A: {category: auth, message: m, retry: {attempts: 0}}\n");
        assert_eq!(d.message, "`attempts: 0` is out of range");
        assert!(d.hint.as_deref().unwrap().contains("1 to 100"));
        let d = one("  AUTH_A: {category: auth, message: m, retry: {action: Refresh-Token}}\n");
        assert_eq!(d.message, "action `Refresh-Token` is not a name");
        assert!(d.hint.as_deref().unwrap().contains("snake_case"));
        let d = one(
            "  AUTH_A: {category: auth, message: m, retry: {after_header: \"not a header\"}}\n",
        );
        assert_eq!(d.message, "`not a header` is not a header name");
        // `after_field` names a detail of the code, a number or a time.
        let d = one(
            "  AUTH_A: {category: auth, message: m, details: {wait: u32}, retry: {after_field: wiat}}\n",
        );
        assert_eq!(
            d.message,
            "`after_field: wiat` names no detail field of `AUTH_A`"
        );
        assert!(d.hint.as_deref().unwrap().contains("wait"), "{d}");
        let d = one("  AUTH_A: {category: auth, message: m, retry: {after_field: wait}}\n");
        assert!(d.hint.as_deref().unwrap().contains("has no details"), "{d}");
        let d = one(
            "  AUTH_A: {category: auth, message: m, details: {wait: string}, retry: {after_field: wait}}\n",
        );
        assert_eq!(d.message, "`after_field: wait` of `AUTH_A` is a `string`");
        assert!(d.hint.as_deref().unwrap().contains("number of seconds"));
        assert_eq!((d.loc.line, d.loc.column), (13, 86), "{d}");
        // Advice inherited from a category is checked for each of its codes.
        let text = BASE.replace(
            "  auth: {status: 401, prefix: AUTH_}\n",
            "  auth: {status: 401, prefix: AUTH_, retry: {after_field: wait}}\n",
        );
        let d = diags_full(&format!("{text}  AUTH_A: {{category: auth, message: m}}\n"));
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(
            d[0].message,
            "`after_field: wait` names no detail field of `AUTH_A` (from its category, for `AUTH_A`)"
        );
        assert_eq!(d[0].loc.line, 6, "at the category's advice");
    }
}
