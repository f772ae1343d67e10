//! `errcat openapi`: an OpenAPI 3.1 document of the catalog's HTTP error
//! responses: the bodies as component schemas, one response per status
//! (a `oneOf` of its codes, with the catalog's examples and headers).

use serde_json::{Map, Value, json};

use super::json_schema::{code_body, named_types};
use super::{example, response};
use crate::model::{Catalog, Slot, Template};

/// Where named types live in the document.
const TYPES: &str = "#/components/schemas/type.";

/// A component name for a code (`^[a-zA-Z0-9._-]+$`).
pub fn schema_name(code: &str) -> String {
    let safe: String = code
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("code.{safe}")
}

/// The name of the top-level member that holds the code, when the HTTP
/// envelope has it at the top (OpenAPI's discriminator cannot look deeper).
fn top_level_code(catalog: &Catalog) -> Option<String> {
    let env = catalog
        .envelopes
        .iter()
        .find(|e| e.channel.value == crate::check::HTTP)?;
    let Template::Object(members) = &env.template else {
        return None;
    };
    members.iter().find_map(|(k, v)| match v {
        Template::Slot(s) if s.value == Slot::Code && !catalog.numeric_codes() => Some(k.clone()),
        _ => None,
    })
}

/// The responses of the catalog, one per status, keyed by the status.
pub fn responses(catalog: &Catalog, schema_ref: &dyn Fn(&str) -> Value) -> Map<String, Value> {
    let mut statuses: Vec<u16> = catalog
        .codes
        .iter()
        .filter_map(|c| c.resolved.status)
        .collect();
    statuses.sort_unstable();
    statuses.dedup();
    let discriminator = top_level_code(catalog);
    let mut out = Map::new();
    for status in statuses {
        let codes: Vec<_> = catalog
            .codes
            .iter()
            .filter(|c| c.resolved.status == Some(status))
            .collect();
        let mut one_of = Vec::new();
        let mut examples = Map::new();
        let mut headers = Map::new();
        let mut mapping = Map::new();
        for c in &codes {
            let wire = &c.code.value;
            one_of.push(schema_ref(wire));
            if let Some(r) = schema_ref(wire).get("$ref") {
                mapping.insert(wire.clone(), r.clone());
            }
            examples.insert(
                wire.clone(),
                json!({"summary": c.message.as_ref().map_or("", |m| m.value.as_str()), "value": example(catalog, c).to_value()}),
            );
            for (name, _) in response(catalog, c, None).headers {
                let h = headers.entry(name).or_insert_with(
                    || json!({"schema": {"type": "string"}, "description": "Sent with:"}),
                );
                if let Some(Value::String(d)) = h.get_mut("description") {
                    d.push_str(&format!(" `{wire}`"));
                }
            }
        }
        let mut schema = json!({"oneOf": one_of});
        if let (Some(prop), Some(o)) = (&discriminator, schema.as_object_mut()) {
            o.insert(
                "discriminator".into(),
                json!({"propertyName": prop, "mapping": mapping}),
            );
        }
        let reason = http::StatusCode::from_u16(status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or("Error");
        let names: Vec<String> = codes
            .iter()
            .map(|c| format!("`{}`", c.code.value))
            .collect();
        let mut content = Map::new();
        content.insert(
            catalog.content_type().to_string(),
            json!({"schema": schema, "examples": examples}),
        );
        let mut r =
            json!({"description": format!("{reason}: {}", names.join(", ")), "content": content});
        if !headers.is_empty()
            && let Some(o) = r.as_object_mut()
        {
            o.insert("headers".into(), Value::Object(headers));
        }
        out.insert(status.to_string(), r);
    }
    out
}

/// The document.
pub fn document(catalog: &Catalog) -> Value {
    let mut schemas = Map::new();
    for c in catalog.codes.iter().filter(|c| c.resolved.status.is_some()) {
        schemas.insert(schema_name(&c.code.value), code_body(catalog, c, TYPES));
    }
    for (name, s) in named_types(catalog, TYPES) {
        schemas.insert(format!("type.{name}"), s);
    }
    let refer = |code: &str| json!({"$ref": format!("#/components/schemas/{}", schema_name(code))});
    let name = catalog.name.as_ref().map_or("", |n| n.value.as_str());
    let mut info = json!({
        "title": format!("{} errors", catalog.title.as_deref().unwrap_or(name)),
        "version": catalog.version.as_ref().map_or("0.0.0", |v| v.value.as_str()),
    });
    if let (Some(d), Some(o)) = (&catalog.description, info.as_object_mut()) {
        o.insert("description".into(), Value::String(d.trim().to_string()));
    }
    json!({
        "openapi": "3.1.0",
        "info": info,
        "paths": {},
        "components": {
            "schemas": schemas,
            "responses": responses(catalog, &refer),
        },
    })
}
