//! Stage 2: the catalog model, built from the YAML tree.
//!
//! This stage checks shape only (known keys, value types, type syntax) and
//! records every mistake; cross-references (categories, types, placeholders,
//! examples) are the checker's job in [`crate::check`], which also fills in
//! the resolved values (`Code::resolved`).

use crate::diag::{Diagnostic, Diagnostics, Loc, suggest};
use crate::load::{Kind, Node};
use crate::timestamp::{http_date, parse_date};

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
    /// The media type of HTTP error bodies (`application/problem+json`);
    /// `application/json` when absent.
    pub content_type: Option<Spanned<String>>,
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

/// An envelope member declared under `members:` and placed by a `$name`
/// slot: a per-error value or a text made from the code.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The member's name, as written after `$`.
    pub name: Spanned<String>,
    /// What fills it.
    pub kind: MemberKind,
}

/// The two kinds of members.
#[derive(Debug, Clone, PartialEq)]
pub enum MemberKind {
    /// A typed value that the codes listing it carry as a field of their
    /// variant (Stripe's `param`), omitted when absent.
    Value(Field),
    /// A text rendered per code from `{code}`, `{category}`, `{status}`
    /// and `{channel}` (a documentation URL); codes may give their own.
    Template {
        /// The catalog's text.
        template: Spanned<String>,
        /// What the member is, for the docs.
        description: Option<String>,
    },
}

/// A value with the location it was written at.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub loc: Loc,
}

/// The wire envelope of one channel.
#[derive(Debug, Clone, PartialEq)]
pub struct Envelope {
    /// Channel name: `http`, or a non-HTTP channel such as `websocket`.
    pub channel: Spanned<String>,
    /// The JSON template.
    pub template: Template,
}

/// A JSON template: literal JSON with `$slot` strings.
#[derive(Debug, Clone, PartialEq)]
pub enum Template {
    /// A JSON object, members in order.
    Object(Vec<(String, Template)>),
    /// A JSON array.
    Array(Vec<Template>),
    /// A literal value (`"error"`, `1`, `true`, ...).
    Literal(serde_json::Value),
    /// A slot filled per error.
    Slot(Spanned<Slot>),
    /// A `$name` that names a declared member.
    Member(Spanned<String>),
    /// A `$name` that names no slot (reported by the checker).
    UnknownSlot(Spanned<String>),
}

/// What a template slot is filled with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Slot {
    /// The wire code.
    Code,
    /// The message, placeholders filled.
    Message,
    /// The details value; omitted for codes without details.
    Details,
    /// The category's wire name.
    Category,
    /// The HTTP status as a number; omitted on non-HTTP channels.
    Status,
    /// The request id from the caller's context; omitted when absent.
    RequestId,
    /// The timestamp from the caller's context; omitted when absent.
    Timestamp,
}

impl Slot {
    /// Every slot, in documentation order.
    pub const ALL: [Slot; 7] = [
        Slot::Code,
        Slot::Message,
        Slot::Details,
        Slot::Category,
        Slot::Status,
        Slot::RequestId,
        Slot::Timestamp,
    ];

    /// The slot's name as written after `$`.
    pub fn name(self) -> &'static str {
        match self {
            Slot::Code => "code",
            Slot::Message => "message",
            Slot::Details => "details",
            Slot::Category => "category",
            Slot::Status => "status",
            Slot::RequestId => "request_id",
            Slot::Timestamp => "timestamp",
        }
    }

    fn from_name(name: &str) -> Option<Slot> {
        Slot::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// A category of codes.
#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    /// Wire name, e.g. `authentication_error`.
    pub name: Spanned<String>,
    /// Explicit Rust variant name.
    pub rust_name: Option<Spanned<String>>,
    /// Human title.
    pub title: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Default HTTP status of its codes.
    pub status: Option<Spanned<i128>>,
    /// Naming rule: every code of the category starts with this prefix.
    pub prefix: Option<Spanned<String>>,
    /// Default channel of its codes.
    pub channel: Option<Spanned<String>>,
    /// Default retryability of its codes.
    pub retryable: Option<bool>,
    /// How clients retry its codes.
    pub retry: Option<Retry>,
}

/// How a client retries an error (`retry:` on a category or a code).
#[derive(Debug, Clone, PartialEq)]
pub struct Retry {
    /// Where it is written.
    pub loc: Loc,
    /// A detail field holding the delay: seconds (a number) or the moment
    /// to retry at (a timestamp).
    pub after_field: Option<Spanned<String>>,
    /// A response header holding the delay (`Retry-After`).
    pub after_header: Option<Spanned<String>>,
    /// The backoff between attempts.
    pub backoff: Option<Backoff>,
    /// Attempts in all, the first included.
    pub attempts: Option<Spanned<i128>>,
    /// A named client action to take before retrying
    /// (`refresh_credentials`).
    pub action: Option<Spanned<String>>,
}

/// An exponential backoff.
#[derive(Debug, Clone, PartialEq)]
pub struct Backoff {
    /// The first delay, in milliseconds.
    pub initial_ms: u64,
    /// The factor between delays.
    pub factor: u32,
    /// The longest delay, in milliseconds.
    pub max_ms: Option<u64>,
    /// Whether to randomize delays (full jitter).
    pub jitter: bool,
}

impl Backoff {
    /// One second, doubling, at most 30 seconds: the backoff of advice
    /// that names none (the runtime's `Backoff::DEFAULT`).
    pub const DEFAULT: Backoff = Backoff {
        initial_ms: 1000,
        factor: 2,
        max_ms: Some(30_000),
        jitter: false,
    };
}

/// Retry advice as a client applies it: every default filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct AppliedRetry {
    /// A detail field with the delay (seconds, or a time to retry at).
    pub after_field: Option<String>,
    /// A header with the delay.
    pub after_header: Option<String>,
    /// The backoff when no delay is given.
    pub backoff: Backoff,
    /// Attempts in all, the first included.
    pub attempts: u32,
    /// A client action to take before the retry.
    pub action: Option<String>,
}

impl AppliedRetry {
    /// `retry` with its defaults (the backoff, 3 attempts).
    pub fn of(retry: &Retry) -> AppliedRetry {
        AppliedRetry {
            after_field: retry.after_field.as_ref().map(|f| f.value.clone()),
            after_header: retry.after_header.as_ref().map(|h| h.value.clone()),
            backoff: retry.backoff.clone().unwrap_or(Backoff::DEFAULT),
            attempts: retry
                .attempts
                .as_ref()
                .map_or(3, |a| u32::try_from(a.value).unwrap_or(3)),
            action: retry.action.as_ref().map(|a| a.value.clone()),
        }
    }

