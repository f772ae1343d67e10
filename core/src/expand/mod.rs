//! Rust code for the item form (`valid/`), one module per
//! generated artifact:
//!
//! | module | generates |
//! |---|---|
//! | `types` | named types and inline enums |
//! | `error_enum` | the error enum and its inherent API |
//! | `ctors` | one constructor per code |
//! | `code_enum` | the code enum and its table; category and channel enums |
//! | `fmt` | `Display` and `Debug` |
//! | `headers` | `headers()` |
//! | `ser`, `envelope` | details and envelope serialization |
//! | `de` | decoding details back into variants |
//! | `traits` | `CatalogError`, `Serialize`, `Error` |
//! | `operation` | each operation's enum, its conversions, the hidden constructors that name an undeclared code |
//! | `docs` | rustdoc |
//! | `fallback` | the skeleton emitted beside unrecoverable mistakes |
//!
//! Every dependency is named through `::errcat::__private`, so a user crate
//! needs `errcat` alone; every impl is written by `imp` or `inherent`.
//! Output is a function of the catalog and the input item only (catalog
//! order, no hash iteration), so expansions are deterministic.

mod code_enum;
mod ctors;
mod de;
mod docs;
pub use docs::deprecation_note;
mod envelope;
mod error_enum;
mod fallback;
mod fmt;
mod headers;
mod operation;
mod paths;
mod ser;
mod traits;
mod types;

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::quasi::{Rust, rust};

use crate::Checked;
use crate::diag::Diagnostic;
use crate::model::Code;
use crate::valid::Valid;

pub use fallback::fallback;
pub use paths::{Bases, Resolved};

fn private() -> Rust {
    rust!(::errcat::__private)
}

/// Expands `#[errcat::catalog("path")]` on `item`, lexed by `proc_macro2`
/// (tests and tools; the proc macro uses [`catalog_attribute_output`]).
pub fn catalog_attribute(args: TokenStream, item: TokenStream, bases: &Bases) -> TokenStream {
    catalog_attribute_output(args, item, bases).into_token_stream()
}

/// Expands `#[errcat::catalog("path")]` on `item`: what the proc macro
/// calls. The code stays text for the compiler's lexer (see
/// [`Output`](crate::cache::Output)).
pub fn catalog_attribute_output(
    args: TokenStream,
    item: TokenStream,
    bases: &Bases,
) -> crate::cache::Output {
    use crate::cache::Output;
    let lit: syn::LitStr = match syn::parse2(args) {
        Ok(lit) => lit,
        Err(e) => {
            return Output::errors(
                syn::Error::new(
                    e.span(),
                    "expected the catalog path: #[errcat::catalog(\"catalog/api.yaml\")]",
                )
                .to_compile_error(),
            );
        }
    };
    let input: syn::DeriveInput = match syn::parse2(item.clone()) {
        Ok(i) => i,
        Err(e) => return Output::errors(e.to_compile_error()),
    };
    if let Err(e) = check_item(&input) {
        return Output::errors(e.to_compile_error());
    }
    let resolved = bases.resolve(&lit.value());
    crate::entry::run(&resolved, &item, "catalog", |compiled| {
        // What cannot be named for this item (a type named like one of the
        // enum's companions) is decided once, by the checked form; the
        // enum's skeleton then stands beside the errors, so no cascade.
        let named = |catalog: &Checked| {
            expand_checked(catalog, &input, &resolved).unwrap_or_else(|d| {
                Output::code(None, fallback(&input)).after_errors(errors(&d, lit.span()))
            })
        };
        match compiled {
            // With only lock mistakes the catalog is sound: its whole API
            // stands beside them.
            crate::entry::Compiled::Sound { catalog, locked } => {
                let out = named(&catalog);
                match out.errors.is_empty() {
                    true => out.after_errors(errors(&locked, lit.span())),
                    false => out,
                }
            }
            // The repaired catalog's API, else the empty skeleton.
            crate::entry::Compiled::Failed(failed) => {
                let errors = errors(&failed.diagnostics, lit.span());
                let body = match &failed.recovered {
                    Some(c) => match expand_checked(c, &input, &resolved) {
                        Ok(out) => out,
                        Err(_) => Output::code(None, fallback(&input)),
                    },
                    None => Output::code(None, fallback(&input)),
                };
                body.after_errors(errors)
            }
        }
    })
}

