//! Typed API errors generated from a YAML error catalog.
//!
//! ```ignore
//! #[errcat::catalog("catalog/hook0.yaml")]
//! #[derive(Clone, PartialEq)]
//! pub enum Hook0Error {}
//!
//! let e = Hook0Error::token_expired("2024-01-15T10:30:00Z".parse::<errcat::Timestamp>()?);
//! assert_eq!(e.status(), Some(errcat::http::StatusCode::UNAUTHORIZED));
//! let body = serde_json::to_string(&e.envelope().request_id("req_1"))?;
//! ```
//!
//! The macro [`catalog`] generates the types; this crate
//! holds the traits they implement ([`CatalogError`], [`CatalogCode`]), the
//! wire envelope ([`Envelope`]) and its client-side counterpart
//! ([`Received`], [`Failure`]).
//!
//! # Features
//!
//! None is on by default; each brings its integration's dependencies.
//!
//! | feature | what it adds |
//! |---|---|
//! | `axum` | `IntoResponse` for generated errors, and [`axum::ErrorLayer`](crate::axum): request context, rejections, fallbacks and panics in the catalog's envelope, one `tracing` event per error response |
//! | `reqwest` | [`reqwest::check`](crate::reqwest): a response or its typed [`Failure`], the body read within a size and a time limit; [`reqwest::Retry`](crate::reqwest): requests run under the catalog's retry advice |
//! | `utoipa` | `utoipa::IntoResponses` for generated errors: one response per status, with the codes' schemas, examples and headers |

#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![warn(missing_debug_implementations)]
#![warn(missing_docs)]

#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;
mod caused;
mod challenge;
mod client;
mod decode;
mod envelope;
mod errors;
mod macros;
mod raw;
mod reply;
#[cfg(feature = "reqwest")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub mod reqwest;
mod response;
mod retry;
mod template;

pub use caused::{BoxError, Caused};
pub use client::{
    DEFAULT_BODY_LIMIT, DEFAULT_BODY_TIMEOUT, DEFAULT_MAX_WAIT, Failure, FailureKind, RetryAfter,
};
pub use envelope::{DecodeError, Decoded, Envelope, Received, UnknownError};
pub use errcat_macros::{ErrorCatalog, catalog};
pub use errors::{Errors, MAX_LIST_ERRORS};
pub use http;
pub use jiff::Timestamp;
pub use raw::RawJson;
pub use reply::Reply;
pub use retry::{Backoff, CategoryInfo, Decision, RetryAdvice};

use template::Template;

/// The fieldless code enum generated for a catalog.
///
/// Sealed: only generated code implements it, since its hidden items are a
/// contract between the macro and this crate.
pub trait CatalogCode:
    __private::Sealed
    + Copy
    + Eq
    + std::hash::Hash
    + Ord
    + std::fmt::Debug
    + std::fmt::Display
    + std::str::FromStr
    + Send
    + Sync
    + 'static
{
    /// Every code, in catalog order.
    const ALL: &'static [Self];
    /// The envelope template of every channel, the `http` channel first.
    #[doc(hidden)]
    const TEMPLATES: &'static [&'static Template];
    /// The media type of HTTP error bodies (`application/json` unless the
    /// catalog's `content_type` says otherwise).
    const CONTENT_TYPE: &'static str;
    /// The response header a client reads the request id from when the
    /// body carries none (the catalog's `request_id_header`, lowercase).
    const REQUEST_ID_HEADER: &'static str = "x-request-id";
    /// The wire names of the catalog's sensitive fields, redacted in logs.
    #[doc(hidden)]
    const SENSITIVE: &'static [&'static str];
    /// Where body-less errors carry their code (`header_errors:`).
    #[doc(hidden)]
    const HEADER_ERRORS: Option<challenge::HeaderErrors> = None;
    /// Whether this code's responses carry a body (`body: false` says no:
    /// the code travels in the `header_errors` header).
    #[doc(hidden)]
    fn has_body(self) -> bool {
        true
    }
    /// Whether some code travels on a success status (Slack's 200): then a
    /// body is an `http` error only when it has the envelope's literals
    /// (`ok: false`), and clients read 2xx bodies too.
    const ERRORS_ON_SUCCESS: bool = false;
    /// The names of the catalog's template members (a text every code
    /// has), which decoding does not keep beside a known error.
    #[doc(hidden)]
    const TEXT_MEMBERS: &'static [&'static str] = &[];
    /// The categories, for classifying codes this build does not know.
    #[doc(hidden)]
    const CATEGORIES: &'static [CategoryInfo];
    /// How clients retry this code, when the catalog says (`retry:`).
    fn retry_advice(self) -> Option<&'static RetryAdvice>;
    /// The wire code, e.g. `"TOKEN_EXPIRED"`.
    fn as_str(self) -> &'static str;
    /// The HTTP status; `None` for codes on non-HTTP channels. The default
    /// one, for a code with several.
    fn status(self) -> Option<http::StatusCode>;
    /// Every status the code may answer with, the default first (empty on
    /// non-HTTP channels).
    fn statuses(self) -> &'static [http::StatusCode];
    /// The category's wire name (empty when the catalog has no categories).
    fn category_name(self) -> &'static str;
    /// The channel's name (`http`, `websocket`, ...).
    fn channel_name(self) -> &'static str;
    /// Whether retrying the request may succeed.
    fn is_retryable(self) -> bool;
    /// The index of this code's channel, and of its template in
    /// [`TEMPLATES`](Self::TEMPLATES). (An index, not the template's
    /// address: a `const` has none of its own to compare.)
    #[doc(hidden)]
    fn channel_index(self) -> usize;
    /// Parses a wire code.
    fn from_wire(code: &str) -> Option<Self>;
}

