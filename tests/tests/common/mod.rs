//! What the tests against the example service share.

use std::time::Duration;

/// A client for servers on 127.0.0.1: bounded requests, no proxy.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .no_proxy()
        .build()
        .unwrap()
}

/// A retry runner that records its waits instead of sleeping, with the
/// clock at a fixed instant and no jitter. Not every test binary that
/// shares this module runs requests under `Retry`.
#[allow(dead_code)]
pub fn runner() -> (
    errcat::reqwest::Retry,
    std::sync::Arc<std::sync::Mutex<Vec<Duration>>>,
) {
    let waits = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let w = waits.clone();
    let retry = errcat::reqwest::Retry::new()
        .sleep_with(move |d| {
            w.lock().unwrap().push(d);
            Box::pin(async {})
        })
        .clock(|| "2024-01-15T10:30:00Z".parse().unwrap())
        .jitter_with(|d| d);
    (retry, waits)
}
