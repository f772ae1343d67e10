//! Renames and deprecation.

use std::collections::HashMap;

use super::*;

/// `version` is `MAJOR.MINOR.PATCH`; deprecations name dates that parse,
/// a sunset after their start, and a replacement that exists; former codes
/// (`renamed_from`) belong to no other code.
pub(crate) fn check_lifecycle(catalog: &Catalog, cx: &mut Diagnostics) {
    if let Some(v) = &catalog.version
        && crate::evolve::major(&v.value).is_none()
    {
        cx.push(
            Diagnostic::new(&v.loc, format!("`{}` is not a version", v.value))
                .hint("write `MAJOR.MINOR.PATCH`, e.g. `1.4.0`"),
        );
    }
    let codes: Vec<&str> = catalog
        .codes
        .iter()
        .map(|c| c.code.value.as_str())
        .collect();
    let mut former: HashMap<String, &Loc> = HashMap::new();
    for code in &catalog.codes {
        check_renames(catalog, code, &codes, &mut former, cx);
        if let Some(d) = &code.deprecated {
            check_deprecation(catalog, code, d, &codes, cx);
        }
    }
}

/// Former codes belong to no current code and to one code only.
fn check_renames<'a>(
    catalog: &Catalog,
    code: &'a Code,
    codes: &[&str],
    former: &mut HashMap<String, &'a Loc>,
    cx: &mut Diagnostics,
) {
    let aliases = code.aliases.iter().map(|a| (a, "an alias", "aliases"));
    for (old, what, key) in code
        .renamed_from
        .iter()
        .map(|o| (o, "a former code", "renamed_from"))
        .chain(aliases)
    {
        if codes.contains(&old.value.as_str()) {
            cx.push(
                Diagnostic::new(
                    &old.loc,
                    format!("`{}` is still a code of the catalog", old.value),
                )
                .hint(format!(
                    "{what} decodes as another code; remove it from `codes:` or from `{key}`"
                )),
            );
        } else if let Some(first) = used_before(former, old.value.clone(), &old.loc) {
            cx.push(
                Diagnostic::new(
                    &old.loc,
                    format!("`{}` is the former code or alias of two codes", old.value),
                )
                .hint("clients would not know which code it is; keep it on one")
                .note("also here", first),
            );
        } else if catalog.numeric_codes()
            && old.value.parse::<i64>().map(|n| n.to_string()) != Ok(old.value.clone())
        {
            cx.push(
                Diagnostic::new(
                    &old.loc,
                    format!("former code `{}` is not a decimal integer", old.value),
                )
                .hint("the catalog's codes are integers (`code_type: integer`)"),
            );
        }
    }
}

/// A deprecation's dates parse and come in order, its replacement is
/// another code, and with `deprecation_headers` its headers are errcat's.
fn check_deprecation(
    catalog: &Catalog,
    code: &Code,
    d: &crate::model::Deprecation,
    codes: &[&str],
    cx: &mut Diagnostics,
) {
    let date = |s: &Option<Spanned<String>>, cx: &mut Diagnostics| {
        let s = s.as_ref()?;
        let parsed = crate::timestamp::parse_date(&s.value);
        if parsed.is_none() {
            cx.push(
                Diagnostic::new(&s.loc, format!("`{}` is not a date", s.value)).hint(
                    "write `2024-06-01` or an RFC 3339 timestamp such as `2024-06-01T00:00:00Z`",
                ),
            );
        }
        parsed
    };
    let since = date(&d.since, cx);
    let sunset = date(&d.sunset, cx);
    if let (Some(a), Some(b), Some(s)) = (since, sunset, &d.sunset)
        && b <= a
    {
        cx.push(
            Diagnostic::new(&s.loc, "the sunset is not after the deprecation")
                .hint("a code is deprecated first, and stops being sent later"),
        );
    }
    if let Some(r) = &d.replaced_by {
        if r.value == code.code.value {
            cx.push(
                Diagnostic::new(&r.loc, "a code cannot replace itself")
                    .hint("name the code to use instead"),
            );
        } else if !codes.contains(&r.value.as_str()) {
            cx.push(
                Diagnostic::new(
                    &r.loc,
                    format!("`replaced_by` names `{}`, which is not a code", r.value),
                )
                .hint(suggest(&r.value, codes)),
            );
        }
    }
    if !catalog.deprecation_headers {
        return;
    }
    if d.since.is_none() {
        cx.push(
            Diagnostic::new(&d.loc, format!("deprecated code `{}` has no `since` for its `Deprecation` header", code.code.value))
                .hint("write `deprecated: {since: 2024-06-01, note: …}`; RFC 9745's header carries the date"),
        );
    }
    for h in &code.headers {
        if h.name.value.eq_ignore_ascii_case("deprecation")
            || h.name.value.eq_ignore_ascii_case("sunset")
        {
            cx.push(
                Diagnostic::new(
                    &h.name.loc,
                    format!("`{}` is set by `deprecation_headers`", h.name.value),
                )
                .hint("remove it here; errcat writes it from `deprecated:`"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn renames_and_deprecations_are_checked() {
        let base = "name: t\nenvelopes:\n  http: {code: $code, message: $message}\ncodes:\n  A: {status: 400, message: m}\n";
        let cases = [
            ("version: one\n", "", "`one` is not a version"),
            (
                "",
                "  B: {status: 400, message: m, renamed_from: [A]}\n",
                "still a code of the catalog",
            ),
            (
                "",
                "  B: {status: 400, message: m, renamed_from: [X]}\n  C: {status: 400, message: m, renamed_from: [X]}\n",
                "former code or alias of two codes",
            ),
            (
                "",
                "  B: {status: 400, message: m, aliases: A}\n",
                "still a code of the catalog",
            ),
            (
                "",
                "  B: {status: 400, message: m, renamed_from: [X]}\n  C: {status: 400, message: m, aliases: [X]}\n",
                "former code or alias of two codes",
            ),
            (
                "",
                "  B: {status: 400, message: m, deprecated: {replaced_by: Z}}\n",
                "which is not a code",
            ),
            (
                "",
                "  B: {status: 400, message: m, deprecated: {replaced_by: B}}\n",
                "cannot replace itself",
            ),
            (
                "",
                "  B: {status: 400, message: m, deprecated: {since: soon}}\n",
                "`soon` is not a date",
            ),
            (
                "",
                "  B: {status: 400, message: m, deprecated: {since: 2024-06-01, sunset: 2024-01-01}}\n",
                "not after the deprecation",
            ),
            (
                "deprecation_headers: true\n",
                "  B: {status: 400, message: m, deprecated: true}\n",
                "has no `since`",
            ),
            (
                "",
                "  B: {status: 400, message: m, deprecated: {sine: 2024-01-01}}\n",
                "unknown key `sine`",
            ),
        ];
        for (top, codes, want) in cases {
            let text = format!("{top}{base}{codes}");
            let d = diags_full(&text);
            assert!(
                d.iter().any(|d| d.message.contains(want)),
                "{text}: want {want}: {d:#?}"
            );
        }
        let ok = format!(
            "version: 1.2.3\ndeprecation_headers: true\n{base}  B: {{status: 400, message: m, renamed_from: [OLD_B], deprecated: {{since: 2024-06-01, replaced_by: A}}}}\n"
        );
        crate::compile_str("t.yaml", ok.as_bytes()).unwrap();
    }
}