    /// The advice for a retryable code the catalog gives none for: the
    /// `Retry-After` header, else the default backoff; 3 attempts (the
    /// runtime's `RetryAdvice::DEFAULT`).
    pub fn retryable_default() -> AppliedRetry {
        AppliedRetry {
            after_field: None,
            after_header: Some("Retry-After".into()),
            backoff: Backoff::DEFAULT,
            attempts: 3,
            action: None,
        }
    }
}

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
    const ALL: [(IntTy, &'static str); 8] = [
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

/// A deprecation.
#[derive(Debug, Clone, PartialEq)]
pub struct Deprecation {
    /// Where it is written.
    pub loc: Loc,
    /// Why, and what to use instead.
    pub note: Option<String>,
    /// Since when (`2024-06-01` or an RFC 3339 timestamp).
    pub since: Option<Spanned<String>>,
    /// The code to use instead.
    pub replaced_by: Option<Spanned<String>>,
    /// When the code stops being sent (`Sunset`, RFC 8594).
    pub sunset: Option<Spanned<String>>,
}

impl Deprecation {
    fn plain(node: &Node, note: Option<String>) -> Self {
        Deprecation {
            loc: node.loc.clone(),
            note,
            since: None,
            replaced_by: None,
            sunset: None,
        }
    }
}

impl Code {
    /// The `Deprecation` (RFC 9745) and `Sunset` (RFC 8594) headers of a
    /// deprecated code, when the catalog asks for them.
    pub fn lifecycle_headers(&self, catalog: &Catalog) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let Some(d) = self
            .deprecated
            .as_ref()
            .filter(|_| catalog.deprecation_headers)
        else {
            return out;
        };
        if let Some(seconds) = d.since.as_ref().and_then(|s| parse_date(&s.value)) {
            out.push(("Deprecation", format!("@{seconds}")));
        }
        if let Some(date) = d
            .sunset
            .as_ref()
            .and_then(|s| parse_date(&s.value))
            .and_then(http_date)
        {
            out.push(("Sunset", date));
        }
        out
    }
}

/// The example of a code.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// Where the example starts.
    pub loc: Loc,
    /// The example's details value.
    pub details: Option<Node>,
    /// A request id to render into the envelope.
    pub request_id: Option<String>,
    /// A timestamp (RFC 3339) to render into the envelope.
    pub timestamp: Option<Spanned<String>>,
    /// Values of the code's value members.
    pub members: Option<Node>,
}

/// A header sent with a code.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// The header name as written.
    pub name: Spanned<String>,
    /// The value template, with `{field}` placeholders.
    pub value: Spanned<String>,
}

/// One error code.
#[derive(Debug, Clone, PartialEq)]
pub struct Code {
    /// The wire code.
    pub code: Spanned<String>,
    /// Explicit Rust variant name.
    pub rust_name: Option<Spanned<String>>,
    /// Category name.
    pub category: Option<Spanned<String>>,
    /// Explicit status (overrides the category's).
    pub status: Option<Spanned<i128>>,
    /// Explicit channel (overrides the category's).
    pub channel: Option<Spanned<String>>,
    /// Message with `{field}` placeholders.
    pub message: Option<Spanned<String>>,
    /// Description.
    pub description: Option<String>,
    /// Steps to resolve.
    pub resolution: Vec<String>,
    /// Details schema.
    pub details: Details,
    /// Object details may be absent (`details_optional: true`); other
    /// forms are made optional in their type (`T?`) instead.
    pub details_optional: bool,
    /// The value members this code carries (`members: [param, hint?]`).
    pub members: Vec<Spanned<String>>,
    /// Their fields: the declarations, made optional where the code wrote
    /// `name?` (filled once every member is declared).
    pub member_fields: Vec<Field>,
    /// The members written `name?`.
    pub optional_members: Vec<String>,
    /// The code's own text for template members (`members: [{doc_url: …}]`).
    pub member_templates: Vec<(Spanned<String>, Spanned<String>)>,
    /// Wire codes this code had before (`renamed_from: [OLD]`): still
    /// decoded, as this code.
    pub renamed_from: Vec<Spanned<String>>,
    /// Headers.
    pub headers: Vec<Header>,
    /// Explicit retryability (overrides the category's).
    pub retryable: Option<bool>,
    /// How clients retry it (overrides the category's).
    pub retry: Option<Retry>,
    /// Deprecation.
    pub deprecated: Option<Deprecation>,
    /// Example.
    pub example: Option<Example>,
    /// Values resolved by the checker.
    pub resolved: Resolved,
}

impl Code {
    /// How clients retry this code: its own `retry:`, else its category's.
    pub fn retry<'a>(&'a self, catalog: &'a Catalog) -> Option<&'a Retry> {
        self.retry.as_ref().or_else(|| {
            let c = catalog.categories.get(self.resolved.category?)?;
            c.retry.as_ref()
        })
    }

    /// Whether its details hold a map anywhere (through arrays, options
    /// and named types): the wire sorts a map's entries, where examples
    /// keep the catalog's order.
    pub fn holds_map(&self, catalog: &Catalog) -> bool {
        let mut stack: Vec<&Ty> = match &self.details {
            Details::Object(fields) => fields.iter().map(|f| &f.ty.value).collect(),
            Details::Value(ty) => vec![&ty.value],
            Details::None => Vec::new(),
        };
        let mut seen = std::collections::HashSet::new();
        while let Some(ty) = stack.pop() {
            match ty {
                Ty::Map(_) => return true,
                Ty::Array(inner) | Ty::Optional(inner) => stack.push(inner),
                Ty::Named(name) if seen.insert(name.as_str()) => {
                    let def = catalog.types.iter().find(|t| &t.name.value == name);
                    if let Some(TypeDefKind::Struct(fields)) = def.map(|t| &t.kind) {
                        stack.extend(fields.iter().map(|f| &f.ty.value));
                    }
                }
                _ => {}
            }
        }
        false
    }

    /// How a client retries this code, as errcat's client does: its (or
    /// its category's) advice with the defaults filled in, the default
    /// advice for a retryable code without any, else `None` (final).
    pub fn applied_retry(&self, catalog: &Catalog) -> Option<AppliedRetry> {
        match self.retry(catalog) {
            Some(r) => Some(AppliedRetry::of(r)),
            None => self
                .resolved
                .retryable
                .then(AppliedRetry::retryable_default),
        }
    }

    /// The fields of object details; none for other details.
    pub fn object_fields(&self) -> &[Field] {
        match &self.details {
            Details::Object(f) => f,
            _ => &[],
        }
    }
}

