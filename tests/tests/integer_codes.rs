//! Wire codes that are numbers on the wire (`code_type: integer`): written
//! and read as JSON integers, and offered as numbers.

#[errcat::catalog("catalogs/grpc_numeric.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum Status {}

#[test]
fn codes_are_json_integers() {
    let e = Status::invalid_argument("name");
    assert_eq!(e.code().number(), 3);
    assert_eq!(e.code().as_str(), "3");
    assert_eq!(
        serde_json::to_string(&e).unwrap(),
        r#"{"code":3,"message":"Invalid argument: name","details":{"field":"name"}}"#
    );
    let got = Status::from_envelope(br#"{"code":5,"message":"Not found."}"#).unwrap();
    assert_eq!(got.error, errcat::Decoded::Known(Status::not_found()));
    assert_eq!("14".parse::<StatusCode>(), Ok(StatusCode::Unavailable));
    // A code this build does not know is kept, as its decimal text.
    let got = Status::from_envelope(br#"{"code":99,"message":"new"}"#).unwrap();
    let errcat::Decoded::Unknown(u) = got.error else {
        panic!("99 is not in the catalog")
    };
    assert_eq!(u.code, "99");
}

/// An operation of a catalog of integer codes: its enum writes and reads
/// the same integers, and refuses the catalog's others.
#[test]
fn an_operation_of_integer_codes() {
    assert_eq!(
        GetThingError::CODES,
        [
            StatusCode::NotFound,
            StatusCode::Unavailable,
            StatusCode::Unauthenticated
        ]
    );
    let e = GetThingError::not_found();
    assert_eq!(
        serde_json::to_string(&e).unwrap(),
        serde_json::to_string(&Status::not_found()).unwrap()
    );
    let got = GetThingError::from_envelope(br#"{"code":16,"message":"Unauthenticated."}"#).unwrap();
    assert_eq!(
        got.error,
        errcat::Decoded::Known(GetThingError::unauthenticated())
    );
    assert!(GetThingError::from_envelope(br#"{"code":13,"message":"Internal error."}"#).is_err());
    assert_eq!(Status::from(e), Status::not_found());
}
