//! The error's trait impls: `CatalogError` (details, envelope, decoding),
//! `Serialize` and `std::error::Error`.

use crate::quasi::{Rust, rust};

use super::{de, envelope, imp, ser};
use crate::valid::Valid;

/// The trait impls, and the envelope serializer's helper types.
pub(super) fn all(valid: &Valid<'_>) -> Rust {
    let (error, code_enum) = (&valid.error, &valid.code_enum);
    let (serialize_envelope, helpers) = envelope::serializer(valid);
    let headers = super::headers::body(valid);
    let ser_arms = ser::details_arms(valid);
    let from_arms = de::arms(valid);
    let has_details = has_details(valid);
    let catalog = catalog_items(valid);
    let mut out = helpers;
    out.extend(integrations(valid));
    out.extend(imp(rust!(__p::std::error::Error for #error), Rust::new()));
    out.extend(imp(
        rust!(::errcat::CatalogError for #error),
        rust! {
            type Code = #code_enum;
            #catalog
            #[inline]
            fn code(&self) -> #code_enum { #error::code(self) }
            fn headers_for(
                &self,
                __message: __p::Option<&str>,
                __status: __p::Option<__p::StatusCode>,
            ) -> __p::Vec<(__p::HeaderName, __p::HeaderValue)> {
                #headers
            }
            #[inline]
            fn static_message(&self) -> __p::Option<&'static str> {
                let __row = __ERRCAT_META[#error::code(self) as usize];
                if __row.6 { __p::Some(__row.7) } else { __p::None }
            }
            #[inline]
            fn has_details(&self) -> bool { #has_details }
            fn serialize_details<__S: __p::serde::Serializer>(&self, __s: __S) -> __p::Result<__S::Ok, __S::Error> {
                match self #ser_arms
            }
            #serialize_envelope
            fn from_wire_parts<'__de, __D: __p::serde::Deserializer<'__de>>(
                code: #code_enum,
                __d: __D,
                __m: &mut __p::Members<'_>,
            ) -> __p::Result<Self, __D::Error> {
                __p::Ok(match code #from_arms)
            }
        },
    ));
    // The same serializer as the envelope's: an error serializes as its
    // envelope without request context.
    out.extend(imp(
        rust!(__p::serde::Serialize for #error),
        rust! {
            fn serialize<__S: __p::serde::Serializer>(&self, __s: __S) -> __p::Result<__S::Ok, __S::Error> {
                <Self as ::errcat::CatalogError>::serialize_envelope(&::errcat::Envelope::new(self), __s)
            }
        },
    ));
    out
}

/// `has_details()`: details that may be absent (`details: "[T]?"`) are
/// sent only when present; every other code's presence is a column of the
/// code table.
fn has_details(valid: &Valid<'_>) -> Rust {
    let error = &valid.error;
    let mut optional = super::Arms::braces();
    for c in &valid.codes {
        if let crate::valid::DetailsV::Value(crate::rust_ty::RustTy::Option(_)) = &c.details {
            let v = &c.variant;
            optional.push(rust!(Self::#v(__d) => __d.is_some()));
        }
    }
    if optional.len == 0 {
        rust!(__ERRCAT_META[#error::code(self) as usize].5)
    } else {
        let arms = optional.close(rust!(_ => __ERRCAT_META[#error::code(self) as usize].5,));
        rust!(match self #arms)
    }
}

/// `Catalog`, `OPERATION` and `narrow`: an operation's enum narrows its
/// catalog's errors; a catalog's is its own.
fn catalog_items(valid: &Valid<'_>) -> Rust {
    match &valid.operation {
        Some(o) => {
            let (c, name) = (&o.catalog_enum, o.operation.name.value.as_str());
            rust! {
                type Catalog = #c;
                const OPERATION: __p::Option<&'static str> = __p::Some(#name);
                #[inline]
                fn narrow(error: #c) -> __p::Result<Self, #c> {
                    __p::core::convert::TryFrom::try_from(error)
                }
            }
        }
        None => rust! {
            type Catalog = Self;
            #[inline]
            fn narrow(error: Self) -> __p::Result<Self, Self> { __p::Ok(error) }
        },
    }
}

/// The integrations' impls, through the runtime's per-feature macros.
fn integrations(valid: &Valid<'_>) -> Rust {
    let error = &valid.error;
    #[allow(unused_mut)]
    let mut out = rust!(::errcat::__private::axum_impls!(#error););
    // The runtime's `utoipa` feature turns this crate's on (through the
    // macro crate's): the responses cost as much as the rest of the
    // expansion, so a build without it does not compute them.
    #[cfg(feature = "utoipa")]
    {
        let codes: Vec<&crate::model::Code> = valid.codes.iter().map(|c| c.code).collect();
        let responses = valid.responses(&codes);
        out.extend(rust!(::errcat::__private::utoipa_impls!(#error, #responses);));
        // The catalog's enum is the `ToSchema` that brings the components
        // its operations' responses refer to.
        if valid.operation.is_none() {
            let (components, schema) = valid.components();
            let name = error.to_string();
            out.extend(
                rust!(::errcat::__private::utoipa_schemas!(#error, #name, #schema, #components);),
            );
        }
    }
    out
}
