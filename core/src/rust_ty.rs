//! The one mapping from catalog types to Rust types, shared by the
//! expansion (tokens), the derive (the shapes a hand-written field may
//! have) and the hand-written benchmark generator (source text).

use crate::quasi::{Rust, rust};
use proc_macro2::{Ident, Span};

use crate::model::{IntTy, Ty};
use crate::names;

/// The Rust type of a field or of a code's details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RustTy {
    /// `bool`
    Bool,
    /// `u8` ... `i64`
    Int(IntTy),
    /// `f64`
    F64,
    /// `String` (also for `url`)
    String,
    /// `jiff::Timestamp`
    Timestamp,
    /// `serde_json::Value`
    Json,
    /// A named type of the catalog.
    Named(String),
    /// An inline `enum:`, named after its owner and field.
    InlineEnum(String),
    /// `Vec<T>`
    Vec(Box<RustTy>),
    /// `BTreeMap<String, T>`
    Map(Box<RustTy>),
    /// `Option<T>`
    Option(Box<RustTy>),
}

/// The name of the enum generated for an inline `enum:` field `field` of
/// `owner` (a code's variant or a named type): `RateLimited` + `plan` ->
/// `RateLimitedPlan`.
pub fn inline_enum_name(owner: &str, field: &str) -> String {
    let field = names::upper_camel(field).unwrap_or_else(|| "Value".into());
    format!("{owner}{field}")
}

impl RustTy {
    /// The Rust type of `ty`, a field `field` of `owner`.
    pub fn of(ty: &Ty, owner: &str, field: &str) -> RustTy {
        let inner = |t: &Ty| Box::new(RustTy::of(t, owner, field));
        match ty {
            Ty::Bool => RustTy::Bool,
            Ty::Int(i) => RustTy::Int(*i),
            Ty::Number => RustTy::F64,
            Ty::String | Ty::Url => RustTy::String,
            Ty::Timestamp => RustTy::Timestamp,
            Ty::Json => RustTy::Json,
            Ty::Enum(_) => RustTy::InlineEnum(inline_enum_name(owner, field)),
            Ty::Named(n) => RustTy::Named(n.clone()),
            Ty::Array(t) => RustTy::Vec(inner(t)),
            Ty::Map(t) => RustTy::Map(inner(t)),
            Ty::Optional(t) => RustTy::Option(inner(t)),
        }
    }

    /// Tokens naming the type; `p` is the path to the runtime's
    /// `__private` module. Named types must be checked identifiers.
    pub fn tokens(&self, p: &Rust) -> Rust {
        match self {
            RustTy::Bool => rust!(bool),
            RustTy::Int(i) => {
                let id = Ident::new(i.name(), Span::call_site());
                rust!(#id)
            }
            RustTy::F64 => rust!(f64),
            RustTy::String => rust!(#p::String),
            RustTy::Timestamp => rust!(#p::Timestamp),
            RustTy::Json => rust!(#p::Value),
            RustTy::Named(n) | RustTy::InlineEnum(n) => {
                let id = Ident::new(n, Span::call_site());
                rust!(#id)
            }
            RustTy::Vec(t) => {
                let t = t.tokens(p);
                rust!(#p::Vec<#t>)
            }
            RustTy::Map(t) => {
                let t = t.tokens(p);
                rust!(#p::BTreeMap<#p::String, #t>)
            }
            RustTy::Option(t) => {
                let t = t.tokens(p);
                rust!(#p::Option<#t>)
            }
        }
    }

    /// The shapes a hand-written field of this type may have, by last path
    /// segments (`String` and `std::string::String` are both `String`);
    /// maps may be `BTreeMap` or `HashMap`.
    pub fn shapes(&self) -> Vec<String> {
        let wrap = |t: &RustTy, f: &dyn Fn(&str) -> Vec<String>| -> Vec<String> {
            t.shapes().iter().flat_map(|s| f(s)).collect()
        };
        match self {
            RustTy::Vec(t) => wrap(t, &|s| vec![format!("Vec<{s}>")]),
            RustTy::Map(t) => wrap(t, &|s| {
                vec![
                    format!("BTreeMap<String, {s}>"),
                    format!("HashMap<String, {s}>"),
                ]
            }),
            RustTy::Option(t) => wrap(t, &|s| vec![format!("Option<{s}>")]),
            RustTy::Timestamp => vec!["Timestamp".into()],
            RustTy::Json => vec!["Value".into()],
            RustTy::Named(n) | RustTy::InlineEnum(n) => vec![n.clone()],
            other => vec![other.source()],
        }
    }

    /// Source text with full paths, as a hand-written crate spells it.
    /// Inline enums are strings there: by hand, nobody writes an enum per
    /// field.
    pub fn source(&self) -> String {
        match self {
            RustTy::Bool => "bool".into(),
            RustTy::Int(i) => i.name().into(),
            RustTy::F64 => "f64".into(),
            RustTy::String | RustTy::InlineEnum(_) => "String".into(),
            RustTy::Timestamp => "jiff::Timestamp".into(),
            RustTy::Json => "serde_json::Value".into(),
            RustTy::Named(n) => n.clone(),
            RustTy::Vec(t) => format!("Vec<{}>", t.source()),
            RustTy::Map(t) => format!("std::collections::BTreeMap<String, {}>", t.source()),
            RustTy::Option(t) => format!("Option<{}>", t.source()),
        }
    }

    /// The inline enum this type names, if any.
    pub fn inline_enum(&self) -> Option<&str> {
        match self {
            RustTy::InlineEnum(n) => Some(n),
            RustTy::Vec(t) | RustTy::Map(t) | RustTy::Option(t) => t.inline_enum(),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_mapping_three_spellings() {
        let ty = Ty::Optional(Box::new(Ty::Map(Box::new(Ty::Timestamp))));
        let r = RustTy::of(&ty, "Owner", "at");
        assert_eq!(
            r.source(),
            "Option<std::collections::BTreeMap<String, jiff::Timestamp>>"
        );
        assert_eq!(
            r.shapes(),
            [
                "Option<BTreeMap<String, Timestamp>>",
                "Option<HashMap<String, Timestamp>>"
            ]
        );
        let p = rust!(__p);
        assert_eq!(
            r.tokens(&p).to_token_stream().to_string(),
            "__p :: Option < __p :: BTreeMap < __p :: String , __p :: Timestamp > >"
        );
        let e = RustTy::of(&Ty::Enum(Vec::new()), "RateLimited", "plan");
        assert_eq!(e, RustTy::InlineEnum("RateLimitedPlan".into()));
        assert_eq!(
            (e.source(), e.shapes()),
            ("String".into(), vec!["RateLimitedPlan".into()])
        );
    }
}
