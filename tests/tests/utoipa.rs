//! With the runtime's `utoipa` feature, a generated error is an
//! `IntoResponses`: a utoipa-built document of an axum handler lists the
//! catalog's responses (statuses, schemas, examples, headers) with no
//! hand-written schema, and the document passes a real OpenAPI validator.

mod common;

use common::validate;
use errcat_tests::hook0::Hook0Error;
use utoipa::OpenApi as _;

/// Reads an application.
#[utoipa::path(get, path = "/applications", responses((status = 200, description = "The application"), Hook0Error))]
#[allow(dead_code)]
async fn get_application() {}

/// The catalog enum brings the schemas the responses refer to.
#[derive(utoipa::OpenApi)]
#[openapi(paths(get_application), components(schemas(Hook0Error)))]
struct ApiDoc;

#[test]
fn the_document_lists_the_catalog_errors() {
    let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
    let responses = &doc["paths"]["/applications"]["get"]["responses"];
    for status in [
        "200", "400", "401", "403", "404", "409", "413", "422", "429", "500", "503",
    ] {
        assert!(responses.get(status).is_some(), "{status}: {responses}");
    }
    let limited = &responses["429"]["content"]["application/json"];
    let example = &limited["examples"]["RATE_LIMIT_EXCEEDED"]["value"];
    assert_eq!(example["error"]["details"]["retry_after"], 1800);
    assert_eq!(limited["schema"]["oneOf"].as_array().unwrap().len(), 2);
    assert!(responses["429"]["headers"].get("Retry-After").is_some());
    // The webhook channel's codes are not HTTP responses.
    assert!(!responses.to_string().contains("WEBHOOK_TIMEOUT"));
    // Each code's schema is a component, referred to, and pins its code.
    assert_eq!(
        limited["schema"]["oneOf"][0],
        serde_json::json!({"$ref": "#/components/schemas/code.RATE_LIMIT_EXCEEDED"})
    );
    let component = &doc["components"]["schemas"]["code.RATE_LIMIT_EXCEEDED"];
    assert_eq!(
        component["properties"]["error"]["properties"]["code"]["enum"],
        serde_json::json!(["RATE_LIMIT_EXCEEDED"])
    );
    assert!(doc["components"]["schemas"].get("Hook0Error").is_some());
    // A real validator accepts the document, and no example matches two
    // branches of its `oneOf`.
    validate("openapi", &doc, "utoipa.openapi.json");
    validate("one-of", &doc, "utoipa.openapi.json");
}

/// Every catalog of the repository gives responses and components utoipa
/// can read (the runtime turns JSON it cannot read into none, so this is
/// where a schema utoipa's model lacks would show).
#[test]
fn every_catalog_gives_responses_utoipa_reads() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<std::path::PathBuf> = ["../catalog/hook0.yaml", "../catalog/hexabase.yaml"]
        .iter()
        .map(|f| root.join(f))
        .collect();
    for dir in ["catalogs", "ui/pass"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "yaml")
                && !p.to_string_lossy().ends_with(".lock.yaml")
            {
                files.push(p);
            }
        }
    }
    for f in files {
        let c = errcat_core::compile_file(&f, &f.to_string_lossy()).unwrap();
        let codes: Vec<&errcat_core::model::Code> = c.codes.iter().collect();
        let json = errcat_core::render::openapi::utoipa_responses(&c, &codes);
        let statuses = json.as_object().unwrap().len();
        let parsed: std::collections::BTreeMap<
            String,
            utoipa::openapi::RefOr<utoipa::openapi::response::Response>,
        > = serde_json::from_value(json).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        assert_eq!(parsed.len(), statuses, "{}", f.display());
        let (components, schema) = errcat_core::render::openapi::utoipa_components(&c);
        let count = components.as_object().unwrap().len();
        let parsed: std::collections::BTreeMap<
            String,
            utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
        > = serde_json::from_value(components).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        assert_eq!(parsed.len(), count, "{}", f.display());
        let _: utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> =
            serde_json::from_value(schema).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
    }
}
