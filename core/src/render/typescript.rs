//! `errcat ts`: a TypeScript module for clients: one interface per code's
//! body, a union discriminated on the wire code, an unknown-error type,
//! per-code constants, and `parseError`, which checks a body against the
//! code's schema and never throws.

use std::fmt::Write as _;

use serde_json::Value;

use super::json_schema::{code_body, named_types};
use crate::Checked;
use crate::Diagnostic;
use crate::model::{Slot, Template};

/// Where named types are found in the embedded schemas.
const TYPES: &str = "#/types/";

/// A TypeScript type for a schema of the subset errcat writes.
fn ts(schema: &Value) -> String {
    let Some(o) = schema.as_object() else {
        return "unknown".into();
    };
    if let Some(c) = o.get("const") {
        return c.to_string();
    }
    if let Some(Value::Array(values)) = o.get("enum") {
        return values
            .iter()
            .map(Value::to_string)
            .collect::<Vec<_>>()
            .join(" | ");
    }
    if let Some(Value::String(r)) = o.get("$ref") {
        return r.trim_start_matches(TYPES).to_string();
    }
    if let Some(Value::Array(any)) = o.get("anyOf") {
        return any
            .iter()
            .map(|s| format!("({})", ts(s)))
            .collect::<Vec<_>>()
            .join(" | ");
    }
    match o.get("type").and_then(Value::as_str) {
        Some("string") => "string".into(),
        Some("integer" | "number") => "number".into(),
        Some("boolean") => "boolean".into(),
        Some("null") => "null".into(),
        Some("array") => match (o.get("items"), o.get("prefixItems")) {
            (Some(items), _) => format!("Array<{}>", ts(items)),
            // A list of errors: this code's element, then any.
            (None, Some(Value::Array(p))) if o.contains_key("minItems") => {
                let first = p.iter().map(ts).collect::<Vec<_>>().join(", ");
                format!("[{first}, ...unknown[]]")
            }
            (None, Some(Value::Array(p))) => {
                format!("[{}]", p.iter().map(ts).collect::<Vec<_>>().join(", "))
            }
            _ => "unknown[]".into(),
        },
        Some("object") => {
            if let Some(extra) = o.get("additionalProperties") {
                return format!("{{ [key: string]: {} }}", ts(extra));
            }
            let required: Vec<&str> = o
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let props = o.get("properties").and_then(Value::as_object);
            let members: Vec<String> = props
                .into_iter()
                .flatten()
                .map(|(k, v)| {
                    let opt = if required.contains(&k.as_str()) {
                        ""
                    } else {
                        "?"
                    };
                    format!("{}{opt}: {}", Value::String(k.clone()), ts(v))
                })
                .collect();
            format!("{{ {} }}", members.join("; "))
        }
        _ => "unknown".into(),
    }
}

/// The TypeScript name of a code's body, after its Rust variant (unique in
/// the catalog): `TOKEN_EXPIRED` -> `TokenExpiredBody`.
fn body_name(code: &crate::model::Code) -> String {
    format!("{}Body", code.resolved.variant)
}

