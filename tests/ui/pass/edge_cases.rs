#![deny(warnings, missing_docs)]
//! Unusual but valid catalogs compile warning-free and behave.

/// Edge cases.
#[errcat::catalog("edge_cases.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum EdgeError {}

#[allow(deprecated)]
fn main() {
    let e = EdgeError::auth_token_expired("jwt", None, Some(AuthTokenExpiredMode::Hard));
    assert_eq!(e.to_string(), "Token jwt expired {not a placeholder}");
    assert_eq!(e.code().as_str(), "auth.token-expired");
    assert_eq!(e.category(), EdgeErrorCategory::ClientSide);
    assert_eq!(e.headers()[0].1, "kind=jwt");
    let json = serde_json_value(&e);
    assert!(json.contains("\"ok\":false"), "{json}");
    let u = EdgeError::unique_violation(std::collections::BTreeMap::new());
    assert_eq!(u.code().as_str(), "23505");
    assert_eq!(u.status().map(|s| s.as_u16()), Some(409));
    let s = EdgeError::stream_closed();
    assert_eq!(s.channel(), EdgeErrorChannel::WebSocket);
    assert_eq!(State::InProgress.as_str(), "in-progress");
    assert_eq!(State::No.to_string(), "no");
}

fn serde_json_value(e: &EdgeError) -> String {
    errcat::__private::serde_json::to_string(e).unwrap_or_default()
}
