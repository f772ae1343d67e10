//! The client side against the example service on 127.0.0.1: error
//! responses become typed failures, unknown codes are kept and classified,
//! hostile bodies are handled, and `Retry` follows the catalog's advice.
//! Waiting is recorded, not slept, and the clock is fixed.

mod common;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use errcat::reqwest::{ClientError, Retry};
use errcat::{Decision, Failure, FailureKind};
use errcat_tests::hexabase::HexabaseError;
use errcat_tests::hook0::Hook0Error;
use tokio::sync::oneshot;

async fn serve() -> (SocketAddr, oneshot::Sender<()>) {
    errcat_tests::server::serve_on_loopback(errcat_tests::server::app())
        .await
        .unwrap()
}

use common::runner;

/// Sends GET `path` under `retry`, counting the attempts.
async fn get<E: errcat::CatalogError>(
    retry: &Retry,
    url: String,
) -> (Result<reqwest::Response, ClientError<E>>, usize) {
    let attempts = Arc::new(Mutex::new(0));
    let c = common::client();
    let a = attempts.clone();
    let result = retry
        .send::<E, _, _>(|| {
            *a.lock().unwrap() += 1;
            c.get(&url).header("x-request-id", "client-1").send()
        })
        .await;
    let n = *attempts.lock().unwrap();
    (result, n)
}

fn failure<E: errcat::CatalogError>(r: Result<reqwest::Response, ClientError<E>>) -> Failure<E> {
    match r {
        Err(ClientError::Failure(f)) => *f,
        Err(e) => panic!("{e}"),
        Ok(r) => panic!("unexpected success: {}", r.status()),
    }
}

#[tokio::test]
async fn a_rate_limit_waits_for_retry_after_then_gives_up() {
    let (addr, _stop) = serve().await;
    let (retry, waits) = runner();
    let (r, attempts) = get::<Hook0Error>(&retry, format!("http://{addr}/hook0/stats")).await;
    let f = failure(r);
    assert_eq!(attempts, 3);
    assert_eq!(*waits.lock().unwrap(), vec![Duration::from_secs(1800); 2]);
    assert_eq!(f.status, 429);
    assert_eq!(f.request_id.as_deref(), Some("client-1"));
    assert!(matches!(
        f.kind,
        FailureKind::Known(Hook0Error::RateLimitExceeded {
            retry_after: 1800,
            ..
        })
    ));
    assert_eq!(
        f.to_string(),
        "429 Too Many Requests RATE_LIMIT_EXCEEDED: Rate limit exceeded (request id client-1)"
    );
}

#[tokio::test]
async fn unavailable_backs_off_and_gives_up_after_the_limit() {
    let (addr, _stop) = serve().await;
    let (retry, waits) = runner();
    let (r, attempts) = get::<Hook0Error>(&retry, format!("http://{addr}/hook0/health")).await;
    assert_eq!(attempts, 3);
    assert_eq!(
        *waits.lock().unwrap(),
        vec![Duration::from_secs(1), Duration::from_secs(2)]
    );
    assert_eq!(failure(r).code(), Some("SERVICE_UNAVAILABLE"));
}

#[tokio::test]
async fn not_found_is_not_retried() {
    let (addr, _stop) = serve().await;
    let (retry, waits) = runner();
    let (r, attempts) =
        get::<Hook0Error>(&retry, format!("http://{addr}/hook0/applications/app_9")).await;
    assert_eq!((attempts, waits.lock().unwrap().len()), (1, 0));
    let f = failure(r);
    assert!(!f.is_retryable());
    assert!(
        matches!(&f.kind, FailureKind::Known(Hook0Error::ApplicationNotFound { application_id }) if application_id == "app_9")
    );
}

