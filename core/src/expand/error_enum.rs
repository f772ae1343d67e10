//! The error enum: one variant per code, with typed fields and rustdoc,
//! and its inherent API (constructors, metadata, headers, envelopes).

use proc_macro2::TokenStream;
use quote::quote;

use crate::quasi::{Rust, rust};

use super::docs::{deprecated_attr, doc, field_doc, variant_doc};
use super::{Arms, ctors, inherent, private};
use crate::valid::{DetailsV, Valid};

/// The enum's head, with the user's attributes, visibility and name as
/// the user wrote them (their spans point into the user's code).
pub(super) fn head(valid: &Valid<'_>, vis: &syn::Visibility, attrs: &[TokenStream]) -> TokenStream {
    let error = &valid.error;
    // Variant names come from the catalog, where a shared suffix such as
    // `…Error` is the API's naming; clippy flags it on enums not exported.
    // Variant sizes are the catalog's details too: boxing them would change
    // the API the catalog describes.
    quote! {
        #(#attrs)*
        #[allow(clippy::enum_variant_names, clippy::large_enum_variant)]
        #vis enum #error
    }
}

/// The enum's variants (the contents of its braces), declared outside the
/// `const _` block: their field types spell the runtime's path in full.
pub(super) fn variants(valid: &Valid<'_>) -> Rust {
    let p = private();
    let mut variants = Rust::new();
    for c in &valid.codes {
        let v = &c.variant;
        let (vdoc, dep) = (doc(&variant_doc(valid, c.code)), deprecated_attr(c.code));
        variants.extend(match &c.details {
            _ if c.is_struct() => {
                let docs = c.variant_fields().map(|f| doc(&field_doc(f.field)));
                let ids = c.variant_fields().map(|f| &f.ident);
                let tys = c.variant_fields().map(|f| f.ty.tokens(&p));
                rust!(#vdoc #dep #v { #(#docs #ids: #tys,)* },)
            }
            DetailsV::None | DetailsV::Object(_) => rust!(#vdoc #dep #v,),
            DetailsV::Value(ty) => {
                let ty = ty.tokens(&p);
                rust!(#vdoc #dep #v(#ty),)
            }
        });
    }
    variants
}

/// The inherent impl: constructors, `code()` and the metadata read
/// through it, `headers()`, `envelope()`, `from_envelope()`.
pub(super) fn api(valid: &Valid<'_>) -> Rust {
    let (error, code_enum) = (&valid.error, &valid.code_enum);
    let (category_enum, channel_enum) = (&valid.category_enum, &valid.channel_enum);
    let ctors = ctors::all(valid);
    let mut code_arms = Arms::braces();
    for c in &valid.codes {
        let v = &c.variant;
        code_arms.push(rust!(Self::#v { .. } => #code_enum::#v));
    }
    let code_arms = code_arms.close(Rust::new());
    // A catalog without categories has no `category()`.
    let category = (!valid.categories.is_empty()).then(|| {
        rust! {
            /// The category.
            #[must_use]
            #[inline]
            pub const fn category(&self) -> #category_enum {
                self.code().category()
            }
        }
    });
    let from_envelope_doc = from_envelope_doc(valid);
    // The constructors are moved in, not interpolated (which copies).
    let mut body = ctors;
    body.extend(rust! {
            /// This error's code.
            #[must_use]
            #[inline]
            pub const fn code(&self) -> #code_enum {
                match self #code_arms
            }
            /// The HTTP status; `None` on non-HTTP channels.
            #[must_use]
            #[inline]
            pub const fn status(&self) -> __p::Option<__p::StatusCode> {
                self.code().status()
            }
            #category
            /// The channel (envelope) this error is sent on.
            #[must_use]
            #[inline]
            pub const fn channel(&self) -> #channel_enum {
                self.code().channel()
            }
            /// Whether retrying may succeed.
            #[must_use]
            #[inline]
            pub const fn is_retryable(&self) -> bool {
                self.code().is_retryable()
            }
            /// Headers to send with this error, such as `Retry-After`.
            #[must_use]
            pub fn headers(&self) -> __p::Vec<(__p::HeaderName, __p::HeaderValue)> {
                ::errcat::CatalogError::headers_for(self, __p::None, __p::None)
            }
            /// The wire envelope, to add a request id or timestamp to and serialize.
            #[must_use]
            pub fn envelope(&self) -> ::errcat::Envelope<'_, Self> {
                ::errcat::Envelope::new(self)
            }
            /// This error, caused by `source`: the cause is logged and is
            /// `Error::source`, and never reaches the wire.
            pub fn caused_by(self, source: impl __p::Into<::errcat::BoxError>) -> ::errcat::Caused<Self> {
                ::errcat::Caused::new(self, source)
            }
            /// This error with a message of its own for one response, sent
            /// instead of the code's.
            pub fn with_message(self, message: impl __p::Into<__p::String>) -> ::errcat::Reply<Self> {
                ::errcat::Reply::new(self).with_message(message)
            }
            /// This error answered with `status`, one of its code's
            /// statuses; another is refused, and the error comes back.
            pub fn with_status(self, status: __p::StatusCode) -> __p::Result<::errcat::Reply<Self>, Self> {
                ::errcat::CatalogError::with_status(self, status)
            }
            /// This error as an HTTP response without request context.
            #[must_use]
            pub fn to_response(&self) -> __p::http::Response<__p::Vec<u8>> {
                ::errcat::CatalogError::to_response(self)
            }
            #from_envelope_doc
            pub fn from_envelope(body: &[u8]) -> __p::Result<::errcat::Received<Self>, ::errcat::DecodeError> {
                __p::decode(body)
            }
    });
    inherent(rust!(#error), body)
}

/// `from_envelope`'s rustdoc: an operation's enum refuses its catalog's
/// other codes.
fn from_envelope_doc(valid: &Valid<'_>) -> Rust {
    match &valid.operation {
        None => rust! {
            /// Reads an error body (client side). Codes this catalog does not
            /// know are kept as [`errcat::UnknownError`](::errcat::UnknownError).
        },
        Some(_) => rust! {
            /// Reads an error body (client side). Codes this catalog does not
            /// know are kept as [`errcat::UnknownError`](::errcat::UnknownError);
            /// a code of the catalog that is not one of this operation's is a
            /// mismatch (a client's `Failure` keeps it typed, as
            /// `FailureKind::Undeclared`).
        },
    }
}
