//! The resolved catalog as JSON, for `errcat dump`: defaults applied, codes
//! in catalog order.

use serde_json::{Map, Value, json};

use super::member_text;
use crate::Checked;
use crate::model::{Details, MemberKind, Ty};

fn ty_json(ty: &Ty) -> Value {
    Value::String(ty.display())
}

/// The resolved catalog as JSON: defaults applied, codes in catalog order.
pub fn dump(catalog: &Checked) -> Value {
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
                "details_optional": code.details_optional,
                "members": code.members.iter().map(|m| m.value.clone()).collect::<Vec<_>>(),
                "member_texts": catalog.members.iter().filter_map(|m| Some((m.name.value.clone(), Value::String(member_text(catalog, code, &m.name.value)?)))).collect::<Map<_, _>>(),
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
        "members": catalog.members.iter().map(|m| json!({
            "name": m.name.value,
            "type": match &m.kind {
                MemberKind::Value(f) => ty_json(&f.ty.value),
                MemberKind::Template { .. } => Value::String("template".into()),
            },
        })).collect::<Vec<_>>(),
        "codes": codes,
    })
}
