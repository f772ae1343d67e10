//! A SQLSTATE-style catalog: codes that are not identifiers get their Rust
//! names from the catalog's `rust_name_prefix` (an explicit `rust_name`
//! still wins), keep their exact wire text, and round-trip.

#[errcat::catalog("catalogs/sqlstate.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum PgError {}

#[test]
fn prefixed_names_and_exact_wire_codes() {
    assert_eq!(PgError::sqlstate42p01().code(), PgErrorCode::Sqlstate42P01);
    assert_eq!(PgErrorCode::Sqlstate0B000.as_str(), "0B000");
    assert_eq!(PgErrorCode::Sqlstate2201E.as_str(), "2201E");
    assert_eq!(PgError::too_many_connections().code().as_str(), "53300");
    assert_eq!(
        PgError::sqlstate08006().category(),
        PgErrorCategory::ConnectionException
    );
    assert!(PgError::sqlstate08006().is_retryable());
    assert_eq!(PgErrorCode::ALL.len(), 16);
    for code in PgErrorCode::ALL {
        assert_eq!(code.as_str().parse::<PgErrorCode>(), Ok(*code));
    }
}

#[test]
fn every_code_round_trips() {
    for code in PgErrorCode::ALL {
        let body = format!(
            r#"{{"error":{{"code":"{}","message":"m","class":"x"}}}}"#,
            code.as_str()
        );
        let got = PgError::from_envelope(body.as_bytes()).unwrap();
        let errcat::Decoded::Known(e) = got.error else {
            panic!("{} decoded as unknown", code.as_str())
        };
        assert_eq!(e.code(), *code);
        let again = serde_json::to_value(&e).unwrap();
        assert_eq!(again["error"]["code"], code.as_str());
    }
}
