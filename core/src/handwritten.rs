//! The idiomatic hand-written equivalent of a catalog's errors, as Rust
//! source: thiserror `Display`, serde derive, a strum-style code enum and a
//! status `match`. The compile-time benchmark (`scripts/compile-time.sh`)
//! builds it side by side with the macro's expansion of the same catalog.

use std::fmt::Write as _;

use crate::Checked;
use crate::model::{Details, Piece, Ty, TypeDefKind, pieces};
use crate::names;

/// Hand-written Rust spells types as `RustTy::source` does (inline enums
/// as strings).
fn rust_ty(ty: &Ty) -> String {
    crate::rust_ty::RustTy::of(ty, "", "").source()
}

fn field_ident(name: &str) -> String {
    if names::is_keyword(name) {
        format!("r#{name}")
    } else {
        name.to_string()
    }
}

/// Rust source for a checked catalog.
pub fn source(catalog: &Checked) -> String {
    let mut s = String::from(
        "//! Hand-written errors, equivalent to the catalog.\n#![allow(missing_docs)]\nuse serde::{Deserialize, Serialize};\n\n",
    );
    types(catalog, &mut s);
    let all: Vec<usize> = (0..catalog.codes.len()).collect();
    error_enum(catalog, "ApiError", &all, &mut s);
    code_enum(catalog, &mut s);
    for op in catalog.operations.iter().filter(|o| !o.codes.is_empty()) {
        let name = crate::check::operation_enum_name(&op.name.value);
        s.push('\n');
        error_enum(catalog, &name, &op.codes, &mut s);
        s.push_str("}\n");
        operation_impls(catalog, &name, &op.codes, &mut s);
    }
    s
}

/// An operation's enum as `error_set` or smithy-rs users write it: its
/// `code()`, `From` into the catalog's enum and `TryFrom` back.
fn operation_impls(catalog: &Checked, name: &str, codes: &[usize], s: &mut String) {
    let arms = |from: &str, to: &str| -> String {
        let mut out = String::new();
        for &i in codes {
            let code = &catalog.codes[i];
            let v = &code.resolved.variant;
            let pattern = match &code.details {
                Details::None => String::new(),
                Details::Object(fields) => {
                    let names: Vec<String> =
                        fields.iter().map(|f| field_ident(&f.name.value)).collect();
                    format!(" {{ {} }}", names.join(", "))
                }
                Details::Value(_) => "(d)".to_string(),
            };
            let _ = writeln!(
                out,
                "            {from}::{v}{pattern} => {to}::{v}{pattern},"
            );
        }
        out
    };
    let _ = write!(
        s,
        "\nimpl {name} {{\n    pub fn code(&self) -> ApiErrorCode {{\n        match self {{\n"
    );
    for &i in codes {
        let v = &catalog.codes[i].resolved.variant;
        let _ = writeln!(s, "            Self::{v} {{ .. }} => ApiErrorCode::{v},");
    }
    let _ = write!(
        s,
        "        }}\n    }}\n}}\n\nimpl From<{name}> for ApiError {{\n    fn from(e: {name}) -> Self {{\n        match e {{\n{}        }}\n    }}\n}}\n\nimpl TryFrom<ApiError> for {name} {{\n    type Error = ApiError;\n    fn try_from(e: ApiError) -> Result<Self, ApiError> {{\n        Ok(match e {{\n{}            other => return Err(other),\n        }})\n    }}\n}}\n",
        arms(name, "ApiError"),
        arms("ApiError", name)
    );
}

/// The named types: structs and enums with serde derives.
fn types(catalog: &Checked, s: &mut String) {
    for def in &catalog.types {
        match &def.kind {
            TypeDefKind::Struct(fields) => {
                let _ = writeln!(
                    s,
                    "#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]\npub struct {} {{",
                    def.name.value
                );
                for f in fields {
                    let skip = if matches!(f.ty.value, Ty::Optional(_)) {
                        "    #[serde(default, skip_serializing_if = \"Option::is_none\")]\n"
                    } else {
                        ""
                    };
                    let _ = writeln!(
                        s,
                        "{skip}    pub {}: {},",
                        field_ident(&f.name.value),
                        rust_ty(&f.ty.value)
                    );
                }
                s.push_str("}\n\n");
            }
            TypeDefKind::Enum(values) => {
                let _ = writeln!(
                    s,
                    "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]\npub enum {} {{",
                    def.name.value
                );
                for v in values {
                    let _ = writeln!(
                        s,
                        "    #[serde(rename = \"{}\")]\n    {},",
                        v.value,
                        names::upper_camel(&v.value).unwrap_or_default()
                    );
                }
                s.push_str("}\n\n");
                let _ = writeln!(
                    s,
                    "impl std::fmt::Display for {} {{\n    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {{\n        std::fmt::Debug::fmt(self, f)\n    }}\n}}\n",
                    def.name.value
                );
            }
        }
    }
}