/// Per-code values that the checker resolves from defaults.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Resolved {
    /// Rust variant name.
    pub variant: String,
    /// Rust constructor name.
    pub ctor: String,
    /// Index into [`Catalog::categories`]; `None` when the catalog has no
    /// categories.
    pub category: Option<usize>,
    /// HTTP status (None on non-HTTP channels).
    pub status: Option<u16>,
    /// Channel name.
    pub channel: String,
    /// Retryable.
    pub retryable: bool,
}

/// Keys accepted at the top level.
pub(crate) const TOP_KEYS: &[&str] = &[
    "$schema",
    "name",
    "title",
    "description",
    "rust_name_prefix",
    "version",
    "code_type",
    "content_type",
    "deprecation_headers",
    "envelopes",
    "categories",
    "types",
    "members",
    "sections",
    "codes",
];
/// Keys accepted in a category.
pub(crate) const CATEGORY_KEYS: &[&str] = &[
    "title",
    "description",
    "status",
    "prefix",
    "channel",
    "retryable",
    "retry",
    "rust_name",
];
/// Keys accepted in `retry:`.
pub(crate) const RETRY_KEYS: &[&str] = &[
    "after_field",
    "after_header",
    "backoff",
    "attempts",
    "action",
];
/// Keys accepted in `backoff:`.
pub(crate) const BACKOFF_KEYS: &[&str] = &["initial", "factor", "max", "jitter"];
/// Keys accepted in a named type.
pub(crate) const TYPE_KEYS: &[&str] = &["description", "fields", "enum"];
/// Keys accepted in a field's long form.
pub(crate) const FIELD_KEYS: &[&str] = &[
    "type",
    "enum",
    "optional",
    "description",
    "example",
    "sensitive",
    "rust_name",
];
/// Keys accepted in a code.
pub(crate) const CODE_KEYS: &[&str] = &[
    "category",
    "status",
    "channel",
    "rust_name",
    "message",
    "description",
    "resolution",
    "details",
    "details_optional",
    "members",
    "headers",
    "retryable",
    "retry",
    "deprecated",
    "renamed_from",
    "example",
];
/// Keys accepted in a deprecation's long form.
pub(crate) const DEPRECATION_KEYS: &[&str] = &["note", "since", "replaced_by", "sunset"];
/// Keys accepted in an example.
pub(crate) const EXAMPLE_KEYS: &[&str] = &["details", "members", "request_id", "timestamp"];
/// Keys accepted in a template member.
pub(crate) const MEMBER_TEMPLATE_KEYS: &[&str] = &["template", "description"];

/// Reads a mapping node, remembering which keys were used so that unknown
/// ones are reported with a suggestion.
struct MapReader<'a> {
    entries: &'a [(Node, Node)],
    allowed: &'a [&'a str],
}

impl<'a> MapReader<'a> {
    fn new(
        node: &'a Node,
        what: &str,
        allowed: &'a [&'a str],
        cx: &mut Diagnostics,
    ) -> Option<Self> {
        let Kind::Map(entries) = &node.kind else {
            cx.push(
                Diagnostic::new(
                    &node.loc,
                    format!("{what} must be a mapping, found {}", node.kind.describe()),
                )
                .hint(format!(
                    "write it as `key: value` lines; allowed keys: {}",
                    allowed.join(", ")
                )),
            );
            return None;
        };
        for (k, _) in entries {
            let key = k.key_string();
            if !allowed.contains(&key) {
                cx.push(
                    Diagnostic::new(&k.loc, format!("unknown key `{key}` in {what}"))
                        .hint(suggest(key, allowed)),
                );
            }
        }
        Some(MapReader { entries, allowed })
    }

    /// The value of `key`, or, when it is absent, of an unknown key that
    /// was reported as its misspelling: the model recovers the value, as
    /// rustc recovers from a typo, so the one mistake is reported once
    /// (as the unknown key) and not again as a missing key.
    fn get_or_misspelt(&self, key: &str) -> Option<&'a Node> {
        self.get(key).or_else(|| {
            self.entries
                .iter()
                .find(|(k, _)| {
                    let k = k.key_string();
                    !self.allowed.contains(&k)
                        && crate::diag::did_you_mean(k, self.allowed.iter().copied()) == Some(key)
                })
                .map(|(_, v)| v)
        })
    }

    fn get(&self, key: &str) -> Option<&'a Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(_, v)| v)
    }
}

fn entries<'a>(node: &'a Node, what: &str, cx: &mut Diagnostics) -> &'a [(Node, Node)] {
    match &node.kind {
        Kind::Map(entries) => entries,
        Kind::Null => &[],
        other => {
            cx.push(
                Diagnostic::new(
                    &node.loc,
                    format!("{what} must be a mapping, found {}", other.describe()),
                )
                .hint("write one `name:` entry per line"),
            );
            &[]
        }
    }
}

/// A value the catalog wants as text. Any scalar but null gives its text as
/// written: `title: 0x1F` is the title `0x1F`, not `31`.
fn string(node: &Node, what: &str, cx: &mut Diagnostics) -> Option<Spanned<String>> {
    let text = match (&node.kind, node.scalar_text()) {
        (Kind::Null, _) => None,
        (_, text) => text,
    };
    if let Some(text) = text {
        return Some(Spanned {
            value: text.to_string(),
            loc: node.loc.clone(),
        });
    }
    let hint = match node.kind {
        Kind::Null => "write the text after the colon, or remove the key",
        _ => "write one string; quote it if it contains `:` or starts with `[` or `{`",
    };
    cx.push(
        Diagnostic::new(
            &node.loc,
            format!("{what} must be a string, found {}", node.kind.describe()),
        )
        .hint(hint),
    );
    None
}

fn text(node: Option<&Node>, what: &str, cx: &mut Diagnostics) -> Option<String> {
    node.and_then(|n| string(n, what, cx)).map(|s| s.value)
}

fn boolean(node: &Node, what: &str, cx: &mut Diagnostics) -> Option<bool> {
    match &node.kind {
        Kind::Bool(b) => Some(*b),
        other => {
            cx.push(
                Diagnostic::new(
                    &node.loc,
                    format!(
                        "{what} must be `true` or `false`, found {}",
                        other.describe()
                    ),
                )
                .hint("write `true` or `false` without quotes"),
            );
            None
        }
    }
}

fn integer(node: &Node, what: &str, cx: &mut Diagnostics) -> Option<Spanned<i128>> {
    match &node.kind {
        Kind::Int(i) => Some(Spanned {
            value: *i,
            loc: node.loc.clone(),
        }),
        other => {
            let hint = match other {
                Kind::Str(s) if s.trim().parse::<i128>().is_ok() => {
                    Some(format!("remove the quotes: `{}`", s.trim()))
                }
                Kind::Float(_) => {
                    Some("the number is not a whole number that fits in 128 bits".to_string())
                }
                _ => None,
            };
            cx.push(
                Diagnostic::new(
                    &node.loc,
                    format!("{what} must be an integer, found {}", other.describe()),
                )
                .maybe_hint(hint),
            );
            None
        }
    }
}

