//! The example service (`tests/src/server.rs`), started on 127.0.0.1 with
//! an ephemeral port and asked with a real HTTP client: statuses, headers
//! and bodies of errors from handlers, rejections, fallbacks, panics and
//! non-HTTP codes, the request id echoed, and one log event per error.

mod common;

use std::net::SocketAddr;

use serde_json::{Value, json};
use tokio::sync::oneshot;

/// Starts the service; it stops when the returned sender is dropped (at
/// the end of the test, with the runtime at the latest).
async fn serve() -> (SocketAddr, oneshot::Sender<()>) {
    serve_router(errcat_tests::server::app()).await
}

async fn serve_router(app: axum::Router) -> (SocketAddr, oneshot::Sender<()>) {
    errcat_tests::server::serve_on_loopback(app).await.unwrap()
}

struct Answer {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: Value,
}

async fn send(req: reqwest::RequestBuilder) -> Answer {
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let text = res.text().await.unwrap();
    let body = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    Answer {
        status,
        headers,
        body,
    }
}

/// Hook0's `error` object without its timestamp, which must be whole
/// seconds in RFC 3339.
fn hook0_error(a: &Answer) -> Value {
    let mut e = a.body["error"].clone();
    let ts = e["timestamp"].as_str().unwrap().to_string();
    assert!(ts.ends_with('Z') && !ts.contains('.'), "{ts}");
    assert!(ts.parse::<errcat::Timestamp>().is_ok(), "{ts}");
    e.as_object_mut().unwrap().remove("timestamp");
    e
}

#[tokio::test]
async fn handler_errors_carry_the_request_id_and_their_headers() {
    let (addr, _stop) = serve().await;
    let c = common::client();
    let a = send(
        c.get(format!("http://{addr}/hook0/stats"))
            .header("x-request-id", "req-7"),
    )
    .await;
    assert_eq!(a.status, 429);
    assert_eq!(a.headers["content-type"], "application/json");
    assert_eq!(a.headers["retry-after"], "1800");
    assert_eq!(a.headers["x-ratelimit-limit"], "1000");
    assert_eq!(a.headers["x-request-id"], "req-7");
    assert_eq!(
        hook0_error(&a),
        json!({"type": "rate_limit_error", "code": "RATE_LIMIT_EXCEEDED", "message": "Rate limit exceeded",
               "details": {"limit": 1000, "window_seconds": 3600, "reset_at": "2024-01-15T11:30:00Z", "retry_after": 1800},
               "request_id": "req-7"})
    );
    // Without a caller's id, tower-http's generated one is used and echoed.
    let a = send(c.get(format!("http://{addr}/hook0/applications/app_9"))).await;
    assert_eq!(a.status, 404);
    let id = a.headers["x-request-id"].to_str().unwrap();
    assert_eq!(a.body["error"]["request_id"], id);
    assert_eq!(a.body["error"]["code"], "APPLICATION_NOT_FOUND");
    // Hexabase puts the id and timestamp under `meta` too.
    let a = send(
        c.get(format!("http://{addr}/hexabase/limited"))
            .header("x-request-id", "req-8"),
    )
    .await;
    assert_eq!(a.status, 429);
    assert_eq!(a.headers["retry-after"], "60");
    assert_eq!(a.body["meta"]["request_id"], "req-8");
    assert!(a.body["meta"]["timestamp"].is_string());
}

