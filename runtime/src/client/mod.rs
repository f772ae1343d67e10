//! Client side: an HTTP error response as a typed failure, classified and
//! with the catalog's retry advice.

use std::time::Duration;

use http::{HeaderMap, StatusCode};

use crate::decode::{Parts, decode_parts};
use crate::envelope::{Decoded, UnknownError};
use crate::{CatalogCode, CatalogError, Decision, RetryAdvice};

/// Bodies longer than this are refused unread, unless the caller sets
/// another limit: error bodies are small, and a client must not hold a
/// hostile one in memory.
pub const DEFAULT_BODY_LIMIT: usize = 1 << 20;

/// Reading an error body takes at most this long, unless the caller sets
/// another limit: a server that stalls, or trickles a byte at a time,
/// cannot hold a client.
pub const DEFAULT_BODY_TIMEOUT: Duration = Duration::from_secs(10);

/// The longest wait a client accepts from a server (a `Retry-After`, a
/// `retry_after` detail, a timestamp to retry at) unless the caller sets
/// another: one hour. A longer one gives up with
/// [`Decision::WaitTooLong`] instead of sleeping.
pub const DEFAULT_MAX_WAIT: Duration = Duration::from_secs(3600);

/// At most this much of a body that is not an envelope is kept.
const BODY_START: usize = 512;

/// What an error response held.
///
/// Its first two variants are [`Decoded`](crate::Decoded)'s (what a body
/// holds, on any transport, and what `from_envelope` gives); the others
/// are what only a response can be (not an envelope, too large, too slow,
/// ambiguous), and `Unknown` carries why a known code was not kept as one.
/// One enum, so that a client matches every outcome of a response once.
#[derive(Clone, PartialEq)]
#[non_exhaustive]
pub enum FailureKind<E: CatalogError> {
    /// A code of the catalog, with typed details.
    Known(E),
    /// A code of the catalog that `E`, an operation's enum, does not hold:
    /// the server answered with an error the operation does not declare.
    /// Kept typed, as the catalog's enum (for a catalog's enum, never).
    Undeclared(E::Catalog),
    /// An envelope with a code this build does not know, or with a known
    /// code whose details do not match the catalog (`mismatch` says why):
    /// code, message and raw details are kept.
    Unknown {
        /// What the body had.
        error: UnknownError,
        /// Why a known code's details did not decode, if that is the case.
        mismatch: Option<String>,
    },
    /// A body that is not the catalog's envelope (a proxy's HTML, an empty
    /// 405, an envelope cut short): its beginning, with the values of
    /// members named like a sensitive field replaced.
    NotAnEnvelope {
        /// Up to 512 bytes of the body, as text.
        body_start: String,
    },
    /// A body longer than the limit, not read.
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// A body that did not arrive whole within the time limit (a server
    /// that stalls or trickles); what came is dropped.
    TimedOut {
        /// The time limit.
        limit: Duration,
    },
    /// An envelope that names one of its keys twice (two `code`s, two
    /// `error` objects): JSON parsers disagree on which counts, so neither
    /// is read (see [`DecodeError::DuplicateKey`](crate::DecodeError)).
    Ambiguous {
        /// The key named twice.
        key: &'static str,
    },
}

/// When the server asks to retry (`Retry-After`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryAfter {
    /// After this many seconds.
    Seconds(u64),
    /// At this moment.
    At(jiff::Timestamp),
}

/// An HTTP error response, decoded: status, request context, the server's
/// retry hint, and the error.
pub struct Failure<E: CatalogError> {
    /// The HTTP status.
    pub status: StatusCode,
    /// The request id: from the envelope (wherever its `$request_id` slot
    /// is), else from the catalog's `request_id_header` (`x-request-id`).
    pub request_id: Option<String>,
    /// The envelope's timestamp.
    pub timestamp: Option<jiff::Timestamp>,
    /// The `Retry-After` header.
    pub retry_after: Option<RetryAfter>,
    /// The envelope's message.
    pub message: Option<String>,
    /// The error.
    pub kind: FailureKind<E>,
    /// Elements of the body's arrays that the envelope selects none of,
    /// as they came (AIP-193's `LocalizedMessage`, `Help`).
    pub extra: Vec<crate::RawJson>,
    /// Members the envelope places that a known error does not carry, as
    /// they came (an unknown error keeps its own).
    pub members: Vec<(String, crate::RawJson)>,
    /// The other errors of a list of errors (JSON:API's `errors`), in
    /// order, each with this response's status and `Retry-After`. The
    /// request id and timestamp are this failure's; an element has its own
    /// only where the list's element places them. Empty for a body of one
    /// error.
    pub more: Vec<Failure<E>>,
    /// How many errors of the list came past
    /// [`MAX_LIST_ERRORS`](crate::MAX_LIST_ERRORS), counted and not read.
    pub omitted: usize,
}

