//! Behaviour of the generated API: metadata, Display, headers, the envelope
//! with request context, and the client side (round trip, unknown codes).

use errcat::http::{HeaderValue, StatusCode};
use errcat::{CatalogCode, Decoded, Timestamp};
use errcat_tests::hexabase::{
    HexabaseError as Hx, HexabaseErrorCategory, HexabaseErrorChannel, HexabaseErrorCode,
};
use errcat_tests::hook0::{Hook0Error as Hk, Hook0ErrorCategory, Hook0ErrorCode};
use serde_json::json;

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

#[test]
fn metadata_is_const() {
    const STATUS: Option<StatusCode> = Hook0ErrorCode::TokenExpired.status();
    const CAT: Hook0ErrorCategory = Hook0ErrorCode::TokenExpired.category();
    assert_eq!(STATUS, Some(StatusCode::UNAUTHORIZED));
    assert_eq!(CAT, Hook0ErrorCategory::AuthenticationError);
    assert_eq!(CAT.as_str(), "authentication_error");
    assert_eq!(Hook0ErrorCode::TokenExpired.as_str(), "TOKEN_EXPIRED");
    assert_eq!(Hook0ErrorCode::ALL.len(), 28);
    assert_eq!(HexabaseErrorCode::ALL.len(), 36);
    assert_eq!(
        Hook0ErrorCode::PayloadTooLarge.status(),
        Some(StatusCode::PAYLOAD_TOO_LARGE)
    );
    assert_eq!(
        HexabaseErrorCode::BillingPaymentFailed.status(),
        Some(StatusCode::PAYMENT_REQUIRED)
    );
    assert_eq!(HexabaseErrorCode::WsAuthRequired.status(), None);
    assert_eq!(
        HexabaseErrorCode::WsAuthRequired.channel(),
        HexabaseErrorChannel::Websocket
    );
    assert_eq!(
        HexabaseErrorCode::AuthMfaRequired.category(),
        HexabaseErrorCategory::Authentication
    );
    assert!(Hook0ErrorCode::ServiceUnavailable.is_retryable());
    assert!(!Hook0ErrorCode::InvalidToken.is_retryable());
}

#[test]
fn codes_parse_and_display() {
    for code in Hook0ErrorCode::ALL {
        assert_eq!(code.as_str().parse::<Hook0ErrorCode>(), Ok(*code));
        assert_eq!(code.to_string(), code.as_str());
        assert_eq!(Hook0ErrorCode::from_wire(code.as_str()), Some(*code));
    }
    let err = "NOPE".parse::<Hook0ErrorCode>().unwrap_err();
    assert_eq!(err.to_string(), "unknown error code `NOPE`");
}

#[test]
fn error_methods() {
    let e = Hk::token_expired(ts("2024-01-15T10:30:00Z"));
    assert_eq!(e.code(), Hook0ErrorCode::TokenExpired);
    assert_eq!(e.status(), Some(StatusCode::UNAUTHORIZED));
    assert_eq!(e.to_string(), "The authentication token has expired");
    let dyn_err: &dyn std::error::Error = &e;
    assert!(dyn_err.source().is_none());
}

