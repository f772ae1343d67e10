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
    let mut slots = Slots::<E>::new(http);
    let mut found = None;
    for channel in 0..E::Code::TEMPLATES.len() {
        walk(&mut slots, channel, body)?;
        // Errors on a success status: a body without the envelope's
        // literals (`ok: false`) is not this channel's error.
        if slots.check_literals && slots.selected < E::Code::TEMPLATES[channel].literal_count() {
            continue;
        }
        // A list's element without a code is an unknown error.
        if slots.code.is_some() || slots.element.is_some() {
            found = Some((slots.code.take().unwrap_or_default(), channel));
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
    let mut parts = parts_of(&mut slots, code, known, foreign);
    parts.more = std::mem::take(&mut slots.rest);
    parts.mismatches = std::mem::take(&mut slots.mismatches);
    parts.omitted = slots.omitted;
    Ok(parts)
}

/// What one error's slots hold: the error (read from the slots unless its
/// details were read directly), its message and context, the array
/// elements nothing selected, and the members the known error did not take.
fn parts_of<E: CatalogError>(
    slots: &mut Slots<'_, E>,
    code: Cow<'_, str>,
    known: Option<E::Code>,
    foreign: Option<E::Code>,
) -> Parts<E> {
    let sensitive = E::Code::SENSITIVE;
    let mut members = Vec::new();
    let error = match (foreign, slots.error.take()) {
        (Some(k), _) => Err((not_http(k), Box::new(unknown(code, slots)))),
        (None, Some(e)) => Ok(Decoded::Known(e)),
        (None, None) => known_or_unknown(known, code, slots, &mut members),
    };
    Parts {
        error,
        message: slots.message.take().map(Cow::into_owned),
        request_id: slots.request_id.take().map(Cow::into_owned),
        timestamp: slots.timestamp.as_ref().and_then(|t| t.parse().ok()),
        extra: raw_all(&slots.extra, sensitive),
        members,
        more: Vec::new(),
        mismatches: Vec::new(),
        omitted: 0,
    }
}

/// The error of a body whose details were not read directly: known (its
/// details read from their slice) or unknown, kept as it came. A known
/// error's members that it does not carry go to `left`.
fn known_or_unknown<E: CatalogError>(
    known: Option<E::Code>,
    code: Cow<'_, str>,
    slots: &Slots<'_, E>,
    left: &mut Vec<(String, RawJson)>,
) -> ElementResult<E> {
    let Some(k) = known else {
        return Ok(Decoded::Unknown(unknown(code, slots)));
    };
    let details = slots.details.map_or("null", |d| d.get());
    let mut de = serde_json::Deserializer::from_str(details);
    let mut members = Members::new(&slots.members);
    match E::from_wire_parts(k, &mut de, &mut members) {
        Ok(e) => {
            let sensitive = E::Code::SENSITIVE;
            *left = members
                .left(E::Code::TEXT_MEMBERS)
                .into_iter()
                .map(|(n, v)| {
                    (
                        n.to_string(),
                        RawJson::new(v, sensitive, sensitive.contains(&n)),
                    )
                })
                .collect();
            Ok(Decoded::Known(e))
        }
        Err(source) => Err((
            without_sensitive_values::<E>(source),
            Box::new(unknown(code, slots)),
        )),
    }
}

/// One more element of a list of errors, walked through the list's
/// element template. An element without a code is kept as an unknown
/// error with an empty code: nothing in a list is dropped.
/// Built as the public [`Received`] at once (with the reason apart, when a
/// known code's details do not match: the error is then the unknown one).
pub(crate) fn list_element<E: CatalogError>(
    slots: &mut Slots<'_, E>,
) -> (Received<E>, Option<serde_json::Error>) {
    let code = slots.code.take().unwrap_or_default();
    let known = E::Code::from_wire(&code);
    let foreign = known.filter(|k| slots.http && k.status().is_none());
    let p = parts_of(slots, code, known, foreign);
    let (error, mismatch) = match p.error {
        Ok(e) => (e, None),
        Err((why, u)) => (Decoded::Unknown(*u), Some(why)),
    };
    let received = Received {
        error,
        message: p.message,
        request_id: p.request_id,
        timestamp: p.timestamp,
        extra: p.extra,
        members: p.members,
        more: Vec::new(),
        omitted: 0,
    };
    (received, mismatch)
}

/// Why a code of a channel without statuses is no known HTTP error.
fn not_http<C: CatalogCode>(k: C) -> serde_json::Error {
    de::Error::custom(format_args!(
        "`{}` is a code of the `{}` channel, which is not sent over HTTP",
        k.as_str(),
        k.channel_name()
    ))
}

fn raw_all(values: &[&RawValue], sensitive: &'static [&'static str]) -> Vec<RawJson> {
    values
        .iter()
        .map(|v| RawJson::new(v, sensitive, false))
        .collect()
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
fn unknown<E: CatalogError>(code: Cow<'_, str>, slots: &Slots<'_, E>) -> UnknownError {
    let sensitive = E::Code::SENSITIVE;
    UnknownError {
        code: code.into_owned(),
        message: slots.message.as_deref().map(str::to_owned),
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
pub struct Members<'a> {
    all: &'a [(&'static str, &'a RawValue)],
    /// The members read (bit `i` for `all[i]`; past 64, all count read).
    taken: u64,
}

impl<'a> Members<'a> {
    fn new(all: &'a [(&'static str, &'a RawValue)]) -> Self {
        Members { all, taken: 0 }
    }

    fn raw(&mut self, name: &str) -> &'a str {
        match self.all.iter().position(|(n, _)| *n == name) {
            Some(i) => {
                self.taken |= 1u64.checked_shl(i as u32).unwrap_or(0);
                self.all[i].1.get()
            }
            None => "null",
        }
    }

    /// Reads the value of a member (absent counts as `null`).
    pub fn member<T: DeserializeOwned, Er: de::Error>(&mut self, name: &str) -> Result<T, Er> {
        serde_json::from_str(self.raw(name))
            .map_err(|e| Er::custom(format_args!("member `{name}`: {e}")))
    }

    /// Reads a `url` member: a string that is an absolute URL
    /// (`scheme://…`, no whitespace), as the catalog's examples must be.
    pub fn url_member<T: DeserializeOwned + UrlText, Er: de::Error>(
        &mut self,
        name: &str,
    ) -> Result<T, Er> {
        let value: T = self.member(name)?;
        match value.url_text() {
            Some(text) if !is_absolute_url(text) => Err(Er::custom(format_args!(
                "member `{name}`: `{}` is not an absolute URL",
                crate::raw::shorten(text, 200)
            ))),
            _ => Ok(value),
        }
    }

    /// The members no read took, but for the catalog's template members
    /// (a text every code has): kept beside a known error.
    fn left(&self, texts: &[&str]) -> Vec<(&'static str, &'a RawValue)> {
        self.all
            .iter()
            .enumerate()
            .filter(|(i, (n, _))| *i < 64 && self.taken & (1 << i) == 0 && !texts.contains(n))
            .map(|(_, m)| *m)
            .collect()
    }
}

/// The text of a `url` value, to check (`String` or `Option<String>`).
#[doc(hidden)]
pub trait UrlText {
    /// The text, when there is one.
    fn url_text(&self) -> Option<&str>;
}

impl UrlText for String {
    fn url_text(&self) -> Option<&str> {
        Some(self)
    }
}

impl UrlText for Option<String> {
    fn url_text(&self) -> Option<&str> {
        self.as_deref()
    }
}

/// `scheme://rest`, a scheme of letters, digits, `+`, `-`, `.` that starts
/// with a letter, and no whitespace.
fn is_absolute_url(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once("://") else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && !rest.is_empty()
        && !s.contains(char::is_whitespace)
}

/// A body's error, or a known code whose details do not match, with the
/// reason and the rest kept.
pub(crate) type ElementResult<E> = Result<Decoded<E>, (serde_json::Error, Box<UnknownError>)>;

/// What a body holds; a known code whose details do not match keeps the
/// rest, with the reason.
pub(crate) struct Parts<E> {
    pub error: ElementResult<E>,
    pub message: Option<String>,
    pub request_id: Option<String>,
    pub timestamp: Option<jiff::Timestamp>,
    /// Array elements no template element selects, as they came.
    pub extra: Vec<RawJson>,
    /// A known error's members that it does not carry.
    pub members: Vec<(String, RawJson)>,
    /// The other errors of a list, in order.
    pub more: Vec<Received<E>>,
    /// The reasons the details of some of them did not match (by index
    /// into `more`, whose error is then the unknown one).
    pub mismatches: Vec<(usize, serde_json::Error)>,
    /// The errors of a list past [`crate::MAX_LIST_ERRORS`], not read.
    pub omitted: usize,
}

/// Reads an error body: finds the code through the catalog's templates (the
/// `http` one first), then reads the rest through the code's own channel.
/// No JSON tree is built: one pass walks the template over the body and
/// reads a known code's details straight into their types as they stream
/// by (from their slice when they come before the code).
pub fn decode<E: CatalogError>(body: &[u8]) -> Result<Received<E>, DecodeError> {
    received(decode_parts::<E>(body, false)?)
}

/// A body's parts as [`Received`]: a known code whose details do not
/// match, anywhere in a list, fails the whole.
fn received<E: CatalogError>(parts: Parts<E>) -> Result<Received<E>, DecodeError> {
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
    let error = error.map_err(|(source, u)| DecodeError::Details {
        code: u.code,
        source,
    })?;
    if let Some((i, source)) = mismatches.into_iter().next() {
        let code = match &more[i].error {
            Decoded::Unknown(u) => u.code.clone(),
            Decoded::Known(e) => e.code().as_str().to_string(),
        };
        return Err(DecodeError::Details { code, source });
    }
    Ok(Received {
        error,
        message,
        request_id,
        timestamp,
        extra,
        members,
        more,
        omitted,
    })
}