fn retry_after(headers: &HeaderMap) -> Option<RetryAfter> {
    let v = headers
        .get(http::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        // Too many digits for a u64 is still "a very long time".
        return Some(RetryAfter::Seconds(v.parse().unwrap_or(u64::MAX)));
    }
    let t = jiff::fmt::strtime::parse("%a, %d %b %Y %H:%M:%S GMT", v).ok()?;
    Some(RetryAfter::At(
        t.to_datetime()
            .ok()?
            .to_zoned(jiff::tz::TimeZone::UTC)
            .ok()?
            .timestamp(),
    ))
}

impl<E: CatalogError> Failure<E> {
    /// Decodes an error response whose body has been read (at most the
    /// limit the caller chose; see [`Failure::too_large`]). For an
    /// operation's enum, a code of the catalog it does not hold is
    /// [`FailureKind::Undeclared`].
    pub fn from_parts(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Self {
        Failure::<E::Catalog>::read(status, headers, body).narrow()
    }

    /// The failure as the catalog's enum reads it.
    fn read(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Self {
        let mut f = Failure::bare(
            status,
            headers,
            FailureKind::NotAnEnvelope {
                body_start: String::new(),
            },
        );
        let decoded = decode_parts::<E>(body, true);
        // No envelope: a body-less error's code in its challenge header.
        if decoded.is_err() && f.challenge(headers) {
            return f;
        }
        match decoded {
            Ok(parts) => f.fill(parts),
            Err(crate::DecodeError::DuplicateKey { key }) => {
                f.kind = FailureKind::Ambiguous { key }
            }
            Err(_) => {
                let end = body.len().min(BODY_START);
                let start = String::from_utf8_lossy(&body[..end]);
                // A broken envelope may still hold a sensitive value.
                let sensitive = <E::Code as CatalogCode>::SENSITIVE;
                f.kind = FailureKind::NotAnEnvelope {
                    body_start: match sensitive.is_empty() {
                        true => start.into_owned(),
                        false => crate::raw::redact_text(&start, sensitive),
                    },
                };
            }
        }
        f
    }

    /// Reads the code (and the message) of a body-less error from the
    /// catalog's `header_errors` header; `false` when it has none there.
    fn challenge(&mut self, headers: &HeaderMap) -> bool {
        let Some(spec) = <E::Code as CatalogCode>::HEADER_ERRORS else {
            return false;
        };
        let params: Vec<(String, String)> = headers
            .get_all(spec.header)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(crate::challenge::params)
            .collect();
        let find = |name: &str| params.iter().find(|(n, _)| n.eq_ignore_ascii_case(name));
        let Some((_, code)) = find(spec.code) else {
            return false;
        };
        self.message = spec.message.and_then(find).map(|(_, m)| m.clone());
        let unknown = |mismatch: Option<String>| FailureKind::Unknown {
            error: crate::UnknownError {
                code: code.clone(),
                message: spec.message.and_then(find).map(|(_, m)| m.clone()),
                category: None,
                status: Some(self.status.as_u16()),
                details: None,
                members: Vec::new(),
            },
            mismatch,
        };
        self.kind = match E::Code::from_wire(code) {
            Some(k) => {
                let mut none = crate::decode::Members::default();
                let mut de = serde_json::Deserializer::from_str("null");
                match E::from_wire_parts(k, &mut de, &mut none) {
                    Ok(e) => FailureKind::Known(e),
                    Err(why) => unknown(Some(why.to_string())),
                }
            }
            None => unknown(None),
        };
        true
    }

    /// This response's failure with a decoded body's parts; each other
    /// error of a list becomes a failure of the same response.
    fn fill(&mut self, parts: Parts<E>) {
        let Parts {
            error,
            message,
            request_id,
            timestamp,
            extra,
            members,
            more,
            mismatches,
            omitted,
        } = parts;
        self.omitted = omitted;
        self.request_id = request_id.or(self.request_id.take());
        self.timestamp = timestamp;
        self.message = message;
        self.extra = extra;
        self.members = members;
        self.kind = match error {
            Ok(Decoded::Known(e)) => FailureKind::Known(e),
            Ok(Decoded::Unknown(u)) => FailureKind::Unknown {
                error: u,
                mismatch: None,
            },
            Err((why, u)) => FailureKind::Unknown {
                error: *u,
                mismatch: Some(why.to_string()),
            },
        };
        let mut mismatches = mismatches.into_iter().peekable();
        self.more = more
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                let mismatch = mismatches
                    .next_if(|(at, _)| *at == i)
                    .map(|(_, why)| why.to_string());
                Failure {
                    status: self.status,
                    request_id: r.request_id,
                    timestamp: r.timestamp,
                    retry_after: self.retry_after,
                    message: r.message,
                    kind: match r.error {
                        Decoded::Known(e) => FailureKind::Known(e),
                        Decoded::Unknown(error) => FailureKind::Unknown { error, mismatch },
                    },
                    extra: r.extra,
                    members: r.members,
                    more: Vec::new(),
                    omitted: 0,
                }
            })
            .collect();
    }

