//! Renames and the deprecation lifecycle: former codes decode as the code
//! they became, and a deprecated code is `#[deprecated]` and answers with
//! `Deprecation` (RFC 9745) and `Sunset` (RFC 8594) headers.

#![allow(deprecated)]

use errcat::{CatalogCode as _, Decoded};

#[errcat::catalog("catalogs/lifecycle.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum LifeError {}

#[test]
fn former_codes_decode_as_the_code_they_became() {
    for old in ["TOKEN_EXPIRED", "AUTH_EXPIRED", "TOKEN_TIMEOUT"] {
        assert_eq!(
            old.parse::<LifeErrorCode>(),
            Ok(LifeErrorCode::TokenTimeout)
        );
        let body = format!(r#"{{"error":{{"code":"{old}","message":"m"}}}}"#);
        let got = LifeError::from_envelope(body.as_bytes()).unwrap();
        assert_eq!(got.error, Decoded::Known(LifeError::token_timeout()));
    }
    // It is sent under its new code only.
    assert_eq!(LifeErrorCode::TokenTimeout.as_str(), "TOKEN_TIMEOUT");
    assert_eq!(
        LifeErrorCode::from_wire("TOKEN_EXPIRED"),
        Some(LifeErrorCode::TokenTimeout)
    );
}

#[test]
fn deprecated_codes_carry_their_lifecycle_headers() {
    let headers = LifeError::old_limit().headers();
    assert_eq!(headers.len(), 2, "{headers:?}");
    assert_eq!(headers[0].0, "deprecation");
    assert_eq!(headers[0].1, "@1717200000");
    assert_eq!(headers[1].0, "sunset");
    assert_eq!(headers[1].1, "Wed, 01 Jan 2025 00:00:00 GMT");
    assert!(LifeError::rate_limited().headers().is_empty());
    let r = LifeError::old_limit().to_response();
    assert_eq!(r.headers()["sunset"], "Wed, 01 Jan 2025 00:00:00 GMT");
}
