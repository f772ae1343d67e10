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
    /// errors has their status and headers as [`crate::Errors`] says; a
    /// code without a body (`body: false`) has neither body nor content
    /// type.
    pub fn to_response(&self) -> http::Response<Vec<u8>> {
        // A code without a body (`body: false`) says it all in its headers.
        let body = self.error().code().has_body() || self.is_list();
        let mut response = http::Response::new(match body {
            true => self.to_body(),
            false => Vec::new(),
        });
        *response.status_mut() = match self.is_list() {
            false => self
                .status_for(self.error())
                .unwrap_or_else(|| self.error().http_status()),
            true => crate::errors::status(self.errors()),
        };
        let headers = response.headers_mut();
        if body {
            headers.insert(
                CONTENT_TYPE,
                HeaderValue::from_static(<E::Code as CatalogCode>::CONTENT_TYPE),
            );
        }
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