#[test]
fn headers_come_from_details() {
    let e = Hk::rate_limit_exceeded(1000u32, 3600u32, ts("2024-01-15T11:30:00Z"), 1800u32);
    let h = e.headers();
    let get = |n: &str| {
        h.iter()
            .find(|(k, _)| k.as_str() == n)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(
        get("x-ratelimit-limit"),
        Some(HeaderValue::from_static("1000"))
    );
    assert_eq!(
        get("x-ratelimit-remaining"),
        Some(HeaderValue::from_static("0"))
    );
    assert_eq!(
        get("x-ratelimit-reset"),
        Some(HeaderValue::from_static("1705318200"))
    );
    assert_eq!(get("retry-after"), Some(HeaderValue::from_static("1800")));
    assert!(Hk::invalid_token().headers().is_empty());
}

#[test]
fn sensitive_fields_are_redacted_in_debug() {
    let e = Hx::auth_mfa_required("mfa_session_123");
    let dbg = format!("{e:?}");
    assert!(!dbg.contains("mfa_session_123"), "{dbg}");
    assert!(dbg.contains("<redacted>"), "{dbg}");
}

#[test]
fn envelope_carries_request_context() {
    let e = Hx::system_database_error("insert", "workspaces");
    let v = serde_json::to_value(
        e.envelope()
            .request_id("req_123456")
            .timestamp(ts("2024-01-20T10:00:00Z")),
    )
    .unwrap();
    assert_eq!(
        v,
        json!({
            "error": {
                "code": "SYSTEM_DATABASE_ERROR",
                "message": "Database operation failed",
                "details": {"operation": "insert", "table": "workspaces"},
                "request_id": "req_123456"
            },
            "meta": {"request_id": "req_123456", "timestamp": "2024-01-20T10:00:00Z"}
        })
    );
    let v = serde_json::to_value(e.envelope().request_id("r")).unwrap();
    assert_eq!(v["meta"], json!({"request_id": "r"}));
}

fn hook0_all() -> Vec<Hk> {
    let t = ts("2024-01-15T10:30:00Z");
    vec![
        Hk::invalid_token(),
        Hk::token_expired(t),
        Hk::missing_token(),
        Hk::insufficient_permissions(vec!["a".to_string()], vec![]),
        Hk::organization_access_denied("o"),
        Hk::application_access_denied("a"),
        Hk::invalid_parameter(vec![]),
        Hk::required_field(vec![]),
        Hk::invalid_json("x"),
        Hk::payload_too_large(1u64, 2u64),
        Hk::invalid_event_type("e", "a"),
        Hk::resource_not_found("t", "i"),
        Hk::resource_already_exists("t", "i", "e"),
        Hk::organization_not_found("o"),
        Hk::application_not_found("a"),
        Hk::subscription_not_found("s"),
        Hk::event_not_found("e"),
        Hk::rate_limit_exceeded(1u32, 2u32, t, 3u32),
        Hk::quota_exceeded("q", 1u64, 2u64, t),
        Hk::invalid_subscription_target("f", "m", json!({"nested": [1, 2]})),
        Hk::event_type_deactivated("e", t),
        Hk::subscription_disabled("s", t),
        Hk::internal_server_error("i"),
        Hk::database_error("o", "t"),
        Hk::service_unavailable(1u32, true),
        Hk::webhook_delivery_failed("e", "s", "https://x.test/", 502u16, "b", 1u32, None),
        Hk::webhook_timeout("e", "s", "https://x.test/", 30u32, 1u32),
        Hk::webhook_ssl_error("https://x.test/", "bad"),
    ]
}

#[test]
fn every_hook0_code_round_trips() {
    let all = hook0_all();
    let codes: Vec<Hook0ErrorCode> = all.iter().map(|e| e.code()).collect();
    assert_eq!(codes, Hook0ErrorCode::ALL, "one error per code");
    for e in all {
        let body = serde_json::to_vec(&e.envelope().request_id("req_9")).unwrap();
        let got = Hk::from_envelope(&body).unwrap_or_else(|err| panic!("{}: {err}", e.code()));
        assert_eq!(got.error, Decoded::Known(e.clone()), "{}", e.code());
        assert_eq!(got.request_id.as_deref(), Some("req_9"));
        assert_eq!(got.message, Some(e.to_string()));
    }
}

#[test]
fn every_hexabase_example_round_trips() {
    // Rebuild each code from its seed example body, then serialize back.
    let seeds = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/hexabase-kaas-error-codes.md"),
    )
    .unwrap();
    let mut n = 0;
    for block in seeds.split("```json").skip(1) {
        let body = block.split("```").next().unwrap();
        let Ok(value) = serde_json::from_str::<serde_json::Value>(body) else {
            continue; // the format section has a comment in its JSON
        };
        let received = Hx::from_envelope(body.as_bytes()).unwrap();
        let Decoded::Known(e) = received.error else {
            panic!("unknown code in {body}")
        };
        assert_eq!(serde_json::to_value(&e).unwrap(), value);
        n += 1;
    }
    assert_eq!(n, 36);
}

#[test]
fn unknown_codes_are_kept() {
    let body = br#"{"error": {"type": "billing_error", "code": "CARD_DECLINED",
        "message": "Card declined", "details": {"decline_code": "do_not_honor"},
        "request_id": "req_1", "timestamp": "2024-01-15T10:30:00Z"}}"#;
    let got = Hk::from_envelope(body).unwrap();
    let Decoded::Unknown(u) = got.error else {
        panic!("expected unknown")
    };
    assert_eq!(u.code, "CARD_DECLINED");
    assert_eq!(u.category.as_deref(), Some("billing_error"));
    assert_eq!(u.message.as_deref(), Some("Card declined"));
    assert_eq!(u.details.unwrap(), json!({"decline_code": "do_not_honor"}));
    assert_eq!(got.request_id.as_deref(), Some("req_1"));
    assert_eq!(got.timestamp, Some(ts("2024-01-15T10:30:00Z")));
}

