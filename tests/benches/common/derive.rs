//! The hand-written `#[derive(Deserialize)]` decoder of Hook0's
//! `RATE_LIMIT_EXCEEDED` envelope: what the generated decoder is held to.

use errcat::Timestamp;

/// The envelope.
#[derive(serde::Deserialize)]
#[allow(dead_code)]
pub struct DEnvelope {
    error: DBody,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct DBody {
    #[serde(rename = "type")]
    kind: String,
    code: String,
    message: String,
    details: DDetails,
    request_id: Option<String>,
    timestamp: Option<Timestamp>,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct DDetails {
    limit: u32,
    window_seconds: u32,
    reset_at: Timestamp,
    retry_after: u32,
}

/// The body both decoders read.
pub fn body() -> Vec<u8> {
    use errcat_tests::hook0::Hook0Error;
    let reset: Timestamp = "2024-01-15T11:30:00Z".parse().unwrap();
    let now: Timestamp = "2024-01-15T10:30:00Z".parse().unwrap();
    let error = Hook0Error::rate_limit_exceeded(1000u32, 3600u32, reset, 1800u32);
    serde_json::to_vec(&error.envelope().request_id("req_1").timestamp(now)).unwrap()
}
