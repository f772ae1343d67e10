//! `serialize_details`: each code's details as `#[derive(Serialize)]`
//! writes them (object details as a struct with the exact field count and
//! `skip_field` for absent optional fields).

use crate::quasi::{Rust, rust};

use super::Arms;
use crate::model::Ty;
use crate::valid::{DetailsV, FieldV, Valid};

/// The arms of `serialize_details`; codes without details share the last.
pub(super) fn details_arms(valid: &Valid<'_>) -> Rust {
    let mut arms = Arms::braces();
    for c in &valid.codes {
        let v = &c.variant;
        match &c.details {
            DetailsV::None => {}
            DetailsV::Object(fields) => {
                let (ids, binds): (Vec<_>, Vec<_>) =
                    fields.iter().map(|f| (&f.ident, &f.binding)).unzip();
                let body = object(&c.code.resolved.variant, fields);
                let rest = (!c.members.is_empty()).then(|| rust!(..));
                arms.push(rust!(Self::#v { #(#ids: #binds,)* #rest } => #body));
            }
            DetailsV::Value(_) => {
                arms.push(rust!(Self::#v(__d) => __p::serde::Serialize::serialize(__d, __s)));
            }
        }
    }
    arms.close(rust!(_ => __s.serialize_unit(),))
}

fn optional(f: &FieldV<'_>) -> bool {
    matches!(f.field.ty.value, Ty::Optional(_))
}

/// Object details through the runtime's `details_struct`.
fn object(name: &str, fields: &[FieldV<'_>]) -> Rust {
    let required = fields.iter().filter(|f| !optional(f)).count();
    let opt_counts = fields.iter().filter(|f| optional(f)).map(|f| {
        let b = &f.binding;
        rust!(+ <usize as __p::From<bool>>::from(#b.is_some()))
    });
    // The last entry's result is the closure's, when it is required.
    let last_required = fields.last().is_some_and(|f| !optional(f));
    let count = fields.len();
    let entries = fields.iter().enumerate().map(|(i, f)| {
        let (b, w) = (&f.binding, f.field.name.value.as_str());
        if optional(f) {
            rust!(if let __p::Some(__v) = #b { __m.serialize_field(#w, __v)?; } else { __m.skip_field(#w)?; })
        } else if i + 1 == count {
            rust!(__m.serialize_field(#w, #b))
        } else {
            rust!(__m.serialize_field(#w, #b)?;)
        }
    });
    let end = (!last_required).then(|| rust!(__p::Ok(())));
    rust!(__p::details_struct(__s, #name, #required #(#opt_counts)*, |__m| { #(#entries)* #end }))
}
