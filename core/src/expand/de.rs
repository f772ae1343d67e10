//! `from_wire_parts`: a known code's details read back into its variant.

use crate::quasi::{Rust, rust};

use super::Arms;
use crate::valid::{DetailsV, Valid};

/// The arms of the `match` on the code in `from_wire_parts`.
pub(super) fn arms(valid: &Valid<'_>) -> Rust {
    let code_enum = &valid.code_enum;
    let mut arms = Arms::braces();
    for c in &valid.codes {
        let v = &c.variant;
        let members = c.members.iter().map(|f| {
            let (id, wire) = (&f.ident, f.field.name.value.as_str());
            match f.field.ty.value.required() {
                crate::model::Ty::Url => rust!(#id: __m.url_member(#wire)?,),
                _ => rust!(#id: __m.member(#wire)?,),
            }
        });
        let members = rust!(#(#members)*);
        arms.push(match &c.details {
            DetailsV::None if c.members.is_empty() => {
                rust!(#code_enum::#v => { __p::skip(__d)?; Self::#v })
            }
            DetailsV::None => rust!(#code_enum::#v => { __p::skip(__d)?; Self::#v { #members } }),
            // One pass over the details into a list of the fields, whose
            // types the struct literal infers; no field is a refusal of
            // details that are not an object.
            DetailsV::Object(fields) => {
                let ids = fields.iter().map(|f| &f.ident);
                let binds = fields.iter().map(|f| &f.binding);
                let wires: Vec<_> = fields.iter().map(|f| f.field.name.value.as_str()).collect();
                let list = fields.iter().rev().fold(rust!(()), |rest, f| {
                    let b = &f.binding;
                    rust!((#b, #rest))
                });
                let read = match fields.is_empty() {
                    true => rust!(__p::fields::<_, ()>(__d, &[])?;),
                    false => rust!(let #list = __p::fields(__d, &[#(#wires),*])?;),
                };
                rust!(#code_enum::#v => {
                    #read
                    Self::#v { #(#ids: __p::field(#binds, #wires)?,)* #members }
                })
            }
            // The check refuses value members beside value details.
            DetailsV::Value(_) => {
                rust!(#code_enum::#v => Self::#v(__p::serde::Deserialize::deserialize(__d)?))
            }
        });
    }
    // An operation's enum has some of the catalog's codes: the others are
    // refused here, and a client keeps them as the catalog's errors.
    match &valid.operation {
        Some(o) => {
            let text = format!("not an error of the operation `{}`", o.operation.name.value);
            arms.close(
                rust!(_ => return __p::Err(<__D::Error as __p::serde::de::Error>::custom(#text)),),
            )
        }
        None => arms.close(Rust::new()),
    }
}