#[test]
fn bad_bodies_are_errors_not_panics() {
    assert!(Hk::from_envelope(b"not json").is_err());
    assert!(Hk::from_envelope(b"{}").is_err());
    let wrong =
        br#"{"error": {"code": "TOKEN_EXPIRED", "message": "m", "details": {"expired_at": 5}}}"#;
    let err = Hk::from_envelope(wrong).unwrap_err();
    assert!(err.to_string().contains("TOKEN_EXPIRED"), "{err}");
}

#[test]
fn websocket_codes_use_their_own_envelope() {
    let v = serde_json::to_value(Hx::ws_subscription_limit_exceeded(100u32, 100u32)).unwrap();
    assert_eq!(v["type"], "error");
    let got = Hx::from_envelope(v.to_string().as_bytes()).unwrap();
    assert_eq!(
        got.error,
        Decoded::Known(Hx::ws_subscription_limit_exceeded(100u32, 100u32))
    );
}

#[test]
fn debug_prints_every_variant_shape_like_derive_debug() {
    assert_eq!(format!("{:?}", Hk::invalid_token()), "InvalidToken");
    let e = Hk::payload_too_large(1_048_576u64, 2_097_152u64);
    assert_eq!(
        format!("{e:?}"),
        "PayloadTooLarge { max_size: 1048576, actual_size: 2097152 }"
    );
}

#[test]
fn the_error_and_its_envelope_serialize_alike() {
    for e in [Hk::invalid_token(), Hk::payload_too_large(1u64, 2u64)] {
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            serde_json::to_string(&e.envelope()).unwrap()
        );
    }
}

/// The single-pass reader: details read as they stream by (code first) or
/// from their slice (details first) give the same error; escapes, duplicate
/// keys, unknown keys and wrong-typed slots lose nothing and panic nowhere.
#[test]
fn bodies_decode_alike_in_any_order_and_spelling() {
    let want = Hk::token_expired(ts("2024-01-15T10:30:00Z"));
    let code_first = br#"{"error": {"code": "TOKEN_EXPIRED", "message": "m",
        "details": {"expired_at": "2024-01-15T10:30:00Z"}, "request_id": "r"}}"#;
    let details_first = br#"{"error": {"details": {"extra": [1, {"a": null}],
        "expired_at": "2024-01-15T10:30:00Z"}, "message": "m", "request_id": "r",
        "code": "TOKEN_EXPIRED"}, "trailer": {"code": "IGNORED"}}"#;
    let escaped = br#"{"error": {"c\u006fde": "TOKEN_\u0045XPIRED", "message": "\u006d",
        "details": {"expired\u005fat": "2024-01-15T10:30:00Z"}, "request_id": "r"}}"#;
    for body in [&code_first[..], details_first, escaped] {
        let got = Hk::from_envelope(body).unwrap();
        let text = String::from_utf8_lossy(body);
        assert_eq!(got.error, Decoded::Known(want.clone()), "{text}");
        assert_eq!(got.message.as_deref(), Some("m"), "{text}");
        assert_eq!(got.request_id.as_deref(), Some("r"), "{text}");
    }

    // A key of the envelope named twice is refused, whichever it is: JSON
    // parsers disagree on which of the two counts. Keys outside the
    // envelope's template may repeat.
    for (key, body) in [
        ("code", &br#"{"error": {"code": "TOKEN_EXPIRED", "code": "INVALID_TOKEN"}}"#[..]),
        ("code", br#"{"error": {"code": "TOKEN_EXPIRED", "c\u006fde": "INVALID_TOKEN"}}"#),
        ("details", br#"{"error": {"code": "TOKEN_EXPIRED", "details": {"expired_at": "2024-01-15T10:30:00Z"}, "details": {}}}"#),
        ("error", br#"{"error": {"code": "TOKEN_EXPIRED"}, "error": {"code": "INVALID_TOKEN"}}"#),
        ("request_id", br#"{"error": {"code": "TOKEN_EXPIRED", "request_id": "r", "request_id": "s"}}"#),
    ] {
        let text = String::from_utf8_lossy(body);
        match Hk::from_envelope(body) {
            Err(e @ errcat::DecodeError::DuplicateKey { key: k }) => {
                assert_eq!(k, key, "{text}");
                assert!(e.to_string().contains(&format!("`{key}` twice")), "{e}");
            }
            other => panic!("{text}: {other:?}"),
        }
    }
    let repeated_outside = br#"{"trace": 1, "trace": 2, "error": {"code": "TOKEN_EXPIRED",
        "message": "m", "request_id": "r", "x": 1, "x": 2,
        "details": {"expired_at": "2024-01-15T10:30:00Z"}}}"#;
    assert_eq!(
        Hk::from_envelope(repeated_outside).unwrap().error,
        Decoded::Known(want.clone())
    );
    // A typed detail field named twice: the details do not match.
    let err = Hk::from_envelope(
        br#"{"error": {"code": "TOKEN_EXPIRED", "details": {"expired_at": "2024-01-15T10:30:00Z", "expired_at": 5}}}"#,
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("field `expired_at`: duplicate field"),
        "{err}"
    );

    // A message or request id of the wrong type is absent, not an error.
    let odd = br#"{"error": {"code": "TOKEN_EXPIRED", "message": 5, "request_id": ["r"],
        "details": {"expired_at": "2024-01-15T10:30:00Z"}}}"#;
    let got = Hk::from_envelope(odd).unwrap();
    assert_eq!(got.error, Decoded::Known(want.clone()));
    assert_eq!((got.message, got.request_id), (None, None));

    // Details that do not match, before or after the code: reported.
    for body in [
        &br#"{"error": {"code": "TOKEN_EXPIRED", "details": {"expired_at": 5}}}"#[..],
        br#"{"error": {"details": {"expired_at": 5}, "code": "TOKEN_EXPIRED"}}"#,
        br#"{"error": {"code": "TOKEN_EXPIRED", "details": [1]}}"#,
    ] {
        let err = Hk::from_envelope(body).unwrap_err();
        assert!(err.to_string().contains("TOKEN_EXPIRED"), "{err}");
    }

    // Broken JSON after the details, and invalid UTF-8 in a string read.
    for body in [
        &br#"{"error": {"code": "TOKEN_EXPIRED", "details": {"expired_at": "2024-01-15T10:30:00Z"}, "#[..],
        b"{\"error\": {\"code\": \"TOKEN_\xffEXPIRED\"}}",
    ] {
        assert!(matches!(Hk::from_envelope(body), Err(errcat::DecodeError::Json(_))));
    }
}

