//! axum integration (feature `axum`): generated errors answer as
//! responses, and [`ErrorLayer`] gives every error response of a service
//! its request context, its log event, and the catalog's envelope where
//! axum, a fallback or a panic would answer otherwise.

use std::any::Any;
use std::error::Error;
use std::fmt;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};
use http::{HeaderName, HeaderValue, Method, Request, StatusCode, Uri};
use http_body_util::BodyExt as _;

use crate::caused::{BoxError, Caused};
use crate::{CatalogCode, CatalogError};

/// What the layer needs of an error that went out, whatever its catalog.
trait Erased: Send + Sync + 'static {
    fn response(
        &self,
        request_id: Option<&str>,
        timestamp: Option<jiff::Timestamp>,
    ) -> http::Response<Vec<u8>>;
    fn is_http(&self) -> bool;
    fn channel(&self) -> &'static str;
    fn code(&self) -> &'static str;
    fn category(&self) -> &'static str;
    fn message(&self) -> String;
    fn details(&self) -> Option<serde_json::Value>;
}

impl<E: CatalogError + Send + Sync + 'static> Erased for E {
    fn response(
        &self,
        request_id: Option<&str>,
        timestamp: Option<jiff::Timestamp>,
    ) -> http::Response<Vec<u8>> {
        in_context(self.envelope(), request_id, timestamp)
    }
    fn is_http(&self) -> bool {
        self.code().status().is_some()
    }
    fn channel(&self) -> &'static str {
        self.code().channel_name()
    }
    fn code(&self) -> &'static str {
        CatalogError::code(self).as_str()
    }
    fn category(&self) -> &'static str {
        CatalogError::code(self).category_name()
    }
    fn message(&self) -> String {
        self.to_string()
    }
    fn details(&self) -> Option<serde_json::Value> {
        if !self.has_details() {
            return None;
        }
        let mut v = serde_json::to_value(crate::__private::DetailsOf(self)).ok()?;
        crate::raw::redact(&mut v, <E::Code as CatalogCode>::SENSITIVE);
        Some(v)
    }
}

/// An error with its own message or status: rendered and logged with them.
impl<E: CatalogError + Send + Sync + 'static> Erased for crate::Reply<E> {
    fn response(
        &self,
        request_id: Option<&str>,
        timestamp: Option<jiff::Timestamp>,
    ) -> http::Response<Vec<u8>> {
        in_context(self.envelope(), request_id, timestamp)
    }
    fn is_http(&self) -> bool {
        Erased::is_http(self.error())
    }
    fn channel(&self) -> &'static str {
        Erased::channel(self.error())
    }
    fn code(&self) -> &'static str {
        Erased::code(self.error())
    }
    fn category(&self) -> &'static str {
        Erased::category(self.error())
    }
    fn message(&self) -> String {
        self.to_string()
    }
    fn details(&self) -> Option<serde_json::Value> {
        Erased::details(self.error())
    }
}

/// An error with its own message or status answers with them; the layer
/// adds the request context as for any error.
impl<E: CatalogError + Send + Sync + 'static> IntoResponse for crate::Reply<E> {
    fn into_response(self) -> Response {
        let (parts, body) = self.to_response().into_parts();
        let mut response = Response::from_parts(parts, Body::from(body));
        response.extensions_mut().insert(Pending {
            error: Arc::new(self),
            source: None,
        });
        response
    }
}

/// A response of several errors: the layer logs and renders them as one,
/// under the first error's code.
impl<E: crate::errors::ListEnvelope + Send + Sync + 'static> Erased for crate::Errors<E> {
    fn response(
        &self,
        request_id: Option<&str>,
        timestamp: Option<jiff::Timestamp>,
    ) -> http::Response<Vec<u8>> {
        in_context(self.envelope(), request_id, timestamp)
    }
    fn is_http(&self) -> bool {
        self.iter().all(|e| e.code().status().is_some())
    }
    fn channel(&self) -> &'static str {
        self.iter()
            .next()
            .map_or("http", |e| e.code().channel_name())
    }
    fn code(&self) -> &'static str {
        self.iter()
            .next()
            .map_or("", |e| CatalogError::code(e).as_str())
    }
    fn category(&self) -> &'static str {
        self.iter()
            .next()
            .map_or("", |e| CatalogError::code(e).category_name())
    }
    fn message(&self) -> String {
        self.to_string()
    }
    fn details(&self) -> Option<serde_json::Value> {
        let all: Vec<_> = self.iter().filter_map(|e| Erased::details(e)).collect();
        (!all.is_empty()).then_some(serde_json::Value::Array(all))
    }
}

/// Several errors answer with their list (see [`crate::Errors`]); the
/// layer adds the request context as for one error.
impl<E: crate::errors::ListEnvelope + Send + Sync + 'static> IntoResponse for crate::Errors<E> {
    fn into_response(self) -> Response {
        let (parts, body) = self.to_response().into_parts();
        let mut response = Response::from_parts(parts, Body::from(body));
        response.extensions_mut().insert(Pending {
            error: Arc::new(self),
            source: None,
        });
        response
    }
}

/// The response of an envelope with the request's context.
fn in_context<'a, E: CatalogError>(
    mut env: crate::Envelope<'a, E>,
    request_id: Option<&'a str>,
    timestamp: Option<jiff::Timestamp>,
) -> http::Response<Vec<u8>> {
    if let Some(id) = request_id {
        env = env.request_id(id);
    }
    if let Some(ts) = timestamp {
        env = env.timestamp(ts);
    }
    env.to_response()
}

/// The error behind a response, left in its extensions for [`ErrorLayer`].
#[derive(Clone)]
struct Pending {
    error: Arc<dyn Erased>,
    source: Option<Arc<dyn Error + Send + Sync>>,
}

/// The response of an error: what `IntoResponse` gives, without request
/// context (the layer adds it).
#[doc(hidden)]
pub fn into_response<E: CatalogError + Send + Sync + 'static>(
    error: E,
    source: Option<BoxError>,
) -> Response {
    let (parts, body) = error.envelope().to_response().into_parts();
    let mut response = Response::from_parts(parts, Body::from(body));
    response.extensions_mut().insert(Pending {
        error: Arc::new(error),
        source: source.map(Arc::from),
    });
    response
}

impl<E: CatalogError + Send + Sync + 'static> IntoResponse for Caused<E> {
    fn into_response(self) -> Response {
        let (error, source) = self.into_parts();
        into_response(error, source)
    }
}

/// `IntoResponse` for a generated error type (expanded by the macros).
#[doc(hidden)]
#[macro_export]
macro_rules! __errcat_axum {
    ($error:ty) => {
        impl ::errcat::__private::axum_core::response::IntoResponse for $error {
            fn into_response(self) -> ::errcat::__private::axum_core::response::Response {
                ::errcat::axum::into_response(self, ::core::option::Option::None)
            }
        }
    };
}

mod layer;
mod panics;
mod unmapped;

pub use layer::{ErrorLayer, ErrorService};
pub use panics::quiet_panic_hook;
pub use unmapped::{Internal, Rejected, RequestInfo, Unmapped};
