//! A Stripe-style catalog: members that are neither slots nor details
//! (`param`, `decline_code`, `request_log_url` per error; `doc_url` made
//! from the code) are typed, omitted when absent, and decoded.

use errcat::Decoded;
use serde_json::json;

#[errcat::catalog("catalogs/stripe.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum StripeError {}

#[test]
fn members_are_written_where_the_envelope_places_them() {
    let e = StripeError::card_declined(
        DeclineCode::InsufficientFunds,
        Some("payment_method".to_string()),
    );
    let body = serde_json::to_string(&e).unwrap();
    assert_eq!(
        body,
        r#"{"error":{"type":"card_error","code":"card_declined","message":"Your card was declined.","param":"payment_method","decline_code":"insufficient_funds","doc_url":"https://docs.stripe.com/declines/codes"}}"#
    );
}

#[test]
fn absent_members_are_omitted_and_templates_use_the_code() {
    let e = StripeError::parameter_missing("amount", None);
    assert_eq!(e.to_string(), "Missing required param: amount.");
    assert_eq!(
        serde_json::to_value(&e).unwrap(),
        json!({"error": {
            "type": "invalid_request_error", "code": "parameter_missing",
            "message": "Missing required param: amount.", "param": "amount",
            "doc_url": "https://docs.stripe.com/error-codes/parameter_missing"
        }})
    );
    let e = StripeError::expired_card(None);
    let v = serde_json::to_value(&e).unwrap();
    assert!(v["error"].get("param").is_none(), "{v}");
    // A code that carries no member never writes it.
    let v = serde_json::to_value(StripeError::api_error()).unwrap();
    assert_eq!(
        v["error"]["doc_url"],
        "https://docs.stripe.com/error-codes/api_error"
    );
    assert!(v["error"].get("decline_code").is_none());
}

#[test]
fn members_are_decoded_into_the_variant() {
    let e = StripeError::parameter_missing(
        "amount",
        Some("https://dashboard.example/logs/req_1".to_string()),
    );
    let body = serde_json::to_vec(&e).unwrap();
    let got = StripeError::from_envelope(&body).unwrap();
    assert_eq!(got.error, Decoded::Known(e));
    let wrong = br#"{"error":{"type":"card_error","code":"card_declined","message":"m","decline_code":"no_such_reason"}}"#;
    let err = StripeError::from_envelope(wrong).unwrap_err();
    assert!(err.to_string().contains("decline_code"), "{err}");
}

#[test]
fn unknown_codes_keep_their_members() {
    let body = br#"{"error":{"type":"card_error","code":"new_code","message":"m","param":"x","doc_url":"https://d/new_code"}}"#;
    let got = StripeError::from_envelope(body).unwrap();
    let Decoded::Unknown(u) = got.error else {
        panic!("{got:?}")
    };
    assert_eq!(
        values(&u.members),
        vec![
            ("param".to_string(), json!("x")),
            ("doc_url".to_string(), json!("https://d/new_code"))
        ]
    );
}

#[test]
fn rendered_examples_use_the_example_members() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogs/stripe.yaml");
    let catalog = errcat_core::compile_file(&path, "catalogs/stripe.yaml").unwrap();
    let code = catalog
        .codes
        .iter()
        .find(|c| c.code.value == "card_declined")
        .unwrap();
    assert_eq!(
        errcat_core::render::example(&catalog, code).pretty(),
        r#"{
  "error": {
    "type": "card_error",
    "code": "card_declined",
    "message": "Your card was declined.",
    "param": "payment_method",
    "decline_code": "insufficient_funds",
    "doc_url": "https://docs.stripe.com/declines/codes"
  }
}"#
    );
}