#[tokio::test]
async fn unknown_codes_are_kept_and_classified() {
    let (addr, _stop) = serve().await;
    let (retry, waits) = runner();
    // A newer code on a 503 with Retry-After: kept, retried after 7 s.
    let (r, attempts) = get::<Hook0Error>(&retry, format!("http://{addr}/newer/hook0")).await;
    let f = failure(r);
    assert_eq!(attempts, 3);
    assert_eq!(*waits.lock().unwrap(), vec![Duration::from_secs(7); 2]);
    assert_eq!(f.code(), Some("SERVER_ON_FIRE"));
    assert_eq!(f.message.as_deref(), Some("The server is on fire"));
    assert_eq!(f.category(), Some("server_error"));
    // Hexabase's SYSTEM_ prefix names the category of a code it never saw.
    let (r, attempts) = get::<HexabaseError>(&retry, format!("http://{addr}/newer/hexabase")).await;
    let f = failure(r);
    assert_eq!(attempts, 1, "500 with no retry advice for `system`");
    assert_eq!(
        (f.code(), f.category()),
        (Some("SYSTEM_OVERHEATED"), Some("system"))
    );
    let FailureKind::Unknown { error, mismatch } = &f.kind else {
        panic!("{f:?}")
    };
    assert_eq!(
        error.details.clone().unwrap(),
        serde_json::json!({"zone": "eu-1"})
    );
    assert!(mismatch.is_none());
}

#[tokio::test]
async fn a_proxy_page_and_an_oversized_body_are_failures_not_crashes() {
    let (addr, _stop) = serve().await;
    let (retry, _) = runner();
    let (r, attempts) = get::<Hook0Error>(&retry, format!("http://{addr}/proxy")).await;
    let f = failure(r);
    assert_eq!((attempts, f.status.as_u16()), (1, 502));
    let FailureKind::NotAnEnvelope { body_start } = &f.kind else {
        panic!("{f:?}")
    };
    assert!(body_start.contains("502 Bad Gateway"), "{body_start}");
    // A 2 MB body of field errors against a 64 KiB limit.
    let small = retry.clone().body_limit(64 * 1024);
    let (r, _) = get::<Hook0Error>(&small, format!("http://{addr}/hook0/huge")).await;
    let f = failure(r);
    assert!(
        matches!(f.kind, FailureKind::TooLarge { limit: 65536 }),
        "{f:?}"
    );
    assert_eq!(f.status, 400);
    // Under a limit above its size it decodes, every field error typed.
    let big = retry.clone().body_limit(4 << 20);
    let (r, _) = get::<Hook0Error>(&big, format!("http://{addr}/hook0/huge")).await;
    assert!(
        matches!(failure(r).kind, FailureKind::Known(Hook0Error::InvalidParameter(ref v)) if v.len() == 20_000)
    );
}

