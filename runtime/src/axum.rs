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
        let mut env = self.envelope();
        if let Some(id) = request_id {
            env = env.request_id(id);
        }
        if let Some(ts) = timestamp {
            env = env.timestamp(ts);
        }
        env.to_response()
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
    fn of(status: StatusCode, text: &str) -> Rejected {
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

type Make<T> = Arc<dyn Fn(&T) -> Pending + Send + Sync>;

#[derive(Clone)]
struct Config {
    request_id: HeaderName,
    clock: Arc<dyn Fn() -> Option<jiff::Timestamp> + Send + Sync>,
    internal: Arc<dyn Fn(Internal<'_>) -> Pending + Send + Sync>,
    statuses: Vec<(StatusCode, Make<Unmapped>)>,
    otherwise: Option<Make<Unmapped>>,
}

fn pending<E: CatalogError + Send + Sync + 'static>(error: E, source: Option<BoxError>) -> Pending {
    Pending {
        error: Arc::new(error),
        source: source.map(Arc::from),
    }
}

/// A tower layer for axum services: every error response produced inside
/// a request gets the request id (from `x-request-id`, as tower-http's
/// `SetRequestIdLayer` sets it; the name is configurable) and a timestamp
/// in its envelope, the request id as a response header, and one `tracing`
/// event. Handler panics and codes of non-HTTP channels become the
/// application's internal error; error responses that are not the
/// catalog's (rejections, 404, 405) become the codes the application maps
/// them to.
///
/// ```ignore
/// let app = Router::new()
///     .route("/webhooks", post(create))
///     .layer(ErrorLayer::new(|_| Hook0Error::internal_server_error("inc_1"))
///         .on_status(StatusCode::NOT_FOUND, |u| Hook0Error::resource_not_found("route", u.uri.path())))
///     .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid));
/// ```
#[derive(Clone)]
pub struct ErrorLayer {
    config: Arc<Config>,
}

impl fmt::Debug for ErrorLayer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorLayer")
            .field("request_id", &self.config.request_id)
            .field(
                "statuses",
                &self
                    .config
                    .statuses
                    .iter()
                    .map(|(s, _)| *s)
                    .collect::<Vec<_>>(),
            )
            .finish_non_exhaustive()
    }
}

impl ErrorLayer {
    /// A layer whose internal error (for panics and non-HTTP codes) is
    /// made by `internal`.
    pub fn new<E: CatalogError + Send + Sync + 'static>(
        internal: impl Fn(Internal<'_>) -> E + Send + Sync + 'static,
    ) -> Self {
        ErrorLayer {
            config: Arc::new(Config {
                request_id: HeaderName::from_static("x-request-id"),
                clock: Arc::new(|| {
                    let now = jiff::Timestamp::now();
                    // Whole seconds, as the references show them.
                    Some(jiff::Timestamp::from_second(now.as_second()).unwrap_or(now))
                }),
                internal: Arc::new(move |i| {
                    let source: BoxError = match i {
                        Internal::Panic { message, .. } => {
                            format!("handler panicked: {message}").into()
                        }
                        Internal::NonHttpCode { code, channel, .. } => {
                            format!("`{code}` of channel `{channel}` answered over HTTP").into()
                        }
                    };
                    pending(internal(i), Some(source))
                }),
                statuses: Vec::new(),
                otherwise: None,
            }),
        }
    }

    fn config(&mut self) -> &mut Config {
        // A layer cloned before it is configured gets its own copy.
        Arc::make_mut(&mut self.config)
    }

    /// Reads the request id from this header (default `x-request-id`), and
    /// sends it back under the same name.
    #[must_use]
    pub fn request_id_header(mut self, name: HeaderName) -> Self {
        self.config().request_id = name;
        self
    }

    /// The timestamp put into error envelopes (default: now, in whole
    /// seconds); `None` leaves it out.
    #[must_use]
    pub fn clock(
        mut self,
        clock: impl Fn() -> Option<jiff::Timestamp> + Send + Sync + 'static,
    ) -> Self {
        self.config().clock = Arc::new(clock);
        self
    }

