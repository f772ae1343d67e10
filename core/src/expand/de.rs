//! `from_wire_parts`: a known code's details read back into its variant.

use proc_macro2::Group;
use quote::quote;

use super::Arms;
use crate::valid::{DetailsV, Valid};

/// The arms of the `match` on the code in `from_wire_parts`.
pub(super) fn arms(valid: &Valid<'_>) -> Group {
    let code_enum = &valid.code_enum;
    let mut arms = Arms::default();
    for c in &valid.codes {
        let v = &c.variant;
        let (mids, mwires): (Vec<_>, Vec<_>) = c
            .members
            .iter()
            .map(|f| (&f.ident, f.field.name.value.as_str()))
            .unzip();
        arms.push(match &c.details {
            DetailsV::None if c.members.is_empty() => quote!(#code_enum::#v => Self::#v),
            DetailsV::None => {
                quote!(#code_enum::#v => Self::#v { #(#mids: __d.member(#mwires)?,)* })
            }
            // No field to take: still refuse details that are not an object.
            DetailsV::Object(fields) if fields.is_empty() => {
                quote!(#code_enum::#v => { __d.object()?; Self::#v { #(#mids: __d.member(#mwires)?,)* } })
            }
            DetailsV::Object(fields) => {
                let ids = fields.iter().map(|f| &f.ident);
                let wires = fields.iter().map(|f| f.field.name.value.as_str());
                quote!(#code_enum::#v => Self::#v { #(#ids: __d.take(#wires)?,)* #(#mids: __d.member(#mwires)?,)* })
            }
            DetailsV::Value(_) => quote!(#code_enum::#v => Self::#v(__d.value()?)),
        });
    }
    arms.braced(proc_macro2::TokenStream::new())
}
