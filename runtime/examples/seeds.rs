//! The main job: both seed catalogs through the macro. Prints, for a handful
//! of codes, the status, headers and wire JSON, then parses client-side
//! bodies, one of which carries a code the catalog does not know.

//!
//! It lives in the runtime crate, whose only dev-dependency is serde_json,
//! so that `cargo run --example seeds` builds the runtime and the macro and
//! nothing else (no test tooling).

use errcat::{Decoded, Timestamp};

/// An error of the Hexabase KaaS API.
#[errcat::catalog("../catalog/hexabase.yaml")]
#[derive(Clone, PartialEq)]
pub enum HexabaseError {}

/// An error of the Hook0 API.
#[errcat::catalog("../catalog/hook0.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum Hook0Error {}

fn show<E: errcat::CatalogError>(label: &str, e: &E, request_id: &str) {
    use errcat::CatalogCode as _;
    let code = e.code();
    println!("== {label}: {code}");
    println!(
        "status:    {}",
        code.status()
            .map_or("none (not HTTP)".into(), |s| s.to_string())
    );
    println!("category:  {}", code.category_name());
    println!("retryable: {}", code.is_retryable());
    println!("message:   {e}");
    for (name, value) in e.headers() {
        println!(
            "header:    {name}: {}",
            value.to_str().unwrap_or("<binary>")
        );
    }
    let ts: Timestamp = "2024-01-15T10:30:00Z".parse().expect("valid timestamp");
    let envelope = e.envelope().request_id(request_id).timestamp(ts);
    match serde_json::to_string_pretty(&envelope) {
        Ok(json) => println!("{json}\n"),
        Err(err) => println!("<not serializable: {err}>\n"),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let reset: Timestamp = "2024-01-15T11:30:00Z".parse()?;
    show(
        "hook0",
        &Hook0Error::rate_limit_exceeded(1000u32, 3600u32, reset, 1800u32),
        "req_1",
    );
    show("hook0", &Hook0Error::invalid_token(), "req_2");
    show(
        "hook0",
        &Hook0Error::webhook_timeout(
            "evt_1",
            "sub_1",
            "https://api.example.com/webhook",
            30u32,
            2u32,
        ),
        "req_3",
    );
    show(
        "hexabase",
        &HexabaseError::workspace_not_ready("ws-123", "provisioning", 30u32),
        "req_4",
    );
    show(
        "hexabase",
        &HexabaseError::ws_message_too_large(1_048_576u64, 2_097_152u64),
        "req_5",
    );

    println!("== client side");
    let known = br#"{"error": {"type": "authentication_error", "code": "TOKEN_EXPIRED",
        "message": "The authentication token has expired",
        "details": {"expired_at": "2024-01-15T10:30:00Z"}, "request_id": "req_7"}}"#;
    let unknown = br#"{"error": {"type": "billing_error", "code": "CARD_DECLINED",
        "message": "Your card was declined", "details": {"decline_code": "do_not_honor"},
        "request_id": "req_8"}}"#;
    for body in [&known[..], &unknown[..]] {
        let received = Hook0Error::from_envelope(body)?;
        match received.error {
            Decoded::Known(e) => println!(
                "known:   {:?} (status {:?}, request {:?})",
                e,
                e.status(),
                received.request_id
            ),
            Decoded::Unknown(u) => println!(
                "unknown: code {} category {:?} message {:?} details {} (request {:?})",
                u.code,
                u.category,
                u.message,
                u.details.as_ref().map_or("null", |d| d.get()),
                received.request_id
            ),
        }
    }
    Ok(())
}
