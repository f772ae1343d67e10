//! The log event of each error response of the example service. Its own
//! test binary: `tracing` caches per call site whether anyone listens, so
//! the subscriber is installed globally before any event, not per thread
//! beside tests that log without one.

use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::oneshot;

async fn serve() -> (SocketAddr, oneshot::Sender<()>) {
    errcat_tests::server::serve_on_loopback(errcat_tests::server::app())
        .await
        .unwrap()
}

/// A `tracing` writer into a shared buffer.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "current_thread")]
async fn each_error_response_is_one_event_without_sensitive_fields() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    tracing::subscriber::set_global_default(subscriber).unwrap();
    let (addr, _stop) = serve().await;
    let c = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .no_proxy()
        .build()
        .unwrap();
    for (post, path, id) in [
        (true, "/hexabase/mfa", "m1"),
        (false, "/hook0/db", "d1"),
        (true, "/hook0/admin", "a1"),
    ] {
        let url = format!("http://{addr}{path}");
        let req = if post { c.post(url) } else { c.get(url) };
        let res = req.header("x-request-id", id).send().await.unwrap();
        let _ = res.bytes().await.unwrap();
    }
    // An id that is not visible ASCII: one escaped form in the header, the
    // envelope and the log.
    let raw = reqwest::header::HeaderValue::from_bytes(b"caf\xc3\xa9 50%").unwrap();
    let res = c
        .get(format!("http://{addr}/hook0/applications/app_9"))
        .header("x-request-id", raw)
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["x-request-id"], "caf%C3%A9%2050%25");
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"]["request_id"], "caf%C3%A9%2050%25");
    // An overlong one is cut, alike everywhere.
    let long = "r".repeat(1000);
    let res = c
        .get(format!("http://{addr}/hook0/applications/app_9"))
        .header("x-request-id", &long)
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["x-request-id"], &long[..128]);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"]["request_id"], &long[..128]);
    // No details, no cause: those fields are left out, not empty.
    let res = c
        .get(format!("http://{addr}/hook0/me"))
        .header("x-request-id", "n1")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    let text = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("error response"))
        .collect();
    assert_eq!(lines.len(), 6, "all: {text}");
    assert!(lines[5].contains(r#"code="MISSING_TOKEN""#), "{}", lines[5]);
    assert!(
        !lines[5].contains("details=") && !lines[5].contains("source="),
        "{}",
        lines[5]
    );
    assert!(
        lines[1].contains("details=") && lines[1].contains("source="),
        "{}",
        lines[1]
    );
    assert!(
        lines[3].contains(r#"request_id="caf%C3%A9%2050%25""#),
        "{}",
        lines[3]
    );
    assert!(
        lines[4].contains(&format!(r#"request_id="{}""#, &long[..128])),
        "{}",
        lines[4]
    );
    // MFA: the token is sensitive and never logged.
    assert!(
        lines[0].contains("WARN") && lines[0].contains(r#"code="AUTH_MFA_REQUIRED""#),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].contains(r#"request_id="m1""#) && lines[0].contains("<redacted>"),
        "{}",
        lines[0]
    );
    assert!(!text.contains("secret-session-token"), "{text}");
    // A 500 with its cause, at ERROR.
    assert!(
        lines[1].contains("ERROR") && lines[1].contains("connection reset by peer"),
        "{}",
        lines[1]
    );
    assert!(
        lines[1].contains("status=500") && lines[1].contains(r#"category="server_error""#),
        "{}",
        lines[1]
    );
    // `/hook0/admin` is GET only: a POST is the mapped 405.
    assert!(
        lines[2].contains(r#"code="INVALID_PARAMETER""#),
        "{}",
        lines[2]
    );
}
