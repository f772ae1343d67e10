//! Codes: their fields, resolved values, examples, headers, deprecation.

use super::*;
use crate::load::Node;
use crate::timestamp::{http_date, parse_date};

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
    pub(crate) fn plain(node: &Node, note: Option<String>) -> Self {
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
    /// Explicit status (overrides the category's): the default one.
    pub status: Option<Spanned<i128>>,
    /// The other statuses it may answer with (`status: [400, 401]`: 401).
    pub more_statuses: Vec<Spanned<i128>>,
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
    /// Other spellings the code is decoded from (`aliases: [Message]`):
    /// the same mechanism as `renamed_from`, without the history.
    pub aliases: Vec<Spanned<String>>,
    /// Headers.
    pub headers: Vec<Header>,
    /// Explicit retryability (overrides the category's).
    pub retryable: Option<bool>,
    /// How clients retry it (overrides the category's).
    pub retry: Option<Retry>,
    /// Deprecation.
    pub deprecated: Option<Deprecation>,
    /// `body: false`: its responses carry no body, only its status and
    /// headers (the code travels in `header_errors`' header).
    pub no_body: Option<Loc>,
    /// Literal elements this code adds to its envelope's array of
    /// selected elements (`elements:`), with where each was written.
    pub elements: Vec<(Loc, Template)>,
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
    /// HTTP status (None on non-HTTP channels): the default one.
    pub status: Option<u16>,
    /// Every status it may answer with, the default first (empty on
    /// non-HTTP channels).
    pub statuses: Vec<u16>,
    /// Channel name.
    pub channel: String,
    /// Retryable.
    pub retryable: bool,
}