/// The error enum generated for a catalog.
///
/// Sealed: only generated code implements it, since its hidden items are a
/// contract between the macro and this crate.
pub trait CatalogError: __private::Sealed + std::error::Error + Sized {
    /// The fieldless code enum.
    type Code: CatalogCode;
    /// The enum of every code of the catalog: `Self` for the catalog's
    /// enum; for an operation's enum (`operations:`), the catalog's enum,
    /// which it converts into.
    type Catalog: CatalogError<Code = Self::Code, Catalog = Self::Catalog>;
    /// The operation whose errors this enum holds, if it is an operation's.
    const OPERATION: Option<&'static str> = None;
    /// One of the catalog's errors as this enum's: `Err` gives it back
    /// when its code is not one of this enum's (for generated code).
    #[doc(hidden)]
    fn narrow(error: Self::Catalog) -> Result<Self, Self::Catalog>;
    /// This error's code.
    fn code(&self) -> Self::Code;
    /// The headers to send with this error (e.g. `Retry-After`). A header
    /// whose rendered value is not a valid header value is left out.
    fn headers(&self) -> Vec<(http::HeaderName, http::HeaderValue)> {
        self.headers_for(None, None)
    }
    /// The headers of one response, whose own message and status fill
    /// `{$message}` and `{$status}` (for generated code).
    #[doc(hidden)]
    fn headers_for(
        &self,
        message: Option<&str>,
        status: Option<http::StatusCode>,
    ) -> Vec<(http::HeaderName, http::HeaderValue)>;
    /// The message when it has no placeholders (saves formatting).
    #[doc(hidden)]
    fn static_message(&self) -> Option<&'static str>;
    /// Whether the `$details` slot is present for this error.
    #[doc(hidden)]
    fn has_details(&self) -> bool;
    /// Serializes the `$details` value.
    #[doc(hidden)]
    fn serialize_details<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
    /// Serializes `env` into this error's channel envelope: the channel
    /// template, walked at compile time.
    #[doc(hidden)]
    fn serialize_envelope<S: serde::Serializer>(
        env: &Envelope<'_, Self>,
        serializer: S,
    ) -> Result<S::Ok, S::Error>;
    /// Rebuilds a known error from its wire code, its details (read from
    /// the body as it streams by, or from their slice; `null` when absent)
    /// and its members.
    #[doc(hidden)]
    fn from_wire_parts<'de, D: serde::Deserializer<'de>>(
        code: Self::Code,
        details: D,
        members: &mut __private::Members<'_>,
    ) -> Result<Self, D::Error>;

    /// This error with a message of its own for one response, sent instead
    /// of the code's (the code's `message` is its default text).
    fn with_message(self, message: impl Into<String>) -> Reply<Self> {
        Reply::new(self).with_message(message)
    }

    /// This error answered with `status`, one of its code's statuses
    /// (`status: [400, 401]`); another is refused, and the error comes back.
    fn with_status(self, status: http::StatusCode) -> Result<Reply<Self>, Self> {
        Reply::new(self)
            .with_status(status)
            .map_err(|r| r.into_parts().0)
    }

    /// The wire envelope of this error, to add a request id and timestamp to
    /// and serialize.
    fn envelope(&self) -> Envelope<'_, Self> {
        Envelope::new(self)
    }

    /// The status this error is answered with: its code's
    /// ([`CatalogCode::status`]), or 500 for a code of a non-HTTP channel
    /// (a handler that returns one has a bug; see the README).
    fn http_status(&self) -> http::StatusCode {
        self.code()
            .status()
            .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// This error as an HTTP response without request context (see
    /// [`Envelope::to_response`]).
    fn to_response(&self) -> http::Response<Vec<u8>> {
        self.envelope().to_response()
    }
}

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

/// A wire code that the catalog does not have: the `FromStr` error of the
/// generated code enums (parsing a code alone). A whole error body with an
/// unknown code decodes to [`UnknownError`] instead, which keeps its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode(pub String);

impl std::fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown error code `{}`", self.0)
    }
}

impl std::error::Error for UnknownCode {}
