//! One constructor per code: numbers and booleans by value, every other
//! field as `impl Into`.

use crate::quasi::{Rust, rust};
use crate::rust_ty::RustTy;

use super::docs::{deprecated_attr, doc};
use crate::valid::{CodeV, DetailsV, Valid};

/// The constructors, for the error enum's inherent impl.
pub(super) fn all(valid: &Valid<'_>) -> Rust {
    let error = &valid.error;
    let mut out = Rust::new();
    for c in &valid.codes {
        let (v, ctor) = (&c.variant, &c.ctor);
        let wire = c.code.code.value.as_str();
        let message = c.code.message.as_ref().map_or("", |m| m.value.as_str());
        let d = doc(&format!(
            "Creates [`{error}::{v}`]: `{wire}`, \"{message}\"."
        ));
        let dep = deprecated_attr(c.code);
        let params = params(c);
        let many =
            (c.variant_fields().count() > 7).then(|| rust!(#[allow(clippy::too_many_arguments)]));
        let body = match &c.details {
            _ if c.is_struct() => {
                let ids: Vec<_> = c.variant_fields().map(|f| &f.ident).collect();
                let ids2 = &ids;
                rust!(Self::#v { #(#ids: __p::Into::into(#ids2)),* })
            }
            DetailsV::None | DetailsV::Object(_) => rust!(Self::#v),
            DetailsV::Value(ty) if by_value(ty) => rust!(Self::#v(details)),
            DetailsV::Value(_) => rust!(Self::#v(__p::Into::into(details))),
        };
        out.extend(rust! {
            #d #dep #[must_use] #many
            pub fn #ctor(#params) -> Self { #body }
        });
    }
    out
}

/// Whether a parameter takes its type as it is: an integer literal given
/// to `impl Into<u64>` cannot infer (`u64: From<i32>` fails), one given to
/// `u64` can. Optional numbers take `Option<u64>` (`Some(99)`, `None`).
fn by_value(ty: &RustTy) -> bool {
    match ty {
        RustTy::Bool | RustTy::Int(_) | RustTy::F64 => true,
        RustTy::Option(inner) => matches!(**inner, RustTy::Bool | RustTy::Int(_) | RustTy::F64),
        _ => false,
    }
}

/// A constructor's parameters (also those of the hidden constructors of
/// an operation's enum that name a code it lacks). `impl Into<Option<T>>`
/// takes both `value` and `None`; numbers and booleans are taken as they
/// are, so that a literal infers its type (`99` for a `u64`).
pub(super) fn params(c: &CodeV<'_>) -> Rust {
    match &c.details {
        _ if c.is_struct() => {
            let params = c.variant_fields().map(|f| {
                let (id, ty) = (&f.ident, f.ty.tokens(&rust!(__p)));
                match by_value(&f.ty) {
                    true => rust!(#id: #ty),
                    false => rust!(#id: impl __p::Into<#ty>),
                }
            });
            rust!(#(#params),*)
        }
        DetailsV::None | DetailsV::Object(_) => Rust::new(),
        DetailsV::Value(ty) if by_value(ty) => {
            let ty = ty.tokens(&rust!(__p));
            rust!(details: #ty)
        }
        DetailsV::Value(ty) => {
            let ty = ty.tokens(&rust!(__p));
            rust!(details: impl __p::Into<#ty>)
        }
    }
}
