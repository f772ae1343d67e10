//! Golden tests: every example of both seed references, rebuilt by calling
//! the generated constructors with the example's values and serializing. The
//! JSON must equal the seed's example and `errcat example` for the code.

#[path = "../support/seeds.rs"]
mod seeds;

use std::collections::BTreeMap;

use errcat::Timestamp;
use errcat_tests::hexabase::HexabaseError as Hx;
use errcat_tests::hook0::{FieldError, Hook0Error as Hk};
use serde_json::{Value, json};

fn ts(s: &str) -> Timestamp {
    s.parse().expect("timestamp")
}

fn catalog(file: &str) -> errcat_core::Checked {
    let path = seeds::repo_root().join("catalog").join(file);
    errcat_core::compile_file(&path, file).expect("catalog compiles")
}

/// Compares each error's wire JSON with the seed and with the core's
/// rendering (what `errcat example` prints); returns the codes checked.
fn check(file: &str, seed_file: &str, errors: Vec<(String, Value, String)>) -> Vec<String> {
    let seed = seeds::seed(seed_file);
    let catalog = catalog(file);
    let codes: Vec<&str> = seed.iter().map(|s| s.code.as_str()).collect();
    let built: Vec<&str> = errors.iter().map(|(c, _, _)| c.as_str()).collect();
    assert_eq!(built, codes, "one constructor call per seed code, in order");
    for ((code, wire, text), s) in errors.iter().zip(&seed) {
        assert_eq!(wire, &s.example, "{code}: generated JSON vs seed");
        let k = catalog
            .codes
            .iter()
            .find(|k| &k.code.value == code)
            .unwrap();
        let rendered = errcat_core::render::example(&catalog, k);
        assert_eq!(
            wire,
            &rendered.to_value(),
            "{code}: generated JSON vs `errcat example`"
        );
        // Byte for byte: the rendering keeps the order the generated
        // serializer writes (envelope members, then details fields), but
        // for a map's entries, kept in the catalog's order (the wire's
        // `BTreeMap` sorts them).
        if !k.holds_map(&catalog) {
            assert_eq!(
                text,
                &serde_json::to_string(&rendered).unwrap(),
                "{code}: member order of `errcat example`"
            );
        }
    }
    built.iter().map(|s| s.to_string()).collect()
}

/// Generic over the traits, as code that serves any catalog would be.
fn wire<E: errcat::CatalogError>(e: E) -> (String, Value, String) {
    use errcat::CatalogCode as _;
    let json = serde_json::to_value(e.envelope()).expect("serializes");
    let text = serde_json::to_string(&e.envelope()).expect("serializes");
    (e.code().as_str().to_string(), json, text)
}

#[test]
fn hexabase_examples_from_constructors() {
    let errors = vec![
        wire(Hx::auth_required("api")),
        wire(Hx::auth_invalid_token("malformed_token")),
        wire(Hx::auth_token_expired(ts("2024-01-20T09:00:00Z"))),
        wire(Hx::auth_invalid_credentials()),
        wire(Hx::auth_provider_error("google", "invalid_grant")),
        wire(Hx::auth_mfa_required("mfa_session_123")),
        wire(Hx::auth_permission_denied(
            "workspaces:write",
            "workspace:ws-123",
        )),
        wire(Hx::validation_error(BTreeMap::from([
            ("name".to_string(), "Name is required".to_string()),
            ("email".to_string(), "Invalid email format".to_string()),
        ]))),
        wire(Hx::validation_field_required("organization_id")),
        wire(Hx::validation_field_invalid(
            "email",
            json!("not-an-email"),
            "must be a valid email address",
        )),
        wire(Hx::validation_field_too_long("name", 255u32, 300u32)),
        wire(Hx::resource_not_found("workspace", "ws-123")),
        wire(Hx::resource_already_exists(
            "project",
            "namespace",
            "frontend",
        )),
        wire(Hx::resource_in_use(
            "organization",
            "org-123",
            "3 active workspaces",
        )),
        wire(Hx::resource_limit_exceeded(
            "workspace",
            5u32,
            5u32,
            "standard",
        )),
        wire(Hx::billing_payment_failed(
            "insufficient_funds",
            "4242",
            9900u64,
            "usd",
        )),
        wire(Hx::billing_subscription_inactive(
            "canceled",
            ts("2024-01-15T00:00:00Z"),
        )),
        wire(Hx::billing_plan_limit_exceeded(
            "free",
            "workspaces",
            1u32,
            2u32,
        )),
        wire(Hx::billing_invalid_payment_method(
            "card_expired",
            12u8,
            2023u16,
        )),
        wire(Hx::workspace_provisioning_failed(
            "ws-123",
            "vcluster_creation",
            "insufficient_resources",
        )),
        wire(Hx::workspace_not_ready("ws-123", "provisioning", 30u32)),
        wire(Hx::workspace_suspended(
            "ws-123",
            "payment_overdue",
            ts("2024-01-15T00:00:00Z"),
        )),
        wire(Hx::project_quota_exceeded(
            "proj-123", "memory", "5Gi", "4Gi", "3.8Gi",
        )),
        wire(Hx::project_hierarchy_depth_exceeded(5u32, 5u32)),
        wire(Hx::quota_cpu_exceeded("5", "2", "10", "8")),
        wire(Hx::quota_memory_exceeded("16Gi", "8Gi", "32Gi", "24Gi")),
        wire(Hx::quota_storage_exceeded("50Gi", "20Gi", "100Gi", "80Gi")),
        wire(Hx::rate_limit_exceeded(5000u32, "1h", 1234u32)),
        wire(Hx::rate_limit_auth_exceeded(5u32, "1m", 45u32)),
        wire(Hx::system_internal_error("req_123456")),
        wire(Hx::system_service_unavailable("kubernetes_api", 30u32)),
        wire(Hx::system_maintenance(
            ts("2024-01-20T12:00:00Z"),
            vec!["workspace_provisioning".to_string()],
        )),
        wire(Hx::system_database_error("insert", "workspaces")),
        wire(Hx::ws_auth_required()),
        wire(Hx::ws_subscription_limit_exceeded(100u32, 100u32)),
        wire(Hx::ws_message_too_large(1_048_576u64, 2_097_152u64)),
    ];
    let checked = check("hexabase.yaml", "hexabase-kaas-error-codes.md", errors);
    assert_eq!(checked.len(), 36);
    println!(
        "hexabase: {} codes checked: {}",
        checked.len(),
        checked.join(", ")
    );
}

