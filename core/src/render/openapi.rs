//! `errcat openapi`: an OpenAPI 3.1 document of the catalog's HTTP error
//! responses: the bodies as component schemas, one response per status
//! (a `oneOf` of its codes, with the catalog's examples and headers).

use serde_json::{Map, Value, json};

use super::json_schema::{code_body, named_types};
use super::{example, response};
use crate::Checked;
use crate::model::{Code, Slot, Template};

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
fn top_level_code(catalog: &Checked) -> Option<String> {
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
pub fn responses(catalog: &Checked, schema_ref: &dyn Fn(&str) -> Value) -> Map<String, Value> {
    let all: Vec<&Code> = catalog.codes.iter().collect();
    responses_of(catalog, &all, schema_ref)
}

/// A code's component schema, by reference.
fn refer(code: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{}", schema_name(code))})
}

/// The responses of `codes` (an operation's, or the catalog's), each code's
/// schema by `$ref` to the components [`utoipa_components`] gives: what the
/// runtime's `utoipa` feature hands to a utoipa-built document.
pub fn utoipa_responses(catalog: &Checked, codes: &[&Code]) -> Value {
    let mut out = Value::Object(responses_of(catalog, codes, &refer));
    typed_responses(&mut out);
    out
}

/// The catalog's component schemas (`code.*`, `type.*`) for a utoipa-built
/// document, and the catalog enum's own schema (a `oneOf` of its codes).
/// utoipa's model has no `const`: a pinned value is a one-value `enum`,
/// which JSON Schema reads the same; every schema gets a `type`.
pub fn utoipa_components(catalog: &Checked) -> (Value, Value) {
    // The schemas alone: the whole document would also render every
    // code's example, at expansion time, for nothing.
    let mut schemas = component_schemas(catalog);
    for s in schemas.values_mut() {
        const_as_enum(s);
        typed(s);
    }
    let components = Value::Object(schemas);
    let all: Vec<Value> = catalog
        .codes
        .iter()
        .filter(|c| c.resolved.status.is_some() && c.no_body.is_none())
        .map(|c| refer(&c.code.value))
        .collect();
    (components, json!({"oneOf": all}))
}

fn const_as_enum(v: &mut Value) {
    match v {
        Value::Object(m) => {
            if let Some(c) = m.remove("const") {
                m.insert("enum".into(), json!([c]));
            }
            m.values_mut().for_each(const_as_enum);
        }
        Value::Array(items) => items.iter_mut().for_each(const_as_enum),
        _ => {}
    }
}

/// Gives every schema a `type` (utoipa's model cannot read a schema
/// without one): `const` and `enum` get their values' type, `{}` any type.
fn typed_responses(responses: &mut Value) {
    let Value::Object(rs) = responses else { return };
    for r in rs.values_mut() {
        if let Some(Value::Object(content)) = r.get_mut("content") {
            for media in content.values_mut() {
                if let Some(schema) = media.get_mut("schema") {
                    typed(schema);
                }
            }
        }
    }
}

fn typed(v: &mut Value) {
    let Value::Object(m) = v else { return };
    for (k, child) in m.iter_mut() {
        match (k.as_str(), child) {
            ("properties", Value::Object(props)) => props.values_mut().for_each(typed),
            ("anyOf" | "oneOf" | "allOf" | "prefixItems", Value::Array(items)) => {
                items.iter_mut().for_each(typed)
            }
            ("items" | "additionalProperties" | "not" | "contains", child) => typed(child),
            _ => {}
        }
    }
    let of = |v: &Value| match v {
        Value::String(_) => "string",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_f64() => "number",
        Value::Number(_) => "integer",
        Value::Null => "null",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    if ["type", "$ref", "anyOf", "oneOf", "allOf"]
        .iter()
        .any(|k| m.contains_key(*k))
    {
        return;
    }
    if let Some(c) = m.get("const") {
        let t = of(c);
        m.insert("type".into(), json!(t));
    } else if let Some(Value::Array(values)) = m.get("enum") {
        let t = values.first().map_or("string", of);
        m.insert("type".into(), json!(t));
    } else if !m.contains_key("not") {
        m.insert(
            "type".into(),
            json!(["object", "array", "string", "number", "boolean", "null"]),
        );
    }
}

fn responses_of(
    catalog: &Checked,
    codes: &[&Code],
    schema_ref: &dyn Fn(&str) -> Value,
) -> Map<String, Value> {
    let mut statuses: Vec<u16> = codes
        .iter()
        .flat_map(|c| c.resolved.statuses.iter().copied())
        .collect();
    statuses.sort_unstable();
    statuses.dedup();
    let discriminator = top_level_code(catalog);
    let mut out = Map::new();
    for status in statuses {
        let codes: Vec<_> = codes
            .iter()
            .filter(|c| c.resolved.statuses.contains(&status))
            .collect();
        let mut one_of = Vec::new();
        let mut examples = Map::new();
        let mut headers = Map::new();
        let mut mapping = Map::new();
        for c in &codes {
            let wire = &c.code.value;
            // A body-less code has headers only; an example (whose
            // `$status` is the default) only at the default.
            if c.no_body.is_none() {
                let schema = schema_ref(wire);
                if let Some(r) = schema.get("$ref") {
                    mapping.insert(wire.clone(), r.clone());
                }
                one_of.push(schema);
                if c.resolved.status == Some(status) {
                    examples.insert(
                        wire.clone(),
                        json!({"summary": c.message.as_ref().map_or("", |m| m.value.as_str()), "value": example(catalog, c).to_value()}),
                    );
                }
            }
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
        let mut r = json!({"description": format!("{reason}: {}", names.join(", "))});
        if !one_of.is_empty()
            && let Some(o) = r.as_object_mut()
        {
            let mut content = Map::new();
            content.insert(
                catalog.content_type().to_string(),
                json!({"schema": schema, "examples": examples}),
            );
            o.insert("content".into(), Value::Object(content));
        }
        if !headers.is_empty()
            && let Some(o) = r.as_object_mut()
        {
            o.insert("headers".into(), Value::Object(headers));
        }
        out.insert(status.to_string(), r);
    }
    out
}

/// Each operation with a method and a path, with its own error responses:
/// per status, a `oneOf` of just its codes (schemas by `$ref`), with
/// examples; its path parameters declared as strings.
fn paths(catalog: &Checked, schema_ref: &dyn Fn(&str) -> Value) -> Value {
    let mut paths = Map::new();
    for op in &catalog.operations {
        let (Some(method), Some(path)) = (&op.method, &op.path) else {
            continue;
        };
        let codes: Vec<&Code> = op.codes.iter().map(|&i| &catalog.codes[i]).collect();
        let parameters: Vec<Value> = path
            .value
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(name, _)| name))
            .map(|name| json!({"name": name, "in": "path", "required": true, "schema": {"type": "string"}}))
            .collect();
        let mut responses = responses_of(catalog, &codes, schema_ref);
        if responses.is_empty() {
            // OpenAPI wants one response; the catalog describes errors only.
            responses.insert(
                "default".into(),
                json!({"description": "Not an error of the catalog"}),
            );
        }
        let mut operation = json!({"operationId": op.name.value, "responses": responses});
        if let Some(o) = operation.as_object_mut() {
            if let Some(s) = &op.summary {
                o.insert("summary".into(), Value::String(s.clone()));
            }
            if !parameters.is_empty() {
                o.insert("parameters".into(), Value::Array(parameters));
            }
        }
        let entry = paths.entry(path.value.clone()).or_insert_with(|| json!({}));
        if let Some(o) = entry.as_object_mut() {
            o.insert(method.value.to_ascii_lowercase(), operation);
        }
    }
    Value::Object(paths)
}

/// The document.
pub fn document(catalog: &Checked) -> Value {
    let schemas = component_schemas(catalog);
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
        "paths": paths(catalog, &refer),
        "components": {
            "schemas": schemas,
            "responses": responses(catalog, &refer),
        },
    })
}

