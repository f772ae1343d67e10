//! Errors as HTTP responses for any server built on the `http` crate
//! (hyper, actix through its `http` conversions, axum without the feature).

use http::HeaderValue;
use http::header::CONTENT_TYPE;

use crate::{CatalogCode, CatalogError, Envelope};

impl<E: CatalogError> Envelope<'_, E> {
    /// The JSON body of this envelope.
    pub fn to_body(&self) -> Vec<u8> {
        // Generated serializers write strings, numbers, timestamps and
        // `serde_json` values into a `Vec`: nothing in them can fail.
        serde_json::to_vec(self).unwrap_or_else(|_| b"{}".to_vec())
    }

    /// The HTTP response: the code's status, the catalog's headers, its
    /// content type (`application/json` unless the catalog declares
    /// another) and this envelope as the body. An envelope of several
    /// errors has their status and headers as [`crate::Errors`] says.
    pub fn to_response(&self) -> http::Response<Vec<u8>> {
        let mut response = http::Response::new(self.to_body());
        *response.status_mut() = match self.is_list() {
            false => self
                .status_for(self.error())
                .unwrap_or_else(|| self.error().http_status()),
            true => crate::errors::status(self.errors()),
        };
        let headers = response.headers_mut();
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static(<E::Code as CatalogCode>::CONTENT_TYPE),
        );
        let headers_of = match self.is_list() {
            false => {
                let e = self.error();
                e.headers_for(self.message_for(e), self.status_for(e))
            }
            true => crate::errors::headers(self.errors()),
        };
        for (name, value) in headers_of {
            headers.append(name, value);
        }
        response
    }
}
