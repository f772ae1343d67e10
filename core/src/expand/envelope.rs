//! The envelope serializer, unrolled from the channel templates at
//! expansion time, and the templates as runtime constants.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::model::{MemberKind, Slot, Template};
use crate::rust_ty::RustTy;
use crate::valid::{HTTP, Valid};

/// A template as a `Template` constant of the runtime.
pub(super) fn template_tokens(t: &Template) -> TokenStream {
    let p = quote!(__p);
    match t {
        Template::Object(members) => {
            let items = members.iter().map(|(k, v)| {
                let v = template_tokens(v);
                quote!((#k, #v))
            });
            quote!(#p::Template::Object(&[#(#items),*]))
        }
        Template::Array(items) => {
            let items = items.iter().map(template_tokens);
            quote!(#p::Template::Array(&[#(#items),*]))
        }
        Template::Literal(v) => match v {
            serde_json::Value::Null => quote!(#p::Template::Null),
            serde_json::Value::Bool(b) => quote!(#p::Template::Bool(#b)),
            serde_json::Value::String(s) => quote!(#p::Template::Str(#s)),
            serde_json::Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    quote!(#p::Template::U64(#u))
                } else if let Some(i) = n.as_i64() {
                    quote!(#p::Template::I64(#i))
                } else {
                    let f = n.as_f64().unwrap_or(0.0);
                    quote!(#p::Template::F64(#f))
                }
            }
            // Literal arrays and objects inside templates are parsed as templates.
            _ => quote!(#p::Template::Null),
        },
        Template::Slot(s) => {
            let id = match s.value {
                Slot::Code => quote!(Code),
                Slot::Message => quote!(Message),
                Slot::Details => quote!(Details),
                Slot::Category => quote!(Category),
                Slot::Status => quote!(Status),
                Slot::RequestId => quote!(RequestId),
                Slot::Timestamp => quote!(Timestamp),
            };
            quote!(#p::Template::Slot(#p::Slot::#id))
        }
        Template::Member(m) => {
            let name = &m.value;
            quote!(#p::Template::Member(#name))
        }
        Template::UnknownSlot(_) => quote!(#p::Template::Null),
    }
}

/// Whether a template node is present in a given envelope.
enum Presence {
    Always,
    Never,
    When(TokenStream),
}

/// The envelope serializer, unrolled from the channel templates at
/// expansion time (the runtime's template walk is the default it replaces:
/// this version has no per-node dispatch and no presence walk).
struct EnvelopeGen<'a> {
    error: &'a Ident,
    /// Each member's accessor function and whether it is a template.
    members: Vec<(&'a str, Ident, bool)>,
    /// Codes are JSON integers (`code_type: integer`).
    numeric: bool,
    http: bool,
    helpers: TokenStream,
    next: usize,
}

impl EnvelopeGen<'_> {
    /// A member's accessor (from an error for values, from a code for
    /// templates) and whether it is a template.
    fn member(&self, name: &str) -> Option<(&Ident, bool)> {
        let (_, f, template) = self.members.iter().find(|(n, _, _)| *n == name)?;
        Some((f, *template))
    }

    fn presence(&self, t: &Template) -> Presence {
        match t {
            Template::Member(m) => match self.member(&m.value) {
                Some((_, true)) => Presence::Always,
                Some((f, false)) => Presence::When(quote!(#f(__e).is_some())),
                None => Presence::Never,
            },
            Template::Slot(s) => match s.value {
                Slot::Code | Slot::Message | Slot::Category => Presence::Always,
                // The checker guarantees a status for every HTTP code.
                Slot::Status if self.http => Presence::Always,
                Slot::Status => Presence::Never,
                Slot::Details => Presence::When(quote!(::errcat::CatalogError::has_details(__e))),
                Slot::RequestId => Presence::When(quote!(__env.request_id_value().is_some())),
                Slot::Timestamp => Presence::When(quote!(__env.timestamp_value().is_some())),
            },
            Template::UnknownSlot(_) => Presence::Never,
            Template::Object(members) if !members.is_empty() => {
                let mut conds = Vec::new();
                for (_, v) in members {
                    match self.presence(v) {
                        Presence::Always => return Presence::Always,
                        Presence::Never => {}
                        Presence::When(c) => conds.push(c),
                    }
                }
                if conds.is_empty() {
                    Presence::Never
                } else {
                    Presence::When(quote!(#(#conds)||*))
                }
            }
            _ => Presence::Always,
        }
    }

    /// An expression that serializes `t` into the serializer `__s`.
    fn node(&mut self, t: &Template) -> TokenStream {
        let p = quote!(__p);
        match t {
            // A struct, as `#[derive(Serialize)]` writes one: static keys,
            // the exact field count, `skip_field` for absent members.
            Template::Object(members) => {
                let mut entries = Vec::new();
                let mut fixed = 0usize;
                let mut counts = Vec::new();
                for (k, v) in members {
                    let (entry, count) = self.entry(k, v);
                    match count {
                        Presence::Always => fixed += 1,
                        Presence::When(c) => {
                            counts.push(quote!(<usize as __p::From<bool>>::from(#c)))
                        }
                        Presence::Never => {}
                    }
                    entries.push(entry);
                }
                if fixed > 0 || counts.is_empty() {
                    counts.insert(0, quote!(#fixed));
                }
                quote! {{
                    let mut __m = __s.serialize_struct("Envelope", #(#counts)+*)?;
                    #(#entries)*
                    __m.end()
                }}
            }
            Template::Array(items) => {
                let elems: Vec<TokenStream> = items
                    .iter()
                    .map(|v| {
                        let (value, cond) = self.value(v);
                        let put = quote!(__q.serialize_element(#value)?;);
                        match cond {
                            Presence::Always => put,
                            Presence::Never => TokenStream::new(),
                            Presence::When(c) => quote!(if #c { #put }),
                        }
                    })
                    .collect();
                quote! {{
                    let mut __q = __s.serialize_seq(#p::None)?;
                    #(#elems)*
                    __q.end()
                }}
            }
            other => {
                let (value, _) = self.value(other);
                quote!(#p::serde::Serialize::serialize(#value, __s))
            }
        }
    }

    /// A struct field for `v` under `key`, and when it is present (which
    /// gives the struct's field count).
    fn entry(&mut self, key: &str, v: &Template) -> (TokenStream, Presence) {
        let p = quote!(__p);
        let optional = |value: TokenStream, source: TokenStream| {
            (
                quote! {
                    if let #p::Some(__v) = #source {
                        __m.serialize_field(#key, #value)?;
                    } else {
                        __m.skip_field(#key)?;
                    }
                },
                Presence::When(quote!(#source.is_some())),
            )
        };
        match v {
            Template::Slot(s) if s.value == Slot::Status && self.http => {
                optional(quote!(&__v.as_u16()), quote!(__c.status()))
            }
            Template::Slot(s) if s.value == Slot::RequestId => {
                optional(quote!(__v), quote!(__env.request_id_value()))
            }
            Template::Slot(s) if s.value == Slot::Timestamp => {
                optional(quote!(__v), quote!(__env.timestamp_value()))
            }
            Template::Member(m) if matches!(self.member(&m.value), Some((_, false))) => {
                let f = self.member(&m.value).map(|(f, _)| f);
                optional(quote!(__v), quote!(#f(__e)))
            }
            _ => {
                let (value, cond) = self.value(v);
                let put = quote!(__m.serialize_field(#key, #value)?;);
                match cond {
                    Presence::Always => (put, Presence::Always),
                    Presence::Never => (TokenStream::new(), Presence::Never),
                    Presence::When(c) => (
                        quote!(if #c { #put } else { __m.skip_field(#key)?; }),
                        Presence::When(c),
                    ),
                }
            }
        }
    }

    /// A `&impl Serialize` expression for `t` and when it is present.
    fn value(&mut self, t: &Template) -> (TokenStream, Presence) {
        let p = quote!(__p);
        let presence = self.presence(t);
        let value = match t {
            Template::Slot(s) => match s.value {
                Slot::Code if self.numeric => quote!(&__c.number()),
                Slot::Code => quote!(__c.as_str()),
                Slot::Message => quote!(&#p::MessageOf(__e)),
                Slot::Details => quote!(&#p::DetailsOf(__e)),
                Slot::Category => quote!(__c.category().as_str()),
                // Reached only inside arrays; entries handle these above.
                Slot::Status => quote!(&__c.status().map(|s| s.as_u16())),
                Slot::RequestId => quote!(&__env.request_id_value()),
                Slot::Timestamp => quote!(&__env.timestamp_value()),
            },
            Template::Member(m) => match self.member(&m.value) {
                Some((f, true)) => quote!(#f(__c)),
                Some((f, false)) => quote!(&#f(__e)),
                None => quote!(&()),
            },
            Template::UnknownSlot(_) => quote!(&()),
            Template::Literal(v) => match v {
                serde_json::Value::Null => quote!(&()),
                serde_json::Value::Bool(b) => quote!(&#b),
                serde_json::Value::String(s) => quote!(#s),
                serde_json::Value::Number(n) => {
                    if let Some(u) = n.as_u64() {
                        quote!(&#u)
                    } else if let Some(i) = n.as_i64() {
                        quote!(&#i)
                    } else {
                        let f = n.as_f64().unwrap_or(0.0);
                        quote!(&#f)
                    }
                }
                _ => quote!(&()),
            },
            Template::Object(_) | Template::Array(_) => {
                let id = format_ident!("__ErrcatEnvelopeNode{}", self.next);
                self.next += 1;
                let body = self.node(t);
                let error = self.error;
                let serialize = super::imp(
                    quote!(#p::serde::Serialize for #id<'_, '_>),
                    quote! {
                        fn serialize<__S: #p::serde::Serializer>(&self, __s: __S) -> #p::Result<__S::Ok, __S::Error> {
                            let __env = self.0;
                            let __e = __env.error();
                            let __c = __e.code();
                            #body
                        }
                    },
                );
                self.helpers.extend(quote! {
                    struct #id<'a, 'b>(&'a ::errcat::Envelope<'b, #error>);
                    #serialize
                });
                quote!(&#id(__env))
            }
        };
        (value, presence)
    }
}

/// One accessor per member: `fn(&Error) -> Option<&T>` for a value
/// member, `fn(Code) -> &'static str` for a template member.
fn member_accessors<'v>(valid: &'v Valid<'_>) -> (Vec<(&'v str, Ident, bool)>, TokenStream) {
    let (error, code_enum) = (&valid.error, &valid.code_enum);
    let mut out = TokenStream::new();
    let mut names = Vec::new();
    for (i, m) in valid.catalog.members.iter().enumerate() {
        let f = format_ident!("__errcat_member_{}", i);
        let template = matches!(m.kind, MemberKind::Template { .. });
        let name = m.name.value.as_str();
        if template {
            let arms = valid.codes.iter().map(|c| {
                let v = &c.variant;
                let text = c
                    .texts
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map_or("", |(_, t)| t);
                quote!(#code_enum::#v => #text)
            });
            out.extend(quote! {
                fn #f(__c: #code_enum) -> &'static str { match __c { #(#arms,)* } }
            });
        } else if let MemberKind::Value(field) = &m.kind {
            let ty = RustTy::of(field.ty.value.required(), "", name).tokens(&quote!(__p));
            let mut arms = Vec::new();
            for c in &valid.codes {
                let Some(fv) = c.members.iter().find(|f| f.field.name.value == name) else {
                    continue;
                };
                let (v, id, b) = (&c.variant, &fv.ident, &fv.binding);
                arms.push(match fv.ty {
                    RustTy::Option(_) => quote!(#error::#v { #id: #b, .. } => #b.as_ref()),
                    _ => quote!(#error::#v { #id: #b, .. } => __p::Some(#b)),
                });
            }
            let body = if arms.is_empty() {
                quote!(let _ = __e; __p::None)
            } else if arms.len() == valid.codes.len() {
                quote!(match __e { #(#arms,)* })
            } else {
                quote!(match __e { #(#arms,)* _ => __p::None })
            };
            out.extend(quote! {
                fn #f(__e: &#error) -> __p::Option<&#ty> { #body }
            });
        }
        names.push((name, f, template));
    }
    (names, out)
}

/// The `serialize_envelope` override and its helper types, for every channel.
pub(super) fn serializer(valid: &Valid<'_>) -> (TokenStream, TokenStream) {
    let (members, helpers) = member_accessors(valid);
    let mut gen_ = EnvelopeGen {
        error: &valid.error,
        members,
        numeric: valid.catalog.numeric_codes(),
        http: false,
        helpers,
        next: 0,
    };
    let channel_enum = &valid.channel_enum;
    let mut arms = Vec::new();
    for ch in &valid.channels {
        gen_.http = ch.wire == HTTP;
        let body = gen_.node(ch.template);
        let id = &ch.ident;
        arms.push(quote!(#channel_enum::#id => #body));
    }
    let method = quote! {
        fn serialize_envelope<__S: __p::serde::Serializer>(
            __env: &::errcat::Envelope<'_, Self>,
            __s: __S,
        ) -> __p::core::result::Result<__S::Ok, __S::Error> {
            let __e = __env.error();
            let __c = __e.code();
            match __c.channel() {
                #(#arms,)*
            }
        }
    };
    (method, gen_.helpers)
}
