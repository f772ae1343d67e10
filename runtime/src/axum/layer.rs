//! The layer and its service: request context, mappings, the log event.

use super::panics::{CatchUnwind, catching, panic_message};
use super::*;

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
