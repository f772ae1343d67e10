//! reqwest integration (feature `reqwest`): a response is the response or a
//! typed [`Failure`], its body read only up to a limit; [`Retry`] runs a
//! request under the catalog's retry advice.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use crate::BoxError;
use crate::{
    CatalogError, DEFAULT_BODY_LIMIT, DEFAULT_BODY_TIMEOUT, DEFAULT_MAX_WAIT, Decision, Failure,
};

/// How long [`Retry`] waits for each response head unless told otherwise.
pub const DEFAULT_RESPONSE_TIMEOUT: Duration = Duration::from_secs(60);

/// A future the runner awaits (a sleep).
pub type BoxFuture = Pin<Box<dyn Future<Output = ()> + Send>>;

/// What an action handler's future gives: `()` (it cannot fail) or a
/// `Result`, whose error stops the retries
/// ([`ClientError::Action`]).
pub trait ActionOutcome {
    /// `Ok` to go on with the retry, `Err` to stop with this error.
    fn into_result(self) -> Result<(), BoxError>;
}

impl ActionOutcome for () {
    fn into_result(self) -> Result<(), BoxError> {
        Ok(())
    }
}

impl<Er: Into<BoxError>> ActionOutcome for Result<(), Er> {
    fn into_result(self) -> Result<(), BoxError> {
        self.map_err(Into::into)
    }
}

/// A successful response, or the failure of an error response (its body
/// read up to [`DEFAULT_BODY_LIMIT`] bytes within [`DEFAULT_BODY_TIMEOUT`]).
/// `E` is the catalog's enum, or an operation's (`CreateEventError`): then
/// a code of the catalog the operation does not declare is
/// [`FailureKind::Undeclared`](crate::FailureKind::Undeclared).
pub async fn check<E: CatalogError>(
    response: reqwest::Response,
) -> Result<reqwest::Response, Failure<E>> {
    check_within(response, DEFAULT_BODY_LIMIT, DEFAULT_BODY_TIMEOUT).await
}

/// Like [`check`], with a body limit in bytes: a body that declares a
/// longer `Content-Length` is not read at all, one that runs longer is
/// dropped when it passes the limit.
pub async fn check_limited<E: CatalogError>(
    response: reqwest::Response,
    limit: usize,
) -> Result<reqwest::Response, Failure<E>> {
    check_within(response, limit, DEFAULT_BODY_TIMEOUT).await
}

/// Like [`check_limited`], with a time limit for reading the body: one
/// that has not arrived whole by then (a server that stalls after its
/// headers, or sends a byte at a time) is
/// [`FailureKind::TimedOut`](crate::FailureKind::TimedOut),
/// whatever timeout the `reqwest::Client` has. Needs a Tokio runtime with
/// its timer enabled, as `#[tokio::main]` has.
pub async fn check_within<E: CatalogError>(
    mut response: reqwest::Response,
    limit: usize,
    timeout: Duration,
) -> Result<reqwest::Response, Failure<E>> {
    let status = response.status();
    if status.is_success() && <E::Code as crate::CatalogCode>::ERRORS_ON_SUCCESS {
        return success_or_error(response, limit, timeout).await;
    }
    if !(status.is_client_error() || status.is_server_error()) {
        return Ok(response);
    }
    let headers = response.headers().clone();
    if response.content_length().is_some_and(|n| n > limit as u64) {
        return Err(Failure::too_large(status, &headers, limit));
    }
    match tokio::time::timeout(timeout, read_body(&mut response, limit)).await {
        Ok(Some(body)) => Err(Failure::from_parts(status, &headers, &body)),
        Ok(None) => Err(Failure::too_large(status, &headers, limit)),
        Err(_) => Err(Failure::timed_out(status, &headers, timeout)),
    }
}