fn key(node: &Node, what: &str, cx: &mut Diagnostics) -> Option<Spanned<String>> {
    match &node.kind {
        Kind::Str(_) | Kind::Int(_) => Some(Spanned {
            value: node.key_string().to_string(),
            loc: node.loc.clone(),
        }),
        other => {
            cx.push(Diagnostic::new(
                &node.loc,
                format!("{what} must be a string, found {}", other.describe()),
            ));
            None
        }
    }
}

/// Builds the model from the YAML tree, recording every shape mistake.
pub fn build(root: &Node, cx: &mut Diagnostics) -> Catalog {
    let mut catalog = Catalog {
        name: None,
        title: None,
        description: None,
        sections: Vec::new(),
        rust_name_prefix: None,
        code_type: None,
        version: None,
        deprecation_headers: false,
        content_type: None,
        envelopes: Vec::new(),
        categories: Vec::new(),
        types: Vec::new(),
        members: Vec::new(),
        codes: Vec::new(),
        loc: root.loc.clone(),
    };
    let Some(top) = MapReader::new(root, "the catalog", TOP_KEYS, cx) else {
        return catalog;
    };
    catalog.name = top.get("name").and_then(|n| string(n, "`name`", cx));
    catalog.title = text(top.get("title"), "`title`", cx);
    catalog.description = text(top.get("description"), "`description`", cx);
    if let Some(node) = top.get("sections") {
        for (k, v) in entries(node, "`sections`", cx) {
            if let (Some(title), Some(body)) =
                (key(k, "a section title", cx), string(v, "a section", cx))
            {
                catalog.sections.push((title.value, body.value));
            }
        }
    }
    catalog.code_type = top
        .get("code_type")
        .and_then(|n| string(n, "`code_type`", cx));
    catalog.version = top.get("version").and_then(|n| string(n, "`version`", cx));
    catalog.deprecation_headers = top
        .get("deprecation_headers")
        .and_then(|n| boolean(n, "`deprecation_headers`", cx))
        .unwrap_or(false);
    catalog.content_type = top
        .get("content_type")
        .and_then(|n| string(n, "`content_type`", cx));
    catalog.rust_name_prefix = top
        .get("rust_name_prefix")
        .and_then(|n| string(n, "`rust_name_prefix`", cx));
    if let Some(node) = top.get("envelopes") {
        for (k, v) in entries(node, "`envelopes`", cx) {
            if let Some(channel) = key(k, "a channel name", cx) {
                let template = template(v);
                catalog.envelopes.push(Envelope { channel, template });
            }
        }
    }
    if let Some(node) = top.get("categories") {
        for (k, v) in entries(node, "`categories`", cx) {
            if let Some(name) = key(k, "a category name", cx) {
                catalog.categories.push(category(name, v, cx));
            }
        }
    }
    if let Some(node) = top.get("types") {
        for (k, v) in entries(node, "`types`", cx) {
            if let Some(name) = key(k, "a type name", cx)
                && let Some(def) = type_def(name, v, cx)
            {
                catalog.types.push(def);
            }
        }
    }
    if let Some(node) = top.get("members") {
        for (k, v) in entries(node, "`members`", cx) {
            if let Some(name) = key(k, "a member name", cx)
                && let Some(m) = member(name, v, cx)
            {
                catalog.members.push(m);
            }
        }
        for env in &mut catalog.envelopes {
            resolve_members(&mut env.template, &catalog.members);
        }
    }
    if let Some(node) = top.get("codes") {
        for (k, v) in entries(node, "`codes`", cx) {
            let Some(name) = key(k, "a code", cx) else {
                continue;
            };
            if name.value.is_empty() {
                cx.push(
                    Diagnostic::new(&name.loc, "a wire code is empty")
                        .hint("write the code clients receive, e.g. `TOKEN_EXPIRED`"),
                );
            }
            if let Some(mut code) = code(name, v, cx) {
                code.member_fields = member_fields(&code, &catalog.members);
                catalog.codes.push(code);
            }
        }
        // An error enum without variants is useless, and its generated
        // code would not compile.
        // `codes:` with no value is null: zero codes too.
        let empty = match &node.kind {
            Kind::Map(entries) => entries.is_empty(),
            Kind::Null => true,
            _ => false,
        };
        if empty {
            cx.push(
                Diagnostic::new(&node.loc, "`codes` is empty").hint(
                    "a catalog needs at least one code, e.g. `TOKEN_EXPIRED: {category: auth, message: The token has expired}`",
                ),
            );
        }
    }
    for (required, present) in [
        ("name", catalog.name.is_some() || top.get("name").is_some()),
        ("envelopes", top.get("envelopes").is_some()),
        ("codes", top.get("codes").is_some()),
    ] {
        if !present {
            cx.push(
                Diagnostic::new(&root.loc, format!("the catalog has no `{required}`"))
                    .hint(format!("add a top-level `{required}:` key")),
            );
        }
    }
    catalog
}

fn template(node: &Node) -> Template {
    match &node.kind {
        Kind::Map(entries) => Template::Object(
            entries
                .iter()
                .map(|(k, v)| (k.key_string().to_string(), template(v)))
                .collect(),
        ),
        Kind::Seq(items) => Template::Array(items.iter().map(template).collect()),
        Kind::Str(s) if s.starts_with("$$") => {
            Template::Literal(serde_json::Value::String(s[1..].to_string()))
        }
        Kind::Str(s) if s.starts_with('$') => {
            let name = &s[1..];
            match Slot::from_name(name) {
                Some(slot) => Template::Slot(Spanned {
                    value: slot,
                    loc: node.loc.clone(),
                }),
                None => Template::UnknownSlot(Spanned {
                    value: name.to_string(),
                    loc: node.loc.clone(),
                }),
            }
        }
        _ => Template::Literal(node.to_json()),
    }
}

/// Turns `$name` slots that name a declared member into member slots.
fn resolve_members(t: &mut Template, members: &[Member]) {
    match t {
        Template::Object(items) => items
            .iter_mut()
            .for_each(|(_, v)| resolve_members(v, members)),
        Template::Array(items) => items.iter_mut().for_each(|v| resolve_members(v, members)),
        Template::UnknownSlot(s) if members.iter().any(|m| m.name.value == s.value) => {
            *t = Template::Member(s.clone());
        }
        _ => {}
    }
}

