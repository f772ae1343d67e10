//! The wire envelope: serializing an error into its channel's template, and
//! reading one back on the client side.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::template::{Slot, Template};
use crate::{CatalogCode, CatalogError};

/// An error together with the request context that its envelope carries.
///
/// `request_id` and `timestamp` fill the `$request_id` and `$timestamp`
/// slots; when absent they are omitted from the JSON.
#[derive(Debug, Clone, Copy)]
pub struct Envelope<'a, E> {
    error: &'a E,
    request_id: Option<&'a str>,
    timestamp: Option<jiff::Timestamp>,
}

impl<'a, E: CatalogError> Envelope<'a, E> {
    /// An envelope with no request context.
    pub fn new(error: &'a E) -> Self {
        Envelope {
            error,
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

    /// Sets the timestamp.
    #[must_use]
    pub fn timestamp(mut self, timestamp: jiff::Timestamp) -> Self {
        self.timestamp = Some(timestamp);
        self
    }

    /// The error.
    pub fn error(&self) -> &'a E {
        self.error
    }
}

impl<E: CatalogError> Envelope<'_, E> {
    /// The request id, if set (for generated code).
    #[doc(hidden)]
    pub fn request_id_value(&self) -> Option<&str> {
        self.request_id
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

/// The `$message` slot of an error, as a serializable value.
#[doc(hidden)]
pub struct MessageOf<'a, E>(pub &'a E);

impl<E: CatalogError> Serialize for MessageOf<'_, E> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.static_message() {
            Some(m) => s.serialize_str(m),
            None => s.collect_str(self.0),
        }
    }
}

/// The `$details` slot of an error, as a serializable value.
#[doc(hidden)]
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
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownError {
    /// The wire code.
    pub code: String,
    /// The message.
    pub message: Option<String>,
    /// The category, when the envelope carries it.
    pub category: Option<String>,
    /// The status, when the envelope carries it.
    pub status: Option<u16>,
    /// The raw details.
    pub details: Option<serde_json::Value>,
    /// The catalog's members the envelope carries (`param`, `doc_url`), raw.
    pub members: Vec<(String, serde_json::Value)>,
}

impl fmt::Display for UnknownError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.message {
            Some(m) => write!(f, "{}: {m}", self.code),
            None => f.write_str(&self.code),
        }
    }
}

impl std::error::Error for UnknownError {}

/// Why a body could not be read as an error envelope.
#[derive(Debug)]
pub enum DecodeError {
    /// The body is not JSON.
    Json(serde_json::Error),
    /// No envelope of the catalog matches: no code where a code should be.
    NotAnEnvelope,
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
            DecodeError::Details { code, source } => {
                write!(f, "details of `{code}` do not match the catalog: {source}")
            }
        }
    }
}

impl std::error::Error for DecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DecodeError::Json(e) | DecodeError::Details { source: e, .. } => Some(e),
            DecodeError::NotAnEnvelope => None,
        }
    }
}

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde_json::value::RawValue;

/// An object of a body, one level deep: its members as raw JSON slices
/// (no tree is built below it).
type RawObject<'a> = BTreeMap<Cow<'a, str>, &'a RawValue>;

/// The slots of a body, found by walking one template over it.
#[derive(Default)]
struct Slots<'a> {
    code: Option<&'a RawValue>,
    message: Option<&'a RawValue>,
    details: Option<&'a RawValue>,
    category: Option<&'a RawValue>,
    status: Option<&'a RawValue>,
    request_id: Option<&'a RawValue>,
    timestamp: Option<&'a RawValue>,
    members: Vec<(&'static str, &'a RawValue)>,
}

impl<'a> Slots<'a> {
    fn of(template: &Template, body: &'a str) -> Self {
        let mut slots = Slots::default();
        if let Template::Object(members) = template {
            slots.object(members, body);
        }
        slots
    }

