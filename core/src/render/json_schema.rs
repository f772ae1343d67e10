//! `errcat json-schema`: a JSON Schema (2020-12) of the catalog's wire
//! bodies: one schema per channel, a `oneOf` over its codes plus one for
//! codes the catalog does not know (clients must accept new codes).

use serde_json::{Map, Value, json};

use crate::Checked;
use crate::model::{Code, Details, Field, MemberKind, Slot, Template, Ty, TypeDefKind};

/// Where schemas of named types live, relative to the document.
pub(crate) const TYPES: &str = "#/$defs/types/";

/// The schema of a catalog type; `refs` is where named types are found.
pub(crate) fn ty(t: &Ty, refs: &str) -> Value {
    match t {
        Ty::Bool => json!({"type": "boolean"}),
        Ty::Int(i) => {
            let (min, max) = i.range();
            json!({"type": "integer", "minimum": min as i64, "maximum": max as u64})
        }
        Ty::Number => json!({"type": "number"}),
        Ty::String => json!({"type": "string"}),
        Ty::Url => json!({"type": "string", "format": "uri"}),
        Ty::Timestamp => json!({"type": "string", "format": "date-time"}),
        Ty::Json => json!({}),
        Ty::Enum(values) => {
            json!({"enum": values.iter().map(|v| v.value.clone()).collect::<Vec<_>>()})
        }
        Ty::Named(n) => json!({"$ref": format!("{refs}{n}")}),
        Ty::Array(inner) => json!({"type": "array", "items": ty(inner, refs)}),
        Ty::Map(inner) => json!({"type": "object", "additionalProperties": ty(inner, refs)}),
        // Absent or `null`, as the generated decoder reads it.
        Ty::Optional(inner) => json!({"anyOf": [ty(inner, refs), {"type": "null"}]}),
    }
}

/// An object of fields: required ones listed, others may be absent.
pub(crate) fn object<'f>(fields: impl IntoIterator<Item = &'f Field>, refs: &str) -> Value {
    let mut props = Map::new();
    let mut required = Vec::new();
    for f in fields {
        let mut s = ty(&f.ty.value, refs);
        if let (Some(d), Some(o)) = (&f.description, s.as_object_mut()) {
            o.insert("description".into(), Value::String(d.trim().to_string()));
        }
        props.insert(f.name.value.clone(), s);
        if !matches!(f.ty.value, Ty::Optional(_)) {
            required.push(Value::String(f.name.value.clone()));
        }
    }
    json!({"type": "object", "properties": props, "required": required})
}

/// The schema of a code's details and whether they are always there.
fn details(code: &Code, refs: &str) -> Option<(Value, bool)> {
    match &code.details {
        Details::None => None,
        Details::Object(fields) => Some((object(fields, refs), !code.details_optional)),
        Details::Value(t) => Some(match &t.value {
            Ty::Optional(inner) => (ty(inner, refs), false),
            other => (ty(other, refs), true),
        }),
    }
}

/// The value that fills one slot of `code`'s envelope (`None`: never
/// there), and whether it is always there.
type Fill<'a> = dyn Fn(&Template) -> Option<(Value, bool)> + 'a;

/// A template as a schema, given how slots are filled.
fn template(t: &Template, fill: &Fill<'_>) -> Option<(Value, bool)> {
    match t {
        Template::Object(members) => {
            let mut props = Map::new();
            let mut required = Vec::new();
            for (k, v) in members {
                if let Some((s, always)) = template(v, fill) {
                    props.insert(k.clone(), s);
                    if always {
                        required.push(Value::String(k.clone()));
                    }
                }
            }
            let always = !required.is_empty() || members.is_empty();
            Some((
                json!({"type": "object", "properties": props, "required": required}),
                always,
            ))
        }
        // A list of errors: this code's element first (the one the code
        // is read from), any others after it.
        Template::Array(items) if t.is_list() => {
            let (first, _) = template(&items[0], fill)?;
            Some((
                json!({"type": "array", "prefixItems": [first], "minItems": 1}),
                true,
            ))
        }
        // Elements a literal selects stand anywhere among others.
        Template::Array(items) if t.has_slots() => {
            let contains: Vec<Value> = items
                .iter()
                .filter(|i| i.has_slots())
                .filter_map(|i| template(i, fill).map(|(s, _)| json!({"contains": s})))
                .collect();
            Some((json!({"type": "array", "allOf": contains}), true))
        }
        Template::Array(items) => {
            let items: Vec<Value> = items
                .iter()
                .filter_map(|i| template(i, fill).map(|(s, _)| s))
                .collect();
            Some((json!({"type": "array", "prefixItems": items}), true))
        }
        Template::Literal(v) => Some((json!({"const": v}), true)),
        _ => fill(t),
    }
}

