//! A response of several errors, for catalogs whose `http` envelope holds a
//! list of errors (JSON:API's `{"errors": [...]}`).

use std::fmt;

use http::{HeaderName, HeaderValue, StatusCode};

use crate::{CatalogError, Envelope};

/// The most errors of one list a decoder reads: the rest are counted
/// (`Received::omitted`, `Failure::omitted`), not kept, since a hostile
/// list of empty elements costs far more memory than its bytes.
pub const MAX_LIST_ERRORS: usize = 1000;

/// Implemented by generated error types whose `http` envelope holds a list
/// of errors: only they can answer several errors at once.
#[diagnostic::on_unimplemented(
    message = "`{Self}`'s catalog has no list of errors in its `http` envelope",
    note = "a response of several errors needs an envelope such as `{{errors: [{{code: $code, detail: $message}}]}}`"
)]
pub trait ListEnvelope: CatalogError {}

/// Several errors answered in one response, each its own element of the
/// envelope's list (JSON:API's `errors`). Never empty.
///
/// Its status follows JSON:API: the status the errors share, else the most
/// general class, `400 Bad Request` when all are 4xx and `500 Internal
/// Server Error` when any is 5xx. Its headers are every error's, a header
/// named by several errors sent once, as the first of them gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Errors<E> {
    first: E,
    rest: Vec<E>,
}

impl<E: ListEnvelope> Errors<E> {
    /// A response of one error, to push more onto.
    pub fn new(first: E) -> Self {
        Errors {
            first,
            rest: Vec::new(),
        }
    }

    /// Adds an error at the end.
    pub fn push(&mut self, error: E) {
        self.rest.push(error);
    }

    /// The errors of `iter`, or `None` when it has none.
    pub fn from_errors(iter: impl IntoIterator<Item = E>) -> Option<Self> {
        let mut iter = iter.into_iter();
        let first = iter.next()?;
        Some(Errors {
            first,
            rest: iter.collect(),
        })
    }

    /// The errors, in order.
    pub fn iter(&self) -> impl Iterator<Item = &E> {
        std::iter::once(&self.first).chain(&self.rest)
    }

    /// How many errors there are (at least one).
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        1 + self.rest.len()
    }

    /// The status of the response (see [`Errors`]).
    pub fn status(&self) -> StatusCode {
        status(self.iter())
    }

    /// The headers of the response (see [`Errors`]).
    pub fn headers(&self) -> Vec<(HeaderName, HeaderValue)> {
        headers(self.iter())
    }

    /// The wire envelope of every error, to add a request id and timestamp
    /// to and serialize.
    pub fn envelope(&self) -> Envelope<'_, E> {
        Envelope::list(&self.first, &self.rest)
    }

    /// The HTTP response: [`status`](Self::status),
    /// [`headers`](Self::headers), the catalog's content type and the
    /// envelope as the body.
    pub fn to_response(&self) -> http::Response<Vec<u8>> {
        self.envelope().to_response()
    }

    /// The errors, in order.
    pub fn into_vec(self) -> Vec<E> {
        let mut v = Vec::with_capacity(self.len());
        v.push(self.first);
        v.extend(self.rest);
        v
    }
}

impl<E: ListEnvelope> From<E> for Errors<E> {
    fn from(error: E) -> Self {
        Errors::new(error)
    }
}

impl<E: ListEnvelope> Extend<E> for Errors<E> {
    fn extend<I: IntoIterator<Item = E>>(&mut self, iter: I) {
        self.rest.extend(iter);
    }
}

impl<E: ListEnvelope> fmt::Display for Errors<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.first)?;
        for e in &self.rest {
            write!(f, "; {e}")?;
        }
        Ok(())
    }
}

impl<E: ListEnvelope + fmt::Debug> std::error::Error for Errors<E> {}

/// JSON:API's status of several errors: the one they share, else 500 when
/// any is 5xx, else 400.
pub(crate) fn status<'a, E: CatalogError + 'a>(
    mut errors: impl Iterator<Item = &'a E>,
) -> StatusCode {
    let Some(first) = errors.next().map(CatalogError::http_status) else {
        return StatusCode::INTERNAL_SERVER_ERROR;
    };
    let (mut same, mut server) = (true, first.is_server_error());
    for e in errors {
        let s = e.http_status();
        same &= s == first;
        server |= s.is_server_error();
    }
    match (same, server) {
        (true, _) => first,
        (false, true) => StatusCode::INTERNAL_SERVER_ERROR,
        (false, false) => StatusCode::BAD_REQUEST,
    }
}

/// Every error's headers; a header an earlier error set is that error's
/// (one error may still send a header several times).
pub(crate) fn headers<'a, E: CatalogError + 'a>(
    errors: impl Iterator<Item = &'a E>,
) -> Vec<(HeaderName, HeaderValue)> {
    let mut out: Vec<(HeaderName, HeaderValue)> = Vec::new();
    for e in errors {
        let named = out.len();
        for (name, value) in e.headers() {
            if !out[..named].iter().any(|(n, _)| *n == name) {
                out.push((name, value));
            }
        }
    }
    out
}
