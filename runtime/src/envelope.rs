//! The wire envelope: serializing an error into its channel's template, and
//! the types a client reads one back into (see [`crate::decode`]).

use std::fmt;

use serde::{Serialize, Serializer};

use crate::CatalogError;
use crate::raw::{RawJson, shorten};

/// An error together with the request context that its envelope carries.
///
/// `request_id` and `timestamp` fill the `$request_id` and `$timestamp`
/// slots; when absent they are omitted from the JSON.
#[derive(Debug, Clone, Copy)]
pub struct Envelope<'a, E> {
    error: &'a E,
    /// The other errors of a list of errors ([`crate::Errors`]).
    rest: &'a [E],
    request_id: Option<&'a str>,
    timestamp: Option<jiff::Timestamp>,
    /// The response's own message for `error`, instead of the code's.
    message: Option<&'a str>,
    /// The response's own status for `error`, one of its code's.
    status: Option<http::StatusCode>,
}

impl<'a, E: CatalogError> Envelope<'a, E> {
    /// An envelope with no request context.
    pub fn new(error: &'a E) -> Self {
        Envelope {
            error,
            rest: &[],
            message: None,
            status: None,
            request_id: None,
            timestamp: None,
        }
    }

    /// Sets the request id.
    #[must_use]
    pub fn request_id(mut self, request_id: &'a str) -> Self {
        self.request_id = Some(request_id);
        self
    }

    /// Sets this response's own message, sent in the `$message` (or
    /// `$message?`) slot instead of the code's (see
    /// [`CatalogError::with_message`]). In a list of errors it is the
    /// first error's.
    #[must_use]
    pub fn message(mut self, message: &'a str) -> Self {
        self.message = Some(message);
        self
    }

    /// Sets the timestamp.
    #[must_use]
    pub fn timestamp(mut self, timestamp: jiff::Timestamp) -> Self {
        self.timestamp = Some(timestamp);
        self
    }

    /// The error (the first, in a list of errors).
    pub fn error(&self) -> &'a E {
        self.error
    }

    /// The envelope of a list of errors: `first`, then `rest`.
    pub(crate) fn list(first: &'a E, rest: &'a [E]) -> Self {
        Envelope {
            rest,
            ..Envelope::new(first)
        }
    }

    /// Every error the envelope holds: one, or a list's.
    pub fn errors(&self) -> impl Iterator<Item = &'a E> + use<'a, E> {
        std::iter::once(self.error).chain(self.rest)
    }
}

impl<E: CatalogError> Envelope<'_, E> {
    /// The request id, if set (for generated code).
    #[doc(hidden)]
    pub fn request_id_value(&self) -> Option<&str> {
        self.request_id
    }

    /// Whether the envelope holds several errors (for generated code: the
    /// `http` channel's list then carries them all).
    #[doc(hidden)]
    pub fn is_list(&self) -> bool {
        !self.rest.is_empty()
    }

    /// The status `error` answers with: the response's own (a [`Reply`]'s,
    /// checked there) when it is the envelope's first error, else its
    /// code's (for generated code).
    ///
    /// [`Reply`]: crate::Reply
    #[doc(hidden)]
    pub fn status_for(&self, error: &E) -> Option<http::StatusCode> {
        match self.status {
            Some(s) if std::ptr::eq(error, self.error) => Some(s),
            _ => crate::CatalogCode::status(error.code()),
        }
    }

    /// The response's own status, as a [`Reply`](crate::Reply) checked it.
    #[doc(hidden)]
    pub fn with_status_unchecked(mut self, status: Option<http::StatusCode>) -> Self {
        self.status = status;
        self
    }

    /// The response's own message for `error`, when it is the envelope's
    /// first error and one was set (for generated code).
    #[doc(hidden)]
    pub fn message_for(&self, error: &E) -> Option<&str> {
        self.message.filter(|_| std::ptr::eq(error, self.error))
    }

    /// The timestamp, if set (for generated code).
    #[doc(hidden)]
    pub fn timestamp_value(&self) -> Option<&jiff::Timestamp> {
        self.timestamp.as_ref()
    }
}

impl<E: CatalogError> Serialize for Envelope<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        E::serialize_envelope(self, serializer)
    }
}

/// The `$message` slot of an error, as a serializable value: the
/// response's own message, else the code's.
#[doc(hidden)]
#[derive(Debug)]
pub struct MessageOf<'a, E>(pub &'a E, pub Option<&'a str>);

impl<E: CatalogError> Serialize for MessageOf<'_, E> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match (self.1, self.0.static_message()) {
            (Some(m), _) | (None, Some(m)) => s.serialize_str(m),
            (None, None) => s.collect_str(self.0),
        }
    }
}

/// The `$details` slot of an error, as a serializable value.
#[doc(hidden)]
#[derive(Debug)]
pub struct DetailsOf<'a, E>(pub &'a E);

impl<E: CatalogError> Serialize for DetailsOf<'_, E> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_details(s)
    }
}

