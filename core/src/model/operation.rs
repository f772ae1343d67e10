//! Operations: each endpoint's errors, declared once (`operations:`).

use super::*;

/// One operation of the API (`operations: {create_event: {...}}`).
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// Its name, e.g. `create_event`.
    pub name: Spanned<String>,
    /// Its HTTP method, e.g. `POST`.
    pub method: Option<Spanned<String>>,
    /// Its OpenAPI path template, e.g. `/events/{id}`.
    pub path: Option<Spanned<String>>,
    /// A summary, for the docs and OpenAPI.
    pub summary: Option<String>,
    /// Its errors as written: codes and whole categories.
    pub errors: Vec<Spanned<String>>,
    /// Its codes, indices into [`Catalog::codes`] in catalog order: its own
    /// and `every_operation`'s, categories expanded (filled by
    /// [`crate::resolve`]).
    pub codes: Vec<usize>,
}

/// The HTTP methods an operation may have.
pub const METHODS: [&str; 8] = [
    "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE",
];
