//! Stage 5 (renderers): views of a checked catalog that are not Rust code.

// The schemas feed the CLI and the `utoipa` responses, never the macro
// otherwise: left out of its clean build, as is all that only the CLI uses.
#[cfg(feature = "tooling")]
mod dump;
#[cfg(any(feature = "tooling", feature = "utoipa"))]
pub mod json_schema;
#[cfg(feature = "tooling")]
pub mod markdown;
#[cfg(any(feature = "tooling", feature = "utoipa"))]
pub mod openapi;
#[cfg(feature = "tooling")]
pub mod typescript;
#[cfg(feature = "tooling")]
pub use dump::dump;

#[cfg(any(feature = "tooling", feature = "utoipa"))]
use crate::Checked;
#[cfg(any(feature = "tooling", feature = "utoipa"))]
use crate::model::{Code, Piece, pieces};

#[cfg(any(feature = "tooling", feature = "utoipa"))]
use crate::example::{example_values, fill_envelope, placeholder_fields};
// The example engine is its own module; the renderers' API names it here.
pub use crate::example::{Json, example, member_text, synthesized};

/// A code's example as an HTTP response, as the generated code answers it.
#[cfg(any(feature = "tooling", feature = "utoipa"))]
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// The status (500 for a code of a non-HTTP channel, as the runtime).
    pub status: u16,
    /// The catalog's headers, rendered from the example; a header naming an
    /// absent optional field is left out.
    pub headers: Vec<(String, String)>,
    /// The catalog's media type.
    pub content_type: String,
    /// The envelope.
    pub body: Json,
}

/// A code's example response; `request_id` replaces the example's.
#[cfg(any(feature = "tooling", feature = "utoipa"))]
pub fn response(catalog: &Checked, code: &Code, request_id: Option<&str>) -> Response {
    response_at(
        catalog,
        code,
        request_id,
        code.resolved.status.unwrap_or(500),
    )
}

/// A code's example response with `status`, one of the code's statuses
/// (`$status` is filled with it).
#[cfg(any(feature = "tooling", feature = "utoipa"))]
pub fn response_at(
    catalog: &Checked,
    code: &Code,
    request_id: Option<&str>,
    status: u16,
) -> Response {
    let mut values = example_values(catalog, code, request_id);
    if values.status.is_some() {
        values.status = Some(crate::example::Json::Number(status.into()));
    }
    let mut fields = placeholder_fields(values.details.as_ref(), &values.members);
    // `{$code}` and the other slots a header may name.
    if let Json::Object(entries) = &mut fields {
        let slots = [
            ("$code", Some(Json::String(code.code.value.clone()))),
            ("$message", values.message.clone()),
            ("$status", Some(Json::Number(status.into()))),
            ("$category", values.category.clone()),
        ];
        entries.extend(
            slots
                .into_iter()
                .filter_map(|(k, v)| Some((k.to_string(), v?))),
        );
    }
    let headers = code
        .headers
        .iter()
        .filter(|h| {
            pieces(&h.value.value).is_ok_and(|parts| {
                parts.iter().all(|p| match p {
                    Piece::Field { name, .. } => fields.get(name).is_some(),
                    Piece::Text(_) => true,
                })
            })
        })
        .map(|h| {
            let value = crate::example::fill_header(&h.value.value, &fields);
            (h.name.value.clone(), value)
        })
        .chain(
            code.lifecycle_headers(catalog)
                .into_iter()
                .map(|(n, v)| (n.to_string(), v)),
        )
        .collect();
    Response {
        status,
        headers,
        content_type: catalog.content_type().to_string(),
        body: fill_envelope(catalog, code, &values),
    }
}
