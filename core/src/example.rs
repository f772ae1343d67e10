//! The example engine: a code's example (given, or synthesized from its
//! schema) filled into its channel's envelope, as the generated code
//! writes it. The expansion's rustdoc, the renderers (`errcat example`,
//! docs, OpenAPI, JSON Schema, TypeScript), the mock and the checks' tests
//! all call it.

use serde_json::Value;

use crate::Checked;
use crate::load::{Kind, Node};
use crate::model::{
    Code, Details, Field, MemberKind, Piece, Slot, Template, Ty, TypeDefKind, pieces,
};

/// A JSON value whose objects keep their members in order: the envelope's
/// member order and the details' field order, which is the order the
/// generated serializer writes (`serde_json::Value` sorts keys).
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number.
    Number(serde_json::Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, members in order.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// As a `serde_json::Value` (keys sorted), e.g. to compare.
    pub fn to_value(&self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => Value::Number(n.clone()),
            Json::String(s) => Value::String(s.clone()),
            Json::Array(items) => Value::Array(items.iter().map(Json::to_value).collect()),
            Json::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_value()))
                    .collect(),
            ),
        }
    }

    /// From a `serde_json::Value`, in its (sorted) order.
    pub fn from_value(v: &Value) -> Json {
        match v {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => Json::Number(n.clone()),
            Value::String(s) => Json::String(s.clone()),
            Value::Array(items) => Json::Array(items.iter().map(Json::from_value).collect()),
            Value::Object(map) => Json::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), Json::from_value(v)))
                    .collect(),
            ),
        }
    }

    /// A member of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Pretty-printed, members in order.
    pub fn pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl serde_core::Serialize for Json {
    fn serialize<S: serde_core::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde_core::ser::{SerializeMap as _, SerializeSeq as _};
        match self {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            Json::Number(n) => n.serialize(s),
            Json::String(v) => s.serialize_str(v),
            Json::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(members) => {
                let mut map = s.serialize_map(Some(members.len()))?;
                for (k, v) in members {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

/// Values for one error's envelope slots; `None` means "absent, omit".
#[derive(Debug, Clone, Default)]
pub(crate) struct SlotValues {
    /// `$code`
    pub code: Option<Json>,
    /// `$message`
    pub message: Option<Json>,
    /// `$details`
    pub details: Option<Json>,
    /// `$category`
    pub category: Option<Json>,
    /// `$status`
    pub status: Option<Json>,
    /// `$request_id`
    pub request_id: Option<Json>,
    /// `$timestamp`
    pub timestamp: Option<Json>,
    /// Members (`$param`, `$doc_url`), those present.
    pub members: Vec<(String, Json)>,
    /// The code's own `elements:`, added to the array of selected elements.
    pub elements: Vec<Json>,
}

impl SlotValues {
    fn get(&self, slot: Slot) -> Option<&Json> {
        match slot {
            Slot::Code => self.code.as_ref(),
            Slot::Message => self.message.as_ref(),
            // Only a response's own message, which an example has not.
            Slot::OptionalMessage => None,
            Slot::Details => self.details.as_ref(),
            Slot::Category => self.category.as_ref(),
            Slot::Status => self.status.as_ref(),
            Slot::RequestId => self.request_id.as_ref(),
            Slot::Timestamp => self.timestamp.as_ref(),
        }
    }
}

/// Fills an envelope template. A member whose slot is absent is omitted, and
/// so is an object member all of whose members were omitted (Hexabase's
/// `meta` disappears when there is neither request id nor timestamp).
pub(crate) fn fill(template: &Template, values: &SlotValues) -> Option<Json> {
    match template {
        Template::Slot(s) => values.get(s.value).cloned(),
        Template::Member(m) => values
            .members
            .iter()
            .find(|(k, _)| *k == m.value)
            .map(|(_, v)| v.clone()),
        Template::UnknownSlot(_) => None,
        Template::Literal(v) => Some(Json::from_value(v)),
        Template::Array(items) => {
            let mut out: Vec<Json> = items.iter().filter_map(|i| fill(i, values)).collect();
            // A code's own elements go where elements are selected.
            if !template.is_list() && template.has_slots() {
                out.extend(values.elements.iter().cloned());
            }
            Some(Json::Array(out))
        }
        Template::Object(members) => {
            let out: Vec<(String, Json)> = members
                .iter()
                .filter_map(|(k, v)| Some((k.clone(), fill(v, values)?)))
                .collect();
            if out.is_empty() && !members.is_empty() {
                None
            } else {
                Some(Json::Object(out))
            }
        }
    }
}

fn scalar_text(v: &Json, format: Option<&str>) -> String {
    match (v, format) {
        (Json::String(s), Some("unix")) => crate::timestamp::parse_timestamp(s)
            .map(|seconds| seconds.to_string())
            .unwrap_or_else(|_| s.clone()),
        (Json::String(s), _) => s.clone(),
        (other, _) => other.to_value().to_string(),
    }
}

/// Fills `{field}` placeholders from a details object.
pub(crate) fn fill_placeholders(text: &str, details: Option<&Json>) -> String {
    let Ok(parts) = pieces(text) else {
        return text.to_string();
    };
    parts
        .iter()
        .map(|p| match p {
            Piece::Text(t) => t.clone(),
            Piece::Field { name, format } => details
                .and_then(|d| d.get(name))
                .map(|v| scalar_text(v, format.as_deref()))
                .unwrap_or_default(),
        })
        .collect()
}

/// A header template filled like a message, but a value inside a
/// quoted-string is escaped (`"` and `\`, RFC 9110 section 5.6.4), as the
/// generated `headers()` does.
#[cfg(any(feature = "tooling", feature = "utoipa"))]
pub(crate) fn fill_header(text: &str, fields: &Json) -> String {
    let Ok(parts) = pieces(text) else {
        return text.to_string();
    };
    let mut quoted = false;
    let mut out = String::new();
    for p in &parts {
        match p {
            Piece::Text(t) => {
                let mut escaped = false;
                for c in t.chars() {
                    quoted ^= c == '"' && !escaped;
                    escaped = c == '\\' && !escaped;
                }
                out.push_str(t);
            }
            Piece::Field { name, format } => {
                let v = fields
                    .get(name)
                    .map(|v| scalar_text(v, format.as_deref()))
                    .unwrap_or_default();
                match quoted {
                    true => out.push_str(&v.replace('\\', "\\\\").replace('"', "\\\"")),
                    false => out.push_str(&v),
                }
            }
        }
    }
    out
}

/// The example details of a code (`{}` for an always-empty object), in
/// the order the generated serializer writes them: object fields in the
/// catalog's field order, recursively through named types; map entries as
/// the catalog writes them (the serializer's `BTreeMap` sorts them: equal
/// as JSON, not byte for byte); `json` values as `serde_json` does.
///
/// A code without `example:` gets details synthesized from its schema
/// (see [`synthesized`]), so that every rendered example is one the
/// generated code can produce and decode.
pub(crate) fn example_details(catalog: &Checked, code: &Code) -> Option<Json> {
    let Some(example) = &code.example else {
        return synthesized_details(catalog, code);
    };
    let given = example.details.as_ref();
    match &code.details {
        Details::None => None,
        Details::Object(_) if code.details_optional => match given {
            Some(node) if !matches!(node.kind, Kind::Null) => {
                Some(ordered_object(catalog, node, code.object_fields()))
            }
            _ => None,
        },
        Details::Object(fields) => Some(match given {
            Some(node) => ordered_object(catalog, node, fields),
            None => Json::Object(Vec::new()),
        }),
        Details::Value(ty) => given.map(|node| ordered(catalog, node, &ty.value)),
    }
}

/// Whether a code's rendered example is synthesized from its schema (it
/// has no `example:`).
pub fn synthesized(code: &Code) -> bool {
    code.example.is_none()
}

/// Details made from the schema: every required field with a value of its
/// type (the first value of an enum, empty arrays and maps), optional fields
/// left out, details that may be absent absent.
fn synthesized_details(catalog: &Checked, code: &Code) -> Option<Json> {
    match &code.details {
        Details::None => None,
        Details::Object(_) if code.details_optional => None,
        Details::Object(fields) => Some(synth_object(catalog, fields, 0)),
        Details::Value(ty) => synth_value(catalog, &ty.value, 0),
    }
}

/// Named types nest at most this deep in a synthesized value (the checker
/// allows recursion only through arrays and maps, which synthesize empty).
const SYNTH_DEPTH: usize = 32;

fn synth_object(catalog: &Checked, fields: &[Field], depth: usize) -> Json {
    Json::Object(
        fields
            .iter()
            .filter_map(|f| {
                Some((
                    f.name.value.clone(),
                    synth_value(catalog, &f.ty.value, depth)?,
                ))
            })
            .collect(),
    )
}

fn synth_value(catalog: &Checked, ty: &Ty, depth: usize) -> Option<Json> {
    Some(match ty {
        Ty::Optional(_) => return None,
        Ty::Bool => Json::Bool(false),
        Ty::Int(_) => Json::Number(0.into()),
        Ty::Number => Json::Number(serde_json::Number::from_f64(0.5)?),
        Ty::String => Json::String("string".into()),
        Ty::Url => Json::String("https://example.com/".into()),
        Ty::Timestamp => Json::String("2024-01-01T00:00:00Z".into()),
        Ty::Json => Json::Object(Vec::new()),
        Ty::Enum(values) => Json::String(values.first()?.value.clone()),
        Ty::Array(_) => Json::Array(Vec::new()),
        Ty::Map(_) => Json::Object(Vec::new()),
        Ty::Named(name) if depth < SYNTH_DEPTH => {
            match &catalog.types.iter().find(|t| &t.name.value == name)?.kind {
                TypeDefKind::Struct(fields) => synth_object(catalog, fields, depth + 1),
                TypeDefKind::Enum(values) => Json::String(values.first()?.value.clone()),
            }
        }
        Ty::Named(_) => return None,
    })
}

fn ordered(catalog: &Checked, node: &Node, ty: &Ty) -> Json {
    match (ty.required(), &node.kind) {
        (Ty::Named(name), Kind::Map(_)) => {
            let def = catalog.types.iter().find(|t| &t.name.value == name);
            match def.map(|d| &d.kind) {
                Some(TypeDefKind::Struct(fields)) => ordered_object(catalog, node, fields),
                _ => Json::from_value(&node.to_json()),
            }
        }
        (Ty::Array(inner), Kind::Seq(items)) => {
            Json::Array(items.iter().map(|i| ordered(catalog, i, inner)).collect())
        }
        // Map entries in the order the catalog writes them (the wire's
        // `BTreeMap` sorts them; a JSON object has no order to keep).
        (Ty::Map(inner), Kind::Map(entries)) => Json::Object(
            entries
                .iter()
                .map(|(k, v)| (k.key_string().to_string(), ordered(catalog, v, inner)))
                .collect(),
        ),
        _ => Json::from_value(&node.to_json()),
    }
}

fn ordered_object(catalog: &Checked, node: &Node, fields: &[Field]) -> Json {
    let Kind::Map(entries) = &node.kind else {
        return Json::from_value(&node.to_json());
    };
    let value = |name: &str| entries.iter().find(|(k, _)| k.key_string() == name);
    let mut members: Vec<(String, Json)> = fields
        .iter()
        .filter_map(|f| {
            let (_, v) = value(&f.name.value)?;
            Some((f.name.value.clone(), ordered(catalog, v, &f.ty.value)))
        })
        .collect();
    // Keys the schema does not name (the checker refuses them) come last.
    for (k, v) in entries {
        if !fields.iter().any(|f| f.name.value == k.key_string()) {
            members.push((k.key_string().to_string(), Json::from_value(&v.to_json())));
        }
    }
    Json::Object(members)
}

/// The text of template member `name` for `code` (its own or the
/// catalog's), filled from the code's wire code, category, status and
/// channel.
pub fn member_text(catalog: &Checked, code: &Code, name: &str) -> Option<String> {
    let text = catalog.member_template(code, name)?;
    let parts = pieces(&text.value).ok()?;
    let category = code
        .resolved
        .category
        .and_then(|i| catalog.categories.get(i));
    Some(
        parts
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.clone(),
                Piece::Field { name, .. } => match name.as_str() {
                    "code" => code.code.value.clone(),
                    "category" => category.map(|c| c.name.value.clone()).unwrap_or_default(),
                    "status" => code
                        .resolved
                        .status
                        .map(|s| s.to_string())
                        .unwrap_or_default(),
                    "channel" => code.resolved.channel.clone(),
                    _ => String::new(),
                },
            })
            .collect(),
    )
}

/// The example's member values, in declaration order: value members the
/// code carries (from `example: members:`, else synthesized when
/// required), then template members.
fn example_members(catalog: &Checked, code: &Code) -> Vec<(String, Json)> {
    let given = code
        .example
        .as_ref()
        .and_then(|e| e.members.as_ref())
        .map_or(&[][..], |n| match &n.kind {
            Kind::Map(entries) => entries.as_slice(),
            _ => &[],
        });
    let mut out = Vec::new();
    for m in &catalog.members {
        let name = &m.name.value;
        let value = match &m.kind {
            MemberKind::Value(f) if code.members.iter().any(|n| &n.value == name) => {
                match given.iter().find(|(k, _)| k.key_string() == name) {
                    Some((_, v)) => Some(ordered(catalog, v, &f.ty.value)),
                    // Synthesized from the type the code carries it with:
                    // a member listed `name?` is optional, and left out.
                    None if code.example.is_none() => {
                        let carried = code.member_fields.iter().find(|m| &m.name.value == name);
                        synth_value(catalog, &carried.unwrap_or(f).ty.value, 0)
                    }
                    None => None,
                }
            }
            MemberKind::Value(_) => None,
            MemberKind::Template { .. } => member_text(catalog, code, name).map(Json::String),
        };
        if let Some(v) = value {
            out.push((name.clone(), v));
        }
    }
    out
}

/// A code's example rendered in its channel's envelope, members in the
/// order the generated serializer writes them.
pub fn example(catalog: &Checked, code: &Code) -> Json {
    let values = example_values(catalog, code, None);
    fill_envelope(catalog, code, &values)
}

pub(crate) fn fill_envelope(catalog: &Checked, code: &Code, values: &SlotValues) -> Json {
    catalog
        .envelopes
        .iter()
        .find(|e| e.channel.value == code.resolved.channel)
        .and_then(|e| fill(&e.template, values))
        .unwrap_or(Json::Null)
}

/// What `{placeholders}` are filled from: the detail fields and the value
/// members alike.
pub(crate) fn placeholder_fields(details: Option<&Json>, members: &[(String, Json)]) -> Json {
    let mut fields = match details {
        Some(Json::Object(f)) => f.clone(),
        _ => Vec::new(),
    };
    fields.extend(members.iter().cloned());
    Json::Object(fields)
}

/// The slot values of a code's example.
pub(crate) fn example_values(
    catalog: &Checked,
    code: &Code,
    request_id: Option<&str>,
) -> SlotValues {
    let details = example_details(catalog, code);
    let members = example_members(catalog, code);
    let fields = placeholder_fields(details.as_ref(), &members);
    let message = code
        .message
        .as_ref()
        .map(|m| fill_placeholders(&m.value, Some(&fields)));
    let example = code.example.as_ref();
    SlotValues {
        code: Some(match code.code.value.parse::<i64>() {
            Ok(n) if catalog.numeric_codes() => Json::Number(n.into()),
            _ => Json::String(code.code.value.clone()),
        }),
        message: message.map(Json::String),
        category: code
            .resolved
            .category
            .and_then(|i| catalog.categories.get(i))
            .map(|c| Json::String(c.name.value.clone())),
        status: code.resolved.status.map(|s| Json::Number(s.into())),
        request_id: request_id
            .map(str::to_string)
            .or_else(|| example.and_then(|e| e.request_id.clone()))
            .map(Json::String),
        timestamp: example
            .and_then(|e| e.timestamp.as_ref())
            .map(|t| Json::String(t.value.clone())),
        details,
        members,
        elements: code
            .elements
            .iter()
            .filter_map(|(_, t)| fill(t, &SlotValues::default()))
            .collect(),
    }
}