/// The fields of the value members a code lists (unknown names are the
/// checker's to report).
fn member_fields(code: &Code, members: &[Member]) -> Vec<Field> {
    code.members
        .iter()
        .filter_map(|n| {
            let m = members.iter().find(|m| m.name.value == n.value)?;
            let MemberKind::Value(f) = &m.kind else {
                return None;
            };
            let mut f = f.clone();
            if code.optional_members.contains(&n.value) && !matches!(f.ty.value, Ty::Optional(_)) {
                f.ty.value = Ty::Optional(Box::new(f.ty.value));
            }
            Some(f)
        })
        .collect()
}

/// A `members:` entry: `{template: …}` or a field declaration.
fn member(name: Spanned<String>, node: &Node, cx: &mut Diagnostics) -> Option<Member> {
    let is_template = matches!(&node.kind, Kind::Map(e)
        if e.iter().any(|(k, _)| k.as_str() == Some("template")));
    let kind = if is_template {
        let what = format!("member `{}`", name.value);
        let map = MapReader::new(node, &what, MEMBER_TEMPLATE_KEYS, cx)?;
        MemberKind::Template {
            description: text(map.get("description"), "`description`", cx),
            template: string(map.get("template")?, "`template`", cx)?,
        }
    } else {
        MemberKind::Value(field(name.clone(), node, cx)?)
    };
    Some(Member { name, kind })
}

/// A code's `members:` list: value member names and `{name: template}`.
fn code_members(node: &Node, code: &mut Code, cx: &mut Diagnostics) {
    let items = match &node.kind {
        Kind::Seq(items) => items.as_slice(),
        Kind::Null => &[],
        other => {
            cx.push(
                Diagnostic::new(
                    &node.loc,
                    format!("`members` must be a list, found {}", other.describe()),
                )
                .hint("write `members: [param]`, or `- doc_url: https://…` for a code's own text"),
            );
            return;
        }
    };
    for item in items {
        match &item.kind {
            Kind::Map(entries) => {
                for (k, v) in entries {
                    if let (Some(name), Some(text)) = (
                        key(k, "a member name", cx),
                        string(v, "a member template", cx),
                    ) {
                        code.member_templates.push((name, text));
                    }
                }
            }
            _ => {
                if let Some(mut name) = key(item, "a member name", cx) {
                    // `hint?`: this code may leave the member out.
                    if let Some(base) = name.value.strip_suffix('?') {
                        name.value = base.to_string();
                        code.optional_members.push(name.value.clone());
                    }
                    code.members.push(name);
                }
            }
        }
    }
}

fn category(name: Spanned<String>, node: &Node, cx: &mut Diagnostics) -> Category {
    let mut cat = Category {
        name,
        rust_name: None,
        title: None,
        description: None,
        status: None,
        prefix: None,
        channel: None,
        retryable: None,
        retry: None,
    };
    if matches!(node.kind, Kind::Null) {
        return cat;
    }
    let what = format!("category `{}`", cat.name.value);
    let Some(map) = MapReader::new(node, &what, CATEGORY_KEYS, cx) else {
        return cat;
    };
    cat.title = text(map.get("title"), "`title`", cx);
    cat.description = text(map.get("description"), "`description`", cx);
    cat.status = map.get("status").and_then(|n| integer(n, "`status`", cx));
    cat.prefix = map.get("prefix").and_then(|n| string(n, "`prefix`", cx));
    cat.channel = map.get("channel").and_then(|n| string(n, "`channel`", cx));
    cat.retryable = map
        .get("retryable")
        .and_then(|n| boolean(n, "`retryable`", cx));
    cat.rust_name = map
        .get("rust_name")
        .and_then(|n| string(n, "`rust_name`", cx));
    cat.retry = map.get("retry").and_then(|n| retry(n, cx));
    cat
}

/// A duration as the catalog writes it: `500ms`, `1s`, `2m`.
pub fn parse_duration_ms(text: &str) -> Option<u64> {
    let (digits, unit) = text.split_at(text.find(|c: char| !c.is_ascii_digit())?);
    let n: u64 = digits.parse().ok()?;
    match unit {
        "ms" => Some(n),
        "s" => n.checked_mul(1000),
        "m" => n.checked_mul(60_000),
        _ => None,
    }
}

fn duration(node: &Node, what: &str, cx: &mut Diagnostics) -> Option<u64> {
    let text = node.scalar_text()?;
    let ms = parse_duration_ms(text);
    if ms.is_none() {
        cx.push(
            Diagnostic::new(&node.loc, format!("{what} `{text}` is not a duration"))
                .hint("write a whole number with `ms`, `s` or `m`, e.g. `500ms` or `30s`"),
        );
    }
    ms
}

/// A `retry:` block.
fn retry(node: &Node, cx: &mut Diagnostics) -> Option<Retry> {
    let map = MapReader::new(node, "`retry`", RETRY_KEYS, cx)?;
    let backoff = map.get("backoff").and_then(|b| {
        let m = MapReader::new(b, "`backoff`", BACKOFF_KEYS, cx)?;
        let initial_ms = match m.get("initial") {
            Some(n) => duration(n, "`initial`", cx)?,
            None => 1000,
        };
        let factor = match m.get("factor") {
            Some(n) => {
                let f = integer(n, "`factor`", cx)?;
                match u32::try_from(f.value) {
                    Ok(v) if v >= 1 => v,
                    _ => {
                        cx.push(
                            Diagnostic::new(&f.loc, "`factor` must be a whole number from 1")
                                .hint("write e.g. `factor: 2`"),
                        );
                        return None;
                    }
                }
            }
            None => 2,
        };
        let max_ms = match m.get("max") {
            Some(n) => Some(duration(n, "`max`", cx)?),
            None => None,
        };
        let jitter = m
            .get("jitter")
            .and_then(|n| boolean(n, "`jitter`", cx))
            .unwrap_or(false);
        Some(Backoff {
            initial_ms,
            factor,
            max_ms,
            jitter,
        })
    });
    Some(Retry {
        loc: node.loc.clone(),
        after_field: map
            .get("after_field")
            .and_then(|n| string(n, "`after_field`", cx)),
        after_header: map
            .get("after_header")
            .and_then(|n| string(n, "`after_header`", cx)),
        backoff,
        attempts: map
            .get("attempts")
            .and_then(|n| integer(n, "`attempts`", cx)),
        action: map.get("action").and_then(|n| string(n, "`action`", cx)),
    })
}

