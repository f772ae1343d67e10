//! `headers()`: each code's headers, rendered from its details.

use crate::quasi::{Rust, rust};

use super::Arms;
use crate::model::Piece;
use crate::rust_ty::RustTy;
use crate::valid::{CodeV, FieldV, Valid};

/// The body of `headers()`.
pub(super) fn body(valid: &Valid<'_>) -> Rust {
    let mut arms = Arms::braces();
    for c in valid.codes.iter().filter(|c| !c.headers.is_empty()) {
        arms.push(arm(c));
    }
    if arms.len == 0 {
        return rust!(__p::Vec::new());
    }
    let arms = arms.close(rust!(_ => __p::Vec::new(),));
    rust!(match self #arms)
}

fn arm(c: &CodeV<'_>) -> Rust {
    let mut used = Vec::new();
    let pushes: Vec<Rust> = c
        .headers
        .iter()
        .map(|h| {
            let name = &h.name;
            if h.value.iter().all(|p| matches!(p, Piece::Text(_))) {
                let text: String = h
                    .value
                    .iter()
                    .filter_map(|p| match p {
                        Piece::Text(t) => Some(t.as_str()),
                        Piece::Field { .. } => None,
                    })
                    .collect();
                return rust!(__p::static_header(&mut __h, #name, #text););
            }
            let mut fmt = String::new();
            let mut args = Vec::new();
            let mut optional = Vec::new();
            // Inside a quoted-string, values are escaped (RFC 9110 5.6.4).
            let mut quoted = false;
            for part in &h.value {
                match part {
                    Piece::Text(t) => {
                        quoted ^= unescaped_quotes(t) % 2 == 1;
                        fmt.push_str(&t.replace('{', "{{").replace('}', "}}"))
                    }
                    Piece::Field { name, .. } if name.starts_with('$') => {
                        fmt.push_str("{}");
                        let value = slot_value(&name[1..]);
                        args.push(match quoted {
                            true => rust!(__p::Quoted(#value)),
                            false => value,
                        });
                    }
                    Piece::Field { name, format } => {
                        fmt.push_str("{}");
                        let f = c.field(name);
                        if let Some(f) = f {
                            if !used.iter().any(|u: &&FieldV<'_>| u.ident == f.ident) {
                                used.push(f);
                            }
                            if matches!(f.ty, RustTy::Option(_)) && !optional.contains(&&f.binding)
                            {
                                optional.push(&f.binding);
                            }
                        }
                        let b = f.map(|f| &f.binding);
                        let value = if format.as_deref() == Some("unix") {
                            rust!(#b.as_second())
                        } else {
                            rust!(#b)
                        };
                        args.push(match quoted {
                            true => rust!(__p::Quoted(#value)),
                            false => value,
                        });
                    }
                }
            }
            let mut push = rust!(__p::header(&mut __h, #name, __p::format!(#fmt, #(#args),*)););
            // Sent only when every optional field it names is present.
            for b in optional.iter().rev() {
                push = rust!(if let __p::Some(#b) = #b { #push });
            }
            push
        })
        .collect();
    let (ids, binds): (Vec<_>, Vec<_>) = used.iter().map(|f| (&f.ident, &f.binding)).unzip();
    let (v, count) = (&c.variant, c.headers.len());
    rust! {
        Self::#v { #(#ids: #binds,)* .. } => {
            let mut __h = __p::Vec::with_capacity(#count);
            #(#pushes)*
            __h
        }
    }
}

/// The `"` in `text` that are not escaped by a `\\`.
fn unescaped_quotes(text: &str) -> usize {
    let mut n = 0;
    let mut escaped = false;
    for c in text.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => n += 1,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    n
}

/// The value of `{$slot}` in a header (the checker allows these four).
fn slot_value(slot: &str) -> Rust {
    match slot {
        "code" => rust!(self.code().as_str()),
        "message" => rust!(__p::MessageText(self, __message)),
        "status" => rust!(
            __status
                .or(self.code().status())
                .map_or(0, |__s| __s.as_u16())
        ),
        _ => rust!(::errcat::CatalogCode::category_name(self.code())),
    }
}
