//! A client of the example service: error responses become typed
//! failures, and `Retry` follows the catalog's advice. The service is
//! started in-process on 127.0.0.1; waits are printed, not slept.
//!
//! ```text
//! cargo run -p errcat-tests --example client
//! ```

use std::time::Duration;

use errcat::reqwest::{ClientError, Retry};
use errcat::{FailureKind, Timestamp};
use errcat_tests::hexabase::HexabaseError;
use errcat_tests::hook0::Hook0Error;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    tokio::spawn(async move { axum::serve(listener, errcat_tests::server::app()).await });
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .no_proxy()
        .build()?;
    let retry = Retry::new().sleep_with(|d| {
        println!("    (waits {d:?})");
        Box::pin(async {})
    });

    for path in [
        "/hook0/stats",
        "/hook0/health",
        "/hook0/applications/app_9",
        "/newer/hook0",
        "/proxy",
    ] {
        println!("GET {path}");
        let url = format!("{base}{path}");
        match retry
            .send::<Hook0Error, _, _>(|| http.get(&url).send())
            .await
        {
            Ok(r) => println!("  ok: {}", r.status()),
            Err(ClientError::Failure(f)) => {
                println!("  {f}");
                match &f.kind {
                    FailureKind::Known(e) => println!("  typed: {e:?}"),
                    FailureKind::Unknown { error, .. } => println!(
                        "  unknown code {}, category {:?}, retryable {}",
                        error.code,
                        f.category(),
                        f.is_retryable()
                    ),
                    FailureKind::NotAnEnvelope { .. } => println!("  not the catalog's envelope"),
                    FailureKind::TooLarge { limit } => println!("  body over {limit} bytes"),
                    _ => {}
                }
            }
            Err(e) => println!("  {e}"),
        }
    }

    // Hexabase: an expired token is refreshed, then the request is retried.
    let token = std::sync::Arc::new(std::sync::Mutex::new("stale".to_string()));
    let t = token.clone();
    let refreshing = Retry::new().on_action("refresh_token", move || {
        let t = t.clone();
        async move {
            println!("    (refreshes the token)");
            *t.lock().unwrap() = "fresh".into();
        }
    });
    let url = format!("{base}/hexabase/me");
    println!("GET /hexabase/me");
    let r = refreshing
        .send::<HexabaseError, _, _>(|| {
            let auth = format!("Bearer {}", token.lock().unwrap());
            http.get(&url).header("authorization", auth).send()
        })
        .await?;
    println!("  ok: {}", r.status());

    // The decision for one failure, at a given moment and attempt.
    let f = errcat::Failure::<Hook0Error>::from_parts(
        errcat::http::StatusCode::SERVICE_UNAVAILABLE,
        &errcat::http::HeaderMap::new(),
        br#"{"error":{"type":"server_error","code":"DATABASE_ERROR","message":"m","details":{"operation":"insert","table":"events"}}}"#,
    );
    let now: Timestamp = "2024-01-15T10:30:00Z".parse()?;
    for attempt in 1..=3 {
        println!(
            "DATABASE_ERROR after attempt {attempt}: {:?}",
            f.decide(attempt, now)
        );
    }
    Ok(())
}
