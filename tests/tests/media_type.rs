//! A media type with parameters (`application/json;charset=UTF-8`, RFC
//! 6749 section 5.2): accepted by the checks and sent as written.

use errcat::CatalogCode;

#[errcat::catalog("catalogs/media_type.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum OAuthError {}

#[test]
fn the_response_carries_the_media_type_as_written() {
    assert_eq!(
        OAuthErrorCode::CONTENT_TYPE,
        "application/json;charset=UTF-8"
    );
    let response = OAuthError::invalid_grant().to_response();
    assert_eq!(
        response.headers()["content-type"],
        "application/json;charset=UTF-8"
    );
    assert_eq!(response.status(), 400);
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["error"], "invalid_grant");
}
