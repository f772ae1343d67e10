//! The keys each part of a catalog accepts: read by the builders (unknown
//! keys get a "did you mean") and by the language schema, so the two
//! cannot drift.

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
    "request_id_header",
    "code_namespace",
    "every_code",
    "header_errors",
    "operations",
    "every_operation",
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
    "headers",
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
    "elements",
    "aliases",
    "body",
];
/// Keys accepted in a deprecation's long form.
pub(crate) const DEPRECATION_KEYS: &[&str] = &["note", "since", "replaced_by", "sunset"];
/// Keys accepted in an example.
pub(crate) const EXAMPLE_KEYS: &[&str] = &["details", "members", "request_id", "timestamp"];
/// Keys accepted in `content_type`'s long form.
pub(crate) const CONTENT_TYPE_KEYS: &[&str] = &["type", "json"];
/// Keys accepted in a template member.
pub(crate) const MEMBER_TEMPLATE_KEYS: &[&str] = &["template", "description"];

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

/// The keys of `every_code:`.
pub(crate) const EVERY_CODE_KEYS: &[&str] = &["members", "headers"];

/// The keys of `header_errors:`.
pub(crate) const HEADER_ERRORS_KEYS: &[&str] = &["header", "code", "message"];

/// The keys of an operation.
pub(crate) const OPERATION_KEYS: &[&str] = &["method", "path", "summary", "errors"];

/// The keys of `every_operation:`.
pub(crate) const EVERY_OPERATION_KEYS: &[&str] = &["errors"];