    /// A 2xx response's failure, when its body is one of the catalog's
    /// error envelopes (a catalog whose errors travel on a success status,
    /// with the envelope's literals such as `ok: false`); `None` for any
    /// other body, which is a success.
    pub fn from_success(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Option<Self> {
        let parts = decode_parts::<E::Catalog>(body, true).ok()?;
        let mut f = Failure::bare(status, headers, FailureKind::TooLarge { limit: 0 });
        f.fill(parts);
        Some(f.narrow())
    }

    /// A response whose body was longer than `limit` and was not read.
    pub fn too_large(status: StatusCode, headers: &HeaderMap, limit: usize) -> Self {
        Failure::bare(status, headers, FailureKind::TooLarge { limit })
    }

    /// A response whose body did not arrive whole within `limit`.
    pub fn timed_out(status: StatusCode, headers: &HeaderMap, limit: Duration) -> Self {
        Failure::bare(status, headers, FailureKind::TimedOut { limit })
    }

    /// What the status and headers alone say.
    fn bare(status: StatusCode, headers: &HeaderMap, kind: FailureKind<E>) -> Self {
        Failure {
            status,
            request_id: headers
                .get(<E::Code as CatalogCode>::REQUEST_ID_HEADER)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string),
            timestamp: None,
            retry_after: retry_after(headers),
            message: None,
            kind,
            extra: Vec::new(),
            members: Vec::new(),
            more: Vec::new(),
            omitted: 0,
        }
    }

    /// The wire code, when the body had one.
    pub fn code(&self) -> Option<&str> {
        match &self.kind {
            FailureKind::Unknown { error, .. } => Some(&error.code),
            kind => kind.catalog_code().map(CatalogCode::as_str),
        }
    }

    /// The category: the known code's, else the body's, else the one whose
    /// naming rule (`prefix`) the unknown code follows.
    pub fn category(&self) -> Option<&str> {
        match &self.kind {
            FailureKind::Unknown { error, .. } => error
                .category
                .as_deref()
                .or_else(|| self.prefix_category().map(|c| c.name)),
            kind => kind
                .catalog_code()
                .map(CatalogCode::category_name)
                .filter(|c| !c.is_empty()),
        }
    }