/// An error enum of `codes`: thiserror messages, serde's adjacent tagging
/// (left open: the caller closes it).
fn error_enum(catalog: &Checked, name: &str, codes: &[usize], s: &mut String) {
    let _ = writeln!(
        s,
        "#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, Deserialize)]\n#[serde(tag = \"code\", content = \"details\")]\npub enum {name} {{"
    );
    for code in codes.iter().map(|&i| &catalog.codes[i]) {
        let r = &code.resolved;
        let message: String = code
            .message
            .as_ref()
            .and_then(|m| pieces(&m.value).ok())
            .unwrap_or_default()
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.replace('{', "{{").replace('}', "}}").replace('"', "\\\""),
                Piece::Field { name, .. } => format!("{{{name}}}"),
            })
            .collect();
        let _ = writeln!(
            s,
            "    #[error(\"{message}\")]\n    #[serde(rename = \"{}\")]",
            code.code.value
        );
        match &code.details {
            Details::None => {
                let _ = writeln!(s, "    {},", r.variant);
            }
            Details::Object(fields) => {
                let _ = writeln!(s, "    {} {{", r.variant);
                for f in fields {
                    let _ = writeln!(
                        s,
                        "        {}: {},",
                        field_ident(&f.name.value),
                        rust_ty(&f.ty.value)
                    );
                }
                s.push_str("    },\n");
            }
            Details::Value(t) => {
                let _ = writeln!(s, "    {}({}),", r.variant, rust_ty(&t.value));
            }
        }
    }
}

/// The code enum and its tables, written as matches.
fn code_enum(catalog: &Checked, s: &mut String) {
    s.push_str("}\n\n#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]\npub enum ApiErrorCode {\n");
    for code in &catalog.codes {
        let _ = writeln!(s, "    {},", code.resolved.variant);
    }
    s.push_str("}\n\nimpl ApiErrorCode {\n    pub const fn as_str(self) -> &'static str {\n        match self {\n");
    for code in &catalog.codes {
        let _ = writeln!(
            s,
            "            Self::{} => \"{}\",",
            code.resolved.variant, code.code.value
        );
    }
    s.push_str("        }\n    }\n\n    pub fn status(self) -> Option<http::StatusCode> {\n        match self {\n");
    for code in &catalog.codes {
        let status = match code.resolved.status {
            Some(n) => format!("http::StatusCode::from_u16({n}).ok()"),
            None => "None".into(),
        };
        let _ = writeln!(
            s,
            "            Self::{} => {status},",
            code.resolved.variant
        );
    }
    s.push_str(
        "        }\n    }\n\n    pub fn category(self) -> &'static str {\n        match self {\n",
    );
    for code in &catalog.codes {
        let cat = code
            .resolved
            .category
            .and_then(|i| catalog.categories.get(i))
            .map_or("", |c| c.name.value.as_str());
        let _ = writeln!(
            s,
            "            Self::{} => \"{cat}\",",
            code.resolved.variant
        );
    }
    s.push_str("        }\n    }\n}\n\nimpl std::str::FromStr for ApiErrorCode {\n    type Err = String;\n    fn from_str(s: &str) -> Result<Self, String> {\n        match s {\n");
    for code in &catalog.codes {
        let _ = writeln!(
            s,
            "            \"{}\" => Ok(Self::{}),",
            code.code.value, code.resolved.variant
        );
    }
    s.push_str("            other => Err(other.to_string()),\n        }\n    }\n}\n\nimpl std::fmt::Display for ApiErrorCode {\n    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {\n        f.write_str(self.as_str())\n    }\n}\n\nimpl ApiError {\n    pub fn code(&self) -> ApiErrorCode {\n        match self {\n");
    for code in &catalog.codes {
        let _ = writeln!(
            s,
            "            Self::{} {{ .. }} => ApiErrorCode::{},",
            code.resolved.variant, code.resolved.variant
        );
    }
    s.push_str("        }\n    }\n\n    pub fn status(&self) -> Option<http::StatusCode> {\n        self.code().status()\n    }\n}\n");
}