#[tokio::test]
async fn every_category_of_both_catalogs_answers_in_its_envelope() {
    let (addr, _stop) = serve().await;
    let c = common::client();
    let hook0 = [
        ("GET", "/hook0/me", "MISSING_TOKEN", 401),
        ("GET", "/hook0/admin", "INSUFFICIENT_PERMISSIONS", 403),
        (
            "GET",
            "/hook0/applications/app_other_org",
            "APPLICATION_ACCESS_DENIED",
            403,
        ),
        ("POST", "/hook0/event-types", "RESOURCE_ALREADY_EXISTS", 409),
        ("GET", "/hook0/stats", "RATE_LIMIT_EXCEEDED", 429),
        ("GET", "/hook0/usage", "QUOTA_EXCEEDED", 429),
        (
            "POST",
            "/hook0/subscriptions/sub_1/test",
            "SUBSCRIPTION_DISABLED",
            422,
        ),
        ("GET", "/hook0/db", "DATABASE_ERROR", 500),
        ("GET", "/hook0/health", "SERVICE_UNAVAILABLE", 503),
    ];
    let hexabase = [
        ("POST", "/hexabase/login", "AUTH_REQUIRED", 401),
        (
            "GET",
            "/hexabase/workspaces/ws-9",
            "RESOURCE_NOT_FOUND",
            404,
        ),
        (
            "GET",
            "/hexabase/workspaces/suspended",
            "WORKSPACE_SUSPENDED",
            403,
        ),
        (
            "GET",
            "/hexabase/workspaces/provisioning",
            "WORKSPACE_NOT_READY",
            503,
        ),
        (
            "GET",
            "/hexabase/projects/p1",
            "PROJECT_QUOTA_EXCEEDED",
            422,
        ),
        ("GET", "/hexabase/billing", "BILLING_PAYMENT_FAILED", 402),
        ("GET", "/hexabase/quota", "QUOTA_MEMORY_EXCEEDED", 422),
        ("GET", "/hexabase/limited", "RATE_LIMIT_EXCEEDED", 429),
        ("GET", "/hexabase/internal", "SYSTEM_DATABASE_ERROR", 500),
        ("GET", "/hexabase/status", "SYSTEM_SERVICE_UNAVAILABLE", 503),
    ];
    for (method, path, code, status) in hook0.into_iter().chain(hexabase) {
        let url = format!("http://{addr}{path}");
        let req = match method {
            "GET" => c.get(url),
            _ => c.post(url),
        };
        let a = send(req.header("x-request-id", "r")).await;
        assert_eq!(
            (a.status, &a.body["error"]["code"]),
            (status, &json!(code)),
            "{path}: {}",
            a.body
        );
        assert_eq!(a.body["error"]["request_id"], "r", "{path}");
        assert_eq!(a.headers["x-request-id"], "r", "{path}");
    }
    let a = send(
        c.post(format!("http://{addr}/hexabase/workspaces"))
            .json(&json!({"name": "x".repeat(300)})),
    )
    .await;
    assert_eq!(
        (a.status, a.body["error"]["code"].as_str()),
        (400, Some("VALIDATION_FIELD_TOO_LONG"))
    );
}

#[tokio::test]
async fn rejections_fallbacks_and_panics_follow_the_reference() {
    let (addr, _stop) = serve().await;
    let c = common::client();
    let url = |p: &str| format!("http://{addr}{p}");
    // Malformed JSON: axum's rejection becomes INVALID_JSON with its text.
    let a = send(
        c.post(url("/hook0/events"))
            .header("content-type", "application/json")
            .body("{bad"),
    )
    .await;
    assert_eq!(a.status, 400);
    assert_eq!(a.body["error"]["code"], "INVALID_JSON");
    assert!(
        a.body["error"]["details"]["parse_error"]
            .as_str()
            .unwrap()
            .contains("JSON")
    );
    // Wrong JSON shape (422) and no content type (415) too.
    for req in [
        c.post(url("/hook0/events")).json(&json!({"event_type": 5})),
        c.post(url("/hook0/events")).body("{}"),
    ] {
        let a = send(req).await;
        assert_eq!(
            (a.status, a.body["error"]["code"].as_str()),
            (400, Some("INVALID_JSON")),
            "{}",
            a.body
        );
    }
    // A handler's own validation.
    let a = send(
        c.post(url("/hook0/events"))
            .json(&json!({"event_type": "", "payload": {}})),
    )
    .await;
    assert_eq!(
        (a.status, a.body["error"]["code"].as_str()),
        (400, Some("REQUIRED_FIELD"))
    );
    // Too large a body: PAYLOAD_TOO_LARGE with the limit and the size.
    let big = json!({"event_type": "a.b", "payload": "x".repeat(4000)}).to_string();
    let a = send(
        c.post(url("/hook0/events"))
            .header("content-type", "application/json")
            .body(big.clone()),
    )
    .await;
    assert_eq!(a.status, 413);
    assert_eq!(
        a.body["error"]["details"],
        json!({"max_size": 1024, "actual_size": big.len()})
    );
    // Query and path rejections.
    let a = send(c.get(url("/hook0/events?limit=many"))).await;
    assert_eq!(
        (a.status, a.body["error"]["code"].as_str()),
        (400, Some("INVALID_PARAMETER")),
        "{}",
        a.body
    );
    assert_eq!(a.body["error"]["details"][0]["value"], "limit=many");
    let a = send(c.get(url("/hook0/events/seven"))).await;
    assert_eq!(
        (a.status, a.body["error"]["code"].as_str()),
        (400, Some("INVALID_PARAMETER")),
        "{}",
        a.body
    );
    let a = send(c.get(url("/hook0/events/7"))).await;
    assert_eq!(a.body["error"]["details"]["event_id"], "evt_7");
    // Unmatched route and wrong method.
    let a = send(c.get(url("/hook0/nowhere"))).await;
    assert_eq!(a.status, 404);
    assert_eq!(
        a.body["error"]["details"],
        json!({"resource_type": "route", "resource_id": "/nowhere"})
    );
    let a = send(c.delete(url("/hook0/stats"))).await;
    assert_eq!(
        (a.status, a.body["error"]["code"].as_str()),
        (400, Some("INVALID_PARAMETER"))
    );
    // A panic is the internal error, and the service keeps serving.
    let a = send(c.get(url("/hook0/panic")).header("x-request-id", "p1")).await;
    assert_eq!(a.status, 500);
    assert_eq!(a.body["error"]["code"], "INTERNAL_SERVER_ERROR");
    assert_eq!(a.body["error"]["request_id"], "p1");
    let a = send(
        c.get(url("/hook0/me"))
            .header("authorization", "Bearer expired"),
    )
    .await;
    assert_eq!(a.body["error"]["code"], "TOKEN_EXPIRED");
}