/// The envelope schema of one known code.
pub(crate) fn code_body(catalog: &Checked, code: &Code, refs: &str) -> Value {
    let env = catalog
        .envelopes
        .iter()
        .find(|e| e.channel.value == code.resolved.channel);
    let fill = |t: &Template| -> Option<(Value, bool)> {
        match t {
            Template::Slot(s) => match s.value {
                Slot::Code => Some((
                    match code.code.value.parse::<i64>() {
                        Ok(n) if catalog.numeric_codes() => json!({"const": n}),
                        _ => json!({"const": code.code.value}),
                    },
                    true,
                )),
                Slot::Message => Some((json!({"type": "string"}), true)),
                Slot::OptionalMessage => Some((json!({"type": "string"}), false)),
                Slot::Details => details(code, refs),
                Slot::Category => {
                    let c = code
                        .resolved
                        .category
                        .and_then(|i| catalog.categories.get(i))?;
                    Some((json!({"const": c.name.value}), true))
                }
                Slot::Status => match code.resolved.statuses.as_slice() {
                    [] => None,
                    [s] => Some((json!({"const": s}), true)),
                    all => Some((json!({"enum": all}), true)),
                },
                Slot::RequestId => Some((json!({"type": "string"}), false)),
                Slot::Timestamp => Some((json!({"type": "string", "format": "date-time"}), false)),
            },
            Template::Member(m) => match &catalog.member(&m.value)?.kind {
                MemberKind::Template { .. } => Some((
                    json!({"const": super::member_text(catalog, code, &m.value)?}),
                    true,
                )),
                MemberKind::Value(_) => {
                    let f = catalog
                        .value_members(code)
                        .find(|f| f.name.value == m.value)?;
                    let optional = matches!(f.ty.value, Ty::Optional(_));
                    Some((ty(f.ty.value.required(), refs), !optional))
                }
            },
            _ => None,
        }
    };
    let mut schema = env
        .and_then(|e| template(&e.template, &fill))
        .map_or(json!({}), |(s, _)| s);
    if let (Some(d), Some(o)) = (code.message.as_ref(), schema.as_object_mut()) {
        o.insert(
            "title".into(),
            Value::String(format!("{}: {}", code.code.value, d.value)),
        );
    }
    schema
}

/// The envelope of a code the catalog does not know: any code but the
/// catalog's (of every channel: a known code is never unknown), anything in
/// the details.
fn unknown_body(catalog: &Checked, template_: &Template) -> Value {
    let known: Vec<Value> = catalog
        .codes
        .iter()
        .map(|c| match c.code.value.parse::<i64>() {
            Ok(n) if catalog.numeric_codes() => json!(n),
            _ => json!(c.code.value),
        })
        .collect();
    let code_type = if catalog.numeric_codes() {
        "integer"
    } else {
        "string"
    };
    let fill = |t: &Template| -> Option<(Value, bool)> {
        match t {
            Template::Slot(s) => Some(match s.value {
                Slot::Code => (json!({"type": code_type, "not": {"enum": known}}), true),
                Slot::Message | Slot::OptionalMessage | Slot::Category | Slot::RequestId => {
                    (json!({"type": "string"}), false)
                }
                Slot::Details => (json!({}), false),
                Slot::Status => (json!({"type": "integer"}), false),
                Slot::Timestamp => (json!({"type": "string", "format": "date-time"}), false),
            }),
            Template::Member(_) => Some((json!({}), false)),
            _ => None,
        }
    };
    let mut schema = template(template_, &fill).map_or(json!({}), |(s, _)| s);
    if let Some(o) = schema.as_object_mut() {
        o.insert(
            "title".into(),
            json!("A code this catalog does not know (yet)"),
        );
    }
    schema
}

/// The schemas of the catalog's named types.
pub(crate) fn named_types(catalog: &Checked, refs: &str) -> Map<String, Value> {
    catalog
        .types
        .iter()
        .map(|t| {
            let mut s = match &t.kind {
                TypeDefKind::Struct(fields) => object(fields, refs),
                TypeDefKind::Enum(values) => {
                    json!({"enum": values.iter().map(|v| v.value.clone()).collect::<Vec<_>>()})
                }
            };
            if let (Some(d), Some(o)) = (&t.description, s.as_object_mut()) {
                o.insert("description".into(), Value::String(d.trim().to_string()));
            }
            (t.name.value.clone(), s)
        })
        .collect()
}

/// The document.
pub fn document(catalog: &Checked) -> Value {
    let mut channels = Map::new();
    let mut codes = Map::new();
    for env in &catalog.envelopes {
        let ch = &env.channel.value;
        let mut one_of = Vec::new();
        for c in catalog.codes.iter().filter(|c| &c.resolved.channel == ch) {
            codes.insert(c.code.value.clone(), code_body(catalog, c, TYPES));
            one_of.push(json!({"$ref": format!("#/$defs/codes/{}", pointer(&c.code.value))}));
        }
        one_of.push(unknown_body(catalog, &env.template));
        channels.insert(ch.clone(), json!({"oneOf": one_of}));
    }
    let any: Vec<Value> = channels
        .keys()
        .map(|ch| json!({"$ref": format!("#/$defs/channels/{}", pointer(ch))}))
        .collect();
    let name = catalog.name.as_ref().map_or("", |n| n.value.as_str());
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("https://errcat.invalid/{name}/errors.schema.json"),
        "title": format!("{} error bodies", catalog.title.as_deref().unwrap_or(name)),
        "anyOf": any,
        "$defs": {
            "channels": channels,
            "codes": codes,
            "types": named_types(catalog, TYPES),
        },
    })
}

/// A JSON Pointer segment (`~` and `/` escaped).
pub(crate) fn pointer(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}
