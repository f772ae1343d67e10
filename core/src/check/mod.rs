//! Stage 3: the rules a catalog must follow, one module per group of
//! rules: the catalog, its envelopes, categories, statuses and channels
//! (`catalog`); slots inside arrays (`arrays`); detail types and references to them (`types`); the
//! names the generated code derives (`naming`); messages and headers
//! (`messages`); members (`members`); renames and deprecation
//! (`lifecycle`); retry advice (`retry`); examples (`examples`).
//! Each rule is its own function; all of them run over the catalog, which
//! they only read ([`crate::resolve`] decided its names and defaults
//! before), and every mistake is collected.

use crate::diag::{Diagnostic, Diagnostics, Loc, did_you_mean, suggest};
use crate::load::{Kind, Node};
use crate::model::{
    Catalog, Code, Details, Field, MemberKind, Piece, Slot, Spanned, Template, Ty, TypeDefKind,
    pieces,
};
use crate::names;
use crate::resolve::{category_of, channel_of, variant_name};

mod arrays;
mod catalog;
mod examples;
mod lifecycle;
mod members;
mod messages;
mod naming;
mod operations;
mod retry;
/// A template's pieces, or its syntax mistake reported at its place.
pub(super) fn parsed(text: &Spanned<String>, cx: &mut Diagnostics) -> Option<Vec<Piece>> {
    match pieces(&text.value) {
        Ok(p) => Some(p),
        Err((message, hint)) => {
            cx.push(Diagnostic::new(&text.loc, message).hint(hint));
            None
        }
    }
}

#[cfg(test)]
pub(crate) mod test_support;
mod types;

use arrays::*;
use catalog::*;
use examples::*;
use lifecycle::*;
use members::*;
use messages::*;
use naming::*;
pub(crate) use naming::{
    check_companion_names, check_operation_names, operation_enum_name, optional_details_type,
};
use operations::*;
use retry::*;
use types::*;

/// The channel whose codes carry an HTTP status.
pub const HTTP: &str = "http";

/// Runs every rule over `catalog`, which [`crate::resolve::resolve`] has
/// prepared; reports, changes nothing.
pub fn check(catalog: &Catalog, cx: &mut Diagnostics) {
    check_name(catalog, cx);
    check_envelopes(catalog, cx);
    check_arrays(catalog, cx);
    check_code_elements(catalog, cx);
    check_details_placed(catalog, cx);
    check_categories(catalog, cx);
    check_types(catalog, cx);
    check_type_references(catalog, cx);
    check_category_references(catalog, cx);
    check_statuses(catalog, cx);
    check_channels(catalog, cx);
    check_naming_rules(catalog, cx);
    check_rust_names(catalog, cx);
    check_field_names(catalog, cx);
    check_type_names(catalog, cx);
    check_message_placeholders(catalog, cx);
    check_headers(catalog, cx);
    check_header_errors(catalog, cx);
    check_members(catalog, cx);
    check_lifecycle(catalog, cx);
    check_retry(catalog, cx);
    check_examples(catalog, cx);
    check_operations(catalog, cx);
}

pub(crate) fn walk_template<'a>(t: &'a Template, f: &mut impl FnMut(&'a Template)) {
    f(t);
    match t {
        Template::Object(members) => members.iter().for_each(|(_, v)| walk_template(v, f)),
        Template::Array(items) => items.iter().for_each(|v| walk_template(v, f)),
        _ => {}
    }
}

pub(super) fn fields_of(catalog: &Catalog) -> impl Iterator<Item = &Field> {
    let type_fields = catalog.types.iter().flat_map(|t| match &t.kind {
        TypeDefKind::Struct(f) => f.as_slice(),
        TypeDefKind::Enum(_) => &[],
    });
    let code_fields = catalog.codes.iter().flat_map(Code::object_fields);
    let member_fields = catalog.members.iter().filter_map(|m| match &m.kind {
        MemberKind::Value(f) => Some(f),
        MemberKind::Template { .. } => None,
    });
    type_fields.chain(code_fields).chain(member_fields)
}

#[cfg(test)]
mod tests {
    use super::test_support::*;

    #[test]
    fn a_clean_catalog_passes() {
        assert_eq!(diags("  AUTH_X: {category: auth, message: hi}\n"), vec![]);
    }

    #[test]
    fn all_mistakes_are_reported_at_once() {
        let d = diags(
            "  AUTH_X: {category: aut, message: hi}\n  AUTH_Y: {category: auth, status: 9, message: \"{x}\"}\n",
        );
        assert_eq!(d.len(), 3, "{d:#?}");
        assert!(d.windows(2).all(|w| w[0].loc.line <= w[1].loc.line));
    }

    #[test]
    fn empty_wire_codes_and_valueless_codes_are_errors() {
        let d = any("  \"\": {category: any, message: m, rust_name: Empty}\n");
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(
            (d[0].loc.line, d[0].message.as_str()),
            (14, "a wire code is empty"),
            "{}",
            d[0]
        );
        let text = format!("{BASE}\n");
        let d = diags_full(&text);
        assert!(d.iter().any(|d| d.message == "`codes` is empty"), "{d:#?}");
    }
}
