//! The catalog's named types (structs and enums) and the enums of inline
//! `enum:` fields, declared beside the user's enum.

use crate::quasi::{Rust, rust};
use proc_macro2::Ident;

use super::docs::{doc, field_doc};
use super::fmt::debug_struct;
use super::{imp, private};
use crate::model::Ty;
use crate::valid::{EnumV, TypeV, Valid};

/// Every named type and inline enum; structs also derive the std traits
/// the user derives on the error enum (`derives`).
pub(super) fn all(valid: &Valid<'_>, vis: &syn::Visibility, derives: &[Ident]) -> Rust {
    let mut out = Rust::new();
    for t in &valid.types {
        out.extend(match t {
            TypeV::Struct {
                ident,
                name,
                doc: text,
                fields,
            } => {
                let p = private();
                let d = doc(text);
                let defs = fields.iter().map(|f| {
                    let (id, ty) = (&f.ident, f.ty.tokens(&p));
                    let fd = doc(&field_doc(f.field));
                    let wire = &f.field.name.value;
                    let rename = f.field.rust_name.is_some().then(|| rust!(#[serde(rename = #wire)]));
                    let skip = matches!(f.field.ty.value, Ty::Optional(_)).then(|| {
                        rust!(#[serde(default, skip_serializing_if = "::errcat::__private::core::option::Option::is_none")])
                    });
                    rust!(#fd #rename #skip pub #id: #ty)
                });
                let dbg = debug_struct(name, fields, |f| {
                    let id = &f.ident;
                    rust!(&self.#id)
                });
                let debug = imp(
                    rust!(#p::fmt::Debug for #ident),
                    rust! {
                        fn fmt(&self, f: &mut #p::fmt::Formatter<'_>) -> #p::fmt::Result {
                            #dbg
                        }
                    },
                );
                rust! {
                    #d
                    #[derive(Clone, PartialEq, #(#derives,)* #p::serde::Serialize, #p::serde::Deserialize)]
                    #[serde(crate = "::errcat::__private::serde")]
                    #vis struct #ident { #(#defs,)* }
                    #debug
                }
            }
            TypeV::Enum(values) => value_enum(vis, values),
        });
    }
    for e in &valid.inline_enums {
        out.extend(value_enum(vis, e));
    }
    out
}

/// An enum of string values, with `as_str` and `Display`.
fn value_enum(vis: &syn::Visibility, e: &EnumV) -> Rust {
    let p = private();
    let id = &e.ident;
    let d = doc(&e.doc);
    let (vs, wires): (Vec<&Ident>, Vec<&String>) = e.values.iter().map(|(v, w)| (v, w)).unzip();
    let docs = wires.iter().map(|w| doc(&format!("`{w}`")));
    let inherent = super::inherent(
        rust!(#id),
        rust! {
            /// The wire value.
            #[must_use]
            #[inline]
            pub const fn as_str(self) -> &'static str {
                match self { #(Self::#vs => #wires,)* }
            }
        },
    );
    let display = imp(
        rust!(#p::fmt::Display for #id),
        rust! {
            fn fmt(&self, f: &mut #p::fmt::Formatter<'_>) -> #p::fmt::Result {
                f.write_str(self.as_str())
            }
        },
    );
    rust! {
        #d
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, #p::serde::Serialize, #p::serde::Deserialize)]
        #[serde(crate = "::errcat::__private::serde")]
        #[allow(clippy::enum_variant_names)]
        #vis enum #id {
            #(#docs #[serde(rename = #wires)] #vs,)*
        }
        #inherent
        #display
    }
}