fn type_def(name: Spanned<String>, node: &Node, cx: &mut Diagnostics) -> Option<TypeDef> {
    let what = format!("type `{}`", name.value);
    let map = MapReader::new(node, &what, TYPE_KEYS, cx)?;
    let description = text(map.get("description"), "`description`", cx);
    let kind = match (map.get("fields"), map.get("enum")) {
        (Some(fields_node), None) => TypeDefKind::Struct(fields(fields_node, cx)),
        (None, Some(values)) => TypeDefKind::Enum(enum_values(values, cx)?),
        (Some(_), Some(e)) => {
            cx.push(
                Diagnostic::new(&e.loc, format!("{what} has both `fields` and `enum`"))
                    .hint("a named type is either an object (`fields:`) or an enum (`enum:`)"),
            );
            return None;
        }
        (None, None) => {
            cx.push(
                Diagnostic::new(&name.loc, format!("{what} has neither `fields` nor `enum`"))
                    .hint("add `fields:` with one `name: type` per line, or `enum: [a, b]`"),
            );
            return None;
        }
    };
    Some(TypeDef {
        name,
        description,
        kind,
    })
}

fn enum_values(node: &Node, cx: &mut Diagnostics) -> Option<Vec<Spanned<String>>> {
    let Kind::Seq(items) = &node.kind else {
        cx.push(
            Diagnostic::new(
                &node.loc,
                format!(
                    "`enum` must be a list of strings, found {}",
                    node.kind.describe()
                ),
            )
            .hint("write `enum: [first, second]`"),
        );
        return None;
    };
    if items.is_empty() {
        cx.push(Diagnostic::new(&node.loc, "`enum` has no values").hint("list at least one value"));
        return None;
    }
    Some(
        items
            .iter()
            .filter_map(|i| string(i, "an enum value", cx))
            .collect(),
    )
}

/// Parses the object fields of `details:` or `fields:`.
fn fields(node: &Node, cx: &mut Diagnostics) -> Vec<Field> {
    let mut out = Vec::new();
    for (k, v) in entries(node, "the fields", cx) {
        if let Some(name) = key(k, "a field name", cx)
            && let Some(f) = field(name, v, cx)
        {
            out.push(f);
        }
    }
    out
}

fn field(name: Spanned<String>, node: &Node, cx: &mut Diagnostics) -> Option<Field> {
    let mut f = Field {
        name,
        rust_name: None,
        ty: Spanned {
            value: Ty::Json,
            loc: node.loc.clone(),
        },
        description: None,
        example: None,
        sensitive: false,
    };
    // Long form: a mapping with `type` or `enum` (a mapping whose only key is
    // `string` is the map shorthand `{string: T}`).
    let long = matches!(&node.kind, Kind::Map(e)
        if e.iter().any(|(k, _)| matches!(k.as_str(), Some("type" | "enum"))));
    if !long {
        f.ty = ty(node, cx)?;
        return Some(f);
    }
    let what = format!("field `{}`", f.name.value);
    let map = MapReader::new(node, &what, FIELD_KEYS, cx)?;
    let mut inner = match (map.get("type"), map.get("enum")) {
        (Some(t), None) => ty(t, cx)?,
        (None, Some(e)) => Spanned {
            value: Ty::Enum(enum_values(e, cx)?),
            loc: e.loc.clone(),
        },
        (Some(_), Some(e)) => {
            cx.push(
                Diagnostic::new(&e.loc, format!("{what} has both `type` and `enum`"))
                    .hint("use `enum: [a, b]` alone for a field that takes one of listed values"),
            );
            return None;
        }
        (None, None) => return None,
    };
    if let Some(opt) = map
        .get("optional")
        .and_then(|n| boolean(n, "`optional`", cx))
        && opt
        && !matches!(inner.value, Ty::Optional(_))
    {
        inner.value = Ty::Optional(Box::new(inner.value));
    }
    f.ty = inner;
    f.description = text(map.get("description"), "`description`", cx);
    f.example = map.get("example").cloned();
    f.sensitive = map
        .get("sensitive")
        .and_then(|n| boolean(n, "`sensitive`", cx))
        .unwrap_or(false);
    f.rust_name = map
        .get("rust_name")
        .and_then(|n| string(n, "`rust_name`", cx));
    Some(f)
}

/// Parses a type written as a string (`u32`, `[FieldError]`, `{string: T}`,
/// `T?`), a one-element sequence (`[T]`) or a `{string: T}` mapping.
fn ty(node: &Node, cx: &mut Diagnostics) -> Option<Spanned<Ty>> {
    let value = match &node.kind {
        Kind::Str(s) => match parse_ty(s) {
            Ok(t) => t,
            Err(msg) => {
                cx.push(Diagnostic::new(&node.loc, msg.0).maybe_hint(msg.1));
                return None;
            }
        },
        Kind::Seq(items) if items.len() == 1 => Ty::Array(Box::new(ty(&items[0], cx)?.value)),
        Kind::Map(entries) if entries.len() == 1 && entries[0].0.as_str() == Some("string") => {
            Ty::Map(Box::new(ty(&entries[0].1, cx)?.value))
        }
        other => {
            cx.push(
                Diagnostic::new(
                    &node.loc,
                    format!("expected a field type, found {}", other.describe()),
                )
                .hint(
                    "write a type such as `string`, `u32?`, `[FieldError]`, `{string: string}`, or a mapping with `type:` or `enum:`",
                ),
            );
            return None;
        }
    };
    Some(Spanned {
        value,
        loc: node.loc.clone(),
    })
}

/// The scalar type names of the language.
pub(crate) const SCALAR_TYPES: &[&str] = &[
    "bool",
    "string",
    "number",
    "timestamp",
    "url",
    "json",
    "u8",
    "u16",
    "u32",
    "u64",
    "i8",
    "i16",
    "i32",
    "i64",
];

/// Parses the string form of a type. Errors carry a message and a hint.
pub(crate) fn parse_ty(s: &str) -> Result<Ty, (String, Option<String>)> {
    let s = s.trim();
    if let Some(inner) = s.strip_suffix('?') {
        let inner = parse_ty(inner)?;
        if matches!(inner, Ty::Optional(_)) {
            return Err((
                format!("`{s}` is optional twice"),
                Some("write a single `?`".into()),
            ));
        }
        return Ok(Ty::Optional(Box::new(inner)));
    }
    if let Some(inner) = s.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        return Ok(Ty::Array(Box::new(parse_ty(inner)?)));
    }
    if let Some(inner) = s.strip_prefix('{').and_then(|r| r.strip_suffix('}')) {
        let Some(value) = inner.trim().strip_prefix("string:") else {
            return Err((
                format!("map type `{s}` must have string keys"),
                Some("write `{string: T}`".into()),
            ));
        };
        return Ok(Ty::Map(Box::new(parse_ty(value)?)));
    }
    if let Some((t, _)) = IntTy::ALL.iter().find(|(_, n)| *n == s) {
        return Ok(Ty::Int(*t));
    }
    Ok(match s {
        "bool" => Ty::Bool,
        "string" => Ty::String,
        "number" => Ty::Number,
        "timestamp" => Ty::Timestamp,
        "url" => Ty::Url,
        "json" => Ty::Json,
        _ if crate::names::is_plain_ident(s) => Ty::Named(s.to_string()),
        _ => {
            return Err((
                format!("invalid type `{s}`"),
                Some(format!(
                    "a type is one of {}, a named type, `[T]`, `{{string: T}}` or `T?`",
                    SCALAR_TYPES.join(", ")
                )),
            ));
        }
    })
}