/// The README's idiom: in a handler returning `Result<T, Caused<E>>`, a
/// bare error returns early with `Err(e)?` (`?` converts it).
#[test]
fn a_bare_error_returns_early_from_a_caused_handler() {
    // Handlers return it by value; the size is axum's business.
    #[allow(clippy::result_large_err)]
    fn handler(found: bool) -> Result<&'static str, errcat::Caused<Hk>> {
        if !found {
            Err(Hk::application_not_found("app_9"))?;
        }
        Ok("app_1")
    }
    assert_eq!(handler(true).unwrap(), "app_1");
    let e = handler(false).unwrap_err();
    assert_eq!(e.error(), &Hk::application_not_found("app_9"));
}

/// The renderers' retry advice (`errcat explain`, docs, TypeScript) is
/// what the client applies: the core's defaults are the runtime's.
#[test]
fn rendered_retry_advice_is_what_the_client_applies() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../catalog/hexabase.yaml");
    let catalog = errcat_core::compile_file(&path, "catalog/hexabase.yaml").unwrap();
    for code in &catalog.codes {
        let applied = code.applied_retry(&catalog);
        let wire = code.code.value.as_str();
        let runtime = wire.parse::<HexabaseErrorCode>().unwrap();
        let client = runtime.retry_advice().copied().or(runtime
            .is_retryable()
            .then_some(errcat::RetryAdvice::DEFAULT));
        match (applied, client) {
            (None, None) => {}
            (Some(a), Some(c)) => {
                assert_eq!(a.after_field.as_deref(), c.after_field, "{wire}");
                assert_eq!(
                    a.after_header.map(|h| h.to_ascii_lowercase()).as_deref(),
                    c.after_header,
                    "{wire}"
                );
                assert_eq!(a.attempts, c.attempts, "{wire}");
                assert_eq!(a.action.as_deref(), c.action, "{wire}");
                assert_eq!(
                    u128::from(a.backoff.initial_ms),
                    c.backoff.initial.as_millis()
                );
                assert_eq!(a.backoff.factor, c.backoff.factor);
                assert_eq!(
                    a.backoff.max_ms.map(u128::from),
                    c.backoff.max.map(|m| m.as_millis())
                );
            }
            (a, c) => panic!("{wire}: rendered {a:?}, applied {c:?}"),
        }
    }
}
