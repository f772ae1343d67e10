//! Reading an error body back: the code found through the catalog's
//! templates, then the rest read through the code's own channel.

mod fields;
mod key;
mod slots;

use std::borrow::Cow;

pub use fields::{FieldSet, field, fields, skip};
use serde::de::{self, DeserializeOwned};
use serde_json::value::RawValue;
use slots::Slots;

use crate::envelope::{DecodeError, Decoded, Received, UnknownError};
use crate::raw::RawJson;
use crate::{CatalogCode, CatalogError};

/// The parts of an error body (see [`decode`]). With `http`, the body is
/// an HTTP response's: a known code of a channel without statuses (a
/// WebSocket code) is not that channel's known error here, but kept as an
/// unknown one with the reason.
pub(crate) fn decode_parts<E: CatalogError>(
    body: &[u8],
    http: bool,
) -> Result<Parts<E>, DecodeError> {
    // Validated whole, once: far cheaper than string by string.
    let body = std::str::from_utf8(body).map_err(|_| {
        DecodeError::Json(<serde_json::Error as de::Error>::custom(
            "the body is not UTF-8",
        ))
    })?;
    let mut slots = Slots::<E>::new();
    let mut found = None;
    for channel in 0..E::Code::TEMPLATES.len() {
        walk(&mut slots, channel, body)?;
        if let Some(code) = slots.code.take() {
            found = Some((code, channel));
            break;
        }
    }
    // JSON without a code where one should be.
    let Some((code, channel)) = found else {
        return Err(DecodeError::NotAnEnvelope);
    };
    let mut known = E::Code::from_wire(&code);
    // A code of a channel without statuses is no known HTTP error.
    let foreign = known.filter(|k| http && k.status().is_none());
    if foreign.is_some() {
        // Read again for the raw details a direct read consumed.
        slots
            .walk(channel, body, false)
            .map_err(|e| decode_error(&slots, e))?;
        known = None;
    } else if slots.error.is_some() {
        // Details read directly: the code is known and of this channel.
        known = None;
    } else if let Some(k) = known
        && k.channel_index() != channel
    {
        walk(&mut slots, k.channel_index(), body)?;
    }
    let message = slots.message.take().map(Cow::into_owned);
    let request_id = slots.request_id.take().map(Cow::into_owned);
    let timestamp = slots.timestamp.as_ref().and_then(|t| t.parse().ok());
    let foreign = foreign.map(|k| {
        format!(
            "`{}` is a code of the `{}` channel, which is not sent over HTTP",
            k.as_str(),
            k.channel_name()
        )
    });
    let error = match (foreign, slots.error.take(), known) {
        (Some(why), _, _) => Err((
            de::Error::custom(why),
            unknown(code, message.clone(), &slots),
        )),
        (None, Some(e), _) => Ok(Decoded::Known(e)),
        (None, None, Some(k)) => {
            let details = slots.details.map_or("null", |d| d.get());
            let mut de = serde_json::Deserializer::from_str(details);
            let mut members = Members(slots.members.clone());
            match E::from_wire_parts(k, &mut de, &mut members) {
                Ok(e) => Ok(Decoded::Known(e)),
                Err(source) => Err((
                    without_sensitive_values::<E>(source),
                    unknown(code, message.clone(), &slots),
                )),
            }
        }
        (None, None, None) => Ok(Decoded::Unknown(unknown(code, message.clone(), &slots))),
    };
    Ok(Parts {
        error,
        message,
        request_id,
        timestamp,
    })
}

/// Walks the template of `channel` over `body`. A walk that read a known
/// code's details directly fails on details that do not match; walking
/// again keeps them raw, to report them.
fn walk<'a, E: CatalogError>(
    slots: &mut Slots<'a, E>,
    channel: usize,
    body: &'a str,
) -> Result<(), DecodeError> {
    slots
        .walk(channel, body, true)
        .or_else(|_| slots.walk(channel, body, false))
        .map_err(|e| decode_error(slots, e))
}

/// A walk's failure: a key of the envelope named twice, or no JSON.
fn decode_error<E>(slots: &Slots<'_, E>, e: serde_json::Error) -> DecodeError {
    match slots.duplicate {
        Some(key) => DecodeError::DuplicateKey { key },
        None => DecodeError::Json(e),
    }
}

/// A known code's mismatch, without the values serde quotes when the
/// catalog has sensitive fields: the value may be one of them.
fn without_sensitive_values<E: CatalogError>(e: serde_json::Error) -> serde_json::Error {
    if E::Code::SENSITIVE.is_empty() {
        return e;
    }
    de::Error::custom(crate::raw::without_values(&e.to_string()))
}

/// Everything a body had, for a code this build does not know or whose
/// details do not match: raw text, one copy, no tree.
fn unknown<E: CatalogError>(
    code: Cow<'_, str>,
    message: Option<String>,
    slots: &Slots<'_, E>,
) -> UnknownError {
    let sensitive = E::Code::SENSITIVE;
    UnknownError {
        code: code.into_owned(),
        message,
        category: slots.category.as_deref().map(str::to_owned),
        status: slots.status,
        details: slots.details.map(|d| RawJson::new(d, sensitive, false)),
        members: slots
            .members
            .iter()
            .map(|(n, v)| {
                (
                    n.to_string(),
                    RawJson::new(v, sensitive, sensitive.contains(n)),
                )
            })
            .collect(),
    }
}

/// The members of a received envelope (`$param`), raw slices of the body
/// that generated code reads into a known error's fields.
#[doc(hidden)]
#[derive(Debug, Default)]
pub struct Members<'a>(Vec<(&'static str, &'a RawValue)>);

impl Members<'_> {
    /// Takes the value of a member (absent counts as `null`).
    pub fn member<T: DeserializeOwned, Er: de::Error>(&mut self, name: &str) -> Result<T, Er> {
        let raw = match self.0.iter().position(|(n, _)| *n == name) {
            Some(i) => self.0.swap_remove(i).1.get(),
            None => "null",
        };
        serde_json::from_str(raw).map_err(|e| Er::custom(format_args!("member `{name}`: {e}")))
    }
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
/// No JSON tree is built: one pass walks the template over the body and
/// reads a known code's details straight into their types as they stream
/// by (from their slice when they come before the code).
pub fn decode<E: CatalogError>(body: &[u8]) -> Result<Received<E>, DecodeError> {
    let Parts {
        error,
        message,
        request_id,
        timestamp,
    } = decode_parts::<E>(body, false)?;
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
