//! Media types as APIs write them: with parameters
//! (`application/json;charset=UTF-8`, RFC 6749 section 5.2) or a vendor
//! type declared JSON (`application/x-amz-json-1.0`), sent as written.

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

#[errcat::catalog("catalogs/vendor_json.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum DynamoError {}

#[test]
fn a_vendor_type_declared_json_is_sent_as_written() {
    assert_eq!(DynamoErrorCode::CONTENT_TYPE, "application/x-amz-json-1.0");
    let response = DynamoError::resource_not_found_exception().to_response();
    assert_eq!(
        response.headers()["content-type"],
        "application/x-amz-json-1.0"
    );
    let back = DynamoError::from_envelope(response.body()).unwrap();
    assert_eq!(
        back.error,
        errcat::Decoded::Known(DynamoError::resource_not_found_exception())
    );
}

/// The request id comes from the catalog's `request_id_header` when the
/// body has none.
#[test]
fn the_request_id_header_is_the_catalogs() {
    assert_eq!(DynamoErrorCode::REQUEST_ID_HEADER, "x-amzn-requestid");
    assert_eq!(OAuthErrorCode::REQUEST_ID_HEADER, "x-request-id");
    let mut headers = errcat::http::HeaderMap::new();
    headers.insert("x-amzn-RequestId", "AWS-1".parse().unwrap());
    headers.insert("x-request-id", "other".parse().unwrap());
    let body = br#"{"__type": "ResourceNotFoundException", "message": "m"}"#;
    let f = errcat::Failure::<DynamoError>::from_parts(
        errcat::http::StatusCode::BAD_REQUEST,
        &headers,
        body,
    );
    assert_eq!(f.request_id.as_deref(), Some("AWS-1"));
}
