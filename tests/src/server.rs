//! The example service: both seed catalogs answering from axum handlers,
//! with no glue but [`ErrorLayer`]. `examples/server.rs` serves it; the
//! integration tests start it on 127.0.0.1.

use axum::extract::{DefaultBodyLimit, Path, Query};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};
use errcat::Caused;
use errcat::axum::{ErrorLayer, Internal, Rejected, Unmapped};
use serde::Deserialize;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};

use crate::hexabase::HexabaseError;
use crate::hook0::{
    CreateEventError, CreateEventTypeError, FieldError, GetApplicationError, Hook0Error, MeError,
    TestSubscriptionError,
};

/// Serves `app` on 127.0.0.1 with an ephemeral port, for tests; it stops
/// when the returned sender is dropped (or the runtime ends).
pub async fn serve_on_loopback(
    app: Router,
) -> std::io::Result<(std::net::SocketAddr, tokio::sync::oneshot::Sender<()>)> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(async move {
        let serving = axum::serve(listener, app).with_graceful_shutdown(async {
            let _ = stopped.await;
        });
        // An accept error ends the server; the test sees its requests fail.
        let _ = serving.await;
    });
    Ok((addr, stop))
}

/// Request bodies larger than this are refused with `PAYLOAD_TOO_LARGE`.
pub const BODY_LIMIT: usize = 1024;

/// The whole service: Hook0's API under `/hook0`, Hexabase's under
/// `/hexabase`, a request id on every request.
pub fn app() -> Router {
    Router::new()
        .nest("/hook0", hook0())
        // Outside the error layers: what a newer server or a proxy sends.
        .route("/newer/hook0", get(future_code))
        .route("/newer/hexabase", get(hexabase_future))
        .route("/proxy", get(proxy))
        .nest("/hexabase", hexabase())
        // Outermost: the id is set before the error layers read it.
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
}

// ---- Hook0 ----------------------------------------------------------------

/// A new event (Hook0's `POST /events`).
#[derive(Deserialize)]
struct NewEvent {
    event_type: String,
    #[allow(dead_code)]
    payload: serde_json::Value,
}

fn hook0() -> Router {
    Router::new()
        .route("/events", post(create_event).get(list_events))
        .route("/events/{number}", get(get_event))
        .route("/applications/{id}", get(get_application))
        .route("/event-types", post(create_event_type))
        .route("/me", get(me))
        .route("/admin", get(admin))
        .route("/stats", get(stats))
        .route("/usage", get(usage))
        .route("/subscriptions/{id}/test", post(test_subscription))
        .route("/db", get(db))
        .route("/panic", get(panic))
        .route("/health", get(health))
        .route("/deliveries/{id}", get(delivery))
        .route("/huge", get(huge))
        .fallback(|| async { StatusCode::NOT_FOUND })
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(
            ErrorLayer::new(|i: Internal<'_>| {
                let incident = match i {
                    Internal::Panic { .. } => "inc_panic",
                    _ => "inc_internal",
                };
                Hook0Error::internal_server_error(incident)
            })
            .on_status(StatusCode::NOT_FOUND, |u: &Unmapped| {
                Hook0Error::resource_not_found("route", u.uri.path())
            })
            .on_status(StatusCode::METHOD_NOT_ALLOWED, |u: &Unmapped| {
                Hook0Error::invalid_parameter(vec![FieldError {
                    field: "method".into(),
                    message: format!("{} is not allowed here", u.method),
                    code: "METHOD_NOT_ALLOWED".into(),
                    value: None,
                }])
            })
            .on_status(StatusCode::PAYLOAD_TOO_LARGE, |u: &Unmapped| {
                Hook0Error::payload_too_large(BODY_LIMIT as u64, u.content_length.unwrap_or(0))
            })
            // JSON rejections (syntax 400, data 422, content type 415) are
            // INVALID_JSON; path and query ones INVALID_PARAMETER.
            .on_other_status(|u: &Unmapped| match u.rejected {
                Rejected::JsonSyntax | Rejected::JsonData | Rejected::JsonContentType => {
                    Hook0Error::invalid_json(u.text.clone())
                }
                _ => Hook0Error::invalid_parameter(vec![FieldError {
                    field: u.uri.path().into(),
                    message: u.text.clone(),
                    code: "INVALID_FORMAT".into(),
                    value: u.uri.query().map(|q| q.into()),
                }]),
            }),
        )
}

// The catalog's operations (`create_event`, ...) are these routes: each
// handler returns its operation's enum, so the compiler holds it to the
// errors the catalog declares for the route.

