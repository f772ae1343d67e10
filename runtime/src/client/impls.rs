//! `Failure`'s and `FailureKind`'s standard traits: `Clone` and
//! `PartialEq` by hand, `Display`, a redacting `Debug`, `Error`.

use std::fmt;

use super::{Failure, FailureKind};
use crate::envelope::{CODE_SHOWN, MESSAGE_SHOWN};
use crate::raw::shorten;
use crate::{CatalogCode, CatalogError};

// By hand: a derive would not ask the same of `E::Catalog` as of `E`.
impl<E: CatalogError + Clone> Clone for Failure<E>
where
    E::Catalog: Clone,
{
    fn clone(&self) -> Self {
        Failure {
            status: self.status,
            request_id: self.request_id.clone(),
            timestamp: self.timestamp,
            retry_after: self.retry_after,
            message: self.message.clone(),
            kind: self.kind.clone(),
            extra: self.extra.clone(),
            members: self.members.clone(),
            more: self.more.clone(),
            omitted: self.omitted,
        }
    }
}

impl<E: CatalogError + PartialEq> PartialEq for Failure<E>
where
    E::Catalog: PartialEq,
{
    fn eq(&self, other: &Self) -> bool {
        self.status == other.status
            && self.request_id == other.request_id
            && self.timestamp == other.timestamp
            && self.retry_after == other.retry_after
            && self.message == other.message
            && self.kind == other.kind
            && self.extra == other.extra
            && self.members == other.members
            && self.more == other.more
            && self.omitted == other.omitted
    }
}

impl<E: CatalogError> fmt::Display for Failure<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.status)?;
        match &self.kind {
            // The server's own message when it sent one, else the code's.
            FailureKind::Known(e) => match &self.message {
                Some(m) => write!(f, " {}: {}", e.code().as_str(), shorten(m, MESSAGE_SHOWN))?,
                None => write!(f, " {}: {e}", e.code().as_str())?,
            },
            FailureKind::Undeclared(e) => {
                match &self.message {
                    Some(m) => write!(f, " {}: {}", e.code().as_str(), shorten(m, MESSAGE_SHOWN))?,
                    None => write!(f, " {}: {e}", e.code().as_str())?,
                }
                if let Some(op) = E::OPERATION {
                    write!(f, " (not an error of the operation `{op}`)")?;
                }
            }
            FailureKind::Unknown { error, .. } => {
                write!(f, " {}", shorten(&error.code, CODE_SHOWN))?;
                if let Some(m) = &self.message {
                    write!(f, ": {}", shorten(m, MESSAGE_SHOWN))?;
                }
            }
            FailureKind::TimedOut { limit } => {
                write!(f, ", body not read within {limit:?}")?;
            }
            FailureKind::Ambiguous { key } => {
                write!(f, ", error body names `{key}` twice (ambiguous, not read)")?;
            }
            FailureKind::NotAnEnvelope { body_start } => {
                let start: String = body_start.chars().take(80).collect();
                write!(f, ", not an error envelope: {start:?}")?;
            }
            FailureKind::TooLarge { limit } => write!(f, ", body over the {limit}-byte limit")?,
        }
        if let Some(id) = &self.request_id {
            write!(f, " (request id {})", shorten(id, CODE_SHOWN))?;
        }
        if !self.more.is_empty() || self.omitted > 0 {
            write!(f, ", and {} more error(s)", self.more.len() + self.omitted)?;
        }
        Ok(())
    }
}

/// Redacting: the kind prints as [`FailureKind`]'s `Debug` does.
impl<E: CatalogError> fmt::Debug for Failure<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Failure")
            .field("status", &self.status)
            .field(
                "request_id",
                &self.request_id.as_deref().map(|s| shorten(s, 1024)),
            )
            .field("timestamp", &self.timestamp)
            .field("retry_after", &self.retry_after)
            .field(
                "message",
                &self.message.as_deref().map(|s| shorten(s, 1024)),
            )
            .field("kind", &self.kind)
            .field("extra", &self.extra)
            .field("members", &self.members)
            .field("more", &self.more)
            .field("omitted", &self.omitted)
            .finish()
    }
}

/// Redacting: a known error prints as its own `Debug` (the generated one
/// redacts `sensitive` fields), an unknown one as [`UnknownError`](crate::UnknownError)'s (raw
/// details and members with the catalog's sensitive fields replaced).
impl<E: CatalogError> fmt::Debug for FailureKind<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FailureKind::Known(e) => f.debug_tuple("Known").field(e).finish(),
            FailureKind::Undeclared(e) => f.debug_tuple("Undeclared").field(e).finish(),
            FailureKind::Unknown { error, mismatch } => f
                .debug_struct("Unknown")
                .field("error", error)
                .field("mismatch", &mismatch.as_deref().map(|m| shorten(m, 1024)))
                .finish(),
            FailureKind::TimedOut { limit } => {
                f.debug_struct("TimedOut").field("limit", limit).finish()
            }
            FailureKind::Ambiguous { key } => {
                f.debug_struct("Ambiguous").field("key", key).finish()
            }
            FailureKind::NotAnEnvelope { body_start } => f
                .debug_struct("NotAnEnvelope")
                .field("body_start", body_start)
                .finish(),
            FailureKind::TooLarge { limit } => {
                f.debug_struct("TooLarge").field("limit", limit).finish()
            }
        }
    }
}

impl<E: CatalogError + 'static> std::error::Error for Failure<E>
where
    E::Catalog: 'static,
{
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            FailureKind::Known(e) => Some(e),
            FailureKind::Undeclared(e) => Some(e),
            _ => None,
        }
    }
}
