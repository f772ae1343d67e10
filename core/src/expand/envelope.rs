//! The envelope serializer, unrolled from the channel templates at
//! expansion time, and the templates as runtime constants.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::model::{Slot, Template};
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
    /// Codes are JSON integers (`code_type: integer`).
    numeric: bool,
    http: bool,
    helpers: TokenStream,
    next: usize,
}

impl EnvelopeGen<'_> {
    fn presence(&self, t: &Template) -> Presence {
        match t {
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

/// The `serialize_envelope` override and its helper types, for every channel.
pub(super) fn serializer(valid: &Valid<'_>) -> (TokenStream, TokenStream) {
    let mut gen_ = EnvelopeGen {
        error: &valid.error,
        numeric: valid.catalog.numeric_codes(),
        http: false,
        helpers: TokenStream::new(),
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
