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