/// A 2xx response of a catalog whose errors may travel on a success status
/// (Slack's `{"ok": false, "error": ...}` on 200): a JSON body within the
/// limit is read; an error envelope is the failure, anything else the
/// response, rebuilt with the body read. Other successes are not touched.
async fn success_or_error<E: CatalogError>(
    mut response: reqwest::Response,
    limit: usize,
    timeout: Duration,
) -> Result<reqwest::Response, Failure<E>> {
    let status = response.status();
    // A success that cannot be an error envelope is left unread: another
    // media type (a file download), or longer than the limit.
    let json = response
        .headers()
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.to_ascii_lowercase().contains("json"));
    if !json || response.content_length().is_some_and(|n| n > limit as u64) {
        return Ok(response);
    }
    let headers = response.headers().clone();
    let version = response.version();
    let body = match tokio::time::timeout(timeout, read_body(&mut response, limit)).await {
        Ok(Some(body)) => body,
        Ok(None) => return Err(Failure::too_large(status, &headers, limit)),
        Err(_) => return Err(Failure::timed_out(status, &headers, timeout)),
    };
    if let Some(failure) = Failure::from_success(status, &headers, &body) {
        return Err(failure);
    }
    let mut rebuilt = http::Response::new(body);
    *rebuilt.status_mut() = status;
    *rebuilt.version_mut() = version;
    *rebuilt.headers_mut() = headers;
    Ok(reqwest::Response::from(rebuilt))
}

/// The body, or `None` once it passes `limit` bytes.
async fn read_body(response: &mut reqwest::Response, limit: usize) -> Option<Vec<u8>> {
    // Sized once when the length is declared (and within the limit).
    let declared = response.content_length().map_or(0, |n| n as usize);
    let mut body = Vec::with_capacity(declared.min(limit));
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() + chunk.len() > limit {
                    return None;
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => return Some(body),
            // A body cut short is read as far as it came.
            Err(_) => return Some(body),
        }
    }
}

/// Why a request under [`Retry`] failed.
#[non_exhaustive]
pub enum ClientError<E: CatalogError> {
    /// The server answered with an error the advice does not retry, or the
    /// attempts are spent (boxed: it is large, the transport error small).
    Failure(Box<Failure<E>>),
    /// No response: connection, timeout, TLS.
    Transport(reqwest::Error),
    /// No response head within the runner's time limit
    /// ([`Retry::response_timeout`]): a server that accepts and stalls.
    NoResponse {
        /// The time limit.
        after: Duration,
    },
    /// The catalog's action (`refresh_token`) was taken and failed: the
    /// retries stop with its error.
    Action {
        /// The failure whose advice named the action.
        failure: Box<Failure<E>>,
        /// The action's name.
        name: &'static str,
        /// Why it failed.
        source: BoxError,
    },
    /// The server asked to wait longer than the runner accepts
    /// ([`Retry::max_wait`]): given up instead of sleeping.
    WaitTooLong {
        /// The last failure, whose advice asked for the wait.
        failure: Box<Failure<E>>,
        /// The wait asked for (`Duration::MAX`: too long to represent).
        wait: Duration,
        /// The longest wait accepted.
        max: Duration,
    },
}

impl<E: CatalogError> fmt::Debug for ClientError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::Failure(e) => f.debug_tuple("Failure").field(e).finish(),
            ClientError::Transport(e) => f.debug_tuple("Transport").field(e).finish(),
            ClientError::NoResponse { after } => {
                f.debug_struct("NoResponse").field("after", after).finish()
            }
            ClientError::Action {
                failure,
                name,
                source,
            } => f
                .debug_struct("Action")
                .field("failure", failure)
                .field("name", name)
                .field("source", source)
                .finish(),
            ClientError::WaitTooLong { failure, wait, max } => f
                .debug_struct("WaitTooLong")
                .field("failure", failure)
                .field("wait", wait)
                .field("max", max)
                .finish(),
        }
    }
}

