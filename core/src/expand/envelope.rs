//! The envelope serializer, unrolled from the channel templates at
//! expansion time, and the templates as runtime constants.

use crate::quasi::{Rust, rust};
use proc_macro2::Ident;
use quote::format_ident;

use crate::model::{MemberKind, Slot, Template};
use crate::rust_ty::RustTy;
use crate::valid::{HTTP, Valid};

/// A template as a `Template` constant of the runtime.
pub(super) fn template_tokens(t: &Template) -> Rust {
    let p = rust!(__p);
    match t {
        Template::Object(members) => {
            let items = members.iter().map(|(k, v)| {
                let v = template_tokens(v);
                rust!((#k, #v))
            });
            rust!(#p::Template::Object(&[#(#items),*]))
        }
        Template::Array(items) => {
            let items = items.iter().map(template_tokens);
            rust!(#p::Template::Array(&[#(#items),*]))
        }
        Template::Literal(v) => match v {
            serde_json::Value::Null => rust!(#p::Template::Null),
            serde_json::Value::Bool(b) => rust!(#p::Template::Bool(#b)),
            serde_json::Value::String(s) => rust!(#p::Template::Str(#s)),
            serde_json::Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    rust!(#p::Template::U64(#u))
                } else if let Some(i) = n.as_i64() {
                    rust!(#p::Template::I64(#i))
                } else {
                    let f = n.as_f64().unwrap_or(0.0);
                    rust!(#p::Template::F64(#f))
                }
            }
            // Literal arrays and objects inside templates are parsed as templates.
            _ => rust!(#p::Template::Null),
        },
        Template::Slot(s) => {
            let id = match s.value {
                Slot::Code => rust!(Code),
                Slot::Message => rust!(Message),
                Slot::OptionalMessage => rust!(OptionalMessage),
                Slot::Details => rust!(Details),
                Slot::Category => rust!(Category),
                Slot::Status => rust!(Status),
                Slot::RequestId => rust!(RequestId),
                Slot::Timestamp => rust!(Timestamp),
            };
            rust!(#p::Template::Slot(#p::Slot::#id))
        }
        Template::Member(m) => {
            let name = &m.value;
            rust!(#p::Template::Member(#name))
        }
        Template::UnknownSlot(_) => rust!(#p::Template::Null),
    }
}

/// Whether a template node is present in a given envelope.
enum Presence {
    Always,
    Never,
    When(Rust),
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
    helpers: Rust,
    next: usize,
    /// Each code's own `elements:` (the code's pattern and the elements),
    /// written after the template's elements where they are selected.
    elements: Vec<(Rust, Vec<Template>)>,
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
                Some((f, false)) => Presence::When(rust!(#f(__e).is_some())),
                None => Presence::Never,
            },
            Template::Slot(s) => match s.value {
                Slot::Code | Slot::Message | Slot::Category => Presence::Always,
                // The checker guarantees a status for every HTTP code.
                Slot::Status if self.http => Presence::Always,
                Slot::Status => Presence::Never,
                Slot::Details => Presence::When(rust!(::errcat::CatalogError::has_details(__e))),
                Slot::RequestId => Presence::When(rust!(__env.request_id_value().is_some())),
                Slot::Timestamp => Presence::When(rust!(__env.timestamp_value().is_some())),
                Slot::OptionalMessage => Presence::When(rust!(__env.message_for(__e).is_some())),
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
                    Presence::When(rust!(#(#conds)||*))
                }
            }
            _ => Presence::Always,
        }
    }

    /// An expression that serializes `t` into the serializer `__s`.
    fn node(&mut self, t: &Template) -> Rust {
        let p = rust!(__p);
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
                            counts.push(rust!(<usize as __p::From<bool>>::from(#c)))
                        }
                        Presence::Never => {}
                    }
                    entries.push(entry);
                }
                if fixed > 0 || counts.is_empty() {
                    counts.insert(0, rust!(#fixed));
                }
                rust! {{
                    let mut __m = __s.serialize_struct("Envelope", #(#counts)+*)?;
                    #(#entries)*
                    __m.end()
                }}
            }
            // A list of errors: the element once per error of the envelope.
            Template::Array(items) if t.is_list() => {
                let (value, _) = self.value(&items[0]);
                rust! {{
                    let mut __q = __s.serialize_seq(#p::None)?;
                    for __e in __env.errors() {
                        __q.serialize_element(#value)?;
                    }
                    __q.end()
                }}
            }
            Template::Array(items) => {
                let elems: Vec<Rust> = items
                    .iter()
                    .map(|v| {
                        let (value, cond) = self.value(v);
                        let put = rust!(__q.serialize_element(#value)?;);
                        match cond {
                            Presence::Always => put,
                            Presence::Never => Rust::new(),
                            Presence::When(c) => rust!(if #c { #put }),
                        }
                    })
                    .collect();
                let added = if t.has_slots() {
                    self.added_elements()
                } else {
                    Rust::new()
                };
                rust! {{
                    let mut __q = __s.serialize_seq(#p::None)?;
                    #(#elems)*
                    #added
                    __q.end()
                }}
            }
            other => {
                let (value, _) = self.value(other);
                rust!(#p::serde::Serialize::serialize(#value, __s))
            }
        }
    }

    /// The codes' own elements, after an array's selected elements.
    fn added_elements(&mut self) -> Rust {
        if self.elements.is_empty() {
            return Rust::new();
        }
        let mut arms = Vec::new();
        for (pattern, elements) in self.elements.clone() {
            let values: Vec<Rust> = elements.iter().map(|e| self.value(e).0).collect();
            arms.push(rust!(#pattern => { #(__q.serialize_element(#values)?;)* }));
        }
        rust!(match __c { #(#arms)* _ => {} })
    }

    /// A struct field for `v` under `key`, and when it is present (which
    /// gives the struct's field count).
    fn entry(&mut self, key: &str, v: &Template) -> (Rust, Presence) {
        let p = rust!(__p);
        let optional = |value: Rust, source: Rust| {
            (
                rust! {
                    if let #p::Some(__v) = #source {
                        __m.serialize_field(#key, #value)?;
                    } else {
                        __m.skip_field(#key)?;
                    }
                },
                Presence::When(rust!(#source.is_some())),
            )
        };
        match v {
            Template::Slot(s) if s.value == Slot::Status && self.http => {
                optional(rust!(&__v.as_u16()), rust!(__env.status_for(__e)))
            }
            Template::Slot(s) if s.value == Slot::RequestId => {
                optional(rust!(__v), rust!(__env.request_id_value()))
            }
            Template::Slot(s) if s.value == Slot::OptionalMessage => {
                optional(rust!(__v), rust!(__env.message_for(__e)))
            }
            Template::Slot(s) if s.value == Slot::Timestamp => {
                optional(rust!(__v), rust!(__env.timestamp_value()))
            }
            Template::Member(m) if matches!(self.member(&m.value), Some((_, false))) => {
                let f = self.member(&m.value).map(|(f, _)| f);
                optional(rust!(__v), rust!(#f(__e)))
            }
            _ => {
                let (value, cond) = self.value(v);
                let put = rust!(__m.serialize_field(#key, #value)?;);
                match cond {
                    Presence::Always => (put, Presence::Always),
                    Presence::Never => (Rust::new(), Presence::Never),
                    Presence::When(c) => (
                        rust!(if #c { #put } else { __m.skip_field(#key)?; }),
                        Presence::When(c),
                    ),
                }
            }
        }
    }

    /// A `&impl Serialize` expression for `t` and when it is present.
    fn value(&mut self, t: &Template) -> (Rust, Presence) {
        let p = rust!(__p);
        let presence = self.presence(t);
        let value = match t {
            Template::Slot(s) => match s.value {
                Slot::Code if self.numeric => rust!(&__c.number()),
                Slot::Code => rust!(__c.as_str()),
                Slot::Message => rust!(&#p::MessageOf(__e, __env.message_for(__e))),
                Slot::OptionalMessage => rust!(&__env.message_for(__e)),
                Slot::Details => rust!(&#p::DetailsOf(__e)),
                Slot::Category => rust!(__c.category().as_str()),
                // Reached only inside arrays; entries handle these above.
                Slot::Status => rust!(&__env.status_for(__e).map(|s| s.as_u16())),
                Slot::RequestId => rust!(&__env.request_id_value()),
                Slot::Timestamp => rust!(&__env.timestamp_value()),
            },
            Template::Member(m) => match self.member(&m.value) {
                Some((f, true)) => rust!(#f(__c)),
                Some((f, false)) => rust!(&#f(__e)),
                None => rust!(&()),
            },
            Template::UnknownSlot(_) => rust!(&()),
            Template::Literal(v) => match v {
                serde_json::Value::Null => rust!(&()),
                serde_json::Value::Bool(b) => rust!(&#b),
                serde_json::Value::String(s) => rust!(#s),
                serde_json::Value::Number(n) => {
                    if let Some(u) = n.as_u64() {
                        rust!(&#u)
                    } else if let Some(i) = n.as_i64() {
                        rust!(&#i)
                    } else {
                        let f = n.as_f64().unwrap_or(0.0);
                        rust!(&#f)
                    }
                }
                _ => rust!(&()),
            },
            Template::Object(_) | Template::Array(_) => {
                let id = format_ident!("__ErrcatEnvelopeNode{}", self.next);
                self.next += 1;
                let body = self.node(t);
                let error = self.error;
                let serialize = super::imp(
                    rust!(#p::serde::Serialize for #id<'_, '_>),
                    rust! {
                        fn serialize<__S: #p::serde::Serializer>(&self, __s: __S) -> #p::Result<__S::Ok, __S::Error> {
                            let (__env, __e) = (self.0, self.1);
                            let __c = __e.code();
                            #body
                        }
                    },
                );
                self.helpers.extend(rust! {
                    struct #id<'a, 'b>(&'a ::errcat::Envelope<'b, #error>, &'b #error);
                    #serialize
                });
                rust!(&#id(__env, __e))
            }
        };
        (value, presence)
    }
}

/// One accessor per member: `fn(&Error) -> Option<&T>` for a value
/// member, `fn(Code) -> &'static str` for a template member.
fn member_accessors<'v>(valid: &'v Valid<'_>) -> (Vec<(&'v str, Ident, bool)>, Rust) {
    let (error, code_enum) = (&valid.error, &valid.code_enum);
    let mut out = Rust::new();
    let mut names = Vec::new();
    for (i, m) in valid.members.iter().enumerate() {
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
                rust!(#code_enum::#v => #text)
            });
            // An operation's enum has some of the code enum's codes.
            let rest = valid.operation.as_ref().map(|_| rust!(_ => "",));
            out.extend(rust! {
                fn #f(__c: #code_enum) -> &'static str { match __c { #(#arms,)* #rest } }
            });
        } else if let MemberKind::Value(field) = &m.kind {
            let ty = RustTy::of(field.ty.value.required(), "", name).tokens(&rust!(__p));
            let mut arms = Vec::new();
            for c in &valid.codes {
                let Some(fv) = c.members.iter().find(|f| f.field.name.value == name) else {
                    continue;
                };
                let (v, id, b) = (&c.variant, &fv.ident, &fv.binding);
                arms.push(match fv.ty {
                    RustTy::Option(_) => rust!(#error::#v { #id: #b, .. } => #b.as_ref()),
                    _ => rust!(#error::#v { #id: #b, .. } => __p::Some(#b)),
                });
            }
            let body = if arms.is_empty() {
                rust!(let _ = __e; __p::None)
            } else if arms.len() == valid.codes.len() {
                rust!(match __e { #(#arms,)* })
            } else {
                rust!(match __e { #(#arms,)* _ => __p::None })
            };
            out.extend(rust! {
                fn #f(__e: &#error) -> __p::Option<&#ty> { #body }
            });
        }
        names.push((name, f, template));
    }
    (names, out)
}

/// The `serialize_envelope` override and its helper types, for every channel.
pub(super) fn serializer(valid: &Valid<'_>) -> (Rust, Rust) {
    let (members, helpers) = member_accessors(valid);
    let mut gen_ = EnvelopeGen {
        error: &valid.error,
        members,
        numeric: valid.numeric,
        http: false,
        helpers,
        next: 0,
        elements: valid
            .codes
            .iter()
            .filter(|c| !c.code.elements.is_empty())
            .map(|c| {
                let (e, v) = (&valid.code_enum, &c.variant);
                let elements = c.code.elements.iter().map(|(_, t)| t.clone()).collect();
                (rust!(#e::#v), elements)
            })
            .collect(),
    };
    let channel_enum = &valid.channel_enum;
    let mut arms = Vec::new();
    let mut list = None;
    for ch in &valid.channels {
        gen_.http = ch.wire == HTTP;
        let body = gen_.node(ch.template);
        let id = &ch.ident;
        arms.push(rust!(#channel_enum::#id => #body));
        if gen_.http && ch.template.list().is_some() {
            list = Some(id);
        }
    }
    // Several errors travel in the `http` channel's list.
    let channel = match list {
        Some(id) => {
            rust!(if __env.is_list() { #channel_enum::#id } else { __c.channel() })
        }
        None => rust!(__c.channel()),
    };
    let method = rust! {
        fn serialize_envelope<__S: __p::serde::Serializer>(
            __env: &::errcat::Envelope<'_, Self>,
            __s: __S,
        ) -> __p::core::result::Result<__S::Ok, __S::Error> {
            let __e = __env.error();
            let __c = __e.code();
            match #channel {
                #(#arms,)*
            }
        }
    };
    let mut helpers = gen_.helpers;
    if list.is_some() {
        let error = &valid.error;
        helpers.extend(rust!(impl ::errcat::__private::ListEnvelope for #error {}));
    }
    (method, helpers)
}
