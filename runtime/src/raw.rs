//! JSON kept as it came: what an error body held that the catalog does not
//! type (an unknown code's details and members), as text.

use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

/// `Debug` parses and prints at most this much of a value; a longer one
/// prints as its size (read it with [`RawJson::get`]).
const DEBUG_MAX: usize = 16 * 1024;

/// A JSON value of an error body, kept as the text the server sent (no
/// tree is built: it takes the memory of its text, once).
///
/// Its `Debug` never prints what the catalog marks `sensitive`: members
/// named like a sensitive field print as `"<redacted>"`, at any depth, and
/// a value that is sensitive as a whole prints as `<redacted>`. Values
/// longer than 16 KiB print as their size.
#[derive(Clone)]
pub struct RawJson {
    raw: Box<RawValue>,
    sensitive: &'static [&'static str],
    whole: bool,
}

impl RawJson {
    /// Keeps `raw`; `sensitive` names the catalog's sensitive fields, and
    /// `whole` marks the value itself as sensitive.
    pub(crate) fn new(raw: &RawValue, sensitive: &'static [&'static str], whole: bool) -> Self {
        RawJson {
            raw: raw.to_owned(),
            sensitive,
            whole,
        }
    }

    /// The JSON text, as sent.
    pub fn get(&self) -> &str {
        self.raw.get()
    }

    /// The value as a `serde_json::Value`. Of two equal keys in one
    /// object, serde_json keeps the last.
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::from_str(self.get()).unwrap_or(serde_json::Value::Null)
    }

    /// The value read into `T`.
    pub fn deserialize<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_str(self.get())
    }

    /// The value of member `name` of an object, read without building the
    /// rest; `None` when it is not an object, has no such member, or names
    /// it twice (which of the two counts is not for errcat to guess).
    pub fn member(&self, name: &str) -> Option<serde_json::Value> {
        let mut de = serde_json::Deserializer::from_str(self.get());
        let raw = OneMember(name).deserialize(&mut de).ok()??;
        serde_json::from_str(raw.get()).ok()
    }
}

impl PartialEq for RawJson {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

/// Compares the value, not the text: `{"a": 1}` equals `json!({"a": 1})`.
impl PartialEq<serde_json::Value> for RawJson {
    fn eq(&self, other: &serde_json::Value) -> bool {
        &self.to_value() == other
    }
}

impl fmt::Debug for RawJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.whole {
            return f.write_str("<redacted>");
        }
        if self.get().len() > DEBUG_MAX {
            return write!(f, "<{} bytes of JSON>", self.get().len());
        }
        let mut value = self.to_value();
        redact(&mut value, self.sensitive);
        write!(f, "{value}")
    }
}

/// Replaces the value of every member named like a sensitive field.
pub(crate) fn redact(v: &mut serde_json::Value, sensitive: &[&str]) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                if sensitive.contains(&k.as_str()) {
                    *v = serde_json::Value::String("<redacted>".into());
                } else {
                    redact(v, sensitive);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| redact(v, sensitive)),
        _ => {}
    }
}

/// The raw value of one member of an object (`None`: not an object, not
/// there, or there twice); the rest is skipped unread.
struct OneMember<'n>(&'n str);

