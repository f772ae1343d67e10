//! What the macro emits when a catalog's mistakes leave nothing to
//! recover: the user's enum and empty companions, so the build shows the
//! catalog's errors and not a cascade of "cannot find type".

use crate::quasi::{Rust, rust};
use quote::format_ident;

use super::private;

/// What the macro emits when the catalog has mistakes: the user's enum and
/// empty companions, so the build shows the catalog errors and not a
/// cascade of "cannot find type".
pub fn fallback(input: &syn::DeriveInput) -> Rust {
    let p = private();
    let (vis, attrs, error) = (&input.vis, &input.attrs, &input.ident);
    let code = format_ident!("{error}Code");
    let category = format_ident!("{error}Category");
    let channel = format_ident!("{error}Channel");
    rust! {
        #(#attrs)*
        #vis enum #error {}
        #[allow(missing_docs, dead_code)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #vis enum #code {}
        #[allow(missing_docs, dead_code)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #vis enum #category {}
        #[allow(missing_docs, dead_code)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #vis enum #channel {}
        #[allow(missing_docs, dead_code, clippy::all)]
        impl #error {
            pub fn code(&self) -> #code { match *self {} }
            pub fn category(&self) -> #category { match *self {} }
            pub fn channel(&self) -> #channel { match *self {} }
            pub fn status(&self) -> #p::Option<::errcat::http::StatusCode> { match *self {} }
            pub fn is_retryable(&self) -> bool { match *self {} }
        }
    }
}
