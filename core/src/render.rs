//! Stage 5 (renderers): views of a checked catalog that are not Rust code.

use serde_json::{Map, Value, json};

use crate::model::{Catalog, Code, Details, Piece, Slot, Template, Ty, pieces};

/// Values for one error's envelope slots; `None` means "absent, omit".
#[derive(Debug, Clone, Default)]
pub(crate) struct SlotValues {
    /// `$code`
    pub code: Option<Value>,
    /// `$message`
    pub message: Option<Value>,
    /// `$details`
    pub details: Option<Value>,
    /// `$category`
    pub category: Option<Value>,
    /// `$status`
    pub status: Option<Value>,
    /// `$request_id`
    pub request_id: Option<Value>,
    /// `$timestamp`
    pub timestamp: Option<Value>,
}

impl SlotValues {
    fn get(&self, slot: Slot) -> Option<&Value> {
        match slot {
            Slot::Code => self.code.as_ref(),
            Slot::Message => self.message.as_ref(),
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
pub(crate) fn fill(template: &Template, values: &SlotValues) -> Option<Value> {
    match template {
        Template::Slot(s) => values.get(s.value).cloned(),
        Template::UnknownSlot(_) => None,
        Template::Literal(v) => Some(v.clone()),
        Template::Array(items) => Some(Value::Array(
            items.iter().filter_map(|i| fill(i, values)).collect(),
        )),
        Template::Object(members) => {
            let mut out = Map::new();
            for (k, v) in members {
                if let Some(value) = fill(v, values) {
                    out.insert(k.clone(), value);
                }
            }
            if out.is_empty() && !members.is_empty() {
                None
            } else {
                Some(Value::Object(out))
            }
        }
    }
}

fn scalar_text(v: &Value, format: Option<&str>) -> String {
    match (v, format) {
        (Value::String(s), Some("unix")) => s
            .parse::<jiff::Timestamp>()
            .map(|t| t.as_second().to_string())
            .unwrap_or_else(|_| s.clone()),
        (Value::String(s), _) => s.clone(),
        (other, _) => other.to_string(),
    }
}

/// Fills `{field}` placeholders from a details object.
pub(crate) fn fill_placeholders(text: &str, details: Option<&Value>) -> String {
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

/// The example details of a code as JSON (`{}` for an always-empty object).
pub(crate) fn example_details(code: &Code) -> Option<Value> {
    let given = code
        .example
        .as_ref()
        .and_then(|e| e.details.as_ref())
        .map(|d| d.to_json());
    match &code.details {
        Details::None => None,
        Details::Object(_) => Some(given.unwrap_or_else(|| Value::Object(Map::new()))),
        Details::Value(_) => given,
    }
}

/// A code's example rendered in its channel's envelope.
pub fn example(catalog: &Catalog, code: &Code) -> Value {
    let details = example_details(code);
    let message = code
        .message
        .as_ref()
        .map(|m| fill_placeholders(&m.value, details.as_ref()));
    let example = code.example.as_ref();
    let values = SlotValues {
        code: Some(Value::String(code.code.value.clone())),
        message: message.map(Value::String),
        category: code
            .resolved
            .category
            .and_then(|i| catalog.categories.get(i))
            .map(|c| Value::String(c.name.value.clone())),
        status: code.resolved.status.map(Value::from),
        request_id: example
            .and_then(|e| e.request_id.clone())
            .map(Value::String),
        timestamp: example
            .and_then(|e| e.timestamp.as_ref())
            .map(|t| Value::String(t.value.clone())),
        details,
    };
    catalog
        .envelopes
        .iter()
        .find(|e| e.channel.value == code.resolved.channel)
        .and_then(|e| fill(&e.template, &values))
        .unwrap_or(Value::Null)
}

fn ty_json(ty: &Ty) -> Value {
    Value::String(ty.display())
}

/// The resolved catalog as JSON: defaults applied, codes in catalog order.
pub fn dump(catalog: &Catalog) -> Value {
    let codes: Vec<Value> = catalog
        .codes
        .iter()
        .map(|code| {
            let details = match &code.details {
                Details::None => Value::Null,
                Details::Object(fields) => Value::Object(
                    fields
                        .iter()
                        .map(|f| (f.name.value.clone(), ty_json(&f.ty.value)))
                        .collect(),
                ),
                Details::Value(t) => ty_json(&t.value),
            };
            json!({
                "code": code.code.value,
                "rust_name": code.resolved.variant,
                "status": code.resolved.status,
                "category": code.resolved.category.and_then(|i| catalog.categories.get(i)).map(|c| c.name.value.clone()),
                "channel": code.resolved.channel,
                "retryable": code.resolved.retryable,
                "deprecated": code.deprecated.as_ref().map(|d| d.note.clone().unwrap_or_default()),
                "message": code.message.as_ref().map(|m| m.value.clone()),
                "description": code.description,
                "resolution": code.resolution,
                "details": details,
                "headers": code.headers.iter().map(|h| (h.name.value.clone(), Value::String(h.value.value.clone()))).collect::<Map<_, _>>(),
            })
        })
        .collect();
    json!({
        "name": catalog.name.as_ref().map(|n| n.value.clone()),
        "title": catalog.title,
        "channels": catalog.envelopes.iter().map(|e| e.channel.value.clone()).collect::<Vec<_>>(),
        "categories": catalog.categories.iter().map(|c| json!({
            "name": c.name.value,
            "title": c.title,
            "status": c.status.as_ref().map(|s| s.value as i64),
            "prefix": c.prefix.as_ref().map(|p| p.value.clone()),
        })).collect::<Vec<_>>(),
        "codes": codes,
    })
}