async fn create_event(Json(event): Json<NewEvent>) -> Result<StatusCode, CreateEventError> {
    if event.event_type.is_empty() {
        return Err(CreateEventError::required_field(vec![FieldError {
            field: "event_type".into(),
            message: "Event type is required".into(),
            code: "REQUIRED_FIELD".into(),
            value: None,
        }]));
    }
    if !event.event_type.contains('.') {
        return Err(CreateEventError::invalid_event_type(
            event.event_type,
            "app_1",
        ));
    }
    Ok(StatusCode::CREATED)
}

/// The query of `GET /events`.
#[derive(Deserialize)]
struct ListEvents {
    #[allow(dead_code)]
    limit: u32,
}

async fn list_events(Query(_q): Query<ListEvents>) -> &'static str {
    "[]"
}

async fn get_event(Path(number): Path<u32>) -> Hook0Error {
    Hook0Error::event_not_found(format!("evt_{number}"))
}

async fn get_application(Path(id): Path<String>) -> Result<String, GetApplicationError> {
    match id.as_str() {
        "app_1" => Ok("app_1".into()),
        "app_other_org" => Err(GetApplicationError::application_access_denied(id)),
        _ => Err(GetApplicationError::application_not_found(id)),
    }
}

async fn create_event_type() -> Result<StatusCode, CreateEventTypeError> {
    Err(CreateEventTypeError::resource_already_exists(
        "event_type",
        "user.created",
        "et_1",
    ))
}

async fn me(headers: HeaderMap) -> Result<&'static str, MeError> {
    match headers.get("authorization").map(|v| v.as_bytes()) {
        None => Err(MeError::missing_token()),
        Some(b"Bearer expired") => Err(MeError::token_expired(ts("2024-01-15T10:30:00Z"))),
        Some(b"Bearer good") => Ok("me"),
        Some(_) => Err(MeError::invalid_token()),
    }
}

async fn admin() -> Hook0Error {
    Hook0Error::insufficient_permissions(vec!["admin".into()], vec!["application:read".into()])
}

async fn stats() -> Hook0Error {
    Hook0Error::rate_limit_exceeded(1000u32, 3600u32, ts("2024-01-15T11:30:00Z"), 1800u32)
}

async fn usage() -> Hook0Error {
    Hook0Error::quota_exceeded(
        "events_per_month",
        100_000u64,
        100_000u64,
        ts("2024-02-01T00:00:00Z"),
    )
}

async fn test_subscription(Path(id): Path<String>) -> TestSubscriptionError {
    TestSubscriptionError::subscription_disabled(id, ts("2024-01-10T00:00:00Z"))
}

async fn db() -> Result<(), Caused<Hook0Error>> {
    let failure = std::io::Error::other("connection reset by peer");
    Err(Hook0Error::database_error("insert", "events").caused_by(failure))
}

async fn panic() -> &'static str {
    panic!("the handler's invariant broke")
}

async fn health() -> Hook0Error {
    Hook0Error::service_unavailable(300u32, false)
}

/// Answers with a code of the `webhook` channel: a bug the layer turns
/// into the internal error.
async fn delivery(Path(id): Path<String>) -> Hook0Error {
    Hook0Error::webhook_timeout(id, "sub_1", "https://example.com/hook", 30u32, 2u32)
}

// ---- Hexabase --------------------------------------------------------------

/// A new workspace (Hexabase's `POST /workspaces`).
#[derive(Deserialize)]
struct NewWorkspace {
    name: String,
}

fn hexabase() -> Router {
    Router::new()
        .route("/login", post(login))
        .route("/workspaces", post(create_workspace))
        .route("/workspaces/{id}", get(get_workspace))
        .route("/projects/{id}", get(project))
        .route("/billing", get(billing))
        .route("/quota", get(quota))
        .route("/limited", get(limited))
        .route("/mfa", post(mfa))
        .route("/internal", get(internal))
        .route("/status", get(status))
        .route("/ws", get(ws))
        .route("/me", get(hexabase_me))
        .fallback(|| async { StatusCode::NOT_FOUND })
        .layer(
            ErrorLayer::new(|_: Internal<'_>| HexabaseError::system_internal_error("req-internal"))
                .on_status(StatusCode::NOT_FOUND, |u: &Unmapped| {
                    HexabaseError::resource_not_found("route", u.uri.path())
                })
                .on_other_status(|u: &Unmapped| {
                    HexabaseError::validation_error(
                        [("body".to_string(), u.text.clone())]
                            .into_iter()
                            .collect::<std::collections::BTreeMap<_, _>>(),
                    )
                }),
        )
}

async fn login(headers: HeaderMap) -> Result<&'static str, HexabaseError> {
    match headers.get("authorization") {
        None => Err(HexabaseError::auth_required("api")),
        Some(_) => Err(HexabaseError::auth_invalid_credentials()),
    }
}