#[tokio::test]
async fn codes_of_other_channels_become_the_internal_error() {
    let (addr, _stop) = serve().await;
    let c = common::client();
    let a = send(c.get(format!("http://{addr}/hook0/deliveries/d1"))).await;
    assert_eq!(
        (a.status, a.body["error"]["code"].as_str()),
        (500, Some("INTERNAL_SERVER_ERROR"))
    );
    let a = send(c.get(format!("http://{addr}/hexabase/ws"))).await;
    assert_eq!(
        (a.status, a.body["error"]["code"].as_str()),
        (500, Some("SYSTEM_INTERNAL_ERROR"))
    );
    // Without the layer: status 500, and the code's own channel envelope.
    let e = errcat_tests::hook0::Hook0Error::webhook_ssl_error("https://x", "bad cert");
    let r = e.to_response();
    assert_eq!(r.status(), 500);
    let body: Value = serde_json::from_slice(r.body()).unwrap();
    assert_eq!(body["error"]["code"], "WEBHOOK_SSL_ERROR");
}

#[test]
fn the_response_of_an_error_without_axum() {
    #[errcat::catalog("catalogs/problem.yaml")]
    #[derive(Debug, Clone, PartialEq)]
    pub enum Problem {}

    let e = Problem::out_of_credit("Your balance is 30, but that costs 50.");
    let r = e
        .envelope()
        .request_id("/account/12345/msgs/abc")
        .to_response();
    assert_eq!(r.status(), 403);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
    assert_eq!(
        serde_json::from_slice::<Value>(r.body()).unwrap(),
        json!({"type": "https://errors.example.com/OUT_OF_CREDIT", "title": "You do not have enough credit.",
               "status": 403, "code": "OUT_OF_CREDIT", "detail": "Your balance is 30, but that costs 50.",
               "instance": "/account/12345/msgs/abc"})
    );
    // Caused keeps the cause for logs and `Error::source`, off the wire.
    let caused = e.clone().caused_by(std::io::Error::other("ledger timeout"));
    assert_eq!(
        std::error::Error::source(&caused).unwrap().to_string(),
        "ledger timeout"
    );
    assert_eq!(caused.to_string(), e.to_string());
}

#[tokio::test]
async fn the_request_id_header_and_the_clock_are_configurable() {
    use errcat::axum::ErrorLayer;
    use errcat_tests::hook0::Hook0Error;
    let layer = ErrorLayer::new(|_| Hook0Error::internal_server_error("inc"))
        .request_id_header(axum::http::HeaderName::from_static("x-correlation-id"))
        .clock(|| "2024-01-15T10:30:00Z".parse().ok());
    let app = axum::Router::new()
        .route(
            "/",
            axum::routing::get(|| async { Hook0Error::missing_token() }),
        )
        .layer(layer.clone());
    let (addr, _stop) = serve_router(app).await;
    let a = send(
        common::client()
            .get(format!("http://{addr}/"))
            .header("x-correlation-id", "c-1"),
    )
    .await;
    assert_eq!(a.status, 401);
    assert_eq!(a.headers["x-correlation-id"], "c-1");
    assert_eq!(
        a.body,
        json!({"error": {"type": "authentication_error", "code": "MISSING_TOKEN",
               "message": "Authentication token is required", "request_id": "c-1",
               "timestamp": "2024-01-15T10:30:00Z"}})
    );
    // Without the layer the same error has no request context.
    let app = axum::Router::new().route(
        "/",
        axum::routing::get(|| async { Hook0Error::missing_token() }),
    );
    let (addr, _stop) = serve_router(app).await;
    let a = send(
        common::client()
            .get(format!("http://{addr}/"))
            .header("x-request-id", "ignored"),
    )
    .await;
    assert_eq!(a.body["error"].get("request_id"), None);
    assert_eq!(a.body["error"].get("timestamp"), None);
}

