//! The JSON Schema of the catalog language, for YAML editors
//! (`# yaml-language-server: $schema=./catalog.schema.json`).
//!
//! It is built from the same key lists that the model builder accepts
//! (`model::TOP_KEYS` and friends), so the two cannot drift: a key
//! the builder accepts without a schema entry fails [`language_schema`]'s
//! test, and `catalog/catalog.schema.json` is checked against this output.

use crate::model::RETRY_KEYS;
use serde_json::{Map, Value, json};

use crate::model::{
    BACKOFF_KEYS, CATEGORY_KEYS, CODE_KEYS, CONTENT_TYPE_KEYS, DEPRECATION_KEYS, EXAMPLE_KEYS,
    FIELD_KEYS, MEMBER_TEMPLATE_KEYS, SCALAR_TYPES, Slot, TOP_KEYS, TYPE_KEYS,
};

fn object(keys: &[&str], props: Value, required: &[&str]) -> Value {
    let props = props.as_object().cloned().unwrap_or_default();
    let mut ordered = Map::new();
    for k in keys {
        // A missing description would be a drift between model and schema.
        let p = props
            .get(*k)
            .cloned()
            .unwrap_or_else(|| json!({"description": format!("UNDOCUMENTED KEY {k}")}));
        ordered.insert((*k).to_string(), p);
    }
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": ordered,
    })
}