#[tokio::test]
async fn an_expired_token_is_refreshed_then_retried_once() {
    let (addr, _stop) = serve().await;
    let token = Arc::new(Mutex::new("stale".to_string()));
    let t = token.clone();
    let (retry, waits) = runner();
    let retry = retry.on_action("refresh_token", move || {
        let t = t.clone();
        async move { *t.lock().unwrap() = "fresh".into() }
    });
    let c = common::client();
    let url = format!("http://{addr}/hexabase/me");
    let response = retry
        .send::<HexabaseError, _, _>(|| {
            let auth = format!("Bearer {}", token.lock().unwrap());
            c.get(&url).header("authorization", auth).send()
        })
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(waits.lock().unwrap().is_empty());
    // Without a handler for the action, the failure is final.
    let (retry, _) = runner();
    let (r, attempts) = get::<HexabaseError>(&retry, url.clone()).await;
    assert_eq!(attempts, 1);
    assert_eq!(failure(r).code(), Some("AUTH_TOKEN_EXPIRED"));
    // A handler that fails stops the retries with its error.
    let (retry, _) = runner();
    let retry = retry.on_action("refresh_token", || async {
        Err::<(), _>(std::io::Error::other("refresh token revoked"))
    });
    let (r, attempts) = get::<HexabaseError>(&retry, url).await;
    assert_eq!(attempts, 1);
    match r {
        Err(e @ ClientError::Action { .. }) => {
            assert!(
                e.to_string()
                    .ends_with("the action `refresh_token` failed: refresh token revoked"),
                "{e}"
            );
            let ClientError::Action {
                failure,
                name,
                source,
            } = e
            else {
                unreachable!()
            };
            assert_eq!(
                (name, source.to_string().as_str()),
                ("refresh_token", "refresh token revoked")
            );
            assert_eq!(failure.code(), Some("AUTH_TOKEN_EXPIRED"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn decisions_follow_the_advice_and_bodies_keep_everything() {
    let headers = reqwest::header::HeaderMap::new();
    let now: errcat::Timestamp = "2024-01-15T10:30:00Z".parse().unwrap();
    // A request id only under Hexabase's `meta`.
    let body = br#"{"error":{"code":"SYSTEM_SERVICE_UNAVAILABLE","message":"m","details":{"service":"k8s","retry_after":60}},"meta":{"request_id":"req_meta","timestamp":"2024-01-20T10:00:00Z"}}"#;
    let f = Failure::<HexabaseError>::from_parts(
        errcat::http::StatusCode::SERVICE_UNAVAILABLE,
        &headers,
        body,
    );
    assert_eq!(f.request_id.as_deref(), Some("req_meta"));
    assert_eq!(f.decide(1, now), Decision::Retry(Duration::from_secs(1)));
    assert_eq!(f.decide(2, now), Decision::Retry(Duration::from_secs(2)));
    assert_eq!(f.decide(3, now), Decision::GiveUp);
    // A known code whose details do not match keeps code, message, id and
    // raw details; the sensitive field stays out of Debug.
    let body = br#"{"error":{"code":"AUTH_MFA_REQUIRED","message":"MFA","details":{"session_token":123456789},"request_id":"r9"}}"#;
    let f =
        Failure::<HexabaseError>::from_parts(errcat::http::StatusCode::FORBIDDEN, &headers, body);
    let FailureKind::Unknown { error, mismatch } = &f.kind else {
        panic!("{f:?}")
    };
    assert_eq!(
        (
            error.code.as_str(),
            f.request_id.as_deref(),
            f.message.as_deref()
        ),
        ("AUTH_MFA_REQUIRED", Some("r9"), Some("MFA"))
    );
    assert!(
        mismatch.as_deref().unwrap().contains("session_token"),
        "{mismatch:?}"
    );
    let debug = format!("{f:?}");
    assert!(
        !debug.contains("123456789") && debug.contains("<redacted>"),
        "{debug}"
    );
    let kind = format!("{:?}", f.kind);
    assert!(
        !kind.contains("123456789") && kind.contains("<redacted>"),
        "{kind}"
    );
    // An empty 405 is a failure with its status.
    let f = Failure::<HexabaseError>::from_parts(
        errcat::http::StatusCode::METHOD_NOT_ALLOWED,
        &headers,
        b"",
    );
    assert!(matches!(f.kind, FailureKind::NotAnEnvelope { .. }));
    assert_eq!(
        f.to_string(),
        "405 Method Not Allowed, not an error envelope: \"\""
    );
    assert_eq!(f.decide(1, now), Decision::GiveUp);
    // A reset time in a detail waits until then.
    let body = br#"{"error":{"type":"rate_limit_error","code":"RATE_LIMIT_EXCEEDED","message":"m","details":{"limit":1,"window_seconds":60,"reset_at":"2024-01-15T10:31:00Z","retry_after":45}}}"#;
    let f = Failure::<Hook0Error>::from_parts(
        errcat::http::StatusCode::TOO_MANY_REQUESTS,
        &headers,
        body,
    );
    assert_eq!(f.decide(1, now), Decision::Retry(Duration::from_secs(45)));
}