/// Every rejection axum makes, told apart by `Unmapped::rejected` with its
/// original status; the mapping reads no text.
#[tokio::test]
async fn rejections_are_typed_with_their_original_status() {
    use axum::extract::{DefaultBodyLimit, Form, Json, Path, Query};
    use axum::routing::{get, post};
    use errcat::axum::{ErrorLayer, Unmapped};
    use errcat_tests::hook0::Hook0Error;
    #[derive(serde::Deserialize)]
    struct Body {
        #[allow(dead_code)]
        n: u32,
    }
    let app = axum::Router::new()
        .route("/json", post(|Json(_): Json<Body>| async { "ok" }))
        .route("/form", post(|Form(_): Form<Body>| async { "ok" }))
        .route("/path/{n}", get(|Path(_): Path<u32>| async { "ok" }))
        .route("/query", get(|Query(_): Query<Body>| async { "ok" }))
        .route(
            "/teapot",
            get(|| async { axum::http::StatusCode::IM_A_TEAPOT }),
        )
        .layer(DefaultBodyLimit::max(16))
        .layer(
            ErrorLayer::new(|_| Hook0Error::internal_server_error("inc")).on_other_status(
                |u: &Unmapped| {
                    Hook0Error::invalid_json(format!("{:?} {}", u.rejected, u.status.as_u16()))
                },
            ),
        );
    let (addr, _stop) = serve_router(app).await;
    let c = common::client();
    let url = |p: &str| format!("http://{addr}{p}");
    let json = |body: &'static str| {
        c.post(url("/json"))
            .header("content-type", "application/json")
            .body(body)
    };
    for (request, expected) in [
        (json("{"), "JsonSyntax 400"),
        (json(r#"{"n": "x"}"#), "JsonData 422"),
        (
            c.post(url("/json")).body(r#"{"n": 1}"#),
            "JsonContentType 415",
        ),
        (
            json(r#"{"n": 1, "pad": "0123456789abcdef"}"#),
            "BodyTooLarge 413",
        ),
        (
            c.post(url("/form"))
                .header("content-type", "application/x-www-form-urlencoded")
                .body("n=x"),
            "Form 422",
        ),
        (c.post(url("/form")).body("n=1"), "Form 415"),
        (c.get(url("/path/x")), "Path 400"),
        (c.get(url("/query?n=x")), "Query 400"),
        (c.delete(url("/query")), "Method 405"),
        (c.get(url("/nowhere")), "Route 404"),
        (c.get(url("/teapot")), "Other 418"),
    ] {
        let a = send(request).await;
        assert_eq!(
            a.body["error"]["details"]["parse_error"], expected,
            "{}",
            a.body
        );
        assert_eq!(a.status, 400, "{expected}: the mapping's status");
    }
}

/// The closure that makes the internal error gets the request: its id,
/// method and URI.
#[tokio::test]
async fn the_internal_error_knows_the_request() {
    use errcat::axum::{ErrorLayer, Internal};
    use errcat_tests::hook0::Hook0Error;
    let app = axum::Router::new()
        .route(
            "/boom",
            axum::routing::post(|| async {
                if true {
                    panic!("boom");
                }
                "never"
            }),
        )
        .layer(ErrorLayer::new(|i: Internal<'_>| {
            let r = i.request();
            let what = match i {
                Internal::Panic { message, .. } => format!("panic {message}"),
                _ => "other".to_string(),
            };
            Hook0Error::internal_server_error(format!(
                "{what} {} {} {}",
                r.id.unwrap_or("-"),
                r.method,
                r.uri
            ))
        }));
    let (addr, _stop) = serve_router(app).await;
    let a = send(
        common::client()
            .post(format!("http://{addr}/boom?x=1"))
            .header("x-request-id", "req-9"),
    )
    .await;
    assert_eq!(a.status, 500);
    assert_eq!(
        a.body["error"]["details"]["incident_id"],
        "panic boom req-9 POST /boom?x=1"
    );
}