    /// Answers error responses of `status` that are not the catalog's
    /// (axum's 404 and 405, JSON and path rejections, a body limit's 413)
    /// with the error `make` gives.
    #[must_use]
    pub fn on_status<E: CatalogError + Send + Sync + 'static>(
        mut self,
        status: StatusCode,
        make: impl Fn(&Unmapped) -> E + Send + Sync + 'static,
    ) -> Self {
        self.config()
            .statuses
            .push((status, Arc::new(move |u| pending(make(u), None))));
        self
    }

    /// Answers every other error response (4xx or 5xx) that is not the
    /// catalog's; without it, such responses pass unchanged.
    #[must_use]
    pub fn on_other_status<E: CatalogError + Send + Sync + 'static>(
        mut self,
        make: impl Fn(&Unmapped) -> E + Send + Sync + 'static,
    ) -> Self {
        self.config().otherwise = Some(Arc::new(move |u| pending(make(u), None)));
        self
    }
}

impl<S> tower_layer::Layer<S> for ErrorLayer {
    type Service = ErrorService<S>;

    fn layer(&self, inner: S) -> ErrorService<S> {
        ErrorService {
            inner,
            config: self.config.clone(),
        }
    }
}

/// The service of [`ErrorLayer`].
#[derive(Clone)]
pub struct ErrorService<S> {
    inner: S,
    config: Arc<Config>,
}

impl<S: fmt::Debug> fmt::Debug for ErrorService<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorService")
            .field("inner", &self.inner)
            .finish_non_exhaustive()
    }
}

/// What the layer keeps of the request.
struct Kept {
    request_id: Option<HeaderValue>,
    method: Method,
    uri: Uri,
    content_length: Option<u64>,
}

impl Kept {
    fn info(&self) -> RequestInfo<'_> {
        RequestInfo {
            id: self.request_id.as_ref().and_then(|v| v.to_str().ok()),
            method: &self.method,
            uri: &self.uri,
        }
    }
}

impl<S, B> tower_service::Service<Request<B>> for ErrorService<S>
where
    S: tower_service::Service<Request<B>, Response = Response>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
{
    type Response = Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let config = self.config.clone();
        let info = Kept {
            request_id: request.headers().get(&config.request_id).map(visible_id),
            method: request.method().clone(),
            uri: request.uri().clone(),
            content_length: request
                .headers()
                .get(http::header::CONTENT_LENGTH)
                .and_then(|v| v.to_str().ok()?.parse().ok()),
        };
        let inner = &mut self.inner;
        let future = catching(|| inner.call(request));
        Box::pin(async move {
            let outcome = match future {
                Ok(f) => CatchUnwind(Box::pin(f)).await,
                Err(panic) => Err(panic),
            };
            let response = match outcome {
                Ok(Ok(response)) => response,
                Ok(Err(e)) => return Err(e),
                Err(panic) => {
                    let message = panic_message(&*panic);
                    let request = info.info();
                    let p = (config.internal)(Internal::Panic {
                        message: &message,
                        request,
                    });
                    bare_response(p)
                }
            };
            Ok(finish(&config, response, info).await)
        })
    }
}

/// At most this many bytes of a caller's request id are kept.
const REQUEST_ID_MAX: usize = 128;

/// The request id as the layer uses it everywhere (envelope, response
/// header, log): visible ASCII, so that one value fits all three. Bytes
/// outside `!`..=`~`, and `%` itself, are percent-encoded (`café` ->
/// `caf%C3%A9`), and only the first [`REQUEST_ID_MAX`] bytes are kept.
fn visible_id(raw: &HeaderValue) -> HeaderValue {
    let bytes = raw.as_bytes();
    let plain = |b: &u8| (b'!'..=b'~').contains(b) && *b != b'%';
    if bytes.len() <= REQUEST_ID_MAX && bytes.iter().all(plain) {
        return raw.clone();
    }
    let mut out = String::new();
    for b in &bytes[..bytes.len().min(REQUEST_ID_MAX)] {
        if plain(b) {
            out.push(char::from(*b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    // Visible ASCII only: always a valid header value.
    HeaderValue::from_str(&out).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// A future that turns a panic while polling into an `Err`.
struct CatchUnwind<F>(Pin<Box<F>>);

impl<F: Future> Future for CatchUnwind<F> {
    type Output = Result<F::Output, Box<dyn Any + Send>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let inner = self.0.as_mut();
        match catching(|| inner.poll(cx)) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(v)) => Poll::Ready(Ok(v)),
            Err(panic) => Poll::Ready(Err(panic)),
        }
    }
}

thread_local! {
    /// How many layers on this thread are running a handler under
    /// `catch_unwind` (for [`quiet_panic_hook`]).
    static CATCHING: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// `f` under `catch_unwind`, marked as caught for [`quiet_panic_hook`].
fn catching<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    CATCHING.with(|c| c.set(c.get() + 1));
    let result = std::panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(c.get().saturating_sub(1)));
    result
}

/// Keeps Rust's panic hook quiet for the panics [`ErrorLayer`] catches:
/// the layer answers them with the internal error and logs their message
/// in its event (`source="handler panicked: …"`), so the hook's own
/// message and backtrace on stderr would say it twice. Panics anywhere
/// else (a spawned task, the server itself) still go to the hook that was
/// installed before. Call it once, at startup.
pub fn quiet_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if CATCHING.with(std::cell::Cell::get) == 0 {
            previous(info);
        }
    }));
}

