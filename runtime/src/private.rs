//! What generated code reaches its dependencies through: the
//! `errcat::__private` module (hidden, not public API). Generated code names
//! every item by an absolute path through it, so that a user's crate needs
//! no dependency of its own on serde, http or jiff, and no name of the
//! catalog can shadow one of them.

/// `IntoResponse` for a generated error with the `axum` feature,
/// nothing without it.
#[cfg(feature = "axum")]
pub use crate::__errcat_axum as axum_impls;
/// `IntoResponse` for a generated error with the `axum` feature,
/// nothing without it.
#[cfg(not(feature = "axum"))]
pub use crate::__errcat_no_axum as axum_impls;
/// `utoipa::IntoResponses` for a generated error with the `utoipa`
/// feature, nothing without it.
#[cfg(not(feature = "utoipa"))]
pub use crate::__errcat_no_utoipa as utoipa_impls;
/// `utoipa::ToSchema` for a generated catalog enum with the `utoipa`
/// feature, nothing without it.
#[cfg(not(feature = "utoipa"))]
pub use crate::__errcat_no_utoipa_schemas as utoipa_schemas;
/// `utoipa::IntoResponses` for a generated error with the `utoipa`
/// feature, nothing without it.
#[cfg(feature = "utoipa")]
pub use crate::__errcat_utoipa as utoipa_impls;
/// `utoipa::ToSchema` for a generated catalog enum with the `utoipa`
/// feature, nothing without it.
#[cfg(feature = "utoipa")]
pub use crate::__errcat_utoipa_schemas as utoipa_schemas;
#[cfg(feature = "utoipa")]
pub use ::utoipa;

/// A schema from the JSON the macro wrote.
#[cfg(feature = "utoipa")]
pub fn utoipa_schema(json: &str) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    serde_json::from_str(json).unwrap_or_else(|_| {
        utoipa::openapi::RefOr::T(utoipa::openapi::schema::Schema::Object(Default::default()))
    })
}

/// The component schemas from the JSON the macro wrote, added to `out`
/// (every catalog of the repository parses: `tests/tests/utoipa.rs`).
#[cfg(feature = "utoipa")]
pub fn utoipa_components(
    json: &str,
    out: &mut Vec<(
        String,
        utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
    )>,
) {
    let parsed: std::collections::BTreeMap<
        String,
        utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
    > = serde_json::from_str(json).unwrap_or_default();
    out.extend(parsed);
}

/// The responses of a generated error, from the JSON the macro wrote
/// (tested to parse: `tests/tests/utoipa.rs`).
#[cfg(feature = "utoipa")]
pub fn utoipa_responses(
    json: &str,
) -> std::collections::BTreeMap<String, utoipa::openapi::RefOr<utoipa::openapi::response::Response>>
{
    serde_json::from_str(json).unwrap_or_default()
}
#[cfg(feature = "axum")]
pub use ::axum_core;
pub use ::core;
pub use ::http;
pub use ::jiff;
pub use ::serde;
pub use ::serde_json;
pub use ::std;

// Short paths for generated code: one segment after `__p::` instead of
// three, because every token a proc macro emits costs compile time.
pub use ::core::convert::{From, Into};
pub use ::core::fmt;
pub use ::core::option::Option::{self, None, Some};
pub use ::core::result::Result::{self, Err, Ok};
pub use ::http::{HeaderName, HeaderValue, StatusCode};
pub use ::jiff::Timestamp;
pub use ::serde_json::Value;
pub use ::std::collections::BTreeMap;
pub use ::std::format;
pub use ::std::string::String;
pub use ::std::vec::Vec;

pub use crate::challenge::HeaderErrors;
pub use crate::decode::decode;
pub use crate::envelope::{DetailsOf, MessageOf};
pub use crate::errors::ListEnvelope;
pub use crate::template::{Slot, Template};

/// The seal of [`CatalogCode`](crate::CatalogCode) and
/// [`CatalogError`](crate::CatalogError): generated code implements it.
pub trait Sealed {}

/// Implemented by nothing: the bound of the constructors an operation's
/// enum has for the codes it lacks, which therefore cannot be called; the
/// compiler's error names the code (`Self`) and the operation (`Op`). `L`
/// is a lifetime's place, so that the bound is checked where the
/// constructor is called, not where it is declared.
#[diagnostic::on_unimplemented(
    message = "the operation `{Op}` does not declare the error `{Self}`",
    label = "not one of the operation's errors",
    note = "add `{Self}` to the operation's `errors:` in the catalog, or return the catalog's enum"
)]
pub trait Declared<Op, L> {
    /// Never called: no type implements the trait.
    fn never() -> !;
}

pub use crate::decode::{FieldSet, Members, UrlText, field, fields, skip};

/// Serializes object details as `#[derive(Serialize)]` serializes a
/// struct named `name` with `len` fields, written by `fields`.
pub fn details_struct<S: serde::Serializer>(
    serializer: S,
    name: &'static str,
    len: usize,
    fields: impl FnOnce(&mut S::SerializeStruct) -> Result<(), S::Error>,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeStruct as _;
    let mut st = serializer.serialize_struct(name, len)?;
    fields(&mut st)?;
    st.end()
}

/// The status for a number the macro has checked (400..=599).
pub const fn status(code: u16) -> Option<http::StatusCode> {
    match http::StatusCode::from_u16(code) {
        Ok(s) => Some(s),
        Err(_) => None,
    }
}

/// A value inside a header's quoted-string (RFC 9110 section 5.6.4):
/// `"` and `\` escaped.
#[derive(Debug)]
pub struct Quoted<T>(pub T);

impl<T: fmt::Display> fmt::Display for Quoted<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write as _;
        let text = self.0.to_string();
        for c in text.chars() {
            if matches!(c, '"' | '\\') {
                f.write_char('\\')?;
            }
            f.write_char(c)?;
        }
        Ok(())
    }
}

/// `{$message}` in a header: the response's own message, else the error's.
#[derive(Debug)]
pub struct MessageText<'a, E>(pub &'a E, pub Option<&'a str>);

impl<E: fmt::Display> fmt::Display for MessageText<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.1 {
            Some(m) => f.write_str(m),
            None => fmt::Display::fmt(self.0, f),
        }
    }
}

/// The status for a number the macro has checked, in a `const`.
pub const fn checked_status(code: u16) -> http::StatusCode {
    match status(code) {
        Some(s) => s,
        None => http::StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// Adds a header whose value is rendered from details. `name` was
/// checked at expansion time; a rendered value that is not a valid header
/// value (a control character in a detail) is left out, not a panic.
pub fn header(headers: &mut Vec<(HeaderName, HeaderValue)>, name: &'static str, text: String) {
    if let Ok(value) = HeaderValue::try_from(text) {
        headers.push((HeaderName::from_static(name), value));
    }
}

/// Adds a header with a fixed value (both checked at expansion time).
pub fn static_header(
    headers: &mut Vec<(HeaderName, HeaderValue)>,
    name: &'static str,
    value: &'static str,
) {
    headers.push((
        HeaderName::from_static(name),
        HeaderValue::from_static(value),
    ));
}
