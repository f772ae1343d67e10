//! Detail types: named types, fields and the type language.

use super::*;
use crate::load::Node;

/// A named detail type.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    /// Its name, which is also the Rust type name.
    pub name: Spanned<String>,
    /// Description.
    pub description: Option<String>,
    /// A struct or an enum of values.
    pub kind: TypeDefKind,
}

/// The two kinds of named types.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeDefKind {
    /// An object with fields.
    Struct(Vec<Field>),
    /// One of a list of string values.
    Enum(Vec<Spanned<String>>),
}

/// A field of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The wire name.
    pub name: Spanned<String>,
    /// Explicit Rust field name, for wire names that are not identifiers.
    pub rust_name: Option<Spanned<String>>,
    /// Its type.
    pub ty: Spanned<Ty>,
    /// Description.
    pub description: Option<String>,
    /// Example value.
    pub example: Option<Node>,
    /// Sensitive values are redacted in `Debug` output.
    pub sensitive: bool,
}

/// Integer widths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntTy {
    /// `u8`
    U8,
    /// `u16`
    U16,
    /// `u32`
    U32,
    /// `u64`
    U64,
    /// `i8`
    I8,
    /// `i16`
    I16,
    /// `i32`
    I32,
    /// `i64`
    I64,
}

impl IntTy {
    pub(crate) const ALL: [(IntTy, &'static str); 8] = [
        (IntTy::U8, "u8"),
        (IntTy::U16, "u16"),
        (IntTy::U32, "u32"),
        (IntTy::U64, "u64"),
        (IntTy::I8, "i8"),
        (IntTy::I16, "i16"),
        (IntTy::I32, "i32"),
        (IntTy::I64, "i64"),
    ];

    /// The Rust type name.
    pub fn name(self) -> &'static str {
        IntTy::ALL
            .iter()
            .find(|(t, _)| *t == self)
            .map_or("i64", |(_, n)| n)
    }

    /// The inclusive range of values.
    pub fn range(self) -> (i128, i128) {
        match self {
            IntTy::U8 => (0, u8::MAX.into()),
            IntTy::U16 => (0, u16::MAX.into()),
            IntTy::U32 => (0, u32::MAX.into()),
            IntTy::U64 => (0, u64::MAX.into()),
            IntTy::I8 => (i8::MIN.into(), i8::MAX.into()),
            IntTy::I16 => (i16::MIN.into(), i16::MAX.into()),
            IntTy::I32 => (i32::MIN.into(), i32::MAX.into()),
            IntTy::I64 => (i64::MIN.into(), i64::MAX.into()),
        }
    }
}

/// A field type.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    /// `bool`
    Bool,
    /// `u8` ... `i64`
    Int(IntTy),
    /// `number`: a 64-bit float.
    Number,
    /// `string`
    String,
    /// `timestamp`: RFC 3339.
    Timestamp,
    /// `url`: a string that must be an absolute URL.
    Url,
    /// `json`: any JSON value.
    Json,
    /// `enum: [a, b]` written inline on a field.
    Enum(Vec<Spanned<String>>),
    /// `[T]`
    Array(Box<Ty>),
    /// `{string: T}`
    Map(Box<Ty>),
    /// A named type from `types:`.
    Named(String),
    /// `T?`
    Optional(Box<Ty>),
}

impl Ty {
    /// The type as written in the catalog language.
    pub fn display(&self) -> String {
        match self {
            Ty::Bool => "bool".into(),
            Ty::Int(i) => i.name().into(),
            Ty::Number => "number".into(),
            Ty::String => "string".into(),
            Ty::Timestamp => "timestamp".into(),
            Ty::Url => "url".into(),
            Ty::Json => "json".into(),
            Ty::Enum(values) => format!(
                "enum [{}]",
                values
                    .iter()
                    .map(|v| v.value.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Ty::Array(t) => format!("[{}]", t.display()),
            Ty::Map(t) => format!("{{string: {}}}", t.display()),
            Ty::Named(n) => n.clone(),
            Ty::Optional(t) => format!("{}?", t.display()),
        }
    }

    /// Appends the named types this type refers to (through `[T]`,
    /// `{string: T}` and `T?` too).
    pub fn named_types(&self, out: &mut Vec<String>) {
        match self {
            Ty::Named(n) => out.push(n.clone()),
            Ty::Array(t) | Ty::Map(t) | Ty::Optional(t) => t.named_types(out),
            _ => {}
        }
    }

    /// The type without its `?`.
    pub fn required(&self) -> &Ty {
        match self {
            Ty::Optional(t) => t,
            t => t,
        }
    }
}

/// The `details` of a code.
#[derive(Debug, Clone, PartialEq)]
pub enum Details {
    /// No details: the slot is omitted.
    None,
    /// An object with these fields (`{}` for an always-empty object).
    Object(Vec<Field>),
    /// Another type: a named type, an array or a map.
    Value(Spanned<Ty>),
}
