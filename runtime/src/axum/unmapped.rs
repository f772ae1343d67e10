//! What the layer tells the mappings: what went wrong, in which request,
//! and what axum refused.

use super::*;

/// What went wrong inside a request that the service did not answer with
/// a catalog error of the `http` channel, for [`ErrorLayer::new`] to turn
/// into one.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum Internal<'a> {
    /// A handler panicked, with this message. The layer logs it (the
    /// event's `source` is `handler panicked: MESSAGE`).
    #[non_exhaustive]
    Panic {
        /// The panic's message (`""` when it has none).
        message: &'a str,
        /// The request it panicked in.
        request: RequestInfo<'a>,
    },
    /// A handler answered with a code of a non-HTTP channel (Hexabase's
    /// `WS_*`), which has no status and no place in an HTTP response.
    #[non_exhaustive]
    NonHttpCode {
        /// The wire code.
        code: &'static str,
        /// Its channel.
        channel: &'static str,
        /// The request it answered.
        request: RequestInfo<'a>,
    },
}

impl<'a> Internal<'a> {
    /// The request, whatever went wrong.
    pub fn request(&self) -> RequestInfo<'a> {
        match self {
            Internal::Panic { request, .. } | Internal::NonHttpCode { request, .. } => *request,
        }
    }
}

/// The request an error happened in, as the layer saw it.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct RequestInfo<'a> {
    /// The request id (as the envelope and the log carry it; see
    /// [`ErrorLayer`]), when the request had one.
    pub id: Option<&'a str>,
    /// The method.
    pub method: &'a Method,
    /// The URI.
    pub uri: &'a Uri,
}

/// What axum (or another layer) refused, read from an error response that
/// did not come from the catalog: its status and the text axum's
/// rejections start with, so that mappings need not read the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rejected {
    /// `Json`: the body is not JSON (400).
    JsonSyntax,
    /// `Json`: the JSON does not fit the target type (422).
    JsonData,
    /// `Json`: no `Content-Type: application/json` (415).
    JsonContentType,
    /// `Form`: a form that does not parse or fit, or no form content type.
    Form,
    /// The body is over a limit (413: axum's `DefaultBodyLimit`, or
    /// another layer's).
    BodyTooLarge,
    /// `Path`: path parameters that do not parse or fit.
    Path,
    /// `Query`: a query string that does not fit.
    Query,
    /// No route has this method (405).
    Method,
    /// No route matches (404 with an empty body: axum's fallback).
    Route,
    /// Anything else: another extractor, handler or layer's status.
    Other,
}

impl Rejected {
    /// What a response of `status` starting with `text` refuses.
    pub(super) fn of(status: StatusCode, text: &str) -> Rejected {
        let starts = |p: &str| text.starts_with(p);
        match status.as_u16() {
            400 if starts("Failed to parse the request body as JSON") => Rejected::JsonSyntax,
            422 if starts("Failed to deserialize the JSON body") => Rejected::JsonData,
            415 if starts("Expected request with `Content-Type: application/json`") => {
                Rejected::JsonContentType
            }
            400 | 415 | 422 if starts("Failed to deserialize form") || starts("Form requests") => {
                Rejected::Form
            }
            413 => Rejected::BodyTooLarge,
            400 | 500
                if starts("Invalid URL")
                    || starts("Wrong number of path arguments")
                    || starts("No paths parameters found") =>
            {
                Rejected::Path
            }
            400 if starts("Failed to deserialize query string") => Rejected::Query,
            405 => Rejected::Method,
            404 if text.is_empty() => Rejected::Route,
            _ => Rejected::Other,
        }
    }
}

/// An error response that did not come from the catalog (an axum
/// rejection, an unmatched route, a wrong method, another layer's error),
/// for the mappings of [`ErrorLayer`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Unmapped {
    /// Its status, as axum or the other layer gave it (the mapping's
    /// error answers with its own).
    pub status: StatusCode,
    /// What was refused, typed: no need to read `text`.
    pub rejected: Rejected,
    /// The request's method.
    pub method: Method,
    /// The request's URI.
    pub uri: Uri,
    /// The request's `content-length`, if it had one.
    pub content_length: Option<u64>,
    /// The beginning of the response body (at most 4 KiB; axum's
    /// rejections explain themselves there, e.g. "Failed to parse the
    /// request body as JSON: …").
    pub text: String,
}