fn code(name: Spanned<String>, node: &Node, cx: &mut Diagnostics) -> Option<Code> {
    let what = format!("code `{}`", name.value);
    let map = MapReader::new(node, &what, CODE_KEYS, cx)?;
    let details = match map.get("details") {
        None => Details::None,
        Some(n) => match &n.kind {
            Kind::Map(_) | Kind::Null => Details::Object(fields(n, cx)),
            _ => match ty(n, cx) {
                Some(t) => Details::Value(t),
                None => Details::None,
            },
        },
    };
    let mut headers = Vec::new();
    if let Some(h) = map.get("headers") {
        for (k, v) in entries(h, "`headers`", cx) {
            let value = match &v.kind {
                // Plain numbers are natural for constant headers.
                Kind::Int(_) => Some(Spanned {
                    value: v.key_string().to_string(),
                    loc: v.loc.clone(),
                }),
                _ => string(v, "a header value", cx),
            };
            if let (Some(name), Some(value)) = (key(k, "a header name", cx), value) {
                headers.push(Header { name, value });
            }
        }
    }
    let resolution = match map.get("resolution") {
        None => Vec::new(),
        Some(n) => match &n.kind {
            Kind::Seq(items) => items
                .iter()
                .filter_map(|i| string(i, "a resolution step", cx))
                .map(|s| s.value)
                .collect(),
            Kind::Str(s) => vec![s.clone()],
            other => {
                cx.push(
                    Diagnostic::new(
                        &n.loc,
                        format!(
                            "`resolution` must be a list of strings, found {}",
                            other.describe()
                        ),
                    )
                    .hint("write one `- step` per line"),
                );
                Vec::new()
            }
        },
    };
    let deprecated = match map.get("deprecated") {
        None => None,
        Some(n) => match &n.kind {
            Kind::Bool(true) => Some(Deprecation::plain(n, None)),
            Kind::Bool(false) => None,
            Kind::Str(s) => Some(Deprecation::plain(n, Some(s.clone()))),
            Kind::Map(_) => {
                let m = MapReader::new(n, "`deprecated`", DEPRECATION_KEYS, cx)?;
                let get = |k: &str, cx: &mut Diagnostics| {
                    m.get(k).and_then(|v| string(v, &format!("`{k}`"), cx))
                };
                Some(Deprecation {
                    loc: n.loc.clone(),
                    note: text(m.get("note"), "`note`", cx),
                    since: get("since", cx),
                    replaced_by: get("replaced_by", cx),
                    sunset: get("sunset", cx),
                })
            }
            other => {
                cx.push(
                    Diagnostic::new(
                        &n.loc,
                        format!(
                            "`deprecated` must be `true` or a note, found {}",
                            other.describe()
                        ),
                    )
                    .hint("write `deprecated: \"use OTHER_CODE instead\"`, or a mapping with `note`, `since`, `replaced_by`, `sunset`"),
                );
                None
            }
        },
    };
    let example = map.get("example").and_then(|n| {
        let m = MapReader::new(n, "`example`", EXAMPLE_KEYS, cx)?;
        Some(Example {
            loc: n.loc.clone(),
            details: m.get("details").cloned(),
            request_id: text(m.get("request_id"), "`request_id`", cx),
            timestamp: m
                .get("timestamp")
                .and_then(|t| string(t, "`timestamp`", cx)),
            members: m.get("members").cloned(),
        })
    });
    let message_node = map.get_or_misspelt("message");
    let message = message_node.and_then(|n| string(n, "`message`", cx));
    if message_node.is_none() {
        cx.push(
            Diagnostic::new(&name.loc, format!("{what} has no `message`"))
                .hint("add `message: A human-readable message`"),
        );
    }
    let optional = map
        .get("details_optional")
        .and_then(|n| boolean(n, "`details_optional`", cx))
        .unwrap_or(false);
    // Other forms carry the optionality in their type, as `T?` does.
    let details = match details {
        Details::Value(mut t) if optional && !matches!(t.value, Ty::Optional(_)) => {
            t.value = Ty::Optional(Box::new(t.value));
            Details::Value(t)
        }
        d => d,
    };
    let details_optional = optional && matches!(details, Details::Object(_));
    let renamed_from = match map.get("renamed_from") {
        None => Vec::new(),
        Some(n) => match &n.kind {
            Kind::Seq(items) => items
                .iter()
                .filter_map(|i| key(i, "a former code", cx))
                .collect(),
            _ => key(n, "a former code", cx).into_iter().collect(),
        },
    };
    let mut code = Code {
        renamed_from,
        category: map
            .get_or_misspelt("category")
            .and_then(|n| string(n, "`category`", cx)),
        status: map.get("status").and_then(|n| match n.kind {
            Kind::Null => None,
            _ => integer(n, "`status`", cx),
        }),
        channel: map.get("channel").and_then(|n| string(n, "`channel`", cx)),
        rust_name: map
            .get("rust_name")
            .and_then(|n| string(n, "`rust_name`", cx)),
        message,
        description: text(map.get("description"), "`description`", cx),
        resolution,
        details,
        details_optional,
        members: Vec::new(),
        member_fields: Vec::new(),
        optional_members: Vec::new(),
        member_templates: Vec::new(),
        headers,
        retryable: map
            .get("retryable")
            .and_then(|n| boolean(n, "`retryable`", cx)),
        retry: map.get("retry").and_then(|n| retry(n, cx)),
        deprecated,
        example,
        code: name,
        resolved: Resolved::default(),
    };
    if let Some(n) = map.get("members") {
        code_members(n, &mut code, cx);
    }
    Some(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_bytes;

    fn build_text(text: &str) -> (Catalog, Vec<Diagnostic>) {
        let mut cx = Diagnostics::new();
        let root = load_bytes("t.yaml", text.as_bytes(), &mut cx).unwrap();
        let catalog = build(&root, &mut cx);
        (catalog, cx.into_vec())
    }

    const MINIMAL: &str =
        "name: t\nenvelopes:\n  http: {code: $code}\ncategories:\n  c: {status: 400}\ncodes:\n";

    #[test]
    fn empty_codes_are_an_error_at_their_line() {
        let (_, diags) = build_text(
            "name: t\nenvelopes:\n  http: {code: $code}\ncategories:\n  c: {status: 400}\ncodes: {}\n",
        );
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!((diags[0].loc.line, diags[0].loc.column), (6, 8));
        assert!(diags[0].message.contains("`codes` is empty"), "{diags:?}");
        assert!(
            diags[0]
                .hint
                .as_deref()
                .unwrap()
                .contains("at least one code")
        );
    }

    #[test]
    fn a_misspelt_required_key_is_one_mistake() {
        let (_, diags) = build_text(&format!("{MINIMAL}  A:\n    categroy: c\n    mesage: hi\n"));
        let got: Vec<(u32, &str)> = diags
            .iter()
            .map(|d| (d.loc.line, d.hint.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(
            got,
            [
                (8, "did you mean `category`?"),
                (9, "did you mean `message`?")
            ],
            "{diags:#?}"
        );
    }

    #[test]
    fn unknown_keys_suggest_the_closest() {
        let (_, diags) = build_text(&format!(
            "{MINIMAL}  A:\n    category: c\n    mesage: hi\n    message: hi\n"
        ));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].loc.line, 9);
        assert_eq!(diags[0].hint.as_deref(), Some("did you mean `message`?"));
    }

    #[test]
    fn wrong_types_are_all_reported() {
        let (_, diags) = build_text(&format!(
            "{MINIMAL}  A:\n    category: c\n    message: [x]\n    retryable: \"yes\"\n    status: \"404\"\n"
        ));
        let lines: Vec<u32> = diags.iter().map(|d| d.loc.line).collect();
        assert_eq!(lines, vec![9, 10, 11], "{diags:?}");
        assert!(
            diags[2]
                .hint
                .as_deref()
                .unwrap()
                .contains("remove the quotes")
        );
    }

    #[test]
    fn missing_required_keys() {
        let (_, diags) = build_text("title: x\n");
        let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert!(messages.iter().any(|m| m.contains("no `name`")));
        assert!(messages.iter().any(|m| m.contains("no `codes`")));
        // A missing category is the checker's (categories are optional).
        let (_, diags) = build_text(&format!("{MINIMAL}  A:\n    status: 400\n"));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(diags[0].message.contains("no `message`"), "{diags:?}");
    }

    #[test]
    fn type_syntax() {
        assert_eq!(
            parse_ty("u32?"),
            Ok(Ty::Optional(Box::new(Ty::Int(IntTy::U32))))
        );
        assert_eq!(
            parse_ty("[FieldError]"),
            Ok(Ty::Array(Box::new(Ty::Named("FieldError".into()))))
        );
        assert_eq!(
            parse_ty("{string: string}"),
            Ok(Ty::Map(Box::new(Ty::String)))
        );
        assert!(parse_ty("u32??").is_err());
        assert!(parse_ty("{int: string}").is_err());
        assert!(parse_ty("not a type").is_err());
    }

    #[test]
    fn field_forms() {
        let (catalog, diags) = build_text(&format!(
            "{MINIMAL}  A:\n    category: c\n    message: hi\n    details:\n      a: [string]\n      b: {{string: u8}}\n      c: {{type: timestamp, optional: true, sensitive: true}}\n      d: {{enum: [x, y]}}\n"
        ));
        assert!(diags.is_empty(), "{diags:?}");
        let Details::Object(fields) = &catalog.codes[0].details else {
            panic!()
        };
        let tys: Vec<String> = fields.iter().map(|f| f.ty.value.display()).collect();
        assert_eq!(
            tys,
            ["[string]", "{string: u8}", "timestamp?", "enum [x, y]"]
        );
        assert!(fields[2].sensitive);
    }

    #[test]
    fn templates_find_slots() {
        let (catalog, _) = build_text(
            "name: t\nenvelopes:\n  http: {a: $code, b: $$lit, c: $nope, d: 1}\ncodes:\n",
        );
        let Template::Object(members) = &catalog.envelopes[0].template else {
            panic!()
        };
        assert!(matches!(members[0].1, Template::Slot(_)));
        assert_eq!(members[1].1, Template::Literal("$lit".into()));
        assert!(matches!(members[2].1, Template::UnknownSlot(_)));
    }
}

/// A piece of a message or header template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Literal text (`{{` and `}}` already unescaped).
    Text(String),
    /// `{field}` or `{field:format}`.
    Field {
        /// The field name.
        name: String,
        /// The format after `:`, e.g. `unix`.
        format: Option<String>,
    },
}