    /// Parses each object of the template's path once; a slot is the first
    /// place it is filled (Hexabase has `$request_id` twice).
    fn object(&mut self, members: &[(&'static str, Template)], text: &'a str) {
        let Ok(map) = serde_json::from_str::<RawObject<'a>>(text) else {
            return;
        };
        for (k, v) in members.iter() {
            let Some(r) = map.get(*k) else { continue };
            match v {
                Template::Object(inner) => self.object(inner, r.get()),
                Template::Slot(slot) => {
                    let place = match slot {
                        Slot::Code => &mut self.code,
                        Slot::Message => &mut self.message,
                        Slot::Details => &mut self.details,
                        Slot::Category => &mut self.category,
                        Slot::Status => &mut self.status,
                        Slot::RequestId => &mut self.request_id,
                        Slot::Timestamp => &mut self.timestamp,
                    };
                    if place.is_none() && r.get() != "null" {
                        *place = Some(r);
                    }
                }
                Template::Member(name) => self.members.push((name, r)),
                _ => {}
            }
        }
    }

    /// The wire code: a string, or the decimal text of an integer (catalogs
    /// with `code_type: integer`, such as gRPC's `{"code": 5}`).
    fn wire_code(&self) -> Option<String> {
        let raw = self.code?.get();
        if let Ok(s) = serde_json::from_str::<String>(raw) {
            return Some(s);
        }
        match serde_json::from_str::<serde_json::Number>(raw) {
            Ok(n) if n.is_i64() || n.is_u64() => Some(n.to_string()),
            _ => None,
        }
    }
}

fn text(raw: Option<&RawValue>) -> Option<String> {
    serde_json::from_str(raw?.get()).ok()
}

/// The parts of an error body (see [`decode`]).
pub(crate) fn decode_parts<E: CatalogError>(body: &[u8]) -> Result<Parts<E>, DecodeError> {
    let not_json = |e| DecodeError::Json(e);
    let root = std::str::from_utf8(body).map_err(|_| {
        not_json(<serde_json::Error as serde::de::Error>::custom(
            "the body is not UTF-8",
        ))
    })?;
    let found = E::Code::TEMPLATES.iter().find_map(|t| {
        let slots = Slots::of(t, root);
        Some((slots.wire_code()?, *t, slots))
    });
    let Some((code, template, mut slots)) = found else {
        // Not JSON at all, or JSON without a code where one should be.
        serde_json::from_str::<serde::de::IgnoredAny>(root).map_err(not_json)?;
        return Err(DecodeError::NotAnEnvelope);
    };
    let known = E::Code::from_wire(&code);
    if let Some(k) = known
        && !std::ptr::eq(k.template(), template)
    {
        slots = Slots::of(k.template(), root);
    }
    let message = text(slots.message);
    let request_id = text(slots.request_id);
    let timestamp = text(slots.timestamp).and_then(|t: String| t.parse().ok());
    // Everything the body had, for a code this build does not know or
    // whose details do not match (the members are slices: cheap to keep).
    let unknown = |code: String, slots: &Slots<'_>| UnknownError {
        code,
        message: message.clone(),
        category: text(slots.category),
        status: slots
            .status
            .and_then(|s| serde_json::from_str::<u16>(s.get()).ok()),
        details: slots
            .details
            .and_then(|d| serde_json::from_str(d.get()).ok()),
        members: slots
            .members
            .iter()
            .filter_map(|(n, v)| Some((n.to_string(), serde_json::from_str(v.get()).ok()?)))
            .collect(),
    };
    let error = match known {
        Some(k) => {
            let parts = crate::__private::Details::new(slots.details, slots.members.clone());
            match E::from_wire_parts(k, parts) {
                Ok(e) => Ok(Decoded::Known(e)),
                Err(source) => Err((source, unknown(code, &slots))),
            }
        }
        None => Ok(Decoded::Unknown(unknown(code, &slots))),
    };
    Ok(Parts {
        error,
        message,
        request_id,
        timestamp,
    })
}

/// What a body holds; a known code whose details do not match keeps the
/// rest, with the reason.
pub(crate) struct Parts<E> {
    pub error: Result<Decoded<E>, (serde_json::Error, UnknownError)>,
    pub message: Option<String>,
    pub request_id: Option<String>,
    pub timestamp: Option<jiff::Timestamp>,
}

/// Reads an error body: finds the code through the catalog's templates (the
/// `http` one first), then reads the rest through the code's own channel.
/// No JSON tree is built: each object on a template's path is split into
/// raw members once, and the details are read straight into their types.
pub fn decode<E: CatalogError>(body: &[u8]) -> Result<Received<E>, DecodeError> {
    let Parts {
        error,
        message,
        request_id,
        timestamp,
    } = decode_parts::<E>(body)?;
    let error = error.map_err(|(source, u)| DecodeError::Details {
        code: u.code,
        source,
    })?;
    Ok(Received {
        error,
        message,
        request_id,
        timestamp,
    })
}
