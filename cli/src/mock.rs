//! `errcat mock`: an HTTP server that answers every HTTP code of a catalog
//! with that code's example response, for client teams to test against.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Response, StatusCode, header};
use axum::routing::get;
use errcat_core::{Checked, render};

/// The address `mock` binds without `--addr`.
pub const DEFAULT_ADDR: &str = "127.0.0.1:4010";

/// How long a connection may take to send a request head before it is
/// closed, unless `--head-timeout` says otherwise.
pub const DEFAULT_HEAD_TIMEOUT: Duration = Duration::from_secs(10);

/// How long requests in flight may run on after SIGINT or SIGTERM; then
/// every connection is dropped, whatever it is doing.
const GRACE: Duration = Duration::from_millis(500);

/// Serves `catalog` on `addr` until SIGINT or SIGTERM; connections that
/// send no request head within `head_timeout` are closed.
pub fn run(catalog: Checked, addr: SocketAddr, head_timeout: Duration) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(serve(Arc::new(catalog), addr, head_timeout))
}

async fn serve(catalog: Arc<Checked>, addr: SocketAddr, head_timeout: Duration) -> ExitCode {
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: cannot listen on {addr}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match listener.local_addr() {
        // The first line of output, for scripts and tests to read.
        Ok(a) => println!("errcat mock listening on http://{a}"),
        Err(e) => eprintln!("error: {e}"),
    }
    let app = Router::new()
        .route("/", get(index))
        .route("/{code}", axum::routing::any(answer))
        .fallback(operation)
        .with_state(catalog);
    // Not `axum::serve`: its graceful shutdown waits for every connection,
    // and it sets no time limit on reading a request head.
    let mut connections = tokio::task::JoinSet::new();
    let stop = stop_signal();
    tokio::pin!(stop);
    loop {
        tokio::select! {
            () = &mut stop => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(connection(stream, app.clone(), head_timeout));
                }
                // Out of file descriptors, say: wait instead of spinning.
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    drop(listener);
    let drained = async { while connections.join_next().await.is_some() {} };
    // Dropping the set aborts what is still running after the grace.
    let _ = tokio::time::timeout(GRACE, drained).await;
    ExitCode::SUCCESS
}

/// One HTTP/1 connection, closed when no request head arrives in time.
async fn connection(stream: tokio::net::TcpStream, app: Router, head_timeout: Duration) {
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(head_timeout);
    let io = hyper_util::rt::TokioIo::new(stream);
    let service = hyper_util::service::TowerToHyperService::new(app);
    // A client that goes away mid-request is no error of the mock's.
    let _ = builder.serve_connection(io, service).await;
}

/// Resolves on SIGINT or SIGTERM.
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// `GET /`: the codes it answers, each with its status and path.
async fn index(State(catalog): State<Arc<Checked>>) -> Response<Body> {
    let codes: Vec<serde_json::Value> = catalog
        .codes
        .iter()
        .filter_map(|c| {
            let status = c.resolved.status?;
            Some(serde_json::json!({
                "code": c.code.value,
                "status": status,
                "path": format!("/{}", c.code.value),
            }))
        })
        .collect();
    json(StatusCode::OK, &serde_json::json!({ "codes": codes }))
}

/// `GET /{code}`: the code's example response, with the caller's
/// `x-request-id` as the request id.
/// A request to an operation's method and path: one of its errors.
async fn operation(
    State(catalog): State<Arc<Checked>>,
    method: axum::http::Method,
    uri: axum::http::Uri,
    headers: HeaderMap,
) -> Response<Body> {
    match route(&catalog, &method, &uri, &headers) {
        Some(r) => r,
        None => json(
            StatusCode::NOT_FOUND,
            &serde_json::json!({"error": format!("no operation `{method} {}` in the catalog", uri.path())}),
        ),
    }
}

/// The answer of the operation at `method` and the path of `uri`, if one
/// is there: the error `?code=` or `x-errcat-code` names, else its first.
fn route(
    catalog: &Checked,
    method: &axum::http::Method,
    uri: &axum::http::Uri,
    headers: &HeaderMap,
) -> Option<Response<Body>> {
    let op = catalog
        .operations
        .iter()
        .find(|op| match (&op.method, &op.path) {
            (Some(m), Some(p)) => {
                m.value.eq_ignore_ascii_case(method.as_str()) && matches(&p.value, uri.path())
            }
            _ => false,
        })?;
    let asked = query(uri, "code").or_else(|| {
        headers
            .get("x-errcat-code")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    });
    let codes: Vec<&errcat_core::model::Code> =
        op.codes.iter().map(|&i| &catalog.codes[i]).collect();
    let chosen = match &asked {
        Some(a) => codes.iter().find(|c| c.code.value == *a),
        None => codes.first(),
    };
    let request_id = headers.get("x-request-id").and_then(|v| v.to_str().ok());
    Some(match chosen {
        Some(c) => example(catalog, c, request_id, None),
        None => {
            let names: Vec<&str> = codes.iter().map(|c| c.code.value.as_str()).collect();
            json(
                StatusCode::BAD_REQUEST,
                &serde_json::json!({"error": format!("operation `{}` has no error `{}`; its errors are {names:?}", op.name.value, asked.unwrap_or_default())}),
            )
        }
    })
}

/// Whether `path` fits the template (`{name}` stands for one segment).
fn matches(template: &str, path: &str) -> bool {
    let (t, p): (Vec<&str>, Vec<&str>) = (template.split('/').collect(), path.split('/').collect());
    t.len() == p.len()
        && t.iter()
            .zip(&p)
            .all(|(t, p)| *t == *p || (t.starts_with('{') && t.ends_with('}') && !p.is_empty()))
}

/// The value of `name` in the query of `uri`.
fn query(uri: &axum::http::Uri, name: &str) -> Option<String> {
    uri.query()?
        .split('&')
        .find_map(|p| p.strip_prefix(name)?.strip_prefix('=').map(str::to_string))
}

async fn answer(
    State(catalog): State<Arc<Checked>>,
    Path(code): Path<String>,
    method: axum::http::Method,
    uri: axum::http::Uri,
    headers: HeaderMap,
) -> Response<Body> {
    // A declared operation's route comes first.
    if let Some(r) = route(&catalog, &method, &uri, &headers) {
        return r;
    }
    if method != axum::http::Method::GET {
        return json(
            StatusCode::METHOD_NOT_ALLOWED,
            &serde_json::json!({"error": format!("no operation `{method} {}` in the catalog", uri.path())}),
        );
    }
    let request_id = headers.get("x-request-id").and_then(|v| v.to_str().ok());
    let http_code = |c: &&errcat_core::model::Code| c.resolved.status.is_some();
    if let Some(c) = catalog
        .codes
        .iter()
        .filter(http_code)
        .find(|c| c.code.value == code)
    {
        // `?status=401`: another of the code's statuses.
        let asked = query(&uri, "status").and_then(|s| s.parse::<u16>().ok());
        return match asked {
            None => example(&catalog, c, request_id, None),
            Some(s) if c.resolved.statuses.contains(&s) => {
                example(&catalog, c, request_id, Some(s))
            }
            Some(s) => json(
                StatusCode::BAD_REQUEST,
                &serde_json::json!({"error": format!("`{code}` is not answered with status {s}; its statuses are {:?}", c.resolved.statuses)}),
            ),
        };
    }
    // An unknown code: the catalog's own not-found answer if it has one.
    match catalog
        .codes
        .iter()
        .filter(http_code)
        .find(|c| c.resolved.status == Some(404))
    {
        Some(c) => example(&catalog, c, request_id, None),
        None => json(
            StatusCode::NOT_FOUND,
            &serde_json::json!({"error": format!("no HTTP code `{code}` in the catalog")}),
        ),
    }
}

fn example(
    catalog: &Checked,
    code: &errcat_core::model::Code,
    request_id: Option<&str>,
    status: Option<u16>,
) -> Response<Body> {
    let default = code.resolved.status.unwrap_or(500);
    let r = render::response_at(catalog, code, request_id, status.unwrap_or(default));
    // A body-less code (`body: false`) answers with its headers alone.
    let bodiless = code.no_body.is_some();
    let body = match bodiless {
        true => Vec::new(),
        false => serde_json::to_vec(&r.body).unwrap_or_default(),
    };
    let mut response = Response::new(Body::from(body));
    *response.status_mut() =
        StatusCode::from_u16(r.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let h = response.headers_mut();
    if let Ok(ct) = HeaderValue::from_str(&r.content_type)
        && !bodiless
    {
        h.insert(header::CONTENT_TYPE, ct);
    }
    // Names and constant values were checked with the catalog.
    for (name, value) in r.headers {
        if let (Ok(n), Ok(v)) = (HeaderName::try_from(name), HeaderValue::try_from(value)) {
            h.append(n, v);
        }
    }
    if let Some(id) = request_id.and_then(|id| HeaderValue::from_str(id).ok()) {
        h.insert("x-request-id", id);
    }
    response
}

fn json(status: StatusCode, value: &serde_json::Value) -> Response<Body> {
    let mut response = Response::new(Body::from(value.to_string()));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}
