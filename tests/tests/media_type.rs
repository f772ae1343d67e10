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

/// AWS JSON protocols send a code with its namespace, or bare (SDKs reduce
/// `ns#Name` to `Name`): `code_namespace: "#"` decodes both as the code,
/// and an alias as its code; the canonical code is what is written.
#[test]
fn namespaced_codes_and_aliases_decode_as_their_code() {
    let known = |body: &str| DynamoError::from_envelope(body.as_bytes()).unwrap().error;
    let not_found = errcat::Decoded::Known(DynamoError::resource_not_found_exception());
    for code in [
        "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException",
        "ResourceNotFoundException",
        "other.namespace#ResourceNotFoundException",
    ] {
        let body = format!(
            r#"{{"__type": "{code}", "message": "Requested resource not found: Table: x not found"}}"#
        );
        assert_eq!(known(&body), not_found, "{code}");
    }
    assert_eq!(
        known(r#"{"__type": "ThroughputExceeded", "message": "m"}"#),
        errcat::Decoded::Known(DynamoError::provisioned_throughput_exceeded_exception())
    );
    assert_eq!(
        "ns#ThroughputExceeded".parse::<DynamoErrorCode>(),
        Ok(DynamoErrorCode::ProvisionedThroughputExceededException)
    );
    // An unknown code keeps its whole spelling.
    match known(r#"{"__type": "com.amazonaws.dynamodb.v20120810#NewException", "message": "m"}"#) {
        errcat::Decoded::Unknown(u) => {
            assert_eq!(u.code, "com.amazonaws.dynamodb.v20120810#NewException")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        "a#b#Nope".parse::<DynamoErrorCode>(),
        Err(errcat::UnknownCode("a#b#Nope".into()))
    );
    // Written canonically.
    let body = DynamoError::provisioned_throughput_exceeded_exception().to_response();
    let v: serde_json::Value = serde_json::from_slice(body.body()).unwrap();
    assert_eq!(v["__type"], "ProvisionedThroughputExceededException");
}