/// The component schemas: one per HTTP code (`code.X`), one per named
/// type (`type.X`).
fn component_schemas(catalog: &Checked) -> Map<String, Value> {
    let mut schemas = Map::new();
    for c in catalog.codes.iter().filter(|c| c.resolved.status.is_some()) {
        schemas.insert(schema_name(&c.code.value), code_body(catalog, c, TYPES));
    }
    for (name, s) in named_types(catalog, TYPES) {
        schemas.insert(format!("type.{name}"), s);
    }
    schemas
}

/// `document` merged into an existing OpenAPI 3.1 document (the service's
/// own): its components added, and each operation's error responses added
/// to the operation at the same method and path (the operation added when
/// the document has none there). Anything that would be overwritten is an
/// error naming it: nothing of the service's document is lost.
pub fn merge(catalog: &Checked, mut theirs: Value) -> Result<Value, String> {
    let version = theirs.get("openapi").and_then(Value::as_str).unwrap_or("");
    if !version.starts_with("3.1") {
        return Err(format!(
            "the document is OpenAPI `{version}`; errcat's schemas are OpenAPI 3.1 (JSON Schema 2020-12)"
        ));
    }
    let ours = document(catalog);
    let Some(doc) = theirs.as_object_mut() else {
        return Err("the document is not a JSON object".into());
    };
    for kind in ["schemas", "responses"] {
        let into = object_at(doc, &["components", kind])?;
        for (name, v) in ours["components"][kind].as_object().into_iter().flatten() {
            if into.get(name).is_some_and(|old| old != v) {
                return Err(format!(
                    "the document has another `components.{kind}.{name}`"
                ));
            }
            into.insert(name.clone(), v.clone());
        }
    }
    for (path, methods) in ours["paths"].as_object().into_iter().flatten() {
        for (method, op) in methods.as_object().into_iter().flatten() {
            let at = object_at(doc, &["paths", path, method])?;
            let responses = match at.get_mut("responses") {
                Some(Value::Object(r)) => r,
                Some(_) => return Err(format!("`{method} {path}`: `responses` is not an object")),
                // No responses there yet: ours, and what else the
                // operation lacks (its id, summary, parameters).
                None => {
                    for (k, v) in op.as_object().into_iter().flatten() {
                        at.entry(k.clone()).or_insert_with(|| v.clone());
                    }
                    continue;
                }
            };
            for (status, r) in op["responses"].as_object().into_iter().flatten() {
                if responses.contains_key(status) {
                    return Err(format!(
                        "`{} {path}` already documents `{status}`: remove it there, or let the catalog's stand",
                        method.to_ascii_uppercase()
                    ));
                }
                responses.insert(status.clone(), r.clone());
            }
        }
    }
    Ok(theirs)
}

/// The object at `path` under `root`, made where missing.
fn object_at<'a>(
    root: &'a mut Map<String, Value>,
    path: &[&str],
) -> Result<&'a mut Map<String, Value>, String> {
    let mut at = root;
    for (i, key) in path.iter().enumerate() {
        let next = at.entry(key.to_string()).or_insert_with(|| json!({}));
        at = match next {
            Value::Object(m) => m,
            _ => return Err(format!("`{}` is not an object", path[..=i].join("."))),
        };
    }
    Ok(at)
}
