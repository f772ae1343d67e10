//! `#[derive(ErrorCatalog)]`: checks a hand-written enum against a catalog,
//! then implements the same API as the attribute macro through
//! `expand::generate`.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::spanned::Spanned as _;

use crate::Checked;
use crate::diag::suggest;
use crate::expand::{Bases, Plan, errors, generate};
use crate::model::{Code, Details, Field, Ty};

struct Options {
    path: syn::LitStr,
    exhaustive: bool,
}

fn options(input: &syn::DeriveInput) -> syn::Result<Options> {
    let mut path = None;
    let mut exhaustive = false;
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("catalog")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("path") {
                path = Some(meta.value()?.parse::<syn::LitStr>()?);
                Ok(())
            } else if meta.path.is_ident("exhaustive") {
                exhaustive = true;
                Ok(())
            } else {
                Err(meta.error("expected `path = \"...\"` or `exhaustive`"))
            }
        })?;
    }
    match path {
        Some(path) => Ok(Options { path, exhaustive }),
        None => Err(syn::Error::new(
            input.ident.span(),
            "#[derive(ErrorCatalog)] needs #[catalog(path = \"catalog/api.yaml\")]",
        )),
    }
}

fn variant_code(v: &syn::Variant) -> syn::Result<Option<syn::LitStr>> {
    let mut code = None;
    for attr in v.attrs.iter().filter(|a| a.path().is_ident("catalog")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("code") {
                code = Some(meta.value()?.parse::<syn::LitStr>()?);
                Ok(())
            } else {
                Err(meta.error("expected `code = \"WIRE_CODE\"`"))
            }
        })?;
    }
    Ok(code)
}

/// A type reduced to its last path segments: `::std::string::String` and
/// `String` are both `String`.
fn shape(ty: &syn::Type) -> String {
    match ty {
        syn::Type::Path(p) => {
            let Some(last) = p.path.segments.last() else {
                return String::new();
            };
            let mut s = last.ident.to_string();
            if let syn::PathArguments::AngleBracketed(args) = &last.arguments {
                let inner: Vec<String> = args
                    .args
                    .iter()
                    .map(|a| match a {
                        syn::GenericArgument::Type(t) => shape(t),
                        other => other.to_token_stream().to_string(),
                    })
                    .collect();
                s.push('<');
                s.push_str(&inner.join(", "));
                s.push('>');
            }
            s
        }
        syn::Type::Paren(p) => shape(&p.elem),
        syn::Type::Group(g) => shape(&g.elem),
        other => other.to_token_stream().to_string(),
    }
}

/// What a code's variant must look like.
enum Want<'a> {
    Unit,
    Fields(Vec<&'a Field>),
    Value(Ty),
}

fn want<'a>(catalog: &'a Checked, code: &'a Code) -> Want<'a> {
    let fields: Vec<&Field> = catalog.variant_fields(code).collect();
    if code.details_optional {
        let name = crate::check::optional_details_type(&code.resolved.variant);
        return Want::Value(Ty::Optional(Box::new(Ty::Named(name))));
    }
    match &code.details {
        Details::Value(ty) => Want::Value(ty.value.clone()),
        Details::None if fields.is_empty() => Want::Unit,
        _ => Want::Fields(fields),
    }
}

