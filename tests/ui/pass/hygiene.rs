#![no_implicit_prelude]
#![deny(warnings, missing_docs)]
//! Generated code names everything by absolute paths and its local names
//! cannot be shadowed by detail fields, even without the prelude.

/// Fields named like the generated code's locals.
#[::errcat::catalog("hygiene.yaml")]
#[derive(Clone, PartialEq)]
pub enum HygieneError {}

fn main() {
    let e = HygieneError::shadows(
        "F", "S", "P", "_s", "_m", "_d", "_h", "_p", "C", "SELF", "v", "ser", "fmt",
    );
    let shown = ::std::string::ToString::to_string(&e);
    ::std::assert_eq!(shown, "F S P _s _m _d _h _p C SELF");
    let debug = ::std::format!("{e:?}");
    ::std::assert!(debug.contains("formatter: \"fmt\""), "{debug}");
    ::std::assert_eq!(e.headers()[0].1, "F");
    let json = ::errcat::__private::serde_json::to_string(&e.envelope().request_id("r")).unwrap();
    let back = HygieneError::from_envelope(json.as_bytes()).unwrap();
    ::std::assert_eq!(back.error, ::errcat::Decoded::Known(e));
    let t = HygieneError::types(Option { Some: ::std::convert::From::from("x") }, Result::Ok, ::std::vec::Vec::new());
    ::std::assert_eq!(::std::string::ToString::to_string(&t), "types");
    let m = HygieneError::members("c", ::std::option::Option::None);
    let json = ::errcat::__private::serde_json::to_string(&m).unwrap();
    ::std::assert_eq!(json, r#"{"error":{"code":"MEMBERS","message":"members c"},"hint":"c","doc":"https://d/MEMBERS/400"}"#);
    let back = HygieneError::from_envelope(json.as_bytes()).unwrap();
    ::std::assert_eq!(back.error, ::errcat::Decoded::Known(m));
    let o = HygieneError::opt(::std::option::Option::Some(OptDetails { Some: ::std::convert::From::from("s") }));
    let json = ::errcat::__private::serde_json::to_string(&o).unwrap();
    ::std::assert_eq!(HygieneError::from_envelope(json.as_bytes()).unwrap().error, ::errcat::Decoded::Known(o));
    // Operations' enums: the same API, conversions both ways.
    let op = MembersOnlyError::members("c", ::std::option::Option::None);
    let json = ::errcat::__private::serde_json::to_string(&op).unwrap();
    ::std::assert_eq!(json, r#"{"error":{"code":"MEMBERS","message":"members c"},"hint":"c","doc":"https://d/MEMBERS/400"}"#);
    let back = MembersOnlyError::from_envelope(json.as_bytes()).unwrap();
    ::std::assert_eq!(back.error, ::errcat::Decoded::Known(::std::clone::Clone::clone(&op)));
    let wide: HygieneError = ::std::convert::From::from(op);
    ::std::assert!(<ShadowsError as ::std::convert::TryFrom<HygieneError>>::try_from(wide).is_err());
}
