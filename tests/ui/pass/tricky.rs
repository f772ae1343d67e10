#![deny(warnings, missing_docs)]
//! Tricky but valid catalogs compile warning-free and behave.

/// Tricky names.
#[errcat::catalog("tricky.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum TrickyError {}

fn main() {
    let e = TrickyError::r#type("x", TypeMatch::Off);
    assert_eq!(e.to_string(), "Type « x » refusé");
    assert_eq!(e.code().as_str(), "TYPE");
    let m = TrickyError::r#match(Match { r#type: "t".into(), r#in: Some(3) });
    assert_eq!(m.code(), TrickyErrorCode::Match);
    assert_eq!(TrickyError::ab().code().as_str(), "A_B");
    assert_eq!(TrickyError::ab2().code().as_str(), "AB2");
    assert_eq!(TrickyError::ab_c().code().as_str(), "Ab_C");
    assert_eq!(TrickyError::hex().code().as_str(), "0x1F");
    assert_eq!(TrickyError::stream().channel(), TrickyErrorChannel::SelfEvents);
    assert_eq!(TrickyErrorCategory::CrateOps.as_str(), "crate_ops");
    assert_eq!(TrickyErrorCategory::SelfService.title(), "Sélf sérvice");
    let json = errcat::__private::serde_json::to_string(&TrickyError::stream()).unwrap();
    assert_eq!(json, r#"{"kind":"événement","code":"STREAM"}"#);
    let body = errcat::__private::serde_json::to_string(&e).unwrap();
    let back = TrickyError::from_envelope(body.as_bytes()).unwrap();
    assert_eq!(back.error, errcat::Decoded::Known(e));
    assert!("0X1F".parse::<TrickyErrorCode>().is_err());
    // Operations named like keywords and categories.
    let m: TrickyError = MatchError::r#match(Match { r#type: "t".into(), r#in: None }).into();
    assert_eq!(m.code(), TrickyErrorCode::Match);
    assert_eq!(MatchError::CODES, [TrickyErrorCode::Type, TrickyErrorCode::Match]);
    assert_eq!(CrateOpsError::CODES.len(), 4);
    assert!(<MatchError as std::convert::TryFrom<TrickyError>>::try_from(TrickyError::ab()).is_err());
}
