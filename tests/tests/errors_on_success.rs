//! Errors on a success status (`catalogs/slack.yaml`, shaped like Slack's
//! Web API, <https://api.slack.com/web#evaluating_responses>): a 200 body
//! is an error only when it has the envelope's literal `ok: false`, and the
//! client reads 2xx bodies for it.

mod common;

use errcat::http::{HeaderMap, StatusCode};
use errcat::{Decoded, Failure, FailureKind};

#[errcat::catalog("catalogs/slack.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum SlackError {}

#[test]
fn a_body_is_an_error_only_with_the_literal() {
    let got = SlackError::from_envelope(br#"{"ok": false, "error": "channel_not_found"}"#).unwrap();
    assert_eq!(
        got.error,
        Decoded::Known(SlackError::channel_not_found(None, None))
    );
    // The documented body with a warning and metadata.
    let body = br#"{"ok": false, "error": "invalid_auth", "warning": "missing_charset",
        "response_metadata": {"warnings": ["missing_charset"]}}"#;
    let got = SlackError::from_envelope(body).unwrap();
    assert_eq!(
        got.error,
        Decoded::Known(SlackError::invalid_auth(
            Some("missing_charset".to_string()),
            Some(serde_json::json!({"warnings": ["missing_charset"]}))
        ))
    );
    // `ok: true`, or no `ok`, is not an error, whatever else it has.
    for success in [
        r#"{"ok": true, "error": "channel_not_found"}"#,
        r#"{"error": "channel_not_found"}"#,
        r#"{"ok": "false", "error": "channel_not_found"}"#,
        r#"{"ok": true, "channel": {"id": "C1"}}"#,
    ] {
        assert!(
            matches!(
                SlackError::from_envelope(success.as_bytes()),
                Err(errcat::DecodeError::NotAnEnvelope)
            ),
            "{success}"
        );
        let f = Failure::<SlackError>::from_success(
            StatusCode::OK,
            &HeaderMap::new(),
            success.as_bytes(),
        );
        assert!(f.is_none(), "{success}");
    }
}

#[test]
fn an_error_answers_with_its_success_status() {
    let e = SlackError::not_in_channel(None, None);
    assert_eq!(e.status(), Some(StatusCode::OK));
    let response = e.to_response();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.body(), br#"{"ok":false,"error":"not_in_channel"}"#);
    let f =
        Failure::<SlackError>::from_success(response.status(), response.headers(), response.body())
            .expect("an error");
    assert_eq!(f.kind, FailureKind::Known(e));
    // `Display` shows the code when there is no message.
    assert_eq!(
        SlackError::not_in_channel(None, None).to_string(),
        "not_in_channel"
    );
}

/// Over 127.0.0.1: a 200 error is the client's failure, a 200 success its
/// response, body intact; a 429 is a failure as always.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_client_reads_errors_on_200_and_passes_successes() {
    use axum::routing::get;
    let app = axum::Router::new()
        .route(
            "/conversations.info",
            get(|| async { Err::<(), _>(SlackError::channel_not_found(None, None)) }),
        )
        .route(
            "/auth.test",
            get(|| async { axum::Json(serde_json::json!({"ok": true, "user": "U1"})) }),
        )
        .route(
            "/chat.postMessage",
            get(|| async { Err::<(), _>(SlackError::ratelimited(None, None)) }),
        )
        .route(
            "/files.download",
            get(|| async {
                (
                    [("content-type", "application/octet-stream")],
                    vec![7u8; 3 << 20],
                )
            }),
        );
    let (addr, _stop) = errcat_tests::server::serve_on_loopback(app).await.unwrap();
    let client = common::client();
    let get = |path: &str| client.get(format!("http://{addr}{path}")).send();

    let f = errcat::reqwest::check::<SlackError>(get("/conversations.info").await.unwrap())
        .await
        .unwrap_err();
    assert_eq!(f.status, StatusCode::OK);
    assert_eq!(
        f.kind,
        FailureKind::Known(SlackError::channel_not_found(None, None))
    );

    let ok = errcat::reqwest::check::<SlackError>(get("/auth.test").await.unwrap())
        .await
        .unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    assert_eq!(ok.headers()["content-type"], "application/json");
    let body: serde_json::Value = ok.json().await.unwrap();
    assert_eq!(body, serde_json::json!({"ok": true, "user": "U1"}));

    // A success of another media type, larger than the limit, is not read.
    let file = errcat::reqwest::check::<SlackError>(get("/files.download").await.unwrap())
        .await
        .unwrap();
    assert_eq!(file.bytes().await.unwrap().len(), 3 << 20);

    let f = errcat::reqwest::check::<SlackError>(get("/chat.postMessage").await.unwrap())
        .await
        .unwrap_err();
    assert_eq!(f.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(f.is_retryable());
    // The category's header.
    assert_eq!(f.retry_after, Some(errcat::RetryAfter::Seconds(30)));
}