    fn prefix_category(&self) -> Option<&'static crate::CategoryInfo> {
        let FailureKind::Unknown { error, .. } = &self.kind else {
            return None;
        };
        E::Code::CATEGORIES
            .iter()
            .filter(|c| c.prefix.is_some_and(|p| error.code.starts_with(p)))
            .max_by_key(|c| c.prefix.map_or(0, str::len))
    }

    /// The retry advice that applies: the known code's (the default for a
    /// retryable code without advice), the category of an unknown code's
    /// prefix, else by status: 429 and 503 are retried, the rest not.
    pub fn advice(&self) -> Option<RetryAdvice> {
        if let Some(c) = self.kind.catalog_code() {
            return c
                .retry_advice()
                .copied()
                .or(c.is_retryable().then_some(RetryAdvice::DEFAULT));
        }
        match &self.kind {
            FailureKind::Unknown { .. } => match self.prefix_category() {
                Some(c) => c.retry.or(c.retryable.then_some(RetryAdvice::DEFAULT)),
                None => self.by_status(),
            },
            _ => self.by_status(),
        }
    }

    fn by_status(&self) -> Option<RetryAdvice> {
        matches!(self.status.as_u16(), 429 | 503).then_some(RetryAdvice::DEFAULT)
    }

    /// Whether retrying may succeed.
    pub fn is_retryable(&self) -> bool {
        self.advice().is_some_and(|a| a.action.is_none())
    }

    /// What to do after `attempt` failed attempts (1 after the first), at
    /// `now`: deterministic, for the runner and for tests. A wait longer
    /// than [`DEFAULT_MAX_WAIT`] is [`Decision::WaitTooLong`].
    pub fn decide(&self, attempt: u32, now: jiff::Timestamp) -> Decision {
        self.decide_within(attempt, now, DEFAULT_MAX_WAIT)
    }

    /// [`decide`](Self::decide) with another longest wait. Every wait is
    /// checked: a value that is negative, not a number or not a time is
    /// ignored, one too large for a `Duration` counts as `Duration::MAX`.
    pub fn decide_within(
        &self,
        attempt: u32,
        now: jiff::Timestamp,
        max_wait: Duration,
    ) -> Decision {
        match self.wait(attempt, now) {
            Decision::Retry(d) if d > max_wait => Decision::WaitTooLong(d),
            other => other,
        }
    }

    fn wait(&self, attempt: u32, now: jiff::Timestamp) -> Decision {
        let Some(advice) = self.advice() else {
            return Decision::GiveUp;
        };
        if attempt >= advice.attempts {
            return Decision::GiveUp;
        }
        if let Some(action) = advice.action {
            return Decision::Action(action);
        }
        let until = |t: jiff::Timestamp| {
            Duration::try_from(t.duration_since(now)).unwrap_or(Duration::ZERO)
        };
        let from_field = advice
            .after_field
            .and_then(|f| self.detail(f))
            .and_then(|v| match v {
                serde_json::Value::Number(n) => n
                    .as_f64()
                    .filter(|s| *s >= 0.0)
                    .map(|s| Duration::try_from_secs_f64(s).unwrap_or(Duration::MAX)),
                serde_json::Value::String(s) => s.parse::<jiff::Timestamp>().ok().map(until),
                _ => None,
            });
        let from_header = advice.after_header.and(self.retry_after).map(|r| match r {
            RetryAfter::Seconds(s) => Duration::from_secs(s),
            RetryAfter::At(t) => until(t),
        });
        Decision::Retry(
            from_field
                .or(from_header)
                .unwrap_or_else(|| advice.backoff.delay(attempt)),
        )
    }

    /// A detail field's value, as JSON.
    fn detail(&self, name: &str) -> Option<serde_json::Value> {
        let details = match &self.kind {
            FailureKind::Known(e) => serde_json::to_value(crate::__private::DetailsOf(e)).ok()?,
            FailureKind::Undeclared(e) => {
                serde_json::to_value(crate::__private::DetailsOf(e)).ok()?
            }
            // One member read from the text, not the whole tree.
            FailureKind::Unknown { error, .. } => return error.details.as_ref()?.member(name),
            _ => return None,
        };
        details.get(name).cloned()
    }
}

impl<C: CatalogError<Catalog = C>> Failure<C> {
    /// This failure of the catalog's enum as one of `E`, an operation's
    /// enum (or the catalog's own): a known error it does not hold
    /// becomes [`FailureKind::Undeclared`].
    fn narrow<E: CatalogError<Catalog = C>>(self) -> Failure<E> {
        let kind = match self.kind {
            FailureKind::Known(c) | FailureKind::Undeclared(c) => match E::narrow(c) {
                Ok(e) => FailureKind::Known(e),
                Err(c) => FailureKind::Undeclared(c),
            },
            FailureKind::Unknown { error, mismatch } => FailureKind::Unknown { error, mismatch },
            FailureKind::NotAnEnvelope { body_start } => FailureKind::NotAnEnvelope { body_start },
            FailureKind::TooLarge { limit } => FailureKind::TooLarge { limit },
            FailureKind::TimedOut { limit } => FailureKind::TimedOut { limit },
            FailureKind::Ambiguous { key } => FailureKind::Ambiguous { key },
        };
        Failure {
            status: self.status,
            request_id: self.request_id,
            timestamp: self.timestamp,
            retry_after: self.retry_after,
            message: self.message,
            kind,
            extra: self.extra,
            members: self.members,
            more: self.more.into_iter().map(Failure::narrow).collect(),
            omitted: self.omitted,
        }
    }
}

impl<E: CatalogError> FailureKind<E> {
    /// The catalog code of a known error, declared or not.
    fn catalog_code(&self) -> Option<E::Code> {
        match self {
            FailureKind::Known(e) => Some(e.code()),
            FailureKind::Undeclared(e) => Some(e.code()),
            _ => None,
        }
    }
}

mod impls;
