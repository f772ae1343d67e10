//! Retry advice: what the catalog says a client should do about an error,
//! and the decision for one failed attempt.

use std::time::Duration;

/// An exponential backoff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// The first delay.
    pub initial: Duration,
    /// The factor between delays.
    pub factor: u32,
    /// The longest delay.
    pub max: Option<Duration>,
    /// Whether delays are randomized between zero and their value (full
    /// jitter); [`decide`](crate::Failure::decide) returns the value, the
    /// runner draws the jitter.
    pub jitter: bool,
}

impl Backoff {
    /// One second, doubling, at most 30 seconds: the default for retryable
    /// codes without advice, and the seeds' advice.
    pub const DEFAULT: Backoff = Backoff {
        initial: Duration::from_secs(1),
        factor: 2,
        max: Some(Duration::from_secs(30)),
        jitter: false,
    };

    /// The delay before retry number `n` (1 for the first retry).
    pub fn delay(&self, n: u32) -> Duration {
        let mut d = self.initial;
        for _ in 1..n {
            d = d.saturating_mul(self.factor);
            if self.max.is_some_and(|m| d >= m) {
                break;
            }
        }
        self.max.map_or(d, |m| d.min(m))
    }
}

/// How to retry an error, from the catalog (`retry:` on its code or
/// category).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryAdvice {
    /// A detail field with the delay: seconds, or a timestamp to retry at.
    pub after_field: Option<&'static str>,
    /// A response header with the delay (`Retry-After`).
    pub after_header: Option<&'static str>,
    /// The backoff when no delay is given.
    pub backoff: Backoff,
    /// Attempts in all, the first included.
    pub attempts: u32,
    /// A client action to take before the retry.
    pub action: Option<&'static str>,
}

impl RetryAdvice {
    /// The advice for a retryable code the catalog gives none for, and for
    /// unknown codes answered with 429 or 503.
    pub const DEFAULT: RetryAdvice = RetryAdvice {
        after_field: None,
        after_header: Some("retry-after"),
        backoff: Backoff::DEFAULT,
        attempts: 3,
        action: None,
    };
}

/// A category as clients classify unknown codes by it.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CategoryInfo {
    /// The wire name.
    pub name: &'static str,
    /// The code prefix of its naming rule.
    pub prefix: Option<&'static str>,
    /// Its codes' default retryability.
    pub retryable: bool,
    /// Its retry advice.
    pub retry: Option<RetryAdvice>,
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Decision {
    /// Try again after this delay.
    Retry(Duration),
    /// Take this client action (`refresh_credentials`), then try again.
    Action(&'static str),
    /// Stop: the error is final, or the attempts are spent.
    GiveUp,
    /// Stop: the wait asked for (a server's `Retry-After`, a detail) is
    /// longer than the longest a client accepts
    /// ([`DEFAULT_MAX_WAIT`](crate::DEFAULT_MAX_WAIT) unless set);
    /// `Duration::MAX` stands for waits too long to represent.
    WaitTooLong(Duration),
}
