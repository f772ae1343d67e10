//! What the tests against the example service share.

use std::time::Duration;

/// A client for servers on 127.0.0.1: bounded requests, no proxy. Not
/// every test binary that shares this module makes requests.
#[allow(dead_code)]
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

/// Runs `tests/tools/validate.py MODE` (a real validator) on `doc`,
/// written to `name` in the target's scratch directory. Not every test
/// binary that shares this module validates documents.
#[allow(dead_code)]
pub fn validate(mode: &str, doc: &serde_json::Value, name: &str) {
    let file = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&file, doc.to_string()).unwrap();
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/validate.py");
    let out = std::process::Command::new("python3")
        .arg(script)
        .arg(mode)
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{mode}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
