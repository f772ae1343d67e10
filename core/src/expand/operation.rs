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

/// At most this many hidden constructors of undeclared codes, over all
/// operations: each costs the compiler 0.1 to 0.2 ms (a 1,000-code catalog
/// of 100 operations would need 98,700, 20 s; BENCHMARKS.md). Past it,
/// calling one is the compiler's own "no associated item" error.
pub const MAX_UNDECLARED: usize = 1024;

/// The enums (declared beside the catalog enum) and their impls (inside
/// the catalog enum's `const _` block, where its code table is).
pub(super) fn all(
    catalog: &Valid<'_>,
    ops: &[Valid<'_>],
    vis: &syn::Visibility,
    derives: &[proc_macro2::Ident],
) -> (Rust, Rust) {
    // The std derives of the catalog enum (its fields have them); others
    // are the user's to add, and one that fails would fail once per enum.
    let derives = std_derives(derives);
    let derives = &derives;
    let (mut items, mut impls) = (Rust::new(), Rust::new());
    let http = catalog
        .codes
        .iter()
        .filter(|c| c.code.resolved.status.is_some())
        .count();
    let stubs: usize = ops.iter().map(|o| http - o.codes.len()).sum();
    let named = !ops.is_empty() && stubs <= MAX_UNDECLARED;
    if named {
        impls.extend(code_markers(catalog));
    }
    for op in ops {
        items.extend(item(op, vis, derives));
        let api = error_enum::api(op);
        let codes = codes(op);
        let display = fmt::display(op);
        let debug = fmt::debug(op);
        let traits = traits::all(op);
        let conversions = conversions(op);
        let undeclared = named.then(|| undeclared(catalog, op));
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
                #undeclared
            };
        });
    }
    (items, impls)
}

/// `#[derive(...)]` of the std traits named, by absolute paths.
fn std_derives(names: &[proc_macro2::Ident]) -> Rust {
    let paths: Vec<Rust> = names
        .iter()
        .filter_map(|n| match n.to_string().as_str() {
            "Clone" => Some(rust!(::core::clone::Clone)),
            "PartialEq" => Some(rust!(::core::cmp::PartialEq)),
            "Eq" => Some(rust!(::core::cmp::Eq)),
            "Hash" => Some(rust!(::core::hash::Hash)),
            "PartialOrd" => Some(rust!(::core::cmp::PartialOrd)),
            "Ord" => Some(rust!(::core::cmp::Ord)),
            _ => None,
        })
        .collect();
    match paths.is_empty() {
        true => Rust::new(),
        false => rust!(#[derive(#(#paths),*)]),
    }
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

/// The type that names a code in the error of an undeclared constructor:
/// the wire code when Rust can spell it, else the variant.
fn marker(c: &CodeV<'_>) -> proc_macro2::Ident {
    let wire = c.code.code.value.as_str();
    match crate::names::is_plain_ident(wire) && !crate::names::is_keyword(wire) {
        true => proc_macro2::Ident::new(wire, proc_macro2::Span::call_site()),
        false => c.variant.clone(),
    }
}

/// One type per HTTP code, named like it, for the errors of undeclared
/// constructors (in a module of their own: no name of the expansion can
/// clash with them).
fn code_markers(catalog: &Valid<'_>) -> Rust {
    let markers = catalog
        .codes
        .iter()
        .filter(|c| c.code.resolved.status.is_some())
        .map(marker);
    rust! {
        #[allow(non_camel_case_types, dead_code)]
        mod __errcat_codes { #(pub struct #markers;)* }
    }
}

/// For each HTTP code of the catalog the operation lacks, a hidden
/// constructor that cannot be called: its bound is never met, so calling
/// it is an error that names the code and the operation and says how to
/// add it (rather than only "no associated item").
fn undeclared(catalog: &Valid<'_>, op: &Valid<'_>) -> Rust {
    let Some(o) = &op.operation else {
        return Rust::new();
    };
    let name = o.operation.name.value.as_str();
    let op_marker = match crate::names::is_plain_ident(name) && !crate::names::is_keyword(name) {
        true => proc_macro2::Ident::new(name, proc_macro2::Span::call_site()),
        false => op.error.clone(),
    };
    let declared: std::collections::HashSet<&str> = op
        .codes
        .iter()
        .map(|c| c.code.code.value.as_str())
        .collect();
    let mut stubs = Rust::new();
    for c in &catalog.codes {
        if c.code.resolved.status.is_none() || declared.contains(c.code.code.value.as_str()) {
            continue;
        }
        let (ctor, params, m) = (&c.ctor, super::ctors::params(c), marker(c));
        stubs.extend(rust! {
            #[doc(hidden)]
            #[allow(clippy::too_many_arguments)]
            pub fn #ctor(#params) -> Self
            where
                for<'__a> __errcat_codes::#m: __p::Declared<__errcat_operation::#op_marker, &'__a ()>,
            {
                <__errcat_codes::#m as __p::Declared<__errcat_operation::#op_marker, &'static ()>>::never()
            }
        });
    }
    let mut out = rust! {
        #[allow(non_camel_case_types, dead_code)]
        mod __errcat_operation { pub struct #op_marker; }
    };
    let error = &op.error;
    out.extend(super::inherent(rust!(#error), stubs));
    out
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
