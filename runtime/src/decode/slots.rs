//! The slots of a body, found by walking one envelope template over it in
//! a single pass: the objects on the template's path are descended into,
//! strings and numbers in slots are read where they stand (borrowed unless
//! escaped), the details and members are kept as raw slices of the body,
//! and everything else is skipped. No JSON tree is built.
//!
//! When the code comes before the details (as every catalog writes it) and
//! the channel has no members, the details are read straight into the
//! error as they stream by: one pass over the whole body.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::key::Key;
use crate::template::{Slot, Template};
use crate::{CatalogCode, CatalogError};

/// What a body has in its slots; each is the first place it is filled
/// (Hexabase has `$request_id` twice) with a value of its type. A key the
/// template names may appear once per object (see `duplicate`).
pub(crate) struct Slots<'a, E> {
    /// The channel whose template is walked, and whether details may be
    /// read directly.
    channel: usize,
    direct: bool,
    /// The error, when its details were read directly.
    pub error: Option<E>,
    /// A string, or the decimal text of an integer (catalogs with
    /// `code_type: integer`, such as gRPC's `{"code": 5}`).
    pub code: Option<Cow<'a, str>>,
    pub message: Option<Cow<'a, str>>,
    pub category: Option<Cow<'a, str>>,
    pub status: Option<u16>,
    pub request_id: Option<Cow<'a, str>>,
    pub timestamp: Option<Cow<'a, str>>,
    pub details: Option<&'a RawValue>,
    pub members: Vec<(&'static str, &'a RawValue)>,
    /// The other elements of a list of errors, each walked as it streams
    /// by through the list's element template.
    pub rest: Vec<crate::Received<E>>,
    /// Why some of `rest` did not match (by index).
    pub mismatches: Vec<(usize, serde_json::Error)>,
    /// The elements of a list past [`crate::MAX_LIST_ERRORS`], skipped.
    pub omitted: usize,
    /// Whether the body is an HTTP response's (see `decode_parts`).
    pub http: bool,
    /// The list's element template, when the walk met a list with an
    /// element (which makes the body an envelope, with a code or not:
    /// JSON:API's error objects may leave `code` out).
    pub element: Option<&'static [(&'static str, Template)]>,
    /// Elements of an array with selected elements that none of them
    /// selects (AIP-193's LocalizedMessage or Help next to ErrorInfo).
    pub extra: Vec<&'a RawValue>,
    /// Whether the template's literals are compared as the walk passes
    /// them (the `http` channel of a catalog with errors on a success
    /// status), counting matches in `selected`.
    pub check_literals: bool,
    /// Literal members of the walked object that matched the template's
    /// (an array element's `"@type"`), counted only when selecting.
    pub selected: usize,
    /// A key of the template found twice in one object: the walk stops,
    /// since JSON parsers disagree on which of the two counts.
    pub duplicate: Option<&'static str>,
}

impl<'a, E: CatalogError> Slots<'a, E> {
    /// Nothing found yet; `http` when the body is an HTTP response's.
    pub fn new(http: bool) -> Self {
        Slots {
            http,
            channel: usize::MAX,
            direct: false,
            error: None,
            code: None,
            message: None,
            category: None,
            status: None,
            request_id: None,
            timestamp: None,
            details: None,
            members: Vec::new(),
            rest: Vec::new(),
            mismatches: Vec::new(),
            omitted: 0,
            element: None,
            extra: Vec::new(),
            selected: 0,
            check_literals: false,
            duplicate: None,
        }
    }

    /// Walks the template of `channel` over `body`, starting afresh, and
    /// fills the slots in place (they hold the error, which may be large to
    /// move). `Err` when the body is not JSON or, with `direct`, when a
    /// known code's details do not match: then walk again without.
    pub fn walk(
        &mut self,
        channel: usize,
        body: &'a str,
        direct: bool,
    ) -> Result<(), serde_json::Error> {
        *self = Slots::new(self.http);
        let Some(template) = E::Code::TEMPLATES.get(channel) else {
            return Ok(());
        };
        self.channel = channel;
        self.direct = direct && !const { any_members(E::Code::TEMPLATES) };
        self.check_literals = E::Code::ERRORS_ON_SUCCESS && channel == 0;
        match template {
            Template::Object(members) => self.walk_object(members, body),
            _ => {
                let mut de = serde_json::Deserializer::from_str(body);
                <IgnoredAny as serde::Deserialize>::deserialize(&mut de).map(drop)?;
                de.end()
            }
        }
    }

