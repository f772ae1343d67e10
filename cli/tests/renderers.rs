//! The renderers against the seed references and real validators: the
//! committed markdown references are current and agree with the seeds, the
//! JSON Schema accepts every seed example and refuses mutated ones (checked
//! by Python's `jsonschema`), the OpenAPI document is valid
//! (`openapi-spec-validator`).

#[path = "../../tests/support/seeds.rs"]
mod seeds;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const SEEDS: [(&str, &str); 2] = [
    ("hook0", "hook0-error-codes.md"),
    ("hexabase", "hexabase-kaas-error-codes.md"),
];

fn root() -> PathBuf {
    seeds::repo_root()
}

fn catalog(name: &str) -> errcat_core::Checked {
    let rel = format!("catalog/{name}.yaml");
    errcat_core::compile_file(&root().join(&rel), &rel).unwrap()
}

/// A file for this test under the target directory's temp space.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn python(args: &[&str]) -> (bool, String) {
    let out = Command::new("python3")
        .arg(root().join("tests/tools/validate.py"))
        .args(args)
        .output()
        .expect("python3 runs");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

#[test]
fn the_committed_references_are_current_and_match_the_seeds() {
    for (name, seed_file) in SEEDS {
        let path = root().join(format!("docs/{name}.md"));
        let committed = std::fs::read_to_string(&path).unwrap();
        let rendered = errcat_core::render::markdown::reference(&catalog(name));
        assert!(
            committed == rendered,
            "docs/{name}.md is stale: run `errcat docs catalog/{name}.yaml -o docs/{name}.md` (or `cargo run -q --bin errcat -- docs …`)"
        );
        // Read with the reader written for the seed documents.
        let ours = seeds::parse(&committed);
        let theirs = seeds::seed(seed_file);
        assert_eq!(ours.len(), theirs.len(), "{name}");
        for t in &theirs {
            let o = ours
                .iter()
                .find(|o| o.code == t.code)
                .unwrap_or_else(|| panic!("{}", t.code));
            if t.status.is_some() {
                assert_eq!(o.status, t.status, "{}", t.code);
            }
            assert_eq!(o.example, t.example, "{}", t.code);
        }
    }
}

/// The seed example with its first detail field given a value of another
/// type, if it has one.
fn mutated(example: &Value) -> Option<Value> {
    let mut v = example.clone();
    let details = v.get_mut("error").and_then(|e| e.get_mut("details"))?;
    let field = match details {
        Value::Object(m) => m.values_mut().find(|f| !f.is_null())?,
        Value::Array(items) => items.first_mut()?.as_object_mut()?.values_mut().next()?,
        _ => return None,
    };
    *field = match field {
        Value::String(_) => Value::from(12345),
        _ => Value::from("not the catalog's type"),
    };
    Some(v)
}

