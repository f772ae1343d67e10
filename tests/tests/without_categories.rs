//! A catalog without categories: no `category:` on any code, no
//! `category()` in the generated API, and everything else as usual.

use errcat::CatalogCode;

#[errcat::catalog("catalogs/grpc.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum GrpcError {}

#[test]
fn a_catalog_without_categories_works() {
    let e = GrpcError::invalid_argument("name");
    assert_eq!(e.to_string(), "Invalid argument: name");
    assert_eq!(e.status().map(|s| s.as_u16()), Some(400));
    assert!(GrpcError::unavailable().is_retryable());
    assert_eq!(
        GrpcErrorCode::Cancelled.status().map(|s| s.as_u16()),
        Some(499)
    );
    assert_eq!(GrpcErrorCode::NotFound.category_name(), "");
    let v = serde_json::to_value(&e).unwrap();
    assert_eq!(
        v,
        serde_json::json!({"error": {"status": "INVALID_ARGUMENT", "message": "Invalid argument: name", "details": {"field": "name"}}})
    );
    let back = GrpcError::from_envelope(v.to_string().as_bytes()).unwrap();
    assert_eq!(back.error, errcat::Decoded::Known(e));
}
