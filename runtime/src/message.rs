//! An error with a message of its own for one response: the code's
//! `message` is its default text, and a response may say more (AWS's
//! "Requested resource not found: Table: x not found", OAuth's
//! `error_description`).

use std::fmt;

use crate::{CatalogError, Envelope};

/// An error sent with this response's own message instead of its code's
/// (see [`CatalogError::with_message`]). The message fills the envelope's
/// `$message` (or `$message?`) slot; `Display` shows it; a client reads it
/// back in [`Received::message`](crate::Received) and
/// [`Failure::message`](crate::Failure).
#[derive(Debug, Clone, PartialEq)]
pub struct WithMessage<E> {
    error: E,
    message: String,
}

impl<E: CatalogError> WithMessage<E> {
    /// `error`, to be sent with `message`.
    pub fn new(error: E, message: impl Into<String>) -> Self {
        WithMessage {
            error,
            message: message.into(),
        }
    }

    /// The error.
    pub fn error(&self) -> &E {
        &self.error
    }

    /// This response's message.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The error and the message.
    pub fn into_parts(self) -> (E, String) {
        (self.error, self.message)
    }

    /// The wire envelope, with this message, to add a request id and
    /// timestamp to and serialize.
    pub fn envelope(&self) -> Envelope<'_, E> {
        self.error.envelope().message(&self.message)
    }

    /// The HTTP response (see [`Envelope::to_response`]).
    pub fn to_response(&self) -> http::Response<Vec<u8>> {
        self.envelope().to_response()
    }
}

impl<E> fmt::Display for WithMessage<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl<E: fmt::Debug> std::error::Error for WithMessage<E> {}
