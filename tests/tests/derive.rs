//! `#[derive(ErrorCatalog)]` on a hand-written enum: the same API and wire
//! format as the attribute macro, for the codes the enum maps.

#![deny(warnings, missing_docs)]

use errcat::{Decoded, ErrorCatalog, Timestamp};
use serde_json::json;

/// A service's subset of Hook0's errors, written by hand.
#[derive(Debug, Clone, PartialEq, ErrorCatalog)]
#[catalog(path = "../catalog/hook0.yaml")]
pub enum ApiError {
    /// By name: `TokenExpired` is `TOKEN_EXPIRED`.
    TokenExpired {
        /// When it expired.
        expired_at: Timestamp,
    },
    /// By explicit code.
    #[catalog(code = "INVALID_PARAMETER")]
    BadRequest(Vec<FieldError>),
    /// A unit variant for a code without details.
    InvalidToken,
    /// Fields may be written with full paths.
    RateLimitExceeded {
        /// Limit.
        limit: u32,
        /// Window.
        window_seconds: u32,
        /// Reset.
        reset_at: errcat::Timestamp,
        /// Retry after.
        retry_after: u32,
    },
}

#[test]
fn derived_enum_has_the_catalog_api() {
    let t: Timestamp = "2024-01-15T10:30:00Z".parse().unwrap();
    let e = ApiError::TokenExpired { expired_at: t };
    assert_eq!(e.code().as_str(), "TOKEN_EXPIRED");
    assert_eq!(e.status(), Some(errcat::http::StatusCode::UNAUTHORIZED));
    assert_eq!(e.to_string(), "The authentication token has expired");
    assert_eq!(
        serde_json::to_value(&e).unwrap(),
        json!({"error": {"type": "authentication_error", "code": "TOKEN_EXPIRED",
            "message": "The authentication token has expired",
            "details": {"expired_at": "2024-01-15T10:30:00Z"}}})
    );
    let bad = ApiError::bad_request(vec![FieldError {
        field: "f".into(),
        message: "m".into(),
        code: "c".into(),
        value: None,
    }]);
    assert_eq!(bad.code().as_str(), "INVALID_PARAMETER");
    let body = serde_json::to_vec(&bad).unwrap();
    assert_eq!(
        ApiError::from_envelope(&body).unwrap().error,
        Decoded::Known(bad)
    );
    let limited = ApiError::rate_limit_exceeded(1u32, 2u32, t, 3u32);
    assert_eq!(limited.headers().len(), 4);
    // Codes the enum does not map are unknown to it, and kept.
    let other = br#"{"error": {"code": "MISSING_TOKEN", "message": "m"}}"#;
    assert!(matches!(
        ApiError::from_envelope(other).unwrap().error,
        Decoded::Unknown(_)
    ));
    assert_eq!(ApiErrorCode::ALL.len(), 4);
}

/// The attribute and a derive over the same catalog in one module: the
/// derive emits only the named types its variants use, so nothing clashes.
pub mod side_by_side {
    /// Every Hook0 error.
    #[errcat::catalog("../catalog/hook0.yaml")]
    #[derive(Clone, PartialEq)]
    pub enum Full {}

    /// A subset that uses no named type.
    #[derive(Debug, Clone, PartialEq, errcat::ErrorCatalog)]
    #[catalog(path = "../catalog/hook0.yaml")]
    pub enum Subset {
        /// `INVALID_TOKEN`.
        InvalidToken,
    }
}

#[test]
fn attribute_and_derive_share_a_module() {
    use side_by_side::{Full, Subset};
    assert_eq!(
        Full::invalid_token().code().as_str(),
        Subset::InvalidToken.code().as_str()
    );
}

/// JSON:API's `source`, written by hand.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Source {
    /// A JSON pointer into the request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
}

/// A hand-written subset of a catalog whose envelope is a list of errors.
#[derive(Debug, Clone, PartialEq, ErrorCatalog)]
#[catalog(path = "catalogs/jsonapi.yaml")]
pub enum SignupError {
    /// `226`.
    #[catalog(code = "226")]
    Mismatch {
        /// This occurrence.
        detail: Option<String>,
        /// Where.
        source: Option<Source>,
        /// Its id.
        id: Option<String>,
    },
}

#[test]
fn a_derived_enum_answers_a_list_of_errors() {
    let e = || SignupError::Mismatch {
        detail: Some("d".into()),
        source: None,
        id: None,
    };
    let mut errors = errcat::Errors::new(e());
    errors.push(e());
    let response = errors.to_response();
    assert_eq!(response.status(), 422);
    let back = SignupError::from_envelope(response.body()).unwrap();
    let got: Vec<_> = back.errors().cloned().collect();
    assert_eq!(got, [Decoded::Known(e()), Decoded::Known(e())]);
}
