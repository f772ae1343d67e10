//! Errors as HTTP responses for any server built on the `http` crate
//! (hyper, actix through its `http` conversions, axum without the feature).

use http::header::CONTENT_TYPE;
use http::{HeaderValue, StatusCode};

use crate::{CatalogCode, CatalogError, Envelope};

/// The status an error is answered with: its code's, or 500 for a code of
/// a non-HTTP channel (a handler that returns one has a bug; see the README).
pub fn status_of<E: CatalogError>(error: &E) -> StatusCode {
    error
        .code()
        .status()
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

impl<E: CatalogError> Envelope<'_, E> {
    /// The JSON body of this envelope.
    pub fn to_body(&self) -> Vec<u8> {
        // Generated serializers write strings, numbers, timestamps and
        // `serde_json` values into a `Vec`: nothing in them can fail.
        serde_json::to_vec(self).unwrap_or_else(|_| b"{}".to_vec())
    }

    /// The HTTP response: the code's status, the catalog's headers, its
    /// content type (`application/json` unless the catalog declares
    /// another) and this envelope as the body.
    pub fn to_response(&self) -> http::Response<Vec<u8>> {
        let error = self.error();
        let mut response = http::Response::new(self.to_body());
        *response.status_mut() = status_of(error);
        let headers = response.headers_mut();
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static(<E::Code as CatalogCode>::CONTENT_TYPE),
        );
        for (name, value) in error.headers() {
            headers.append(name, value);
        }
        response
    }
}
