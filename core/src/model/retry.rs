//! Categories and the retry advice clients apply.

use super::*;

/// A category of codes.
#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    /// Wire name, e.g. `authentication_error`.
    pub name: Spanned<String>,
    /// Explicit Rust variant name.
    pub rust_name: Option<Spanned<String>>,
    /// Human title.
    pub title: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Default HTTP status of its codes.
    pub status: Option<Spanned<i128>>,
    /// Naming rule: every code of the category starts with this prefix.
    pub prefix: Option<Spanned<String>>,
    /// Default channel of its codes.
    pub channel: Option<Spanned<String>>,
    /// Default retryability of its codes.
    pub retryable: Option<bool>,
    /// How clients retry its codes.
    pub retry: Option<Retry>,
    /// Headers its codes send unless they name the header themselves.
    pub headers: Vec<Header>,
}

/// How a client retries an error (`retry:` on a category or a code).
#[derive(Debug, Clone, PartialEq)]
pub struct Retry {
    /// Where it is written.
    pub loc: Loc,
    /// A detail field holding the delay: seconds (a number) or the moment
    /// to retry at (a timestamp).
    pub after_field: Option<Spanned<String>>,
    /// A response header holding the delay (`Retry-After`).
    pub after_header: Option<Spanned<String>>,
    /// The backoff between attempts.
    pub backoff: Option<Backoff>,
    /// Attempts in all, the first included.
    pub attempts: Option<Spanned<i128>>,
    /// A named client action to take before retrying
    /// (`refresh_credentials`).
    pub action: Option<Spanned<String>>,
}

/// An exponential backoff.
#[derive(Debug, Clone, PartialEq)]
pub struct Backoff {
    /// The first delay, in milliseconds.
    pub initial_ms: u64,
    /// The factor between delays.
    pub factor: u32,
    /// The longest delay, in milliseconds.
    pub max_ms: Option<u64>,
    /// Whether to randomize delays (full jitter).
    pub jitter: bool,
}

impl Backoff {
    /// One second, doubling, at most 30 seconds: the backoff of advice
    /// that names none (the runtime's `Backoff::DEFAULT`).
    pub const DEFAULT: Backoff = Backoff {
        initial_ms: 1000,
        factor: 2,
        max_ms: Some(30_000),
        jitter: false,
    };
}

/// Retry advice as a client applies it: every default filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct AppliedRetry {
    /// A detail field with the delay (seconds, or a time to retry at).
    pub after_field: Option<String>,
    /// A header with the delay.
    pub after_header: Option<String>,
    /// The backoff when no delay is given.
    pub backoff: Backoff,
    /// Attempts in all, the first included.
    pub attempts: u32,
    /// A client action to take before the retry.
    pub action: Option<String>,
}

impl AppliedRetry {
    /// `retry` with its defaults (the backoff, 3 attempts).
    pub fn of(retry: &Retry) -> AppliedRetry {
        AppliedRetry {
            after_field: retry.after_field.as_ref().map(|f| f.value.clone()),
            after_header: retry.after_header.as_ref().map(|h| h.value.clone()),
            backoff: retry.backoff.clone().unwrap_or(Backoff::DEFAULT),
            attempts: retry
                .attempts
                .as_ref()
                .map_or(3, |a| u32::try_from(a.value).unwrap_or(3)),
            action: retry.action.as_ref().map(|a| a.value.clone()),
        }
    }

    /// The advice for a retryable code the catalog gives none for: the
    /// `Retry-After` header, else the default backoff; 3 attempts (the
    /// runtime's `RetryAdvice::DEFAULT`).
    pub fn retryable_default() -> AppliedRetry {
        AppliedRetry {
            after_field: None,
            after_header: Some("Retry-After".into()),
            backoff: Backoff::DEFAULT,
            attempts: 3,
            action: None,
        }
    }
}
