//! An error with what one response says beyond its code: a message of its
//! own (AWS's "Requested resource not found: Table: x not found", OAuth's
//! `error_description`) and one of its code's other statuses
//! (`invalid_client` is 400 or 401).

use std::fmt;

use http::StatusCode;

use crate::{CatalogCode, CatalogError, Envelope};

/// An error sent with this response's own message and status (see
/// [`CatalogError::with_message`] and [`CatalogError::with_status`]). The
/// message fills the envelope's `$message` (or `$message?`) slot instead of
/// the code's, and `Display` shows it; the status, one of the code's
/// `status: [...]`, answers the response and fills `$status`. A client
/// reads the message back in [`Received::message`](crate::Received) and
/// [`Failure::message`](crate::Failure).
#[derive(Debug, Clone, PartialEq)]
pub struct Reply<E> {
    error: E,
    message: Option<String>,
    status: Option<StatusCode>,
}

impl<E: CatalogError> Reply<E> {
    /// `error`, as its code says it.
    pub fn new(error: E) -> Self {
        Reply {
            error,
            message: None,
            status: None,
        }
    }

    /// Sends `message` instead of the code's.
    #[must_use]
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// Answers with `status`, which must be one of the code's statuses
    /// ([`CatalogCode::statuses`]); another is refused, and the reply
    /// comes back unchanged.
    pub fn with_status(mut self, status: StatusCode) -> Result<Self, Self> {
        if !self.error.code().statuses().contains(&status) {
            return Err(self);
        }
        self.status = Some(status);
        Ok(self)
    }

    /// The error.
    pub fn error(&self) -> &E {
        &self.error
    }

    /// This response's own message, if it has one.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The status it answers with: its own, else its code's.
    pub fn status(&self) -> StatusCode {
        self.status.unwrap_or_else(|| self.error.http_status())
    }

    /// The error, its own message and its own status.
    pub fn into_parts(self) -> (E, Option<String>, Option<StatusCode>) {
        (self.error, self.message, self.status)
    }

    /// The wire envelope, with this message and status, to add a request id
    /// and timestamp to and serialize.
    pub fn envelope(&self) -> Envelope<'_, E> {
        let mut env = self.error.envelope();
        if let Some(m) = &self.message {
            env = env.message(m);
        }
        env.with_status_unchecked(self.status)
    }

    /// The HTTP response (see [`Envelope::to_response`]).
    pub fn to_response(&self) -> http::Response<Vec<u8>> {
        self.envelope().to_response()
    }
}

/// Its own message, else the error's.
impl<E: CatalogError> fmt::Display for Reply<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.message {
            Some(m) => f.write_str(m),
            None => fmt::Display::fmt(&self.error, f),
        }
    }
}

impl<E: CatalogError> std::error::Error for Reply<E> {}