impl<E: CatalogError> fmt::Display for ClientError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::Failure(e) => fmt::Display::fmt(e, f),
            ClientError::Transport(e) => write!(f, "request failed: {e}"),
            ClientError::NoResponse { after } => write!(f, "no response within {after:?}"),
            ClientError::Action {
                failure,
                name,
                source,
            } => write!(f, "{failure}; the action `{name}` failed: {source}"),
            ClientError::WaitTooLong { failure, wait, max } => {
                let wait = match *wait {
                    Duration::MAX => "longer than can be represented".to_string(),
                    w => format!("{} s", w.as_secs()),
                };
                write!(
                    f,
                    "{failure}; gave up: the server asks to wait {wait}, over the {} s accepted",
                    max.as_secs()
                )
            }
        }
    }
}

impl<E: CatalogError + 'static> std::error::Error for ClientError<E>
where
    E::Catalog: 'static,
{
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ClientError::Failure(e) => Some(&**e),
            ClientError::Transport(e) => Some(e),
            ClientError::NoResponse { .. } => None,
            ClientError::WaitTooLong { failure, .. } => Some(&**failure),
            ClientError::Action { source, .. } => Some(&**source),
        }
    }
}

type Sleep = Arc<dyn Fn(Duration) -> BoxFuture + Send + Sync>;
type Action =
    Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Result<(), BoxError>> + Send>> + Send + Sync>;

/// Runs a request under the catalog's retry advice: waits as the error
/// says (a detail such as `retry_after`, `Retry-After`, a backoff), takes
/// named actions ("refresh the token, then retry once"), and stops when
/// the advice's attempts are spent or the error is final.
#[derive(Clone)]
pub struct Retry {
    limit: usize,
    timeout: Duration,
    response_timeout: Duration,
    max_wait: Duration,
    sleep: Sleep,
    clock: Arc<dyn Fn() -> jiff::Timestamp + Send + Sync>,
    actions: Vec<(String, Action)>,
    jitter: Arc<dyn Fn(Duration) -> Duration + Send + Sync>,
}

impl fmt::Debug for Retry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Retry")
            .field("limit", &self.limit)
            .field("timeout", &self.timeout)
            .field("response_timeout", &self.response_timeout)
            .field("max_wait", &self.max_wait)
            .field(
                "actions",
                &self.actions.iter().map(|(n, _)| n).collect::<Vec<_>>(),
            )
            .finish_non_exhaustive()
    }
}

impl Default for Retry {
    fn default() -> Self {
        Retry::new()
    }
}

/// Full jitter: a delay between zero and `d`, from the clock's nanoseconds
/// (no random number crate for one draw per retry).
fn full_jitter(d: Duration) -> Duration {
    let nanos = jiff::Timestamp::now().subsec_nanosecond().unsigned_abs();
    let mut x = u64::from(nanos) ^ 0x9E37_79B9_7F4A_7C15;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    d.mul_f64((x % 1_000_000) as f64 / 1_000_000.0)
}

impl Retry {
    /// Tokio's sleep, the system clock, the default limits
    /// ([`DEFAULT_RESPONSE_TIMEOUT`], [`DEFAULT_BODY_LIMIT`],
    /// [`DEFAULT_BODY_TIMEOUT`], [`DEFAULT_MAX_WAIT`]), no actions.
    pub fn new() -> Self {
        Retry {
            limit: DEFAULT_BODY_LIMIT,
            timeout: DEFAULT_BODY_TIMEOUT,
            response_timeout: DEFAULT_RESPONSE_TIMEOUT,
            max_wait: DEFAULT_MAX_WAIT,
            sleep: Arc::new(|d| Box::pin(tokio::time::sleep(d))),
            clock: Arc::new(jiff::Timestamp::now),
            actions: Vec::new(),
            jitter: Arc::new(full_jitter),
        }
    }

    /// The body limit in bytes (default [`DEFAULT_BODY_LIMIT`]).
    #[must_use]
    pub fn body_limit(mut self, limit: usize) -> Self {
        self.limit = limit;
        self
    }

