//! Details that may be absent (`details: "T?"` for a named type, an array
//! or a map): absent details are omitted when sending, and absent or `null`
//! details decode.

use std::collections::BTreeMap;

#[errcat::catalog("catalogs/optional_details.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum OptError {}

#[test]
fn absent_details_are_omitted_and_decode() {
    let none = OptError::a(None);
    assert_eq!(
        serde_json::to_string(&none).unwrap(),
        r#"{"code":"A","message":"m"}"#
    );
    let some = OptError::a(Some(vec![Item { id: "x".into() }]));
    assert_eq!(
        serde_json::to_string(&some).unwrap(),
        r#"{"code":"A","message":"m","details":[{"id":"x"}]}"#
    );
    for body in [
        r#"{"code":"A","message":"m"}"#,
        r#"{"code":"A","message":"m","details":null}"#,
    ] {
        let got = OptError::from_envelope(body.as_bytes()).unwrap();
        assert_eq!(
            got.error,
            errcat::Decoded::Known(OptError::a(None)),
            "{body}"
        );
    }
    let back = OptError::from_envelope(serde_json::to_string(&some).unwrap().as_bytes()).unwrap();
    assert_eq!(back.error, errcat::Decoded::Known(some));
    for e in [OptError::b(None), OptError::c(None)] {
        let text = serde_json::to_string(&e).unwrap();
        assert!(!text.contains("details"), "{text}");
        let back = OptError::from_envelope(text.as_bytes()).unwrap();
        assert_eq!(back.error, errcat::Decoded::Known(e));
    }
    let c = OptError::c(Some(BTreeMap::from([("n".to_string(), 1u32)])));
    assert_eq!(
        serde_json::to_string(&c).unwrap(),
        r#"{"code":"C","message":"m","details":{"n":1}}"#
    );
}

#[test]
fn object_details_may_be_absent_too() {
    // `details_optional: true` on object details: a struct of their own.
    let none = OptError::d(None);
    assert_eq!(
        serde_json::to_string(&none).unwrap(),
        r#"{"code":"D","message":"m"}"#
    );
    let some = OptError::d(DDetails {
        field: "email".into(),
        reason: DReason::Invalid,
        hint: None,
    });
    let text = serde_json::to_string(&some).unwrap();
    assert_eq!(
        text,
        r#"{"code":"D","message":"m","details":{"field":"email","reason":"invalid"}}"#
    );
    assert_eq!(
        OptError::from_envelope(text.as_bytes()).unwrap().error,
        errcat::Decoded::Known(some)
    );
    for body in [
        r#"{"code":"D","message":"m"}"#,
        r#"{"code":"D","message":"m","details":null}"#,
    ] {
        let got = OptError::from_envelope(body.as_bytes()).unwrap();
        assert_eq!(
            got.error,
            errcat::Decoded::Known(OptError::d(None)),
            "{body}"
        );
    }
    // A required field still must be there when the details are.
    let missing = br#"{"code":"D","message":"m","details":{"reason":"missing"}}"#;
    assert!(OptError::from_envelope(missing).is_err());
    // `details_optional` on another form is the same as `T?`.
    assert_eq!(
        serde_json::to_string(&OptError::e(None)).unwrap(),
        r#"{"code":"E","message":"m"}"#
    );
}
