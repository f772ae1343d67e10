//! Stage 2: the catalog model, built from the YAML tree ([`build()`]).
//!
//! The model's types are split by topic: the catalog itself (here),
//! envelopes and members ([`envelope`]), categories and retry advice
//! ([`retry`]), detail types ([`types`]), codes and their lifecycle
//! ([`code`]), the key lists every reader and the language schema share
//! (`keys`), and the message template lexer ([`template`]). Building the
//! model from YAML is its own module, [`build`](mod@build): it checks shape only
//! (known keys, value types, type syntax) and records every mistake;
//! cross-references (categories, types, placeholders, examples) are the
//! checker's job in [`crate::check`], which also fills in the resolved
//! values (`Code::resolved`).

pub mod build;
pub mod code;
pub mod envelope;
pub(crate) mod keys;
pub mod operation;
pub mod retry;
pub mod template;
pub mod types;

pub use build::{build, parse_duration_ms};
pub use code::*;
pub use envelope::*;
pub(crate) use keys::*;
pub use operation::*;
pub use retry::*;
pub use template::Piece;
pub(crate) use template::pieces;
pub use types::*;

use crate::diag::Loc;

/// A whole catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    /// Short machine name, e.g. `hook0`.
    pub name: Option<Spanned<String>>,
    /// Human title, e.g. `Hook0 API`.
    pub title: Option<String>,
    /// Markdown introduction for the rendered reference.
    pub description: Option<String>,
    /// Markdown sections of the rendered reference after the codes (best
    /// practices, retry strategy, getting help), title and body, in order.
    pub sections: Vec<(String, String)>,
    /// The naming rule for codes that give no Rust identifier (SQLSTATEs
    /// such as `42P01`): the variant is this prefix and the code's letters
    /// and digits (`Sqlstate42P01`).
    pub rust_name_prefix: Option<Spanned<String>>,
    /// The JSON type of wire codes: `string` (the default) or `integer`
    /// (gRPC's JSON `{"code": 5}`).
    pub code_type: Option<Spanned<String>>,
    /// The catalog's version (`MAJOR.MINOR.PATCH`): a major bump accepts
    /// breaking changes against the lock file.
    pub version: Option<Spanned<String>>,
    /// Deprecated codes answer with `Deprecation` and `Sunset` headers.
    pub deprecation_headers: bool,
    /// The response header a client reads the request id from when the
    /// body has none (`x-amzn-RequestId`); default `x-request-id`.
    pub request_id_header: Option<Spanned<String>>,
    /// A separator before which a received code's namespace is dropped
    /// when the whole code is unknown (`code_namespace: "#"`: AWS's
    /// `com.amazonaws.dynamodb.v20120810#ResourceNotFoundException`).
    pub code_namespace: Option<Spanned<String>>,
    /// Where errors without a body carry their code (`header_errors:`).
    pub header_errors: Option<HeaderErrors>,
    /// The API's operations and their errors (`operations:`).
    pub operations: Vec<Operation>,
    /// Errors every operation has, declared once (`every_operation:`).
    pub every_operation: Vec<Spanned<String>>,
    /// What every code carries, declared once (`every_code:`).
    pub every_code: EveryCode,
    /// The media type of HTTP error bodies (`application/problem+json`);
    /// `application/json` when absent.
    pub content_type: Option<Spanned<String>>,
    /// Whether `content_type` was declared JSON (`json: true`), for vendor
    /// types such as `application/x-amz-json-1.0`.
    pub content_type_json: bool,
    /// One envelope per channel, in file order.
    pub envelopes: Vec<Envelope>,
    /// Categories, in file order.
    pub categories: Vec<Category>,
    /// Named detail types, in file order.
    pub types: Vec<TypeDef>,
    /// Envelope members that are neither slots nor details (`members:`).
    pub members: Vec<Member>,
    /// Codes, in file order.
    pub codes: Vec<Code>,
    /// Where the whole file starts (for file-level diagnostics).
    pub loc: Loc,
}

impl Catalog {
    /// Whether wire codes are JSON integers (`code_type: integer`).
    pub fn numeric_codes(&self) -> bool {
        self.code_type
            .as_ref()
            .is_some_and(|t| t.value == "integer")
    }

    /// The media type of HTTP error bodies.
    pub fn content_type(&self) -> &str {
        self.content_type
            .as_ref()
            .map_or("application/json", |c| c.value.as_str())
    }

    /// The member declared as `name`.
    pub fn member(&self, name: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.name.value == name)
    }

    /// The value members `code` carries, as fields of its variant.
    pub fn value_members<'a>(&'a self, code: &'a Code) -> impl Iterator<Item = &'a Field> + 'a {
        code.member_fields.iter()
    }

    /// The fields a code's variant has: its object details' fields, then
    /// the value members it carries.
    pub fn variant_fields<'a>(&'a self, code: &'a Code) -> impl Iterator<Item = &'a Field> + 'a {
        code.object_fields().iter().chain(self.value_members(code))
    }

    /// The text of template member `name` for `code`: the code's own
    /// template, else the catalog's, placeholders not yet filled.
    pub fn member_template<'a>(
        &'a self,
        code: &'a Code,
        name: &str,
    ) -> Option<&'a Spanned<String>> {
        let own = code.member_templates.iter().find(|(n, _)| n.value == name);
        match (own, &self.member(name)?.kind) {
            (Some((_, t)), _) => Some(t),
            (None, MemberKind::Template { template, .. }) => Some(template),
            (None, MemberKind::Value(_)) => None,
        }
    }
}

impl Catalog {
    /// Whether the `http` envelope has a literal outside its arrays (`ok:
    /// false`), which lets errors travel on a success status.
    pub fn http_has_literals(&self) -> bool {
        self.envelopes
            .iter()
            .find(|e| e.channel.value == crate::check::HTTP)
            .is_some_and(|e| e.template.literal_count() > 0)
    }

    /// Whether some code travels on a success status (Slack's 200): then
    /// decoding reads a body as an `http` error only when it has the
    /// envelope's literals.
    pub fn errors_on_success(&self) -> bool {
        self.codes
            .iter()
            .any(|c| c.resolved.status.is_some_and(|s| (200..300).contains(&s)))
    }
}

/// Where a code without a body (`body: false`) carries its code: an
/// auth-param of a challenge header (RFC 6750's `WWW-Authenticate: Bearer
/// error="invalid_token", error_description="…"`).
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderErrors {
    /// Where it is declared.
    pub loc: Loc,
    /// The header, e.g. `WWW-Authenticate`.
    pub header: Spanned<String>,
    /// The parameter holding the code, e.g. `error`.
    pub code: Spanned<String>,
    /// The parameter holding the message, e.g. `error_description`.
    pub message: Option<Spanned<String>>,
}

/// What every code carries, declared once (`every_code:`): value members
/// (`name?` for optional) that each code whose envelope places them
/// carries as if it listed them, and headers each code sends unless it
/// names the header itself. [`crate::resolve`] gives them to the codes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EveryCode {
    /// The members, without `?`.
    pub members: Vec<Spanned<String>>,
    /// The members written `name?`.
    pub optional_members: Vec<String>,
    /// The headers.
    pub headers: Vec<Header>,
}

/// A value with the location it was written at.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub loc: Loc,
}