    /// The time limit for reading an error body (default
    /// [`DEFAULT_BODY_TIMEOUT`]).
    #[must_use]
    pub fn body_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How long each attempt may wait for the response head (default
    /// [`DEFAULT_RESPONSE_TIMEOUT`], 60 s), whatever timeout the
    /// `reqwest::Client` has; past it the attempts stop with
    /// [`ClientError::NoResponse`].
    #[must_use]
    pub fn response_timeout(mut self, timeout: Duration) -> Self {
        self.response_timeout = timeout;
        self
    }

    /// The longest wait accepted from a server (default
    /// [`DEFAULT_MAX_WAIT`]); a longer one ends the attempts with
    /// [`ClientError::WaitTooLong`].
    #[must_use]
    pub fn max_wait(mut self, max: Duration) -> Self {
        self.max_wait = max;
        self
    }

    /// How to wait (tests record the delays instead of sleeping).
    #[must_use]
    pub fn sleep_with(
        mut self,
        sleep: impl Fn(Duration) -> BoxFuture + Send + Sync + 'static,
    ) -> Self {
        self.sleep = Arc::new(sleep);
        self
    }

    /// The clock that timestamps in details (`reset_at`) are read against.
    #[must_use]
    pub fn clock(mut self, clock: impl Fn() -> jiff::Timestamp + Send + Sync + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// How a backoff with `jitter: true` randomizes a delay (default: full
    /// jitter); tests make it the identity.
    #[must_use]
    pub fn jitter_with(
        mut self,
        jitter: impl Fn(Duration) -> Duration + Send + Sync + 'static,
    ) -> Self {
        self.jitter = Arc::new(jitter);
        self
    }

    /// What to do for the catalog's action `name` (`refresh_token`) before
    /// the retry; an action without a handler ends the attempts. The
    /// handler's future gives `()`, or a `Result` whose error stops the
    /// retries with [`ClientError::Action`] (a refresh that failed).
    #[must_use]
    pub fn on_action<F, Fut>(mut self, name: &str, action: F) -> Self
    where
        F: Fn() -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: ActionOutcome,
    {
        let action: Action = Arc::new(move || {
            let fut = action();
            Box::pin(async move { fut.await.into_result() })
        });
        self.actions.push((name.to_string(), action));
        self
    }

    /// Sends `request()` until it succeeds, the error is final, or the
    /// advice's attempts are spent (at most 100).
    pub async fn send<E, F, Fut>(&self, mut request: F) -> Result<reqwest::Response, ClientError<E>>
    where
        E: CatalogError,
        F: FnMut() -> Fut,
        Fut: Future<Output = reqwest::Result<reqwest::Response>>,
    {
        let mut attempt = 1;
        loop {
            let response = tokio::time::timeout(self.response_timeout, request())
                .await
                .map_err(|_| ClientError::NoResponse {
                    after: self.response_timeout,
                })?
                .map_err(ClientError::Transport)?;
            let failure = match check_within::<E>(response, self.limit, self.timeout).await {
                Ok(r) => return Ok(r),
                Err(f) => f,
            };
            match failure.decide_within(attempt, (self.clock)(), self.max_wait) {
                _ if attempt >= 100 => return Err(ClientError::Failure(Box::new(failure))),
                Decision::WaitTooLong(wait) => {
                    return Err(ClientError::WaitTooLong {
                        failure: Box::new(failure),
                        wait,
                        max: self.max_wait,
                    });
                }
                Decision::GiveUp => return Err(ClientError::Failure(Box::new(failure))),
                Decision::Retry(d) => {
                    let jitter = failure.advice().is_some_and(|a| a.backoff.jitter);
                    (self.sleep)(if jitter { (self.jitter)(d) } else { d }).await;
                }
                Decision::Action(name) => match self.actions.iter().find(|(n, _)| n == name) {
                    Some((_, action)) => {
                        if let Err(source) = action().await {
                            return Err(ClientError::Action {
                                failure: Box::new(failure),
                                name,
                                source,
                            });
                        }
                    }
                    None => return Err(ClientError::Failure(Box::new(failure))),
                },
            }
            attempt += 1;
        }
    }
}