/// The schema, as a JSON value.
pub fn language_schema() -> Value {
    let slots: Vec<String> = Slot::ALL.iter().map(|s| format!("${}", s.name())).collect();
    let top = object(
        TOP_KEYS,
        json!({
            "$schema": {"type": "string", "description": "Editor hint; ignored by errcat."},
            "name": {"type": "string", "pattern": "^[A-Za-z0-9_-]+$", "description": "Short machine name of the API, e.g. `hook0`."},
            "title": {"type": "string", "description": "Human title, e.g. `Hook0 API`."},
            "description": {"type": "string", "description": "Markdown introduction for the rendered reference."},
            "rust_name_prefix": {"type": "string", "pattern": "^[A-Z][A-Za-z0-9]*$", "description": "Naming rule for codes that give no Rust identifier (e.g. SQLSTATE `42P01`): the variant is this prefix followed by the code's letters and digits (`Sqlstate42P01`). An explicit `rust_name` wins."},
            "code_type": {"enum": ["string", "integer"], "description": "The JSON type of wire codes: `string` (default) or `integer` (gRPC's JSON `{\"code\": 5}`); integer codes are written as decimal numbers."},
            "version": {"type": "string", "pattern": "^[0-9]+\\.[0-9]+\\.[0-9]+$", "description": "The catalog's version, `MAJOR.MINOR.PATCH`; raising MAJOR accepts breaking changes against the lock file."},
            "code_namespace": {"type": "string", "minLength": 1, "description": "A separator: a received code that is not the catalog's is looked up again by what follows its last occurrence (`#` for AWS's `namespace#Name`)."},
            "request_id_header": {"type": "string", "description": "The response header a client reads the request id from when the body carries none, e.g. `x-amzn-RequestId` (default `x-request-id`)."},
            "header_errors": {
                "type": "object",
                "additionalProperties": false,
                "required": ["header", "code"],
                "description": "Where codes without a body (`body: false`) carry their code: a challenge header's parameters (RFC 6750's `WWW-Authenticate: Bearer error=\"invalid_token\", error_description=\"…\"`).",
                "properties": {
                    "header": {"type": "string", "description": "The header, e.g. `WWW-Authenticate`."},
                    "code": {"type": "string", "description": "The parameter holding the code, e.g. `error`."},
                    "message": {"type": "string", "description": "The parameter holding the message, e.g. `error_description`."},
                },
            },
            "operations": {
                "type": "object",
                "description": "The API's operations, each with its errors: codes and whole categories, plus `every_operation`'s.",
                "additionalProperties": {
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {
                        "method": {"enum": ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"]},
                        "path": {"type": "string", "pattern": "^/", "description": "An OpenAPI path template, e.g. `/events/{id}`."},
                        "summary": {"type": "string"},
                        "errors": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
                    },
                },
            },
            "every_operation": {
                "type": "object",
                "additionalProperties": false,
                "description": "Errors every operation has (rate limiting, internal error), declared once.",
                "properties": {"errors": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}},
            },
            "every_code": {
                "type": "object",
                "additionalProperties": false,
                "description": "What every code carries, declared once: value members (`name?` optional) each code whose envelope places them carries as if it listed them, and headers each code sends unless it names the header itself.",
                "properties": {
                    "members": {"type": "array", "items": {"type": "string"}},
                    "headers": {"type": "object", "additionalProperties": {"type": ["string", "integer"]}},
                },
            },
            "deprecation_headers": {"type": "boolean", "description": "Deprecated codes answer with `Deprecation` (RFC 9745, from `since`) and `Sunset` (RFC 8594) headers."},
            "content_type": {
                "description": "The media type of HTTP error bodies, parameters included (e.g. `application/problem+json`, `application/json;charset=UTF-8`; default `application/json`), sent as written. A JSON type (`json`, `+json`), or a vendor type declared JSON with `{type: application/x-amz-json-1.0, json: true}`.",
                "oneOf": [
                    {"type": "string", "pattern": "^[A-Za-z0-9!#$%&'*^_.+|~`-]+/[A-Za-z0-9!#$%&'*^_.+|~`-]+( *;.*)?$"},
                    {"$ref": "#/$defs/content_type_long"},
                ],
            },
            "envelopes": {
                "type": "object",
                "description": "One JSON template per channel. `http` is the HTTP channel; any other name (e.g. `websocket`) is a channel without HTTP statuses.",
                "additionalProperties": {"$ref": "#/$defs/template"},
            },
            "categories": {"type": "object", "additionalProperties": {"$ref": "#/$defs/category"}},
            "types": {"type": "object", "additionalProperties": {"$ref": "#/$defs/typedef"}},
            "members": {
                "type": "object",
                "description": "Envelope members that are neither slots nor details, placed by `$name` in an envelope: a field declaration is a typed per-error value that codes carry when they list it (`param: string?`); `{template: ...}` is a text made per code from `{code}`, `{category}`, `{status}` and `{channel}` (a documentation URL).",
                "additionalProperties": {"oneOf": [{"$ref": "#/$defs/field"}, {"$ref": "#/$defs/member_template"}]},
            },
            "sections": {"type": "object", "additionalProperties": {"type": "string"}, "description": "Markdown sections of the rendered reference, after the codes: title to body (best practices, retry strategy, getting help)."},
            "codes": {"type": "object", "minProperties": 1, "additionalProperties": {"$ref": "#/$defs/code"}, "description": "Error codes, keyed by wire code, in documentation order."},
        }),
        &["name", "envelopes", "codes"],
    );
    let category = object(
        CATEGORY_KEYS,
        json!({
            "title": {"type": "string"},
            "description": {"type": "string"},
            "status": {"$ref": "#/$defs/status", "description": "Default HTTP status of the category's codes."},
            "headers": {"type": "object", "additionalProperties": {"type": ["string", "integer"]}, "description": "Headers the category's codes send unless they name the header themselves."},
            "prefix": {"type": "string", "description": "Naming rule: every code of the category starts with this prefix."},
            "channel": {"type": "string", "description": "Default channel of the category's codes (default `http`)."},
            "retryable": {"type": "boolean", "description": "Default retryability of the category's codes."},
            "retry": {"$ref": "#/$defs/retry"},
            "rust_name": {"type": "string", "description": "Rust variant name of the category, when its wire name is not convertible."},
        }),
        &[],
    );
    let typedef = object(
        TYPE_KEYS,
        json!({
            "description": {"type": "string"},
            "fields": {"$ref": "#/$defs/fields"},
            "enum": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        }),
        &[],
    );
    let field_long = object(
        FIELD_KEYS,
        json!({
            "type": {"$ref": "#/$defs/type"},
            "enum": {"type": "array", "items": {"type": "string"}, "minItems": 1},
            "optional": {"type": "boolean"},
            "description": {"type": "string"},
            "example": {"description": "An example value of the field."},
            "sensitive": {"type": "boolean", "description": "Redacted in `Debug` output."},
            "rust_name": {"type": "string", "description": "Rust field name, for wire names that are not identifiers."},
        }),
        &[],
    );
    let example = object(
        EXAMPLE_KEYS,
        json!({
            "details": {"description": "The example's details; must match the code's `details` schema."},
            "members": {"type": "object", "description": "Values of the code's value members."},
            "request_id": {"type": "string"},
            "timestamp": {"type": "string", "format": "date-time"},
        }),
        &[],
    );
    let code = object(
        CODE_KEYS,
        json!({
            "category": {"type": "string"},
            "status": {"$ref": "#/$defs/status"},
            "channel": {"type": "string"},
            "rust_name": {"type": "string", "pattern": "^[A-Z][A-Za-z0-9_]*$"},
            "message": {"type": "string", "description": "Message; `{field}` placeholders name detail fields, `{{` is a literal brace."},
            "description": {"type": "string"},
            "resolution": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
            "details": {"oneOf": [{"$ref": "#/$defs/fields"}, {"$ref": "#/$defs/type"}, {"type": "null"}]},
            "details_optional": {"type": "boolean", "description": "The details may be absent (for any form; `T?` says the same for non-object details)."},
            "members": {
                "type": "array",
                "description": "The value members this code carries (names), and the code's own text for template members (`{doc_url: ...}`).",
                "items": {"oneOf": [{"type": "string"}, {"type": "object", "additionalProperties": {"type": "string"}}]},
            },
            "headers": {"type": "object", "additionalProperties": {"type": ["string", "integer"]}, "description": "Header name to value template; `{field}` and `{timestamp_field:unix}` placeholders."},
            "retryable": {"type": "boolean"},
            "retry": {"$ref": "#/$defs/retry"},
            "deprecated": {"oneOf": [{"type": "boolean"}, {"type": "string"}, {"$ref": "#/$defs/deprecation"}]},
            "aliases": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}], "description": "Other spellings this code is decoded from; the code itself is what is written."},
            "renamed_from": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}], "description": "Wire codes this code had before; still decoded as this code."},
            "body": {"const": false, "description": "`false`: the code's responses carry no body; its code travels in the `header_errors` header."},
            "elements": {"type": "array", "items": {"type": "object"}, "description": "Literal elements this code adds to its envelope's array of selected elements (a `google.rpc.Help` link beside AIP-193's `ErrorInfo`)."},
            "example": {"$ref": "#/$defs/example"},
        }),
        &[],
    );
    let member_template = object(
        MEMBER_TEMPLATE_KEYS,
        json!({
            "template": {"type": "string", "description": "The text; `{code}`, `{category}`, `{status}`, `{channel}` are filled per code."},
            "description": {"type": "string"},
        }),
        &["template"],
    );
    let content_type_long = object(
        CONTENT_TYPE_KEYS,
        json!({
            "type": {"type": "string", "description": "The media type, e.g. `application/x-amz-json-1.0`."},
            "json": {"type": "boolean", "description": "`true`: the type carries JSON though its name does not say so."},
        }),
        &["type"],
    );
    let deprecation = object(
        DEPRECATION_KEYS,
        json!({
            "note": {"type": "string", "description": "Why, and what to do."},
            "since": {"type": "string", "description": "Since when: `2024-06-01` or an RFC 3339 timestamp."},
            "replaced_by": {"type": "string", "description": "The code to use instead (must exist)."},
            "sunset": {"type": "string", "description": "When the code stops being sent: a date or timestamp after `since`."},
        }),
        &[],
    );
    let backoff = object(
        BACKOFF_KEYS,
        json!({
            "initial": {"type": "string", "pattern": "^[0-9]+(ms|s|m)$", "description": "The first delay (default `1s`)."},
            "factor": {"type": "integer", "minimum": 1, "description": "The factor between delays (default 2)."},
            "max": {"type": "string", "pattern": "^[0-9]+(ms|s|m)$", "description": "The longest delay."},
            "jitter": {"type": "boolean", "description": "Randomize each delay between 0 and its value (full jitter)."},
        }),
        &[],
    );
    let retry = object(
        RETRY_KEYS,
        json!({
            "after_field": {"type": "string", "description": "A detail field holding the delay: seconds (a number) or a timestamp to retry at."},
            "after_header": {"type": "string", "description": "A response header holding the delay, e.g. `Retry-After`."},
            "backoff": {"$ref": "#/$defs/backoff"},
            "attempts": {"type": "integer", "minimum": 1, "maximum": 100, "description": "Attempts in all, the first included."},
            "action": {"type": "string", "description": "A client action to take before retrying, e.g. `refresh_credentials`."},
        }),
        &[],
    );
    let mut scalar_names: Vec<Value> = SCALAR_TYPES.iter().map(|s| json!(s)).collect();
    scalar_names.sort_by_key(|v| v.as_str().map(str::to_string));
    let mut out = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://errcat.invalid/catalog.schema.json",
        "title": "errcat error catalog",
        "$defs": {
            "status": {
                "type": "integer",
                "description": "An error status, 400 to 599; or 200 to 299 when the `http` envelope has a literal such as `ok: false` that tells an error from a success.",
                "anyOf": [{"minimum": 400, "maximum": 599}, {"minimum": 200, "maximum": 299}],
            },
            "category": category,
            "typedef": typedef,
            "code": code,
            "example": example,
            "member_template": member_template,
            "content_type_long": content_type_long,
            "deprecation": deprecation,
            "retry": retry,
            "backoff": backoff,
            "field_long": field_long,
            "fields": {"type": ["object", "null"], "additionalProperties": {"$ref": "#/$defs/field"}},
            "field": {"oneOf": [{"$ref": "#/$defs/type"}, {"$ref": "#/$defs/field_long"}]},
            "type": {
                "description": format!("A type: {}, a named type, `[T]`, `{{string: T}}`, or `T?` for optional.", SCALAR_TYPES.join(", ")),
                "oneOf": [
                    {"type": "string", "examples": scalar_names},
                    {"type": "array", "items": {"$ref": "#/$defs/type"}, "minItems": 1, "maxItems": 1},
                    {"type": "object", "properties": {"string": {"$ref": "#/$defs/type"}}, "required": ["string"], "additionalProperties": false},
                ],
            },
            "template": {
                "description": format!("A JSON template; the strings {} are slots, `$$x` is the literal `$x`.", slots.join(", ")),
            },
        },
    });
    if let (Some(o), Some(t)) = (out.as_object_mut(), top.as_object()) {
        for (k, v) in t {
            o.insert(k.clone(), v.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_model_key_is_documented() {
        let text = language_schema().to_string();
        assert!(
            !text.contains("UNDOCUMENTED KEY"),
            "a key of the model has no schema entry"
        );
    }

    /// The README's section of the catalog language.
    fn readme_section(heading: &str) -> String {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md");
        let text = std::fs::read_to_string(path).expect("README.md exists");
        let start = text.find(heading).unwrap_or_else(|| panic!("{heading}"));
        let rest = &text[start + heading.len()..];
        rest[..rest.find("\n### ").unwrap_or(rest.len())].to_string()
    }

    #[test]
    fn the_readme_lists_every_top_level_key() {
        let section = readme_section("### Top level");
        let listed: std::collections::BTreeSet<&str> = section
            .lines()
            .filter_map(|l| l.strip_prefix("| `")?.split('`').next())
            .collect();
        let accepted: std::collections::BTreeSet<&str> = TOP_KEYS.iter().copied().collect();
        assert_eq!(listed, accepted, "README's top-level table vs TOP_KEYS");
    }

    #[test]
    fn the_readme_shows_every_code_key() {
        let section = readme_section("### Codes");
        for key in crate::model::CODE_KEYS {
            assert!(
                section.contains(&format!(" {key}:")),
                "README's Codes section does not show `{key}:`"
            );
        }
    }

    #[test]
    fn the_committed_schema_is_current() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../catalog/catalog.schema.json"
        );
        let committed: Value = serde_json::from_str(
            &std::fs::read_to_string(path).expect("catalog/catalog.schema.json exists"),
        )
        .expect("valid JSON");
        assert_eq!(
            committed,
            language_schema(),
            "regenerate with: cargo run -q --bin errcat -- schema > catalog/catalog.schema.json"
        );
    }
}