fn check_item(input: &syn::DeriveInput) -> syn::Result<()> {
    let syn::Data::Enum(data) = &input.data else {
        return Err(syn::Error::new(
            input.ident.span(),
            "#[errcat::catalog] goes on an empty enum: `pub enum ApiError {}`",
        ));
    };
    if let Some(v) = data.variants.first() {
        return Err(syn::Error::new(
            v.ident.span(),
            "the variants come from the catalog; leave the enum empty, or use #[derive(ErrorCatalog)] to check hand-written variants",
        ));
    }
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new(
            input.ident.span(),
            "a catalog enum cannot be generic",
        ));
    }
    Ok(())
}

/// One `compile_error!` per diagnostic, spanned on `span`.
pub fn errors(diags: &[Diagnostic], span: Span) -> TokenStream {
    diags
        .iter()
        .map(|d| syn::Error::new(span, d.to_string()).to_compile_error())
        .collect()
}

/// Which codes an expansion covers and the Rust variant of each.
pub(crate) struct Plan<'a> {
    /// Codes in catalog order, each with its variant identifier.
    pub codes: Vec<(&'a Code, Ident)>,
    /// Whether to emit the enum itself and its `Debug` impl (the attribute
    /// macro), or only the impls for a hand-written enum (the derive).
    pub emit_enum: bool,
}

/// Expands a checked catalog for the user's (empty) enum; a name that
/// clashes with the enum's companions becomes a `compile_error!`.
pub fn expand(
    catalog: &Checked,
    input: &syn::DeriveInput,
    source: &Resolved,
) -> crate::cache::Output {
    match expand_checked(catalog, input, source) {
        Ok(out) => out,
        Err(diags) => crate::cache::Output::errors(errors(&diags, Span::call_site())),
    }
}

fn expand_checked(
    catalog: &Checked,
    input: &syn::DeriveInput,
    source: &Resolved,
) -> Result<crate::cache::Output, Vec<Diagnostic>> {
    let codes = catalog
        .codes
        .iter()
        .map(|c| Ok((c, crate::valid::ident(&c.resolved.variant, &c.code.loc)?)))
        .collect::<Result<_, Diagnostic>>()
        .map_err(|d| vec![d])?;
    let plan = Plan {
        codes,
        emit_enum: true,
    };
    generate(catalog, input, source, &plan)
}

/// The code shared by the attribute macro and the derive.
pub(crate) fn generate(
    catalog: &Checked,
    input: &syn::DeriveInput,
    source: &Resolved,
    plan: &Plan<'_>,
) -> Result<crate::cache::Output, Vec<Diagnostic>> {
    let valid = Valid::new(catalog, &input.ident, &plan.codes, plan.emit_enum)?;
    let vis = &input.vis;
    let (user_attrs, std_derives) = split_attrs(&input.attrs);
    // The structs derive what the user derives on the enum, besides the
    // `Clone` and `PartialEq` that decoding needs.
    let derives: Vec<Ident> = std_derives
        .iter()
        .filter(|d| *d != "Clone" && *d != "PartialEq")
        .cloned()
        .collect();
    let types = types::all(&valid, vis, &derives);
    let (item, debug) = if plan.emit_enum {
        let head = error_enum::head(&valid, vis, &user_attrs);
        let variants = error_enum::variants(&valid);
        (Some((head, variants)), fmt::debug(&valid))
    } else {
        (None, Rust::new())
    };
    let companions = code_enum::companions(&valid, vis);
    let rebuild = source.rebuild_trigger();
    let table = code_enum::table(&valid);
    let api = error_enum::api(&valid);
    let impls = code_enum::impls(&valid);
    let display = fmt::display(&valid);
    let traits = traits::all(&valid);
    // Operations' enums belong to the catalog enum (a derive has none).
    let (ops, op_errors) = match plan.emit_enum {
        true => valid.operations(),
        false => (Vec::new(), Vec::new()),
    };
    let (op_items, op_impls) = operation::all(&valid, &ops, vis, &std_derives);
    // Cargo rebuilds this crate when the catalog changes (`rebuild`).
    let code = rust! {
        #types
        #companions
        #op_items
        #rebuild
        const _: () = {
            use ::errcat::__private as __p;
            #[allow(unused_imports)]
            use __p::serde::ser::{SerializeSeq as _, SerializeStruct as _};
            #table
            #api
            #impls
            #display
            #debug
            #traits
            #op_impls
        };
    };
    let out = crate::cache::Output::code(item, code);
    Ok(match op_errors.is_empty() {
        true => out,
        false => out.after_errors(errors(&op_errors, Span::call_site())),
    })
}