/// An error body received by a client.
#[derive(Debug, Clone, PartialEq)]
pub struct Received<E> {
    /// The error: known to this catalog, or kept as it came.
    pub error: Decoded<E>,
    /// The wire message, as sent.
    pub message: Option<String>,
    /// The request id, when the envelope carries one.
    pub request_id: Option<String>,
    /// The timestamp, when the envelope carries one.
    pub timestamp: Option<jiff::Timestamp>,
    /// Elements of the body's arrays that the envelope selects none of,
    /// as they came: AIP-193's `LocalizedMessage` or `Help` beside the
    /// `ErrorInfo` that holds the code.
    pub extra: Vec<RawJson>,
    /// Members the envelope places that a known error does not carry (a
    /// member its code does not list, such as an identity provider's
    /// `trace_id` on a code without it), as they came. An unknown error
    /// keeps its members in [`UnknownError::members`].
    pub members: Vec<(String, RawJson)>,
    /// The other errors of a list of errors (JSON:API's `errors`), in
    /// order. The response's request id and timestamp are this one's; an
    /// element has its own only where the list's element places them.
    /// Empty for a body of one error.
    pub more: Vec<Received<E>>,
    /// How many errors of the list came past [`MAX_LIST_ERRORS`] and were
    /// not read (a hostile list of empty elements would cost far more
    /// memory than its bytes): counted, not kept.
    ///
    /// [`MAX_LIST_ERRORS`]: crate::MAX_LIST_ERRORS
    pub omitted: usize,
}

impl<E> Received<E> {
    /// Every error of the body: this one, then [`more`](Self::more).
    pub fn errors(&self) -> impl Iterator<Item = &Decoded<E>> {
        std::iter::once(&self.error).chain(self.more.iter().map(|r| &r.error))
    }
}

/// A received error: one of the catalog's codes, or a code this build does
/// not know (a newer server), kept rather than lost.
#[derive(Debug, Clone, PartialEq)]
pub enum Decoded<E> {
    /// A code of the catalog, with typed details.
    Known(E),
    /// A code the catalog does not have.
    Unknown(UnknownError),
}

/// An error whose code the catalog does not know, kept as it came.
///
/// Its `Debug` redacts what the catalog marks `sensitive` (see
/// [`RawJson`]) and, like its `Display`, shortens a long code or message.
#[derive(Clone, PartialEq)]
pub struct UnknownError {
    /// The wire code.
    pub code: String,
    /// The message.
    pub message: Option<String>,
    /// The category, when the envelope carries it.
    pub category: Option<String>,
    /// The status, when the envelope carries it.
    pub status: Option<u16>,
    /// The details, as the text the server sent.
    pub details: Option<RawJson>,
    /// The catalog's members the envelope carries (`param`, `doc_url`), as
    /// sent.
    pub members: Vec<(String, RawJson)>,
}

/// Codes longer than this are shortened in messages.
pub(crate) const CODE_SHOWN: usize = 64;
/// Messages longer than this are shortened in messages.
pub(crate) const MESSAGE_SHOWN: usize = 256;
/// `Debug` shows this much of a code or message.
const DEBUG_SHOWN: usize = 1024;

impl fmt::Display for UnknownError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&shorten(&self.code, CODE_SHOWN))?;
        match &self.message {
            Some(m) => write!(f, ": {}", shorten(m, MESSAGE_SHOWN)),
            None => Ok(()),
        }
    }
}

impl fmt::Debug for UnknownError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn short(s: &Option<String>) -> Option<std::borrow::Cow<'_, str>> {
            s.as_deref().map(|s| shorten(s, DEBUG_SHOWN))
        }
        f.debug_struct("UnknownError")
            .field("code", &shorten(&self.code, DEBUG_SHOWN))
            .field("message", &short(&self.message))
            .field("category", &short(&self.category))
            .field("status", &self.status)
            .field("details", &self.details)
            .field("members", &self.members)
            .finish()
    }
}

impl std::error::Error for UnknownError {}

/// Why a body could not be read as an error envelope.
#[derive(Debug)]
#[non_exhaustive]
pub enum DecodeError {
    /// The body is not JSON.
    Json(serde_json::Error),
    /// No envelope of the catalog matches: no code where a code should be.
    NotAnEnvelope,
    /// An object of the envelope names one of its keys twice (`code`,
    /// `error`, `request_id`, ...). JSON parsers disagree on which of the
    /// two counts (most keep the last, some the first), so two clients
    /// could read two different errors: neither is read.
    DuplicateKey {
        /// The key, as the catalog's envelope names it.
        key: &'static str,
    },
    /// The code is known but its details do not match the catalog.
    Details {
        /// The wire code.
        code: String,
        /// What did not match.
        source: serde_json::Error,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Json(e) => write!(f, "error body is not JSON: {e}"),
            DecodeError::NotAnEnvelope => {
                f.write_str("error body matches none of the catalog's envelopes")
            }
            DecodeError::DuplicateKey { key } => {
                write!(
                    f,
                    "error body names `{key}` twice; which one counts is ambiguous"
                )
            }
            DecodeError::Details { code, source } => {
                let code = shorten(code, CODE_SHOWN);
                // serde quotes the value that did not fit, whatever its size.
                let why = source.to_string();
                let why = shorten(&why, MESSAGE_SHOWN);
                write!(f, "details of `{code}` do not match the catalog: {why}")
            }
        }
    }
}

impl std::error::Error for DecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DecodeError::Json(e) | DecodeError::Details { source: e, .. } => Some(e),
            DecodeError::NotAnEnvelope | DecodeError::DuplicateKey { .. } => None,
        }
    }
}
