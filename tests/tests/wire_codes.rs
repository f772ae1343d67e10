//! Unquoted wire codes that look like numbers, booleans or null go through
//! the macro unchanged: `as_str`, `FromStr` and the wire JSON all use the
//! text as written.

#[errcat::catalog("catalogs/wire_codes.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum SqlError {}

#[test]
fn wire_codes_are_the_text_as_written() {
    let wire: Vec<&str> = SqlErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(
        wire,
        [
            "0B000", "0x1F", "0o17", "1_000", "+1", "01000", "1e3", ".5", "~", "null", "true",
            "no", "42P01"
        ]
    );
    for code in SqlErrorCode::ALL {
        assert_eq!(code.as_str().parse::<SqlErrorCode>(), Ok(*code));
    }
    assert!("31".parse::<SqlErrorCode>().is_err());
    let json = serde_json::to_value(SqlError::invalid_transaction_initiation()).unwrap();
    assert_eq!(json["code"], "0B000");
    let back = SqlError::from_envelope(br#"{"code":"01000","message":"warning"}"#).unwrap();
    assert_eq!(back.error, errcat::Decoded::Known(SqlError::warning()));
}
