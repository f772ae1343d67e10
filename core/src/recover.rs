//! Recovery after catalog mistakes, so that a build shows the catalog's
//! errors and not a cascade in user code (thiserror's `fallback.rs` and
//! rustc's recovery after a syntax error are the models).
//!
//! When the catalog-wide parts (name, envelopes, categories, types) check
//! clean, each code is checked on its own. Shape mistakes (a misspelt key)
//! have already been reported by the model, which built what it could. A code with a mistake in its
//! metadata (an unknown or missing category, a bad status, a wrong
//! placeholder, a missing message, a bad header, a bad example) is repaired: its shape (variant, fields,
//! constructor) is kept and the broken metadata is neutralized. A code that
//! cannot be repaired (no Rust name, details that do not resolve) is left
//! out. The result passes the whole checker, so its expansion is as sound
//! as a clean catalog's; it is only ever expanded next to the diagnostics,
//! which fail the build.

use crate::check;
use crate::diag::Diagnostics;
use crate::model::{Catalog, Code};

/// A catalog that expands soundly, built from one whose check failed, or
/// `None` when the mistakes are not confined to codes.
pub fn recover(mut catalog: Catalog) -> Option<Catalog> {
    let codes = std::mem::take(&mut catalog.codes);
    if !clean_with(&mut catalog, Vec::new()) {
        return None;
    }
    let mut kept = Vec::with_capacity(codes.len());
    for code in codes {
        if clean_with(&mut catalog, vec![code.clone()]) {
            kept.push(code);
            continue;
        }
        let repaired = repair(&catalog, code);
        if clean_with(&mut catalog, vec![repaired.clone()]) {
            kept.push(repaired);
            continue;
        }
        // An HTTP code with a broken status: 500 stands in for it.
        let with_status = Code {
            status: Some(crate::model::Spanned {
                value: 500,
                loc: repaired.code.loc.clone(),
            }),
            ..repaired
        };
        if clean_with(&mut catalog, vec![with_status.clone()]) {
            kept.push(with_status);
        }
    }
    // Mistakes between codes (two with one Rust name, inline enums with
    // one name) drop the later code, until the whole catalog is clean.
    loop {
        if kept.is_empty() {
            return None;
        }
        catalog.codes = kept;
        let mut cx = Diagnostics::new();
        crate::resolve::resolve(&mut catalog);
        check::check(&catalog, &mut cx);
        if cx.is_empty() {
            return Some(catalog);
        }
        let first = cx.into_vec().into_iter().next()?;
        kept = std::mem::take(&mut catalog.codes);
        let at = kept
            .iter()
            .rposition(|c| c.code.loc.line <= first.loc.line)
            .unwrap_or(kept.len() - 1);
        kept.remove(at);
    }
}

/// Whether the catalog-wide parts and `codes` check clean together.
fn clean_with(catalog: &mut Catalog, codes: Vec<Code>) -> bool {
    catalog.codes = codes;
    let mut cx = Diagnostics::new();
    crate::resolve::resolve(catalog);
    check::check(catalog, &mut cx);
    let clean = cx.is_empty();
    catalog.codes.clear();
    clean
}

/// Neutralizes a code's metadata and keeps its shape.
fn repair(catalog: &Catalog, mut code: Code) -> Code {
    let known = |name: &str| catalog.categories.iter().any(|c| c.name.value == name);
    if !code.category.as_ref().is_some_and(|c| known(&c.value)) {
        // A category whose naming rule the code follows stands in.
        let fits = catalog.categories.iter().find(|c| {
            c.prefix
                .as_ref()
                .is_none_or(|p| code.code.value.starts_with(&p.value))
        });
        code.category = fits.map(|c| crate::model::Spanned {
            value: c.name.value.clone(),
            loc: code.code.loc.clone(),
        });
    }
    if code
        .status
        .as_ref()
        .is_some_and(|s| !(400..=599).contains(&s.value) && !(200..=299).contains(&s.value))
    {
        code.status = None;
    }
    match &mut code.message {
        // The message as literal text: no placeholder left to be wrong.
        Some(message) => message.value = message.value.replace('{', "{{").replace('}', "}}"),
        // A misspelt `message:` key: the wire code stands in.
        None => {
            code.message = Some(crate::model::Spanned {
                value: code.code.value.replace('{', "{{").replace('}', "}}"),
                loc: code.code.loc.clone(),
            });
        }
    }
    code.headers.clear();
    code.example = None;
    code
}

#[cfg(test)]
mod tests {
    const BASE: &str = "name: t\nenvelopes:\n  http: {code: $code, message: $message, details: $details}\ncategories:\n  auth: {status: 401, prefix: AUTH_}\n  limits: {status: 429}\ncodes:\n";

    fn failed(codes: &str) -> crate::Failed {
        failed_in(BASE, codes)
    }

    fn failed_in(base: &str, codes: &str) -> crate::Failed {
        let dir = std::env::temp_dir().join(format!("errcat-recover-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = dir.join(format!("{n}.yaml"));
        std::fs::write(&path, format!("{base}{codes}")).unwrap();
        let result = crate::compile_file_recovering(&path, "t.yaml");
        let _ = std::fs::remove_file(&path);
        result.expect_err("the catalog has mistakes")
    }

    fn kept(f: &crate::Failed) -> Vec<&str> {
        let c = f.recovered.as_ref().expect("recovered");
        c.codes.iter().map(|c| c.code.value.as_str()).collect()
    }

    #[test]
    fn broken_metadata_is_repaired_and_the_shape_kept() {
        let f = failed(
            "  A: {category: limitz, message: \"{n}\", details: {n: u32}}\n  B: {category: limits, status: 700, message: m}\n  C: {category: limits, message: \"{x}\"}\n  D: {category: limits, message: ok}\n",
        );
        assert_eq!(f.diagnostics.len(), 3, "{:#?}", f.diagnostics);
        assert_eq!(kept(&f), ["A", "B", "C", "D"]);
        let c = f.recovered.as_ref().unwrap();
        assert_eq!(c.codes[0].category.as_ref().unwrap().value, "limits");
        assert_eq!(c.codes[0].object_fields().len(), 1, "A keeps its field");
        assert_eq!(
            c.codes[1].resolved.status,
            Some(429),
            "B falls back to its category's status"
        );
        assert_eq!(c.codes[2].message.as_ref().unwrap().value, "{{x}}");
    }

    #[test]
    fn codes_that_cannot_be_repaired_are_left_out() {
        let f = failed(
            "  42P01: {category: limits, message: m}\n  A: {category: limits, message: m, details: {x: Nope}}\n  B: {category: limits, message: m}\n",
        );
        assert_eq!(kept(&f), ["B"]);
        // Two codes with one Rust name: the later one goes.
        let f = failed(
            "  a_b: {category: limits, message: m}\n  A_B: {category: limits, message: m}\n  C: {category: limitz, message: m}\n",
        );
        assert_eq!(kept(&f), ["a_b", "C"]);
    }

    #[test]
    fn catalog_wide_mistakes_recover_nothing() {
        let base = BASE.replace("status: 429", "status: 99");
        let f = failed_in(&base, "  A: {category: limits, message: m}\n");
        assert!(
            f.recovered.is_none(),
            "a bad category status is catalog-wide"
        );
        // A misspelt key in a code: the code is repaired.
        let f = failed("  A: {categroy: limits, mesage: m}\n  B: {category: limits, message: m}\n");
        assert_eq!(kept(&f), ["A", "B"]);
    }
}
