//! A catalog error together with the error that caused it: the cause is
//! for logs and `Error::source`, and never reaches the wire.

use std::error::Error;
use std::fmt;

use crate::CatalogError;

/// The cause of an error, as `Caused` holds it.
pub type BoxError = Box<dyn Error + Send + Sync + 'static>;

/// A catalog error and, optionally, its cause (a database error behind
/// `DATABASE_ERROR`). Made by the generated `caused_by`, or from a bare
/// error with `From`, so a handler returning `Result<T, Caused<E>>` can use
/// `?` on both. It answers exactly as the error does; the cause is logged.
pub struct Caused<E> {
    error: E,
    source: Option<BoxError>,
}

impl<E: CatalogError> Caused<E> {
    /// `error`, caused by `source`.
    pub fn new(error: E, source: impl Into<BoxError>) -> Self {
        Caused {
            error,
            source: Some(source.into()),
        }
    }

    /// The catalog error.
    pub fn error(&self) -> &E {
        &self.error
    }

    /// The catalog error and its cause.
    pub fn into_parts(self) -> (E, Option<BoxError>) {
        (self.error, self.source)
    }
}

impl<E: CatalogError> From<E> for Caused<E> {
    fn from(error: E) -> Self {
        Caused {
            error,
            source: None,
        }
    }
}

impl<E: CatalogError> fmt::Display for Caused<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error, f)
    }
}

impl<E: CatalogError> fmt::Debug for Caused<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Caused")
            .field("error", &self.error)
            .field("source", &self.source)
            .finish()
    }
}

impl<E: CatalogError> Error for Caused<E> {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.source.as_deref().map(|e| e as &(dyn Error + 'static))
    }
}
