//! One enum per operation (`operations:`): exactly the operation's codes,
//! with the catalog enum's variants, constructors, traits and
//! integrations. It shares the catalog enum's code, category and channel
//! enums, its code table and its named types, and converts into the
//! catalog enum (`From`) and back (`TryFrom`, which returns the error when
//! its code is not the operation's).

use crate::quasi::{Rust, rust};

use super::docs::doc;
use super::{Arms, error_enum, fmt, imp, traits};
use crate::valid::{CodeV, DetailsV, Valid};

/// The enums (declared beside the catalog enum) and their impls (inside
/// the catalog enum's `const _` block, where its code table is).
pub(super) fn all(ops: &[Valid<'_>], vis: &syn::Visibility, derives: &Rust) -> (Rust, Rust) {
    let (mut items, mut impls) = (Rust::new(), Rust::new());
    for op in ops {
        items.extend(item(op, vis, derives));
        let api = error_enum::api(op);
        let codes = codes(op);
        let display = fmt::display(op);
        let debug = fmt::debug(op);
        let traits = traits::all(op);
        let conversions = conversions(op);
        // A block of its own: its helpers are named like the catalog
        // enum's, whose code table it reads from the enclosing block.
        impls.extend(rust! {
            const _: () = {
                #codes
                #api
                #display
                #debug
                #traits
                #conversions
            };
        });
    }
    (items, impls)
}

/// The enum, documented with its operation.
fn item(op: &Valid<'_>, vis: &syn::Visibility, derives: &Rust) -> Rust {
    let (error, Some(o)) = (&op.error, &op.operation) else {
        return Rust::new();
    };
    let operation = o.operation;
    let name = &operation.name.value;
    let mut text = format!("The errors of the operation `{name}`");
    if let (Some(m), Some(p)) = (&operation.method, &operation.path) {
        text.push_str(&format!(" (`{} {}`)", m.value, p.value));
    }
    text.push('.');
    if let Some(s) = &operation.summary {
        text.push_str(&format!(" {s}"));
    }
    let codes: Vec<String> = op
        .codes
        .iter()
        .map(|c| format!("`{}`", c.code.code.value))
        .collect();
    text.push_str(&format!(
        "\n\nIts codes: {}. It converts into [`{}`] (`From`), and back with \
         `TryFrom`. A code it lacks is added to the operation's `errors:` \
         in the catalog.",
        codes.join(", "),
        o.catalog_enum
    ));
    let d = doc(&text);
    let variants = error_enum::variants(op);
    rust! {
        #d
        #derives
        #[allow(clippy::enum_variant_names, clippy::large_enum_variant)]
        #vis enum #error { #variants }
    }
}

/// `CODES`: the operation's codes, in catalog order.
fn codes(op: &Valid<'_>) -> Rust {
    let (error, code_enum) = (&op.error, &op.code_enum);
    let codes = op.codes.iter().map(|c| &c.variant);
    super::inherent(
        rust!(#error),
        rust! {
            /// The operation's codes, in catalog order.
            pub const CODES: &'static [#code_enum] = &[#(#code_enum::#codes),*];
        },
    )
}

/// `From<Op> for Catalog` and `TryFrom<Catalog> for Op`: each variant moved
/// across with its fields.
fn conversions(op: &Valid<'_>) -> Rust {
    let Some(o) = &op.operation else {
        return Rust::new();
    };
    let (error, catalog) = (&op.error, &o.catalog_enum);
    let mut into = Arms::braces();
    let mut back = Arms::braces();
    for c in &op.codes {
        let pattern = pattern(c);
        let v = &c.variant;
        into.push(rust!(#error::#v #pattern => #catalog::#v #pattern));
        back.push(rust!(#catalog::#v #pattern => #error::#v #pattern));
    }
    let into = into.close(Rust::new());
    let back = back.close(rust!(__other => return __p::Err(__other),));
    let mut out = imp(rust!(__p::Sealed for #error), Rust::new());
    out.extend(imp(
        rust!(__p::From<#error> for #catalog),
        rust! {
            fn from(error: #error) -> #catalog { match error #into }
        },
    ));
    out.extend(imp(
        rust!(__p::core::convert::TryFrom<#catalog> for #error),
        rust! {
            type Error = #catalog;
            fn try_from(error: #catalog) -> __p::Result<#error, #catalog> {
                __p::Ok(match error #back)
            }
        },
    ));
    out
}

/// The fields of a code's variant, bound by their names.
fn pattern(c: &CodeV<'_>) -> Rust {
    match &c.details {
        _ if c.is_struct() => {
            let ids = c.variant_fields().map(|f| &f.ident);
            rust!({ #(#ids),* })
        }
        DetailsV::None | DetailsV::Object(_) => Rust::new(),
        DetailsV::Value(_) => rust!((__d)),
    }
}
