//! `Display` (the message, placeholders filled) and `Debug` (sensitive
//! fields redacted; unit, tuple and struct variants printed like
//! `#[derive(Debug)]`) of the error enum.

use crate::quasi::{Rust, rust};

use super::{Arms, imp, private};
use crate::model::Piece;
use crate::valid::{DetailsV, FieldV, Valid};

/// `f.debug_struct(name)` with every field, sensitive ones redacted;
/// `access` gives the expression of a field's value.
pub(super) fn debug_struct<'f, 'a: 'f>(
    name: &str,
    fields: impl IntoIterator<Item = &'f FieldV<'a>>,
    access: impl Fn(&FieldV<'_>) -> Rust,
) -> Rust {
    let p = private();
    let entries = fields.into_iter().map(|f| {
        let wire = f.field.name.value.as_str();
        let val = access(f);
        if f.field.sensitive {
            rust!(.field(#wire, &#p::core::format_args!("<redacted>")))
        } else {
            rust!(.field(#wire, #val))
        }
    });
    rust!(f.debug_struct(#name) #(#entries)* .finish())
}

/// `Display`: codes whose message has placeholders get an arm; static
/// messages come from the code table in the shared last arm.
pub(super) fn display(valid: &Valid<'_>) -> Rust {
    let mut arms = Arms::braces();
    for c in &valid.codes {
        if c.message.iter().all(|p| matches!(p, Piece::Text(_))) {
            continue;
        }
        let writes = c.message.iter().map(|piece| match piece {
            Piece::Text(t) => rust!(f.write_str(#t)?;),
            Piece::Field { name, .. } => {
                let b = c.field(name).map(|f| &f.binding);
                rust!(__p::fmt::Display::fmt(#b, f)?;)
            }
        });
        let used = c.variant_fields().filter(|f| {
            c.message
                .iter()
                .any(|p| matches!(p, Piece::Field { name, .. } if *name == f.field.name.value))
        });
        let (ids, binds): (Vec<_>, Vec<_>) = used.map(|f| (&f.ident, &f.binding)).unzip();
        let v = &c.variant;
        arms.push(rust!(Self::#v { #(#ids: #binds,)* .. } => { #(#writes)* __p::Ok(()) }));
    }
    let arms = arms.close(rust!(_ => f.write_str(__ERRCAT_META[self.code() as usize].7),));
    let error = &valid.error;
    imp(
        rust!(__p::fmt::Display for #error),
        rust! {
            fn fmt(&self, f: &mut __p::fmt::Formatter<'_>) -> __p::fmt::Result {
                match self #arms
            }
        },
    )
}

/// `Debug`, for the attribute macro's enum (a derive's enum is the user's,
/// who derives `Debug` as they like).
pub(super) fn debug(valid: &Valid<'_>) -> Rust {
    let mut arms = Arms::braces();
    for c in &valid.codes {
        let v = &c.variant;
        let name = v.to_string();
        match &c.details {
            _ if c.is_struct() => {
                let (ids, binds): (Vec<_>, Vec<_>) =
                    c.variant_fields().map(|f| (&f.ident, &f.binding)).unzip();
                let dbg = debug_struct(&name, c.variant_fields(), |f| {
                    let b = &f.binding;
                    rust!(#b)
                });
                arms.push(rust!(Self::#v { #(#ids: #binds),* } => #dbg));
            }
            DetailsV::None | DetailsV::Object(_) => {}
            DetailsV::Value(_) => {
                arms.push(rust!(Self::#v(__d) => f.debug_tuple(#name).field(__d).finish()));
            }
        }
    }
    // Unit variants print their name, as `#[derive(Debug)]` would.
    let arms = arms.close(rust!(_ => f.write_str(__ERRCAT_META[self.code() as usize].8),));
    let error = &valid.error;
    imp(
        rust!(__p::fmt::Debug for #error),
        rust! {
            fn fmt(&self, f: &mut __p::fmt::Formatter<'_>) -> __p::fmt::Result {
                match self #arms
            }
        },
    )
}