fn panic_message(panic: &(dyn Any + Send)) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        String::new()
    }
}

/// A response for an error made by the layer (`finish` renders it).
fn bare_response(p: Pending) -> Response {
    let mut response = Response::new(Body::empty());
    response.extensions_mut().insert(p);
    response
}

/// At most this much of a non-catalog error body is read for [`Unmapped`].
const UNMAPPED_TEXT: usize = 4096;

async fn finish(config: &Config, response: Response, info: Kept) -> Response {
    let (mut parts, body) = response.into_parts();
    let mut pending = parts.extensions.remove::<Pending>();
    if let Some(p) = &pending
        && !p.error.is_http()
    {
        let i = Internal::NonHttpCode {
            code: p.error.code(),
            channel: p.error.channel(),
            request: info.info(),
        };
        pending = Some((config.internal)(i));
    }
    let pending = match pending {
        Some(p) => p,
        None if parts.status.is_client_error() || parts.status.is_server_error() => {
            let make = config
                .statuses
                .iter()
                .find(|(s, _)| *s == parts.status)
                .map(|(_, m)| m)
                .or(config.otherwise.as_ref());
            let Some(make) = make else {
                return with_request_id(Response::from_parts(parts, body), config, &info);
            };
            let text = read_prefix(body).await;
            make(&Unmapped {
                status: parts.status,
                rejected: Rejected::of(parts.status, &text),
                method: info.method.clone(),
                uri: info.uri.clone(),
                content_length: info.content_length,
                text,
            })
        }
        None => return with_request_id(Response::from_parts(parts, body), config, &info),
    };
    render(config, pending, &info)
}

async fn read_prefix(body: Body) -> String {
    let limited = http_body_util::Limited::new(body, UNMAPPED_TEXT);
    match limited.collect().await {
        Ok(c) => String::from_utf8_lossy(&c.to_bytes()).into_owned(),
        // Longer than the limit, or a failing body: its text is not needed.
        Err(_) => String::new(),
    }
}

/// The error's response with request context, and its log event.
fn render(config: &Config, p: Pending, info: &Kept) -> Response {
    let request_id = info.request_id.as_ref().and_then(|v| v.to_str().ok());
    let (parts, body) = p.error.response(request_id, (config.clock)()).into_parts();
    let mut response = Response::from_parts(parts, Body::from(body));
    log(
        &*p.error,
        response.status(),
        request_id,
        p.source.as_deref(),
    );
    response.extensions_mut().insert(p);
    with_request_id(response, config, info)
}

fn with_request_id(mut response: Response, config: &Config, info: &Kept) -> Response {
    if let Some(id) = &info.request_id {
        response
            .headers_mut()
            .insert(config.request_id.clone(), id.clone());
    }
    response
}

/// One event per error response: code, category, status, request id,
/// message, details with sensitive fields redacted, and the cause; at
/// `ERROR` for 5xx, `WARN` for 4xx. A field without a value (no request
/// id, no details, no cause, no category) is left out, not written empty.
fn log(
    error: &dyn Erased,
    status: StatusCode,
    request_id: Option<&str>,
    source: Option<&(dyn Error + Send + Sync)>,
) {
    let code = error.code();
    let category = Some(error.category()).filter(|c| !c.is_empty());
    let error_message = error.message();
    let details = error.details().map(|d| d.to_string());
    let details = details.as_deref();
    let source = source.map(|s| s.to_string());
    let source = source.as_deref();
    let status = status.as_u16();
    if status >= 500 {
        tracing::error!(
            code,
            category,
            status,
            request_id,
            error_message,
            details,
            source,
            "error response"
        );
    } else {
        tracing::warn!(
            code,
            category,
            status,
            request_id,
            error_message,
            details,
            source,
            "error response"
        );
    }
}