/// The member paths of every envelope's `$code` and `$status` slots.
fn slot_paths(catalog: &Checked, slot: Slot) -> Vec<Vec<Value>> {
    // A step is a key, `0` (a list's first element) or the literals that
    // select an array's element (`{"@type": "...ErrorInfo"}`).
    fn find(t: &Template, slot: Slot, path: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
        match t {
            Template::Slot(s) if s.value == slot => out.push(path.clone()),
            Template::Object(members) => {
                for (k, v) in members {
                    path.push(Value::String(k.clone()));
                    find(v, slot, path, out);
                    path.pop();
                }
            }
            Template::Array(items) if t.is_list() => {
                path.push(Value::from(0));
                find(&items[0], slot, path, out);
                path.pop();
            }
            Template::Array(items) => {
                for item in items.iter().filter(|i| i.has_slots()) {
                    let select: serde_json::Map<String, Value> = item
                        .selectors()
                        .into_iter()
                        .map(|(k, v)| (k.to_string(), v.clone()))
                        .collect();
                    path.push(Value::Object(select));
                    find(item, slot, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut envs: Vec<_> = catalog.envelopes.iter().collect();
    envs.sort_by_key(|e| e.channel.value != crate::check::HTTP);
    for e in envs {
        find(&e.template, slot, &mut Vec::new(), &mut out);
    }
    out
}

/// The names the module declares for itself in TypeScript's type space.
const OWN_TYPES: [&str; 7] = [
    "Code",
    "KnownError",
    "UnknownError",
    "ParsedError",
    "Schema",
    "RetryAdvice",
    "Header",
];

/// Named types of the catalog that would share a name with one of the
/// module's own types or with a code's `<Variant>Body` interface: the module
/// would not compile.
pub fn clashes(catalog: &Checked) -> Vec<Diagnostic> {
    let bodies: std::collections::HashMap<String, &str> = catalog
        .codes
        .iter()
        .map(|c| (body_name(c), c.code.value.as_str()))
        .collect();
    let mut out = Vec::new();
    for t in &catalog.types {
        let name = t.name.value.as_str();
        let what = if OWN_TYPES.contains(&name) {
            format!("the TypeScript module's own `{name}`")
        } else if let Some(code) = bodies.get(name) {
            format!("the body interface of code `{code}`")
        } else {
            continue;
        };
        out.push(
            Diagnostic::new(
                &t.name.loc,
                format!("type `{name}` has the name of {what} in `errcat ts` output"),
            )
            .hint("rename the type under `types:` (its Rust name follows)"),
        );
    }
    out
}

/// The module, or why it cannot be written (see [`clashes`]).
pub fn module(catalog: &Checked) -> Result<String, Vec<Diagnostic>> {
    let clashes = clashes(catalog);
    if !clashes.is_empty() {
        return Err(clashes);
    }
    let mut out = String::new();
    let name = catalog.name.as_ref().map_or("", |n| n.value.as_str());
    let _ = writeln!(
        out,
        "// Generated by `errcat ts` from the `{name}` catalog. Do not edit.\n"
    );
    let types = named_types(catalog, TYPES);
    for (t, schema) in &types {
        let _ = writeln!(out, "export type {t} = {};", ts(schema));
    }
    out.push('\n');
    let mut schemas = serde_json::Map::new();
    let mut union = Vec::new();
    for c in &catalog.codes {
        let wire = &c.code.value;
        let schema = code_body(catalog, c, TYPES);
        let body = body_name(c);
        let message = c.message.as_ref().map_or("", |m| m.value.as_str());
        let doc = format!("/** `{wire}`: {} */", message.replace("*/", "* /"));
        let ty = ts(&schema);
        // Object bodies (every envelope) are interfaces.
        let _ = if ty.starts_with('{') && schema.get("additionalProperties").is_none() {
            writeln!(out, "{doc}\nexport interface {body} {ty}")
        } else {
            writeln!(out, "{doc}\nexport type {body} = {ty};")
        };
        let code_lit = Value::String(wire.clone());
        union.push(format!("{{ known: true; code: {code_lit}; body: {body} }}"));
        schemas.insert(wire.clone(), schema);
    }
    let codes: Vec<String> = catalog
        .codes
        .iter()
        .map(|c| Value::String(c.code.value.clone()).to_string())
        .collect();
    let _ = writeln!(
        out,
        "\n/** Every wire code of the catalog. */\nexport type Code = {};\n",
        codes.join(" | ")
    );
    let _ = writeln!(
        out,
        "/** A body of a code this module knows, checked against its schema. */\nexport type KnownError =\n  | {};\n",
        union.join("\n  | ")
    );
    out.push_str(
        "/** A body this module does not know: a newer code, or not an error envelope at all. */\n\
         export interface UnknownError {\n  known: false;\n  /** The wire code, when the body has one where the envelope puts it. */\n  code: string | null;\n  /** The status in the body, when it has one. */\n  status: number | null;\n  body: unknown;\n}\n\n\
         export type ParsedError = KnownError | UnknownError;\n\n",
    );
    out.push_str(&constants(catalog));
    let code_paths = serde_json::to_string(&slot_paths(catalog, Slot::Code)).unwrap_or_default();
    let status_paths =
        serde_json::to_string(&slot_paths(catalog, Slot::Status)).unwrap_or_default();
    let _ = writeln!(
        out,
        "const SCHEMAS: {{ readonly [code: string]: Schema }} = {};\n",
        Value::Object(schemas)
    );
    let _ = writeln!(
        out,
        "const TYPES: {{ readonly [name: string]: Schema }} = {};\n",
        Value::Object(types)
    );
    let _ = writeln!(
        out,
        "const CODE_PATHS: Step[][] = {code_paths};\nconst STATUS_PATHS: Step[][] = {status_paths};\n"
    );
    out.push_str(RUNTIME);
    out.push_str(&operations(catalog));
    Ok(out)
}

/// Per operation: the union of its known errors, and a parse function that
/// narrows to it (a catalog code the operation does not declare is an
/// `UnknownError` of it, its code kept).
fn operations(catalog: &Checked) -> String {
    let mut out = String::new();
    for op in &catalog.operations {
        let Some(name) = crate::names::upper_camel(&op.name.value) else {
            continue;
        };
        let codes: Vec<String> = op
            .codes
            .iter()
            .map(|&i| Value::String(catalog.codes[i].code.value.clone()).to_string())
            .collect();
        let union = match codes.is_empty() {
            true => "never".to_string(),
            false => format!("Extract<KnownError, {{ code: {} }}>", codes.join(" | ")),
        };
        let route = match (&op.method, &op.path) {
            (Some(m), Some(p)) => format!(" ({} {})", m.value, p.value),
            _ => String::new(),
        };
        let konst = crate::names::snake(&op.name.value).to_ascii_uppercase();
        let _ = writeln!(
            out,
            "\n/** The errors of operation `{op_name}`{route}. */\n\
             export type {name}Error = {union};\n\n\
             const {konst}_CODES: readonly string[] = [{list}];\n\n\
             /** Reads an error body of operation `{op_name}`: one of its codes narrows to `{name}Error`;\n \
             * a code of the catalog it does not declare is an `UnknownError`, its code kept. */\n\
             export function parse{name}Error(body: unknown): {name}Error | UnknownError {{\n  \
             const parsed = parseError(body);\n  \
             if (!parsed.known) return parsed;\n  \
             if ({konst}_CODES.includes(parsed.code)) return parsed as {name}Error;\n  \
             return {{ known: false, code: parsed.code, status: null, body }};\n}}",
            op_name = op.name.value,
            list = codes.join(", "),
        );
    }
    out
}

/// The per-code constants: statuses, categories, retry advice, headers.
fn constants(catalog: &Checked) -> String {
    let mut out = String::new();
    let konst = |label: &str, ty: &str, f: &dyn Fn(&crate::model::Code) -> String| {
        let rows: Vec<String> = catalog
            .codes
            .iter()
            .map(|c| format!("  {}: {},", Value::String(c.code.value.clone()), f(c)))
            .collect();
        format!(
            "export const {label}: {{ readonly [C in Code]: {ty} }} = {{\n{}\n}};\n\n",
            rows.join("\n")
        )
    };
    out.push_str(&konst("STATUS", "number | null", &|c| {
        c.resolved.status.map_or("null".into(), |s| s.to_string())
    }));
    out.push_str(&konst("CATEGORY", "string | null", &|c| {
        c.resolved
            .category
            .and_then(|i| catalog.categories.get(i))
            .map_or("null".into(), |k| {
                Value::String(k.name.value.clone()).to_string()
            })
    }));
    out.push_str(&konst("RETRYABLE", "boolean", &|c| {
        c.resolved.retryable.to_string()
    }));
    out.push_str(
        "/** How errcat's client retries a code: the catalog's advice with its defaults, the default for a retryable code without any, else `null` (final). */\n\
         export interface RetryAdvice {\n  /** A detail holding the wait: seconds, or a time to retry at. */\n  afterField: string | null;\n  /** A header holding the wait (`Retry-After`). */\n  afterHeader: string | null;\n  /** The backoff when no wait is given. */\n  backoff: { initialMs: number; factor: number; maxMs: number | null; jitter: boolean };\n  /** Attempts in all, the first included. */\n  attempts: number;\n  /** A client action to take before the retry (`refresh_token`). */\n  action: string | null;\n}\n\n",
    );
    out.push_str(&konst("RETRY", "RetryAdvice | null", &|c| {
        c.applied_retry(catalog).map_or("null".into(), |r| {
            serde_json::json!({
                "afterField": r.after_field,
                "afterHeader": r.after_header,
                "backoff": {
                    "initialMs": r.backoff.initial_ms,
                    "factor": r.backoff.factor,
                    "maxMs": r.backoff.max_ms,
                    "jitter": r.backoff.jitter,
                },
                "attempts": r.attempts,
                "action": r.action,
            })
            .to_string()
        })
    }));
    out.push_str(
        "/** A header a code's responses carry: its name, and its value as the catalog writes it (`{field}` stands for that detail's value). */\n\
         export interface Header {\n  name: string;\n  value: string;\n}\n\n",
    );
    out.push_str(&konst("HEADERS", "readonly Header[]", &|c| {
        let headers: Vec<Value> = c
            .headers
            .iter()
            .map(|h| serde_json::json!({"name": h.name.value, "value": h.value.value}))
            .collect();
        Value::Array(headers).to_string()
    }));
    out
}

/// The checks behind `parseError`: the JSON Schema subset errcat writes.
const RUNTIME: &str = r##"type Schema = { readonly [keyword: string]: unknown };

function isObject(v: unknown): v is { [key: string]: unknown } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A key, a list's first element, or the literals selecting an element. */
type Step = string | number | { readonly [k: string]: unknown };

function at(v: unknown, path: Step[]): unknown {
  let cur: unknown = v;
  for (const k of path) {
    if (typeof k === "string") {
      if (!isObject(cur)) return undefined;
      cur = cur[k];
    } else if (typeof k === "number") {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[k];
    } else {
      if (!Array.isArray(cur)) return undefined;
      cur = (cur as unknown[]).find((e) => isObject(e) && Object.entries(k).every(([n, x]) => e[n] === x));
    }
  }
  return cur;
}

function valid(v: unknown, s: Schema): boolean {
  if ("const" in s) return v === s["const"];
  if (Array.isArray(s["enum"])) return (s["enum"] as unknown[]).includes(v);
  if (typeof s["$ref"] === "string") {
    const target = TYPES[(s["$ref"] as string).slice("#/types/".length)];
    return target !== undefined && valid(v, target);
  }
  if (Array.isArray(s["anyOf"])) return (s["anyOf"] as Schema[]).some((x) => valid(v, x));
  if (Array.isArray(s["allOf"]) && !(s["allOf"] as Schema[]).every((x) => valid(v, x))) return false;
  if (isObject(s["contains"])) {
    const c = s["contains"] as Schema;
    if (!Array.isArray(v) || !v.some((x) => valid(x, c))) return false;
  }
  switch (s["type"]) {
    case "string": return typeof v === "string";
    case "integer": return typeof v === "number" && Number.isInteger(v);
    case "number": return typeof v === "number";
    case "boolean": return typeof v === "boolean";
    case "null": return v === null;
    case "array": {
      if (!Array.isArray(v)) return false;
      if (isObject(s["items"])) return v.every((x) => valid(x, s["items"] as Schema));
      const prefix = Array.isArray(s["prefixItems"]) ? (s["prefixItems"] as Schema[]) : [];
      if (typeof s["minItems"] === "number" && v.length < s["minItems"]) return false;
      return prefix.every((p, i) => valid(v[i], p));
    }
    case "object": {
      if (!isObject(v)) return false;
      const extra = s["additionalProperties"];
      if (isObject(extra)) return Object.values(v).every((x) => valid(x, extra as Schema));
      const required = Array.isArray(s["required"]) ? (s["required"] as string[]) : [];
      if (!required.every((k) => k in v)) return false;
      const props = isObject(s["properties"]) ? (s["properties"] as { [k: string]: Schema }) : {};
      return Object.entries(props).every(([k, p]) => !(k in v) || valid(v[k], p));
    }
    default: return true;
  }
}

/**
 * Reads an error body: a known code whose body matches the catalog is a
 * `KnownError`, anything else (a newer code, a body that does not match, a
 * proxy's HTML parsed as a string, `null`) an `UnknownError`. Never throws.
 */
export function parseError(body: unknown): ParsedError {
  let status: number | null = null;
  for (const path of STATUS_PATHS) {
    const s = at(body, path);
    if (typeof s === "number") { status = s; break; }
  }
  for (const path of CODE_PATHS) {
    const c = at(body, path);
    if (typeof c !== "string" && typeof c !== "number") continue;
    const code = String(c);
    const schema = Object.prototype.hasOwnProperty.call(SCHEMAS, code) ? SCHEMAS[code] : undefined;
    if (schema !== undefined && valid(body, schema)) {
      return { known: true, code, body } as KnownError;
    }
    return { known: false, code, status, body };
  }
  return { known: false, code: null, status, body };
}
"##;

#[cfg(test)]
mod tests {
    #[test]
    fn types_named_like_the_modules_own_are_reported_at_their_line() {
        let text = "\
name: t
envelopes:
  http: {error: {code: $code, message: $message, details: $details}}
types:
  Code:
    enum: [a, b]
  RateLimitedBody:
    fields:
      id: string
  Fine:
    enum: [x]
codes:
  RATE_LIMITED: {status: 429, message: slow}
";
        let catalog = crate::compile_str("t.yaml", text.as_bytes()).unwrap();
        let clashes = super::module(&catalog).unwrap_err();
        let found: Vec<(u32, &str)> = clashes
            .iter()
            .map(|d| (d.loc.line, d.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    5,
                    "type `Code` has the name of the TypeScript module's own `Code` in `errcat ts` output"
                ),
                (
                    7,
                    "type `RateLimitedBody` has the name of the body interface of code `RATE_LIMITED` in `errcat ts` output"
                ),
            ]
        );
    }
}