    /// Walks an object template over the whole of `body`.
    fn walk_object(
        &mut self,
        members: &'static [(&'static str, Template)],
        body: &'a str,
    ) -> Result<(), serde_json::Error> {
        let mut de = serde_json::Deserializer::from_str(body);
        Walk::new(members, self).deserialize(&mut de)?;
        de.end()
    }

    /// A fresh walk for an element of an array in this walk.
    fn child(&self) -> Self {
        Slots {
            channel: self.channel,
            direct: self.direct,
            ..Slots::new(self.http)
        }
    }

    /// Empties the slots for the next element, keeping their allocations.
    fn reset(&mut self) {
        self.error = None;
        self.code = None;
        self.message = None;
        self.category = None;
        self.status = None;
        self.request_id = None;
        self.timestamp = None;
        self.details = None;
        self.members.clear();
        self.extra.clear();
        self.selected = 0;
    }

    /// Takes what an array element selected by its literals holds: a slot
    /// filled here already keeps its first value.
    fn merge(&mut self, other: Slots<'a, E>) {
        self.error = self.error.take().or(other.error);
        self.code = self.code.take().or(other.code);
        self.message = self.message.take().or(other.message);
        self.category = self.category.take().or(other.category);
        self.status = self.status.or(other.status);
        self.request_id = self.request_id.take().or(other.request_id);
        self.timestamp = self.timestamp.take().or(other.timestamp);
        self.details = self.details.or(other.details);
        self.members.extend(other.members);
        self.extra.extend(other.extra);
        self.duplicate = self.duplicate.or(other.duplicate);
    }

    /// Reads the value of `slot` from `map`.
    fn fill<M: MapAccess<'a>>(&mut self, slot: Slot, map: &mut M) -> Result<(), M::Error> {
        if slot == Slot::Details {
            if let Some(code) = self.direct_code() {
                self.error = Some(map.next_value_seed(Direct::<E>(code))?);
                return Ok(());
            }
            let raw: &'a RawValue = map.next_value()?;
            if self.details.is_none() && self.error.is_none() && raw.get() != "null" {
                self.details = Some(raw);
            }
            return Ok(());
        }
        let value = map.next_value_seed(ScalarSeed)?;
        let text = |place: &mut Option<Cow<'a, str>>, value| {
            if let (None, Scalar::Str(s)) = (&place, value) {
                *place = Some(s);
            }
        };
        match slot {
            Slot::Code if self.code.is_none() => {
                self.code = match value {
                    Scalar::Str(s) => Some(s),
                    Scalar::Int(n) => Some(Cow::Owned(n.to_string())),
                    Scalar::Other => None,
                }
            }
            Slot::Status if self.status.is_none() => {
                if let Scalar::Int(n) = value {
                    self.status = u16::try_from(n).ok();
                }
            }
            Slot::Message | Slot::OptionalMessage => text(&mut self.message, value),
            Slot::Category => text(&mut self.category, value),
            Slot::RequestId => text(&mut self.request_id, value),
            Slot::Timestamp => text(&mut self.timestamp, value),
            _ => {}
        }
        Ok(())
    }

    /// The known code whose details come next, when they may be read
    /// directly: its code came first and the walk is its own channel's.
    fn direct_code(&self) -> Option<E::Code> {
        if !self.direct || self.error.is_some() || self.details.is_some() {
            return None;
        }
        let code = E::Code::from_wire(self.code.as_deref()?)?;
        (code.channel_index() == self.channel).then_some(code)
    }
}

/// Whether any template has members (`$param`): their values may come
/// after the details, so such catalogs' details are not read directly.
/// Evaluated at compile time for each catalog.
const fn any_members(templates: &[&Template]) -> bool {
    let mut i = 0;
    while i < templates.len() {
        if has_members(templates[i]) {
            return true;
        }
        i += 1;
    }
    false
}

const fn has_members(template: &Template) -> bool {
    let mut i = 0;
    match template {
        Template::Member(_) => true,
        Template::Object(members) => {
            while i < members.len() {
                if has_members(&members[i].1) {
                    return true;
                }
                i += 1;
            }
            false
        }
        Template::Array(items) => {
            while i < items.len() {
                if has_members(&items[i]) {
                    return true;
                }
                i += 1;
            }
            false
        }
        _ => false,
    }
}

/// The details of a known code, read into the error as they stream by.
struct Direct<E: CatalogError>(E::Code);