#[test]
fn a_mismatch_keeps_the_members() {
    let wrong = br#"{"error":{"type":"card_error","code":"card_declined","message":"m","param":"card","decline_code":"no_such_reason"}}"#;
    let f = errcat::Failure::<StripeError>::from_parts(
        errcat::http::StatusCode::PAYMENT_REQUIRED,
        &errcat::http::HeaderMap::new(),
        wrong,
    );
    let errcat::FailureKind::Unknown { error, mismatch } = &f.kind else {
        panic!("{f:?}")
    };
    assert!(mismatch.as_deref().unwrap().contains("decline_code"));
    assert_eq!(
        values(&error.members),
        vec![
            ("param".to_string(), json!("card")),
            ("decline_code".to_string(), json!("no_such_reason")),
        ]
    );
}

/// A synthesized example (a code without `example:`) leaves out the
/// members the code carries as optional (`param?`), as the README says,
/// and fills the required ones.
#[test]
fn synthesized_examples_leave_optional_members_out() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogs/stripe.yaml");
    let catalog = errcat_core::compile_file(&path, "catalogs/stripe.yaml").unwrap();
    let example = |wire: &str| {
        let code = catalog.codes.iter().find(|c| c.code.value == wire).unwrap();
        errcat_core::render::example(&catalog, code).to_value()
    };
    // `expired_card`: `members: [param?]`.
    assert_eq!(example("expired_card")["error"].get("param"), None);
    // `parameter_invalid_integer`: `members: [param]`.
    assert_eq!(
        example("parameter_invalid_integer")["error"]["param"],
        "string"
    );
}

/// An unknown error's members as JSON values, to compare.
fn values(members: &[(String, errcat::RawJson)]) -> Vec<(String, serde_json::Value)> {
    members
        .iter()
        .map(|(n, v)| (n.clone(), v.to_value()))
        .collect()
}

/// Members the envelope places that a known code does not list are kept
/// beside the error, as an unknown code's are; template members (a text
/// every code has) are not repeated there.
#[test]
fn members_a_known_code_does_not_carry_are_kept() {
    let body = br#"{"error": {"type": "invalid_request_error", "code": "parameter_invalid_integer",
        "message": "Invalid integer.", "param": "amount", "decline_code": "lost_card",
        "request_log_url": "https://dashboard.stripe.com/logs/req_1", "doc_url": "https://x"}}"#;
    let got = StripeError::from_envelope(body).unwrap();
    assert_eq!(
        got.error,
        Decoded::Known(StripeError::parameter_invalid_integer("amount"))
    );
    let kept: Vec<(&str, String)> = got
        .members
        .iter()
        .map(|(n, v)| (n.as_str(), v.get().to_string()))
        .collect();
    assert_eq!(
        kept,
        [
            ("decline_code", r#""lost_card""#.to_string()),
            (
                "request_log_url",
                r#""https://dashboard.stripe.com/logs/req_1""#.to_string()
            ),
        ]
    );
    // The client sees them too.
    let f = errcat::Failure::<StripeError>::from_parts(
        errcat::http::StatusCode::BAD_REQUEST,
        &errcat::http::HeaderMap::new(),
        body,
    );
    assert_eq!(f.members.len(), 2);
}

/// A `url` member is an absolute URL on decode too.
#[test]
fn url_members_are_validated_on_decode() {
    let body = |url: &str| {
        format!(
            r#"{{"error": {{"type": "invalid_request_error", "code": "parameter_missing", "message": "m", "param": "amount", "request_log_url": "{url}"}}}}"#
        )
    };
    let ok = StripeError::from_envelope(body("https://dashboard.stripe.com/logs/req_1").as_bytes());
    assert!(matches!(ok.unwrap().error, Decoded::Known(_)));
    for bad in [
        "not a url",
        "/relative/path",
        "https://",
        "://x",
        "1http://x",
    ] {
        match StripeError::from_envelope(body(bad).as_bytes()) {
            Err(errcat::DecodeError::Details { code, source }) => {
                assert_eq!(code, "parameter_missing");
                assert!(
                    source.to_string().contains("is not an absolute URL"),
                    "{bad}: {source}"
                );
            }
            other => panic!("{bad}: {other:?}"),
        }
    }
}