fn check_fields(catalog: &Checked, code: &Code, v: &syn::Variant, errs: &mut Vec<syn::Error>) {
    let owner = &code.resolved.variant;
    let wire = &code.code.value;
    match (want(catalog, code), &v.fields) {
        (Want::Unit, syn::Fields::Unit) => {}
        (Want::Unit, fields) => errs.push(syn::Error::new(
            fields.span(),
            format!("`{wire}` has no details; make `{}` a unit variant", v.ident),
        )),
        (Want::Fields(want), syn::Fields::Unit) if want.is_empty() => {}
        (Want::Fields(want), syn::Fields::Named(have)) => {
            let want_names: Vec<String> = want.iter().map(|w| field_name(w)).collect();
            for f in &have.named {
                let name = f.ident.as_ref().map(unraw).unwrap_or_default();
                match want.iter().find(|w| field_name(w) == name) {
                    Some(w) => {
                        check_type(&f.ty, &w.ty.value, owner, &w.name.value, wire, &name, errs)
                    }
                    None => {
                        let refs: Vec<&str> = want_names.iter().map(String::as_str).collect();
                        errs.push(syn::Error::new(
                            f.span(),
                            format!(
                                "`{wire}` has no detail field `{name}`; {}",
                                suggest(&name, &refs)
                            ),
                        ));
                    }
                }
            }
            let have_names: Vec<String> = have
                .named
                .iter()
                .filter_map(|f| f.ident.as_ref().map(unraw))
                .collect();
            let missing: Vec<String> = want
                .iter()
                .filter(|w| !have_names.contains(&field_name(w)))
                .map(|w| format!("`{}: {}`", field_name(w), w.ty.value.display()))
                .collect();
            if !missing.is_empty() {
                errs.push(syn::Error::new(
                    v.ident.span(),
                    format!(
                        "variant `{}` lacks the detail fields {} of `{wire}`",
                        v.ident,
                        missing.join(", ")
                    ),
                ));
            }
        }
        (Want::Fields(want), fields) => errs.push(syn::Error::new(
            fields.span(),
            format!(
                "`{wire}` has object details; give `{}` named fields: {{ {} }}",
                v.ident,
                want.iter()
                    .map(|w| field_name(w))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
        (Want::Value(ty), syn::Fields::Unnamed(f)) if f.unnamed.len() == 1 => {
            check_type(&f.unnamed[0].ty, &ty, owner, "details", wire, "0", errs);
        }
        (Want::Value(ty), fields) => errs.push(syn::Error::new(
            fields.span(),
            format!(
                "`{wire}` has details of type `{}`; make `{}` a tuple variant with one field",
                ty.display(),
                v.ident
            ),
        )),
    }
}

fn field_name(f: &Field) -> String {
    f.rust_name.as_ref().unwrap_or(&f.name).value.clone()
}

fn unraw(id: &syn::Ident) -> String {
    let s = id.to_string();
    s.strip_prefix("r#").map_or(s.clone(), str::to_string)
}

fn check_type(
    have: &syn::Type,
    want: &Ty,
    owner: &str,
    field: &str,
    wire: &str,
    name: &str,
    errs: &mut Vec<syn::Error>,
) {
    let got = shape(have);
    let ok = crate::rust_ty::RustTy::of(want, owner, field).shapes();
    if !ok.contains(&got) {
        errs.push(syn::Error::new(
            have.span(),
            format!(
                "field `{name}` of `{wire}` is a `{}` in the catalog, so its Rust type is `{}`; found `{got}`",
                want.display(),
                ok[0]
            ),
        ));
    }
}

/// Expands `#[derive(ErrorCatalog)]`, keeping a cache hit as text (see
/// [`Output`](crate::cache::Output)): what the proc macro calls.
pub fn derive_error_catalog_output(item: TokenStream, bases: &Bases) -> crate::cache::Output {
    use crate::cache::Output;
    let input: syn::DeriveInput = match syn::parse2(item.clone()) {
        Ok(i) => i,
        Err(e) => return Output::errors(e.to_compile_error()),
    };
    let opts = match options(&input) {
        Ok(o) => o,
        Err(e) => return Output::errors(e.to_compile_error()),
    };
    let syn::Data::Enum(data) = &input.data else {
        return Output::errors(
            syn::Error::new(
                input.ident.span(),
                "#[derive(ErrorCatalog)] goes on an enum",
            )
            .to_compile_error(),
        );
    };
    if !input.generics.params.is_empty() {
        return Output::errors(
            syn::Error::new(input.ident.span(), "a catalog enum cannot be generic")
                .to_compile_error(),
        );
    }
    if data.variants.is_empty() {
        return Output::errors(
            syn::Error::new(
                input.ident.span(),
                "#[derive(ErrorCatalog)] needs at least one variant, each mapping a catalog code; for every code of the catalog, use #[errcat::catalog(\"...\")] on an empty enum",
            )
            .to_compile_error(),
        );
    }
    let resolved = bases.resolve(&opts.path.value());
    crate::entry::run(&resolved, &item, "derive", |compiled| {
        let (catalog, locked) = match compiled {
            crate::entry::Compiled::Sound { catalog, locked } => (catalog, locked),
            crate::entry::Compiled::Failed(failed) => {
                return recovered(&failed, &input, data, &opts, &resolved);
            }
        };
        match plan(&catalog, &input, data, opts.exhaustive) {
            Ok(plan) => match generate(&catalog, &input, &resolved, &plan) {
                // With only lock mistakes, the API stands beside them.
                Ok(out) => out.after_errors(errors(&locked, opts.path.span())),
                Err(diags) => Output::errors(errors(&diags, opts.path.span())),
            },
            Err(errs) => Output::errors(errs.iter().map(syn::Error::to_compile_error).collect()),
        }
    })
}

/// The catalog's errors and, so that user code shows no cascade, the API
/// of the repaired catalog when the enum's variants still map onto it.
/// Otherwise the errors alone: the enum is the user's, and its inherent
/// methods cannot be faked without values.
fn recovered(
    failed: &crate::Failed,
    input: &syn::DeriveInput,
    data: &syn::DataEnum,
    opts: &Options,
    resolved: &crate::expand::Resolved,
) -> crate::cache::Output {
    let errors = errors(&failed.diagnostics, opts.path.span());
    let body = failed.recovered.as_deref().and_then(|c| {
        generate(
            c,
            input,
            resolved,
            &plan(c, input, data, opts.exhaustive).ok()?,
        )
        .ok()
    });
    body.unwrap_or_default().after_errors(errors)
}

/// The code a variant maps to: the one it names, or the one whose variant
/// name it has.
fn code_of<'a>(
    catalog: &'a Checked,
    v: &syn::Variant,
    explicit: Option<&syn::LitStr>,
) -> Result<&'a Code, syn::Error> {
    let found = match explicit {
        Some(lit) => catalog.codes.iter().find(|c| c.code.value == lit.value()),
        None => catalog.codes.iter().find(|c| v.ident == c.resolved.variant),
    };
    if let Some(code) = found {
        return Ok(code);
    }
    let (what, name, span) = match explicit {
        Some(lit) => ("code", lit.value(), lit.span()),
        None => ("variant", v.ident.to_string(), v.ident.span()),
    };
    let candidates = catalog.codes.iter().map(|c| match explicit {
        Some(_) => c.code.value.as_str(),
        None => c.resolved.variant.as_str(),
    });
    let hint = match crate::diag::did_you_mean(&name, candidates) {
        Some(best) => format!("did you mean `{best}`?"),
        None => "map the variant to a code with #[catalog(code = \"...\")]".to_string(),
    };
    Err(syn::Error::new(
        span,
        format!("{what} `{name}` is not in the catalog; {hint}"),
    ))
}

/// The constructor, named after the variant as written, must be a name
/// Rust can spell and no method of every generated error.
fn ctor_of(v: &syn::Variant, code: &Code) -> Result<(), syn::Error> {
    let ctor = crate::names::snake(&v.ident.to_string());
    let why = if !crate::names::can_be_raw(&ctor) {
        "a keyword that Rust cannot use as a name"
    } else if crate::names::RESERVED_CTORS.contains(&ctor.as_str()) {
        "a method of every generated error"
    } else {
        return Ok(());
    };
    Err(syn::Error::new(
        v.ident.span(),
        format!(
            "variant `{}` would get the constructor `{ctor}`, {why}; rename the variant (it keeps its code: #[catalog(code = \"{}\")])",
            v.ident, code.code.value
        ),
    ))
}

/// With `exhaustive`, the codes no variant maps.
fn missing(
    catalog: &Checked,
    input: &syn::DeriveInput,
    mapped: &[(&Code, syn::Ident)],
) -> Option<syn::Error> {
    let missing: Vec<&str> = catalog
        .codes
        .iter()
        .filter(|c| !mapped.iter().any(|(m, _)| m.code.value == c.code.value))
        .map(|c| c.code.value.as_str())
        .collect();
    (!missing.is_empty()).then(|| {
        syn::Error::new(
            input.ident.span(),
            format!(
                "`exhaustive`: `{}` has no variant for {} code(s) of the catalog: {}",
                input.ident,
                missing.len(),
                missing.join(", ")
            ),
        )
    })
}

fn plan<'a>(
    catalog: &'a Checked,
    input: &syn::DeriveInput,
    data: &syn::DataEnum,
    exhaustive: bool,
) -> Result<Plan<'a>, Vec<syn::Error>> {
    let mut errs = Vec::new();
    let mut mapped: Vec<(&Code, syn::Ident)> = Vec::new();
    for v in &data.variants {
        let explicit = match variant_code(v) {
            Ok(c) => c,
            Err(e) => {
                errs.push(e);
                continue;
            }
        };
        let code = match code_of(catalog, v, explicit.as_ref()) {
            Ok(code) => code,
            Err(e) => {
                errs.push(e);
                continue;
            }
        };
        if let Some((_, other)) = mapped.iter().find(|(c, _)| c.code.value == code.code.value) {
            errs.push(syn::Error::new(
                v.ident.span(),
                format!(
                    "`{}` is already mapped by variant `{other}`",
                    code.code.value
                ),
            ));
            continue;
        }
        if let Err(e) = ctor_of(v, code) {
            errs.push(e);
            continue;
        }
        check_fields(catalog, code, v, &mut errs);
        mapped.push((code, v.ident.clone()));
    }
    if exhaustive {
        errs.extend(missing(catalog, input, &mapped));
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    // Catalog order, whatever the order of the hand-written variants.
    mapped.sort_by_key(|(c, _)| {
        catalog
            .codes
            .iter()
            .position(|k| k.code.value == c.code.value)
    });
    Ok(Plan {
        codes: mapped,
        emit_enum: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_ignore_paths() {
        let t: syn::Type = syn::parse_quote!(::std::vec::Vec<::std::string::String>);
        assert_eq!(shape(&t), "Vec<String>");
        let t: syn::Type = syn::parse_quote!(Option<errcat::Timestamp>);
        assert_eq!(shape(&t), "Option<Timestamp>");
        assert!(
            crate::rust_ty::RustTy::of(&Ty::Map(Box::new(Ty::String)), "A", "b")
                .shapes()
                .contains(&"HashMap<String, String>".to_string())
        );
    }
}