fn field_error(field: &str, message: &str, code: &str, value: Option<Value>) -> FieldError {
    FieldError {
        field: field.into(),
        message: message.into(),
        code: code.into(),
        value,
    }
}

#[test]
fn hook0_examples_from_constructors() {
    let app = "app_1234567890";
    let webhook = "https://api.example.com/webhook";
    let errors = vec![
        wire(Hk::invalid_token()),
        wire(Hk::token_expired(ts("2024-01-15T10:30:00Z"))),
        wire(Hk::missing_token()),
        wire(Hk::insufficient_permissions(
            vec!["application:write".to_string()],
            vec!["application:read".to_string()],
        )),
        wire(Hk::organization_access_denied("org_1234567890")),
        wire(Hk::application_access_denied(app)),
        wire(Hk::invalid_parameter(vec![
            field_error(
                "event_type",
                "Event type must be a valid string",
                "INVALID_FORMAT",
                Some(json!(123)),
            ),
            field_error(
                "payload",
                "Payload must be a valid JSON object",
                "INVALID_JSON",
                None,
            ),
        ])),
        wire(Hk::required_field(vec![field_error(
            "event_type",
            "Event type is required",
            "REQUIRED_FIELD",
            None,
        )])),
        wire(Hk::invalid_json(
            "Unexpected token } in JSON at position 15",
        )),
        wire(Hk::payload_too_large(1_048_576u64, 2_097_152u64)),
        wire(Hk::invalid_event_type("user.invalid", app)),
        wire(Hk::resource_not_found("application", app)),
        wire(Hk::resource_already_exists(
            "event_type",
            "user.created",
            "et_1234567890",
        )),
        wire(Hk::organization_not_found("org_1234567890")),
        wire(Hk::application_not_found(app)),
        wire(Hk::subscription_not_found("sub_1234567890")),
        wire(Hk::event_not_found("evt_1234567890")),
        wire(Hk::rate_limit_exceeded(
            1000u32,
            3600u32,
            ts("2024-01-15T11:30:00Z"),
            1800u32,
        )),
        wire(Hk::quota_exceeded(
            "events_per_month",
            100_000u64,
            100_000u64,
            ts("2024-02-01T00:00:00Z"),
        )),
        wire(Hk::invalid_subscription_target(
            "target.url",
            "URL must use HTTPS protocol",
            json!("http://example.com/webhook"),
        )),
        wire(Hk::event_type_deactivated(
            "user.deprecated",
            ts("2024-01-01T00:00:00Z"),
        )),
        wire(Hk::subscription_disabled(
            "sub_1234567890",
            ts("2024-01-10T15:00:00Z"),
        )),
        wire(Hk::internal_server_error("inc_1234567890")),
        wire(Hk::database_error("insert", "events")),
        wire(Hk::service_unavailable(300u32, false)),
        wire(Hk::webhook_delivery_failed(
            "evt_1234567890",
            "sub_1234567890",
            webhook,
            500u16,
            "Internal Server Error",
            3u32,
            ts("2024-01-15T11:00:00Z"),
        )),
        wire(Hk::webhook_timeout(
            "evt_1234567890",
            "sub_1234567890",
            webhook,
            30u32,
            2u32,
        )),
        wire(Hk::webhook_ssl_error(
            webhook,
            "certificate verify failed: self signed certificate",
        )),
    ];
    let checked = check("hook0.yaml", "hook0-error-codes.md", errors);
    assert_eq!(checked.len(), 28);
    println!(
        "hook0: {} codes checked: {}",
        checked.len(),
        checked.join(", ")
    );
}