async fn create_workspace(Json(ws): Json<NewWorkspace>) -> Result<StatusCode, HexabaseError> {
    if ws.name.len() > 255 {
        return Err(HexabaseError::validation_field_too_long(
            "name",
            255u32,
            ws.name.len() as u32,
        ));
    }
    Err(HexabaseError::resource_already_exists(
        "workspace",
        "name",
        ws.name,
    ))
}

async fn get_workspace(Path(id): Path<String>) -> HexabaseError {
    match id.as_str() {
        "suspended" => {
            HexabaseError::workspace_suspended(id, "payment_overdue", ts("2024-01-15T00:00:00Z"))
        }
        "provisioning" => HexabaseError::workspace_not_ready(id, "provisioning", 30u32),
        _ => HexabaseError::resource_not_found("workspace", id),
    }
}

async fn project(Path(id): Path<String>) -> HexabaseError {
    HexabaseError::project_quota_exceeded(id, "memory", "5Gi", "4Gi", "3.8Gi")
}

async fn billing() -> HexabaseError {
    HexabaseError::billing_payment_failed("insufficient_funds", "4242", 9900u64, "usd")
}

async fn quota() -> HexabaseError {
    HexabaseError::quota_memory_exceeded("16Gi", "8Gi", "32Gi", "24Gi")
}

async fn limited() -> HexabaseError {
    HexabaseError::rate_limit_exceeded(100u32, "1h", 60u32)
}

async fn mfa() -> HexabaseError {
    HexabaseError::auth_mfa_required("secret-session-token")
}

async fn internal() -> Result<(), Caused<HexabaseError>> {
    let failure = std::io::Error::other("disk full");
    Err(HexabaseError::system_database_error("update", "projects").caused_by(failure))
}

async fn status() -> HexabaseError {
    HexabaseError::system_service_unavailable("kubernetes-api", 60u32)
}

async fn ws() -> HexabaseError {
    HexabaseError::ws_auth_required()
}

/// A code this build of the catalog does not know, as a newer server
/// would send it, with a `Retry-After`.
async fn future_code() -> axum::response::Response {
    let body = serde_json::json!({"error": {"type": "server_error", "code": "SERVER_ON_FIRE", "message": "The server is on fire"}});
    let mut r =
        axum::response::IntoResponse::into_response((StatusCode::SERVICE_UNAVAILABLE, Json(body)));
    r.headers_mut()
        .insert("retry-after", axum::http::HeaderValue::from_static("7"));
    r
}

/// What a proxy in front of the service answers.
async fn proxy() -> (StatusCode, [(&'static str, &'static str); 1], &'static str) {
    (
        StatusCode::BAD_GATEWAY,
        [("content-type", "text/html")],
        "<html><body><h1>502 Bad Gateway</h1></body></html>",
    )
}

/// A 2 MB error body: 20,000 field errors.
async fn huge() -> Hook0Error {
    let errors = (0..20_000)
        .map(|i| FieldError {
            field: format!("items[{i}].name"),
            message: "Name is required and must be a non-empty string".into(),
            code: "REQUIRED_FIELD".into(),
            value: None,
        })
        .collect::<Vec<_>>();
    Hook0Error::invalid_parameter(errors)
}

/// `AUTH_TOKEN_EXPIRED` until the client presents the refreshed token.
async fn hexabase_me(headers: HeaderMap) -> Result<&'static str, HexabaseError> {
    match headers.get("authorization").map(|v| v.as_bytes()) {
        Some(b"Bearer fresh") => Ok("me"),
        _ => Err(HexabaseError::auth_token_expired(ts(
            "2024-01-20T09:00:00Z",
        ))),
    }
}

/// A newer `SYSTEM_*` code: the client classifies it by its prefix.
async fn hexabase_future() -> (StatusCode, Json<serde_json::Value>) {
    let body = serde_json::json!({"error": {"code": "SYSTEM_OVERHEATED", "message": "Overheated", "details": {"zone": "eu-1"}}});
    (StatusCode::INTERNAL_SERVER_ERROR, Json(body))
}

fn ts(s: &str) -> errcat::Timestamp {
    s.parse().unwrap_or(errcat::Timestamp::UNIX_EPOCH)
}