impl<'de, 'n> DeserializeSeed<'de> for OneMember<'n> {
    type Value = Option<&'de RawValue>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for OneMember<'_> {
    type Value = Option<&'de RawValue>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
        let mut found = None;
        let mut twice = false;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == self.0 {
                twice |= found.is_some();
                found = Some(map.next_value::<&'de RawValue>()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found.filter(|_| !twice))
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

/// `text`, JSON or the broken start of it, with the value of every member
/// named like a sensitive field replaced by `"<redacted>"`. Read as text,
/// not parsed: every `"name"` followed by `:` counts, wherever the quotes
/// of a broken body leave it, so that a body cut short or garbled is
/// redacted too (a look-alike inside a string is redacted as well).
pub(crate) fn redact_text(text: &str, sensitive: &[&str]) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    // Each `"` that may close a key: a sensitive name before it and a `:`
    // after. Not its opening quote, which a broken string before it may
    // have taken as its own closing one.
    while let Some(q) = text[i..].find('"').map(|n| i + n) {
        let key = sensitive.iter().find(|name| text[..q].ends_with(*name));
        let colon = key.map(|_| skip_space(bytes, q + 1));
        match colon.filter(|&c| bytes.get(c) == Some(&b':')) {
            Some(c) => {
                let value = skip_space(bytes, c + 1);
                out.push_str(&text[copied..value]);
                out.push_str("\"<redacted>\"");
                copied = value_end(bytes, value).max(value);
                i = copied;
            }
            None => i = q + 1,
        }
    }
    out.push_str(&text[copied..]);
    out
}

fn skip_space(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

/// The end of the string opening at `start` (past its closing quote, or
/// the end of the text).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The end of the value at `start`: a string, an object or array up to
/// its matching bracket, or a scalar up to a delimiter.
fn value_end(bytes: &[u8], start: usize) -> usize {
    match bytes.get(start) {
        Some(b'"') => string_end(bytes, start),
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            let mut i = start;
            while i < bytes.len() {
                match bytes[i] {
                    b'"' => {
                        i = string_end(bytes, i);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return i + 1;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            bytes.len()
        }
        _ => {
            let mut i = start;
            while i < bytes.len()
                && !matches!(bytes[i], b',' | b'}' | b']')
                && !bytes[i].is_ascii_whitespace()
            {
                i += 1;
            }
            i
        }
    }
}

/// Shortens text for a one-line message: at most `max` characters, the cut
/// marked with `…`.
pub(crate) fn shorten(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => std::borrow::Cow::Borrowed(text),
        Some((at, _)) => {
            std::borrow::Cow::Owned(format!("{}… ({} bytes)", &text[..at], text.len()))
        }
    }
}

/// A serde message without the values it quotes (`invalid type: string
/// "4242"` -> `invalid type: string`): for catalogs with sensitive fields,
/// whose values a mismatch may quote. Field and key names are kept.
pub(crate) fn without_values(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = ["invalid type: ", "invalid value: ", "unknown variant `"]
        .iter()
        .filter_map(|p| rest.find(p).map(|i| (i, *p)))
        .min()
    {
        let (i, pattern) = at;
        out.push_str(&rest[..i + pattern.len()]);
        rest = &rest[i + pattern.len()..];
        if pattern == "unknown variant `" {
            // Up to the variant list, or to the end.
            let end = rest.rfind("`, expected").unwrap_or(rest.len());
            out.push_str("<redacted>");
            rest = &rest[end..];
            continue;
        }
        rest = skip_value(rest, &mut out);
    }
    out.push_str(rest);
    out
}

/// Writes the kind of serde's `Unexpected` at the start of `rest` and
/// returns what follows its value.
fn skip_value<'a>(rest: &'a str, out: &mut String) -> &'a str {
    for kind in [
        "string ",
        "integer ",
        "floating point ",
        "boolean ",
        "character ",
        "bytes ",
    ] {
        let Some(value) = rest.strip_prefix(kind) else {
            continue;
        };
        out.push_str(kind.trim_end());
        let end = match value.as_bytes().first() {
            // A Debug-quoted string: up to the quote that is not escaped.
            Some(b'"') => closing_quote(value),
            Some(b'`') => value[1..].find('`').map(|e| e + 2),
            _ => None,
        };
        // A value whose end cannot be found takes the rest with it.
        return end.map_or("", |e| &value[e..]);
    }
    rest
}

fn closing_quote(value: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, b) in value.bytes().enumerate().skip(1) {
        match b {
            _ if escaped => escaped = false,
            b'\\' => escaped = true,
            b'"' => return Some(i + 1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_lose_their_values_and_keep_their_names() {
        for (message, expected) in [
            (
                "field `pin`: invalid type: string \"4242\", expected u32 at line 1 column 9",
                "field `pin`: invalid type: string, expected u32 at line 1 column 9",
            ),
            (
                "invalid value: integer `-5`, expected u32",
                "invalid value: integer, expected u32",
            ),
            (
                "field `plan`: unknown variant `gold`, expected one of `free`, `pro`",
                "field `plan`: unknown variant `<redacted>`, expected one of `free`, `pro`",
            ),
            (
                "invalid type: string \"a\\\"b, expected x\", expected u8",
                "invalid type: string, expected u8",
            ),
            ("missing field `card`", "missing field `card`"),
            (
                "invalid type: map, expected a string",
                "invalid type: map, expected a string",
            ),
            (
                "invalid type: string \"never closed",
                "invalid type: string",
            ),
            ("unknown variant `x", "unknown variant `<redacted>"),
        ] {
            assert_eq!(without_values(message), expected, "{message}");
        }
    }

    #[test]
    fn text_is_redacted_even_when_broken() {
        let s = &["pin", "card"];
        for (text, expected) in [
            (
                r#"{"pin": "1234", "x": 1}"#,
                r#"{"pin": "<redacted>", "x": 1}"#,
            ),
            (
                r#"{"pin":42,"card":{"n":"4242","m":[1,"}"]},"pin2":5}"#,
                r#"{"pin":"<redacted>","card":"<redacted>","pin2":5}"#,
            ),
            (
                r#"{"a":"pin","pin":"12"#,
                r#"{"a":"pin","pin":"<redacted>""#,
            ),
            (r#"<html>"pin": [1, [2"#, r#"<html>"pin": "<redacted>""#),
            (r#"{"p"in":"1","pin"#, r#"{"p"in":"1","pin"#),
            (r#"{"pin":"é\"1"}"#, r#"{"pin":"<redacted>"}"#),
            // A broken string before a key takes its opening quote (found
            // by the client fuzzer, seed 7).
            (
                r#"{"card":"4242,"pin":["1234"],"x":1}"#,
                r#"{"card":"<redacted>"pin":"<redacted>","x":1}"#,
            ),
        ] {
            assert_eq!(redact_text(text, s), expected, "{text}");
        }
    }

    #[test]
    fn shorten_cuts_on_characters() {
        assert_eq!(shorten("abc", 3), "abc");
        assert_eq!(shorten("ééé", 2), "éé… (6 bytes)");
    }

    #[test]
    fn one_member_is_read_and_duplicates_are_none() {
        let raw = |t: &str| RawJson::new(&RawValue::from_string(t.into()).unwrap(), &[], false);
        assert_eq!(
            raw(r#"{"a":1,"b":[2]}"#).member("b"),
            Some(serde_json::json!([2]))
        );
        assert_eq!(raw(r#"{"a":1,"a":2}"#).member("a"), None);
        assert_eq!(raw(r#"[1]"#).member("a"), None);
        assert_eq!(raw(r#"{"a":1}"#).member("z"), None);
    }

    #[test]
    fn debug_redacts_and_bounds() {
        let raw =
            |t: String, whole| RawJson::new(&RawValue::from_string(t).unwrap(), &["pin"], whole);
        let d = format!(
            "{:?}",
            raw(r#"{"pin":"1234","x":[{"pin":5}]}"#.into(), false)
        );
        assert!(!d.contains("1234") && !d.contains('5'), "{d}");
        assert_eq!(format!("{:?}", raw("\"1234\"".into(), true)), "<redacted>");
        let big = format!("\"{}\"", "x".repeat(DEBUG_MAX));
        assert_eq!(
            format!("{:?}", raw(big, false)),
            format!("<{} bytes of JSON>", DEBUG_MAX + 2)
        );
    }
}
