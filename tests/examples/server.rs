//! The example service: Hook0's errors under `/hook0`, Hexabase's under
//! `/hexabase` (see `tests/src/server.rs`).
//!
//! ```text
//! cargo run -p errcat-tests --example server -- [ADDR]   # default 127.0.0.1:3000
//! curl -i 127.0.0.1:3000/hook0/applications/app_9
//! ```
//! It stops on Ctrl-C.

use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt().with_target(false).init();
    // The layer logs the panics it catches; the hook need not print them.
    errcat::axum::quiet_panic_hook();
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:3000".into());
    let listener = TcpListener::bind(&addr).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, errcat_tests::server::app())
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