impl<'de, E: CatalogError> DeserializeSeed<'de> for Direct<E> {
    type Value = E;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<E, D::Error> {
        E::from_wire_parts(self.0, d, &mut crate::decode::Members::default())
    }
}

/// A walk's visits of the scalars where its template has an object or an
/// array: they hold no slot.
macro_rules! skip_scalars {
    () => {
        fn visit_bool<Er: de::Error>(self, _: bool) -> Result<(), Er> {
            Ok(())
        }
        fn visit_i64<Er: de::Error>(self, _: i64) -> Result<(), Er> {
            Ok(())
        }
        fn visit_u64<Er: de::Error>(self, _: u64) -> Result<(), Er> {
            Ok(())
        }
        fn visit_f64<Er: de::Error>(self, _: f64) -> Result<(), Er> {
            Ok(())
        }
        fn visit_str<Er: de::Error>(self, _: &str) -> Result<(), Er> {
            Ok(())
        }
        fn visit_unit<Er: de::Error>(self) -> Result<(), Er> {
            Ok(())
        }
    };
}

/// One object of a template, walked over the body.
struct Walk<'s, 'a, E> {
    members: &'static [(&'static str, Template)],
    slots: &'s mut Slots<'a, E>,
    /// Whether the object's literal members are compared (an array
    /// element being selected) rather than skipped.
    select: bool,
}

impl<'s, 'a, E> Walk<'s, 'a, E> {
    fn new(members: &'static [(&'static str, Template)], slots: &'s mut Slots<'a, E>) -> Self {
        Walk {
            members,
            slots,
            select: false,
        }
    }
}

impl<'de, E: CatalogError> DeserializeSeed<'de> for Walk<'_, 'de, E> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, E: CatalogError> Visitor<'de> for Walk<'_, 'de, E> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON")
    }
    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<(), M::Error> {
        let mut next = 0;
        let mut seen = Seen::new(self.members.len());
        while let Some(i) = map.next_key_seed(Key {
            names: self.members,
            next,
        })? {
            next = i.map_or(next, |i| i + 1);
            if let Some(i) = i
                && !seen.insert(i)
            {
                let key = self.members[i].0;
                self.slots.duplicate = Some(key);
                return Err(de::Error::custom(format_args!("duplicate key `{key}`")));
            }
            match i.map(|i| &self.members[i].1) {
                Some(Template::Object(inner)) => {
                    map.next_value_seed(Walk::new(inner, &mut *self.slots))?
                }
                Some(Template::Array(items)) => map.next_value_seed(Elements {
                    items,
                    slots: &mut *self.slots,
                })?,
                Some(Template::Slot(slot)) => self.slots.fill(*slot, &mut map)?,
                Some(Template::Member(name)) => self.slots.members.push((name, map.next_value()?)),
                Some(literal)
                    if (self.select || self.slots.check_literals) && literal.is_selector() =>
                {
                    if map.next_value_seed(Literal(literal))? {
                        self.slots.selected += 1;
                    }
                }
                _ => map.next_value::<IgnoredAny>().map(drop)?,
            }
        }
        Ok(())
    }
    // Where the template has an object, any other value has no slots.
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        drain(seq)
    }
    skip_scalars!();
}

/// One array of a template, walked over the body: a list of errors (the
/// first element read in place, the others kept for later), or elements
/// picked out by their literal members (the others kept as they came).
struct Elements<'s, 'a, E> {
    items: &'static [Template],
    slots: &'s mut Slots<'a, E>,
}

impl<'de, E: CatalogError> DeserializeSeed<'de> for Elements<'_, 'de, E> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, E: CatalogError> Elements<'_, 'de, E> {
    /// Walks `raw` through the first of the items whose literals all
    /// match it; `false` when none does.
    fn select<Er: de::Error>(&mut self, raw: &'de RawValue) -> Result<bool, Er> {
        for item in self.items {
            let Template::Object(members) = *item else {
                continue;
            };
            if !item.has_slots() {
                continue;
            }
            let need = members.iter().filter(|(_, v)| v.is_selector()).count();
            let mut child = self.slots.child();
            let mut de = serde_json::Deserializer::from_str(raw.get());
            Walk {
                members,
                slots: &mut child,
                select: true,
            }
            .deserialize(&mut de)
            .map_err(Er::custom)?;
            if child.selected == need {
                self.slots.merge(child);
                return Ok(true);
            }
        }
        Ok(false)
    }
}