/// A trait impl, with the attributes every generated impl carries: it is
/// generated code, and catalog features (deprecated codes, fallback arms,
/// fields a code's message does not use) must not warn in user crates.
fn imp(header: Rust, body: Rust) -> Rust {
    rust! {
        #[automatically_derived]
        #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
        impl #header { #body }
    }
}

/// An inherent impl, with the same lint allowances as [`imp`].
fn inherent(ty: Rust, body: Rust) -> Rust {
    rust! {
        #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
        impl #ty { #body }
    }
}

/// Comma-separated items in braces (or brackets), written into one text
/// that starts with the delimiter: the items are copied once, not again
/// when the list is closed.
struct Arms {
    text: Rust,
    close: &'static str,
    len: usize,
}

impl Arms {
    /// `head { items }`: a list after what introduces it (`enum E`),
    /// written into the same text.
    fn after(mut head: Rust) -> Arms {
        head.push_token("{ ");
        Arms {
            text: head,
            close: "} ",
            len: 0,
        }
    }

    /// `{ items }`.
    fn braces() -> Arms {
        Arms::after(Rust::new())
    }

    /// `[ items ]`.
    fn brackets() -> Arms {
        let mut text = Rust::new();
        text.push_token("[ ");
        Arms {
            text,
            close: "] ",
            len: 0,
        }
    }

    fn push(&mut self, item: Rust) {
        self.text.extend(item);
        self.text.push_token(", ");
        self.len += 1;
    }

    /// The list, with `tail` after the items.
    fn close(mut self, tail: Rust) -> Rust {
        self.text.extend(tail);
        self.text.push_token(self.close);
        self.text
    }
}

/// The user's attributes, with `Debug` taken out of `derive` lists (errcat
/// implements `Debug` itself so that sensitive fields are redacted) and
/// the std derives collected for the companion structs.
fn split_attrs(attrs: &[syn::Attribute]) -> (Vec<TokenStream>, Vec<Ident>) {
    const STD: &[&str] = &["Clone", "PartialEq", "Eq", "Hash", "PartialOrd", "Ord"];
    let mut kept = Vec::new();
    let mut std_derives = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident("derive") {
            kept.push(quote!(#attr));
            continue;
        }
        let parsed = attr.parse_args_with(
            syn::punctuated::Punctuated::<syn::Path, syn::Token![,]>::parse_terminated,
        );
        let Ok(paths) = parsed else {
            kept.push(quote!(#attr));
            continue;
        };
        let others: Vec<&syn::Path> = paths
            .iter()
            .filter(|p| {
                let last = p.segments.last().map(|s| s.ident.to_string());
                if let Some(name) = &last
                    && STD.contains(&name.as_str())
                {
                    std_derives.push(format_ident!("{}", name));
                }
                last.as_deref() != Some("Debug")
            })
            .collect();
        if !others.is_empty() {
            kept.push(quote!(#[derive(#(#others),*)]));
        }
    }
    (kept, std_derives)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebuild_trigger_handles_every_kind_of_path() {
        let manifest = Bases::default()
            .resolve("catalog/api.yaml")
            .rebuild_trigger()
            .to_string();
        assert!(
            manifest.contains("CARGO_MANIFEST_DIR") && manifest.contains("\"/catalog/api.yaml\""),
            "{manifest}"
        );
        let absolute = Bases::default()
            .resolve("/srv/api.yaml")
            .rebuild_trigger()
            .to_string();
        assert!(
            !absolute.contains("CARGO_MANIFEST_DIR") && absolute.contains("\"/srv/api.yaml\""),
            "{absolute}"
        );
    }

    #[test]
    fn an_unchecked_catalog_is_refused_not_a_panic() {
        let text = "name: t\nenvelopes: {http: {code: $code}}\ncategories: {c: {status: 400}}\ncodes:\n  A: {category: c, message: m}\n";
        let mut catalog = crate::compile_str("t.yaml", text.as_bytes())
            .unwrap()
            .into_inner();
        catalog.categories.clear();
        let catalog = Checked::unchecked(catalog);
        let input: syn::DeriveInput = syn::parse_str("pub enum E {}").unwrap();
        let out = expand(&catalog, &input, &Bases::default().resolve("t.yaml"))
            .into_token_stream()
            .to_string();
        assert!(out.contains("was not resolved"), "{out}");
        assert!(out.contains("compile_error"), "{out}");
    }
}