#[test]
fn the_json_schema_accepts_the_seeds_and_refuses_mutations() {
    for (name, seed_file) in SEEDS {
        let schema = scratch(&format!("{name}.schema.json"));
        let doc = errcat_core::render::json_schema::document(&catalog(name));
        std::fs::write(&schema, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
        let mut lines = Vec::new();
        let mut want = Vec::new();
        for s in seeds::seed(seed_file) {
            lines.push(s.example.to_string());
            want.push(true);
            if let Some(m) = mutated(&s.example) {
                lines.push(m.to_string());
                want.push(false);
            }
            // A code the catalog does not know is accepted.
            let mut unknown = s.example.clone();
            if let Some(e) = unknown.get_mut("error").and_then(|e| e.as_object_mut()) {
                e.insert("code".into(), Value::from("A_CODE_FROM_THE_FUTURE"));
                lines.push(unknown.to_string());
                want.push(true);
            }
        }
        let instances = scratch(&format!("{name}.instances.jsonl"));
        std::fs::write(&instances, lines.join("\n")).unwrap();
        let (ok, out) = python(&["json-schema", path(&schema), path(&instances)]);
        assert!(ok, "{out}");
        let got: Vec<bool> = out.lines().map(|l| l == "true").collect();
        assert_eq!(got.len(), want.len(), "{out}");
        for (i, (g, w)) in got.iter().zip(&want).enumerate() {
            assert_eq!(g, w, "{name}: {}", lines[i]);
        }
        assert!(
            want.iter().filter(|w| !**w).count() > 20,
            "{name}: few mutations"
        );
    }
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn the_openapi_document_is_valid_and_holds_every_seed_example() {
    for (name, seed_file) in SEEDS {
        let doc = errcat_core::render::openapi::document(&catalog(name));
        let file = scratch(&format!("{name}.openapi.json"));
        std::fs::write(&file, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
        let (ok, out) = python(&["openapi", path(&file)]);
        assert!(ok, "{name}: {out}");
        let responses = &doc["components"]["responses"];
        let mut seen = 0;
        for s in seeds::seed(seed_file) {
            let Some(status) = s.status.or_else(|| {
                // Hook0 gives statuses per section; take the catalog's.
                catalog(name)
                    .codes
                    .iter()
                    .find(|c| c.code.value == s.code)?
                    .resolved
                    .status
            }) else {
                continue;
            };
            let ex = &responses[status.to_string()]["content"]["application/json"]["examples"]
                [&s.code]["value"];
            assert_eq!(ex, &s.example, "{name} {}", s.code);
            seen += 1;
        }
        assert!(seen >= 25, "{name}: {seen}");
        // The validator is real: a response without its description fails.
        let mut broken = doc.clone();
        let first = broken["components"]["responses"]
            .as_object_mut()
            .unwrap()
            .values_mut()
            .next()
            .unwrap();
        first.as_object_mut().unwrap().remove("description");
        std::fs::write(&file, broken.to_string()).unwrap();
        assert!(
            !python(&["openapi", path(&file)]).0,
            "{name}: a broken document passed"
        );
    }
}

/// The other envelope shapes (a list of errors, an element selected by a
/// literal): every rendered example and a published AIP-193 body validate,
/// with the selected element anywhere; a wrong type in the element does
/// not; the OpenAPI documents are valid.
#[test]
fn shaped_envelopes_render_schemas_that_hold_their_bodies() {
    let google = serde_json::json!({"error": {
    "code": 400, "message": "API key not valid. Please pass a valid API key.",
    "status": "INVALID_ARGUMENT",
    "details": [
        {"@type": "type.googleapis.com/google.rpc.Help", "links": []},
        {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID",
         "domain": "googleapis.com", "metadata": {"service": "translate.googleapis.com"}}
    ]}});
    let mut wrong = google.clone();
    wrong["error"]["details"][1]["metadata"]["service"] = Value::from(5);
    let two = serde_json::json!({"errors": [
        {"status": "422", "code": "226", "title": "Password and password confirmation do not match."},
        {"status": "403", "code": "SECRET_POWERS_LOCKED", "title": "t"}]});
    let mut bad_list = two.clone();
    bad_list["errors"][0]["title"] = Value::from(5);
    for (name, extra) in [
        ("jsonapi", vec![(two, true), (bad_list, false)]),
        ("aip193", vec![(google, true), (wrong, false)]),
        // Several statuses, errors without a body.
        ("oauth", vec![]),
        ("slack", vec![]),
    ] {
        let rel = format!("tests/catalogs/{name}.yaml");
        let c = errcat_core::compile_file(&root().join(&rel), &rel).unwrap();
        let mut lines: Vec<(Value, bool)> = c
            .codes
            .iter()
            .map(|code| (errcat_core::render::example(&c, code).to_value(), true))
            .collect();
        lines.extend(extra);
        let schema = scratch(&format!("{name}.schema.json"));
        let doc = errcat_core::render::json_schema::document(&c);
        std::fs::write(&schema, doc.to_string()).unwrap();
        let instances = scratch(&format!("{name}.instances.jsonl"));
        let text: Vec<String> = lines.iter().map(|(v, _)| v.to_string()).collect();
        std::fs::write(&instances, text.join("\n")).unwrap();
        let (ok, out) = python(&["json-schema", path(&schema), path(&instances)]);
        assert!(ok, "{out}");
        let got: Vec<bool> = out.lines().map(|l| l == "true").collect();
        let want: Vec<bool> = lines.iter().map(|(_, w)| *w).collect();
        assert_eq!(got, want, "{name}: {text:#?}");

        let file = scratch(&format!("{name}.openapi.json"));
        let doc = errcat_core::render::openapi::document(&c);
        std::fs::write(&file, doc.to_string()).unwrap();
        let (ok, out) = python(&["openapi", path(&file)]);
        assert!(ok, "{name}: {out}");
    }
}

/// A body-less code is documented by its headers alone: no content in its
/// OpenAPI response, no example body in the docs; a code with several
/// statuses is listed under each.
#[test]
fn body_less_codes_and_several_statuses_in_the_reference() {
    let rel = "tests/catalogs/oauth.yaml";
    let c = errcat_core::compile_file(&root().join(rel), rel).unwrap();
    let doc = errcat_core::render::openapi::document(&c);
    let responses = &doc["components"]["responses"];
    let r403 = &responses["403"];
    assert!(r403.get("content").is_none(), "{r403}");
    assert!(r403["headers"].get("WWW-Authenticate").is_some(), "{r403}");
    let r401 = &responses["401"];
    let names = r401["description"].as_str().unwrap();
    assert!(
        names.contains("`invalid_client`") && names.contains("`invalid_token`"),
        "{names}"
    );
    let one_of = r401["content"]["application/json;charset=UTF-8"]["schema"]["oneOf"]
        .as_array()
        .unwrap();
    assert_eq!(
        one_of.len(),
        2,
        "invalid_client and use_dpop_nonce, not invalid_token"
    );
    let md = errcat_core::render::markdown::reference(&c);
    assert!(
        md.contains("**HTTP Status**: 400 (also 401)"),
        "several statuses"
    );
    assert!(
        md.contains("**No body**: the code travels in the `WWW-Authenticate` header"),
        "body-less"
    );
}

/// Operations with a method and a path are `paths` of the OpenAPI document,
/// each with only its own error responses and its path parameters (the
/// document is checked by the real validator in
/// `shaped_envelopes_render_schemas_that_hold_their_bodies`); the docs list
/// each operation's errors.
#[test]
fn operations_are_paths_with_their_own_errors() {
    let rel = "tests/catalogs/oauth.yaml";
    let c = errcat_core::compile_file(&root().join(rel), rel).unwrap();
    let doc = errcat_core::render::openapi::document(&c);
    let userinfo = &doc["paths"]["/userinfo/{subject}"]["get"];
    assert_eq!(userinfo["operationId"], "userinfo");
    let statuses: Vec<&String> = userinfo["responses"].as_object().unwrap().keys().collect();
    assert_eq!(statuses, ["400", "401", "403"]);
    assert_eq!(userinfo["parameters"][0]["name"], "subject");
    assert_eq!(userinfo["parameters"][0]["in"], "path");
    let r400 = &userinfo["responses"]["400"]["content"]["application/json;charset=UTF-8"];
    assert_eq!(
        r400["schema"]["oneOf"].as_array().unwrap().len(),
        1,
        "only invalid_request"
    );
    let token = &doc["paths"]["/token"]["post"]["responses"];
    assert!(token.get("403").is_none(), "token answers no 403");
    let md = errcat_core::render::markdown::reference(&c);
    assert!(
        md.contains("| `userinfo`: A resource, behind a bearer token (RFC 6750) | `GET /userinfo/{subject}` | `invalid_request`, `invalid_token`, `insufficient_scope` |"),
        "{md}"
    );
}

/// `errcat openapi --merge` adds the catalog's components and each
/// operation's error responses to the service's own document, which stays
/// valid (the real validator) and keeps everything it had; a status both
/// document is an error, not an overwrite.
#[test]
fn the_catalog_merges_into_the_services_document() {
    let service = serde_json::json!({
        "openapi": "3.1.0",
        "info": {"title": "Auth server", "version": "1.0.0"},
        "paths": {
            "/token": {"post": {"summary": "Token endpoint", "responses": {"200": {"description": "Tokens"}}}},
            "/health": {"get": {"responses": {"200": {"description": "Up"}}}}
        }
    });
    let doc = scratch("service.openapi.json");
    std::fs::write(&doc, service.to_string()).unwrap();
    let run = |doc: &Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_errcat"))
            .args(["openapi", "tests/catalogs/oauth.yaml", "--merge"])
            .arg(doc)
            .current_dir(root())
            .output()
            .unwrap()
    };
    let out = run(&doc);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let merged: Value = serde_json::from_slice(&out.stdout).unwrap();
    let token = &merged["paths"]["/token"]["post"];
    assert_eq!(token["summary"], "Token endpoint");
    assert_eq!(token["responses"]["200"]["description"], "Tokens");
    assert!(token["responses"].get("400").is_some() && token["responses"].get("401").is_some());
    assert_eq!(merged["paths"]["/health"], service["paths"]["/health"]);
    assert!(
        merged["paths"]["/userinfo/{subject}"]["get"]["responses"]
            .get("403")
            .is_some()
    );
    assert!(
        merged["components"]["schemas"]
            .get("code.invalid_grant")
            .is_some()
    );
    let file = scratch("merged.openapi.json");
    std::fs::write(&file, merged.to_string()).unwrap();
    let (ok, out) = python(&["openapi", path(&file)]);
    assert!(ok, "{out}");

    let mut clash = service.clone();
    clash["paths"]["/token"]["post"]["responses"]["400"] =
        serde_json::json!({"description": "Bad"});
    std::fs::write(&doc, clash.to_string()).unwrap();
    let out = run(&doc);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("`POST /token` already documents `400`"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut old = service;
    old["openapi"] = Value::from("3.0.3");
    std::fs::write(&doc, old.to_string()).unwrap();
    assert!(!run(&doc).status.success(), "a 3.0 document is refused");
}

/// Every catalog of the repository: in `errcat openapi`'s document, each
/// example of a response validates against exactly one branch of its
/// `oneOf` (each code's schema pins its code), by a real validator; where
/// the code is a top-level member, the `oneOf` has a discriminator mapping
/// every code to its schema.
#[test]
fn no_example_matches_two_branches_of_a_one_of() {
    let mut files: Vec<String> = vec!["catalog/hook0.yaml".into(), "catalog/hexabase.yaml".into()];
    for dir in ["tests/catalogs", "tests/ui/pass"] {
        let mut found: Vec<String> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".yaml") && !n.ends_with(".lock.yaml"))
            .map(|n| format!("{dir}/{n}"))
            .collect();
        found.sort();
        files.extend(found);
    }
    let mut discriminated = 0;
    for rel in &files {
        let c = errcat_core::compile_file(&root().join(rel), rel).unwrap();
        let doc = errcat_core::render::openapi::document(&c);
        let file = scratch(&format!("{}.one-of.json", rel.replace('/', "_")));
        std::fs::write(&file, doc.to_string()).unwrap();
        let (ok, out) = python(&["one-of", path(&file)]);
        assert!(ok, "{rel}: {out}");
        for r in doc["components"]["responses"].as_object().unwrap().values() {
            let Some(schema) = r["content"].as_object().and_then(|c| c.values().next()) else {
                continue;
            };
            let Some(d) = schema["schema"].get("discriminator") else {
                continue;
            };
            let branches = schema["schema"]["oneOf"].as_array().unwrap().len();
            assert_eq!(d["mapping"].as_object().unwrap().len(), branches, "{rel}");
            discriminated += 1;
        }
    }
    assert!(files.len() >= 15 && discriminated > 0, "{files:?}");
}