impl<'de, E: CatalogError> Visitor<'de> for Elements<'_, 'de, E> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON")
    }
    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        if let Some(members) = Template::Array(self.items).list_element() {
            if self.slots.element.is_none() {
                self.slots.element = Some(members);
                // Only literals outside arrays tell an error from a success.
                let checking = std::mem::replace(&mut self.slots.check_literals, false);
                let first = seq.next_element_seed(Walk::new(members, &mut *self.slots))?;
                self.slots.check_literals = checking;
                if first.is_none() {
                    self.slots.element = None;
                    return Ok(());
                }
                // Each other error as it streams by, into slots of its own
                // (one set, reused).
                let mut next = self.slots.child();
                while self.slots.rest.len() + 1 < crate::MAX_LIST_ERRORS
                    && seq
                        .next_element_seed(Walk::new(members, &mut next))?
                        .is_some()
                {
                    let (received, mismatch) = super::list_element(&mut next);
                    if let Some(why) = mismatch {
                        self.slots.mismatches.push((self.slots.rest.len(), why));
                    }
                    self.slots.rest.push(received);
                    next.reset();
                }
                // A hostile list of empty elements would cost far more
                // than its bytes: past the limit, elements are counted.
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    self.slots.omitted += 1;
                }
            }
            return drain(seq);
        }
        if !self.items.iter().any(Template::has_slots) {
            return drain(seq);
        }
        while let Some(raw) = seq.next_element::<&'de RawValue>()? {
            if !self.select(raw)? {
                self.slots.extra.push(raw);
            }
        }
        Ok(())
    }
    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<(), M::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }
    skip_scalars!();
}

/// Whether a value equals a template literal; the value is read, not kept.
struct Literal<'t>(&'t Template);

impl<'de> DeserializeSeed<'de> for Literal<'_> {
    type Value = bool;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Literal<'_> {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON")
    }
    fn visit_str<Er: de::Error>(self, v: &str) -> Result<bool, Er> {
        Ok(matches!(self.0, Template::Str(s) if *s == v))
    }
    fn visit_bool<Er: de::Error>(self, v: bool) -> Result<bool, Er> {
        Ok(*self.0 == Template::Bool(v))
    }
    fn visit_u64<Er: de::Error>(self, v: u64) -> Result<bool, Er> {
        Ok(self.0.matches(&serde_json::Value::from(v)))
    }
    fn visit_i64<Er: de::Error>(self, v: i64) -> Result<bool, Er> {
        Ok(self.0.matches(&serde_json::Value::from(v)))
    }
    fn visit_f64<Er: de::Error>(self, v: f64) -> Result<bool, Er> {
        Ok(self.0.matches(&serde_json::Value::from(v)))
    }
    fn visit_unit<Er: de::Error>(self) -> Result<bool, Er> {
        Ok(false)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<bool, A::Error> {
        drain(seq).map(|()| false)
    }
    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<bool, M::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(false)
    }
}

/// The keys of one template object found so far: bits, without
/// allocating, for the objects every real template has.
enum Seen {
    Bits(u64),
    Many(Vec<bool>),
}

impl Seen {
    fn new(len: usize) -> Self {
        if len <= 64 {
            Seen::Bits(0)
        } else {
            Seen::Many(vec![false; len])
        }
    }

    /// Marks `i`; `false` when it was marked already.
    fn insert(&mut self, i: usize) -> bool {
        match self {
            Seen::Bits(bits) => {
                let bit = 1u64 << i;
                let new = *bits & bit == 0;
                *bits |= bit;
                new
            }
            Seen::Many(seen) => !std::mem::replace(&mut seen[i], true),
        }
    }
}

fn drain<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

/// The value of a slot other than the details.
enum Scalar<'a> {
    Str(Cow<'a, str>),
    Int(i128),
    /// `null`, a float, a boolean, an array or an object: fills no slot.
    Other,
}

struct ScalarSeed;

impl<'de> DeserializeSeed<'de> for ScalarSeed {
    type Value = Scalar<'de>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Scalar<'de>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ScalarSeed {
    type Value = Scalar<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON")
    }
    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Str(Cow::Borrowed(s)))
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Str(Cow::Owned(s.to_owned())))
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Int(n.into()))
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Int(n.into()))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Other)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Other)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Other)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Scalar<'de>, A::Error> {
        drain(seq).map(|()| Scalar::Other)
    }
    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Scalar<'de>, M::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other)
    }
}