/// Splits `text` into literal text and `{field}` placeholders. `{{` and `}}`
/// are literal braces. The error is a message and a hint.
pub(crate) fn pieces(text: &str) -> Result<Vec<Piece>, (String, String)> {
    let mut out = Vec::new();
    let mut lit = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match c {
            '{' if chars.peek().map(|p| p.1) == Some('{') => {
                chars.next();
                lit.push('{');
            }
            '}' if chars.peek().map(|p| p.1) == Some('}') => {
                chars.next();
                lit.push('}');
            }
            '{' => {
                let mut inner = String::new();
                let mut closed = false;
                for (_, c) in chars.by_ref() {
                    if c == '}' {
                        closed = true;
                        break;
                    }
                    inner.push(c);
                }
                if !closed {
                    return Err((
                        format!("unclosed `{{` in `{text}`"),
                        "close the placeholder with `}`, or write `{{` for a literal brace".into(),
                    ));
                }
                let (name, format) = match inner.split_once(':') {
                    Some((n, f)) => (n.trim().to_string(), Some(f.trim().to_string())),
                    None => (inner.trim().to_string(), None),
                };
                if name.is_empty() {
                    return Err((
                        format!("empty placeholder `{{}}` in `{text}`"),
                        "name a detail field: `{field}`".into(),
                    ));
                }
                if !lit.is_empty() {
                    out.push(Piece::Text(std::mem::take(&mut lit)));
                }
                out.push(Piece::Field { name, format });
            }
            '}' => {
                return Err((
                    format!("unmatched `}}` in `{text}`"),
                    "write `}}` for a literal brace".into(),
                ));
            }
            c => lit.push(c),
        }
    }
    if !lit.is_empty() {
        out.push(Piece::Text(lit));
    }
    Ok(out)
}

#[cfg(test)]
mod piece_tests {
    use super::*;

    #[test]
    fn placeholders_and_escapes() {
        assert_eq!(
            pieces("a {x} {{b}} {t:unix}").unwrap(),
            vec![
                Piece::Text("a ".into()),
                Piece::Field {
                    name: "x".into(),
                    format: None
                },
                Piece::Text(" {b} ".into()),
                Piece::Field {
                    name: "t".into(),
                    format: Some("unix".into())
                },
            ]
        );
        assert!(pieces("a {x").is_err());
        assert!(pieces("a }").is_err());
        assert!(pieces("a {}").is_err());
    }
}
