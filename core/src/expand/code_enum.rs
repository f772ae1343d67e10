//! The fieldless code enum with its metadata table, and the category and
//! channel enums.

use crate::quasi::{Rust, rust};
use proc_macro2::Ident;
use quote::format_ident;

use super::docs::{deprecated_attr, doc, status_text};
use super::envelope::template_tokens;
use super::{Arms, imp, inherent};
use crate::model::Piece;
use crate::valid::{DetailsV, HTTP, Valid};

/// The code, category and channel enums, declared beside the user's enum.
pub(super) fn companions(valid: &Valid<'_>, vis: &syn::Visibility) -> Rust {
    let (error, code_enum) = (&valid.error, &valid.code_enum);
    let (category_enum, channel_enum) = (&valid.category_enum, &valid.channel_enum);
    let name = valid.name();
    let mut code_variants = Arms::braces();
    for c in &valid.codes {
        let v = &c.variant;
        let wire = c.code.code.value.as_str();
        let message = c.code.message.as_ref().map_or("", |m| m.value.as_str());
        let short = doc(&format!(
            "`{wire}` ({}): {message}",
            status_text(c.code.resolved.status)
        ));
        let dep = deprecated_attr(c.code);
        code_variants.push(rust!(#short #dep #v));
    }
    let code_variants = code_variants.close(Rust::new());
    let cat_docs = valid.categories.iter().map(|c| {
        let c = c.category;
        let mut s = c
            .title
            .clone()
            .unwrap_or_else(|| format!("`{}`", c.name.value));
        if let Some(d) = &c.description {
            s.push_str("\n\n");
            s.push_str(d);
        }
        s.push_str(&format!("\n\nWire name: `{}`.", c.name.value));
        doc(&s)
    });
    let cat_ids = valid.categories.iter().map(|c| &c.ident);
    let channel_docs = valid.channels.iter().map(|c| {
        doc(&if c.wire == HTTP {
            "HTTP responses.".to_string()
        } else {
            format!("The non-HTTP channel `{}`.", c.wire)
        })
    });
    let channel_ids = valid.channels.iter().map(|c| &c.ident);
    let code_doc = doc(&format!(
        "The codes of the `{name}` catalog, without details: [`{error}::code`] returns one."
    ));
    let cat_doc = doc(&format!("The categories of the `{name}` catalog."));
    let chan_doc = doc(&format!(
        "The channels (envelopes) of the `{name}` catalog."
    ));
    // A catalog without categories has no category enum (it would be an
    // unused type in the user's crate).
    let category = (!valid.categories.is_empty()).then(|| {
        rust! {
            #cat_doc
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
            #[allow(clippy::enum_variant_names)]
            #vis enum #category_enum {
                #(#cat_docs #cat_ids,)*
            }
        }
    });
    rust! {
        #code_doc
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(clippy::enum_variant_names)]
        #vis enum #code_enum #code_variants

        #category

        #chan_doc
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(clippy::enum_variant_names)]
        #vis enum #channel_enum {
            #(#channel_docs #channel_ids,)*
        }
    }
}

/// The code table, inside the `const _` block so that nothing outside can
/// name it: one row per code, (wire code, status or 0, category index,
/// channel index, retryable, has details, static message?, static message,
/// Rust variant name), the channels' templates, and the statuses resolved
/// at compile time so that `status()` is a load.
pub(super) fn table(valid: &Valid<'_>) -> Rust {
    let mut rows = Arms::brackets();
    for c in &valid.codes {
        let r = &c.code.resolved;
        let wire = c.code.code.value.as_str();
        let status = r.status.unwrap_or(0);
        // No category (a catalog without them): never read.
        let category = c
            .category
            .map_or(u32::MAX, |i| u32::try_from(i).unwrap_or(u32::MAX));
        let channel = u32::try_from(c.channel).unwrap_or(u32::MAX);
        let retryable = r.retryable;
        let has_details = !matches!(c.details, DetailsV::None);
        let is_static = c.message.iter().all(|p| matches!(p, Piece::Text(_)));
        let text: String = c
            .message
            .iter()
            .filter_map(|p| match p {
                Piece::Text(t) if is_static => Some(t.as_str()),
                _ => None,
            })
            .collect();
        let vname = c.variant.to_string();
        rows.push(rust!((#wire, #status, #category, #channel, #retryable, #has_details, #is_static, #text, #vname)));
    }
    let rows = rows.close(Rust::new());
    let n_codes = valid.codes.len();
    let template_consts: Vec<Ident> = (0..valid.channels.len())
        .map(|i| format_ident!("__ERRCAT_TEMPLATE_{}", i))
        .collect();
    let template_defs = valid.channels.iter().zip(&template_consts).map(|(ch, id)| {
        let t = template_tokens(ch.template);
        rust!(const #id: &__p::Template = &#t;)
    });
    // Integer codes (`code_type: integer`): the number of each, checked.
    let numbers = valid.numeric.then(|| {
        let n = valid.codes.iter().map(|c| c.number);
        rust!(const __ERRCAT_NUMBERS: [i64; #n_codes] = [#(#n),*];)
    });
    rust! {
        #numbers
        #(#template_defs)*
        const __ERRCAT_TEMPLATES: &[&__p::Template] = &[#(#template_consts),*];
        const __ERRCAT_META: &[(&str, u16, u32, u32, bool, bool, bool, &str, &str)] = &#rows;
        const __ERRCAT_STATUS: [__p::Option<__p::StatusCode>; #n_codes] = {
            let mut __out = [__p::None; #n_codes];
            let mut __i = 0;
            while __i < #n_codes {
                __out[__i] = __p::status(__ERRCAT_META[__i].1);
                __i += 1;
            }
            __out
        };
    }
}

/// The `CatalogCode` items of the wire shapes a catalog may have: its
/// template members, body-less codes, errors on a success status.
fn wire_consts(valid: &Valid<'_>) -> Rust {
    let texts: Vec<&str> = valid
        .members
        .iter()
        .filter(|m| matches!(m.kind, crate::model::MemberKind::Template { .. }))
        .map(|m| m.name.value.as_str())
        .collect();
    let mut out = match texts.is_empty() {
        true => Rust::new(),
        false => rust!(const TEXT_MEMBERS: &'static [&'static str] = &[#(#texts),*];),
    };
    out.extend(header_errors(valid));
    let on_success = |c: &&crate::valid::CodeV<'_>| {
        c.code
            .resolved
            .status
            .is_some_and(|s| (200..300).contains(&s))
    };
    if valid.codes.iter().any(|c| on_success(&c)) {
        out.extend(rust!(
            const ERRORS_ON_SUCCESS: bool = true;
        ));
    }
    out
}

/// `HEADER_ERRORS` and `has_body()`, for catalogs with body-less codes.
fn header_errors(valid: &Valid<'_>) -> Rust {
    let Some(h) = valid.header_errors else {
        return Rust::new();
    };
    let header = h.header.value.to_ascii_lowercase();
    let code = &h.code.value;
    let message = opt_str(h.message.as_ref().map(|m| m.value.as_str()));
    let mut out = rust! {
        const HEADER_ERRORS: __p::Option<__p::HeaderErrors> = __p::Some(__p::HeaderErrors {
            header: #header,
            code: #code,
            message: #message,
        });
    };
    let bodiless: Vec<_> = valid
        .codes
        .iter()
        .filter(|c| c.code.no_body.is_some())
        .map(|c| &c.variant)
        .collect();
    if !bodiless.is_empty() {
        out.extend(rust!(
            fn has_body(self) -> bool {
                !__p::core::matches!(self, #(Self::#bodiless)|*)
            }
        ));
    }
    out
}

/// `statuses()`: the codes with several statuses (`status: [400, 401]`)
/// by arm, the others their one status (or none) from a static copy of
/// the status table.
fn statuses_fn(valid: &Valid<'_>) -> Rust {
    let several: Vec<Rust> = valid
        .codes
        .iter()
        .filter(|c| c.code.resolved.statuses.len() > 1)
        .map(|c| {
            let (v, s) = (&c.variant, &c.code.resolved.statuses);
            rust!(Self::#v => { const S: &[__p::StatusCode] = &[#(__p::checked_status(#s)),*]; S })
        })
        .collect();
    let n_codes = valid.codes.len();
    let one = rust!(__ERRCAT_STATUS_STATIC[self as usize].as_slice());
    let body = match several.is_empty() {
        true => one,
        false => rust!(match self { #(#several)* _ => #one }),
    };
    rust! {
        /// Every status the code may answer with, the default first (empty
        /// on non-HTTP channels).
        #[must_use]
        pub fn statuses(self) -> &'static [__p::StatusCode] {
            static __ERRCAT_STATUS_STATIC: [__p::Option<__p::StatusCode>; #n_codes] = __ERRCAT_STATUS;
            #body
        }
    }
}

/// The code enum's API (`ALL`, `as_str`, metadata, `FromStr`, `Display`,
/// `CatalogCode`) and the category and channel enums' `as_str`.
pub(super) fn impls(valid: &Valid<'_>) -> Rust {
    let (error, code_enum) = (&valid.error, &valid.code_enum);
    let (category_enum, channel_enum) = (&valid.category_enum, &valid.channel_enum);
    let variant_ids = valid.codes.iter().map(|c| &c.variant);
    // A catalog without categories has no `category()`.
    let has_categories = !valid.categories.is_empty();
    let category = has_categories.then(|| {
        rust! {
            /// The category.
            #[must_use]
            #[inline]
            pub const fn category(self) -> #category_enum {
                #category_enum::ALL[__ERRCAT_META[self as usize].2 as usize]
            }
        }
    });
    let number = valid.numeric.then(|| {
        rust! {
            /// The code as the number it is on the wire.
            #[must_use]
            #[inline]
            pub const fn number(self) -> i64 {
                __ERRCAT_NUMBERS[self as usize]
            }
        }
    });
    let category_name = if has_categories {
        rust!(#code_enum::category(self).as_str())
    } else {
        rust!("")
    };
    let statuses = statuses_fn(valid);
    let mut out = inherent(
        rust!(#code_enum),
        rust! {
            /// Every code, in catalog order.
            pub const ALL: &'static [Self] = &[#(Self::#variant_ids),*];
            /// The wire code.
            #[must_use]
            #[inline]
            pub const fn as_str(self) -> &'static str {
                __ERRCAT_META[self as usize].0
            }
            /// The HTTP status; `None` on non-HTTP channels.
            #[must_use]
            #[inline]
            pub const fn status(self) -> __p::Option<__p::StatusCode> {
                __ERRCAT_STATUS[self as usize]
            }
            #statuses
            #category
            #number
            /// Whether retrying may succeed.
            #[must_use]
            #[inline]
            pub const fn is_retryable(self) -> bool {
                __ERRCAT_META[self as usize].4
            }
            /// The channel (envelope) of this code.
            #[must_use]
            #[inline]
            pub const fn channel(self) -> #channel_enum {
                #channel_enum::ALL[__ERRCAT_META[self as usize].3 as usize]
            }
        },
    );
    out.extend(parse_and_display(valid));
    out.extend(imp(rust!(__p::Sealed for #code_enum), Rust::new()));
    out.extend(imp(rust!(__p::Sealed for #error), Rust::new()));
    out.extend(catalog_code(valid, category_name));
    out.extend(category_and_channel(valid));
    out
}

/// `FromStr` (former codes parse as the code they became) and `Display`.
fn parse_and_display(valid: &Valid<'_>) -> Rust {
    let code_enum = &valid.code_enum;
    let (wires, indices): (Vec<&str>, Vec<usize>) = valid
        .codes
        .iter()
        .enumerate()
        .flat_map(|(i, c)| {
            let old = c
                .code
                .renamed_from
                .iter()
                .chain(&c.code.aliases)
                .map(|o| o.value.as_str());
            std::iter::once(c.code.code.value.as_str())
                .chain(old)
                .map(move |w| (w, i))
        })
        .unzip();
    let unknown = rust!(__p::Err(::errcat::UnknownCode(
        __p::std::string::ToString::to_string(s)
    )));
    // A namespaced code is looked up again without its namespace.
    let otherwise = match valid.code_namespace {
        Some(sep) => rust! {
            match s.rsplit_once(#sep) {
                __p::Some((_, __tail)) => {
                    return <Self as __p::core::str::FromStr>::from_str(__tail).or(#unknown)
                }
                __p::None => return #unknown,
            }
        },
        None => rust!(return #unknown),
    };
    let mut out = Rust::new();
    out.extend(imp(
        rust!(__p::core::str::FromStr for #code_enum),
        rust! {
            type Err = ::errcat::UnknownCode;
            fn from_str(s: &str) -> __p::Result<Self, Self::Err> {
                let i = match s {
                    #(#wires => #indices,)*
                    _ => #otherwise,
                };
                __p::Ok(Self::ALL[i])
            }
        },
    ));
    out.extend(imp(
        rust!(__p::fmt::Display for #code_enum),
        rust! {
            fn fmt(&self, f: &mut __p::fmt::Formatter<'_>) -> __p::fmt::Result {
                f.write_str(self.as_str())
            }
        },
    ));
    out
}

/// `CatalogCode` for the code enum: the runtime's view of the table.
fn catalog_code(valid: &Valid<'_>, category_name: Rust) -> Rust {
    let code_enum = &valid.code_enum;
    let content_type = valid.content_type;
    let request_id_header = valid
        .request_id_header
        .as_deref()
        .map(|h| rust!(const REQUEST_ID_HEADER: &'static str = #h;));
    let sensitive = sensitive_names(valid);
    let texts = wire_consts(valid);
    let advices: Vec<Rust> = valid
        .codes
        .iter()
        .map(|c| match valid.retry_of(c.code) {
            Some(r) => {
                let a = advice(r);
                rust!(__p::Some(#a))
            }
            None => rust!(__p::None),
        })
        .collect();
    let category_infos: Vec<Rust> = valid
        .all_categories()
        .iter()
        .map(|c| {
            let name = &c.name.value;
            let prefix = opt_str(c.prefix.as_ref().map(|p| p.value.as_str()));
            let retryable = c.retryable.unwrap_or(false);
            let retry = match &c.retry {
                Some(r) => {
                    let a = advice(r);
                    rust!(__p::Some(#a))
                }
                None => rust!(__p::None),
            };
            rust!(::errcat::CategoryInfo { name: #name, prefix: #prefix, retryable: #retryable, retry: #retry })
        })
        .collect();
    imp(
        rust!(::errcat::CatalogCode for #code_enum),
        rust! {
            const ALL: &'static [Self] = #code_enum::ALL;
            const TEMPLATES: &'static [&'static __p::Template] = __ERRCAT_TEMPLATES;
            const CONTENT_TYPE: &'static str = #content_type;
            #request_id_header
            const SENSITIVE: &'static [&'static str] = &[#(#sensitive),*];
            #texts
            #[inline]
            fn as_str(self) -> &'static str { #code_enum::as_str(self) }
            #[inline]
            fn status(self) -> __p::Option<__p::StatusCode> { #code_enum::status(self) }
            #[inline]
            fn statuses(self) -> &'static [__p::StatusCode] { #code_enum::statuses(self) }
            #[inline]
            fn category_name(self) -> &'static str { #category_name }
            #[inline]
            fn channel_name(self) -> &'static str { #code_enum::channel(self).as_str() }
            #[inline]
            fn is_retryable(self) -> bool { #code_enum::is_retryable(self) }
            const CATEGORIES: &'static [::errcat::CategoryInfo] = &[#(#category_infos),*];
            fn retry_advice(self) -> __p::Option<&'static ::errcat::RetryAdvice> {
                const __ERRCAT_RETRY: &[__p::Option<::errcat::RetryAdvice>] = &[#(#advices),*];
                __ERRCAT_RETRY[self as usize].as_ref()
            }
            #[inline]
            fn channel_index(self) -> usize { __ERRCAT_META[self as usize].3 as usize }
            fn from_wire(code: &str) -> __p::Option<Self> { code.parse().ok() }
        },
    )
}

fn opt_str(s: Option<&str>) -> Rust {
    match s {
        Some(s) => rust!(__p::Some(#s)),
        None => rust!(__p::None),
    }
}

/// A `RetryAdvice` constant.
fn advice(r: &crate::model::Retry) -> Rust {
    let after_field = opt_str(r.after_field.as_ref().map(|f| f.value.as_str()));
    let header = r
        .after_header
        .as_ref()
        .map(|h| h.value.to_ascii_lowercase());
    let after_header = opt_str(header.as_deref());
    let b = r.backoff.clone().unwrap_or(crate::model::Backoff::DEFAULT);
    let (initial, factor, jitter) = (b.initial_ms, b.factor, b.jitter);
    let max = match b.max_ms {
        Some(m) => rust!(__p::Some(__p::core::time::Duration::from_millis(#m))),
        None => rust!(__p::None),
    };
    let attempts = r
        .attempts
        .as_ref()
        .map_or(3, |a| u32::try_from(a.value).unwrap_or(3));
    let action = opt_str(r.action.as_ref().map(|a| a.value.as_str()));
    rust! {
        ::errcat::RetryAdvice {
            after_field: #after_field,
            after_header: #after_header,
            backoff: ::errcat::Backoff {
                initial: __p::core::time::Duration::from_millis(#initial),
                factor: #factor,
                max: #max,
                jitter: #jitter,
            },
            attempts: #attempts,
            action: #action,
        }
    }
}

/// The wire names of every sensitive field the codes' details can hold
/// (their own fields and, through them, named types' fields), once each.
fn sensitive_names(valid: &Valid<'_>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let types = valid.types.iter().flat_map(|t| match t {
        crate::valid::TypeV::Struct { fields, .. } => fields.as_slice(),
        crate::valid::TypeV::Enum(_) => &[],
    });
    let codes = valid.codes.iter().flat_map(|c| c.variant_fields());
    for f in codes.chain(types) {
        if f.field.sensitive && !out.contains(&f.field.name.value) {
            out.push(f.field.name.value.clone());
        }
    }
    out
}

fn category_and_channel(valid: &Valid<'_>) -> Rust {
    let category_enum = &valid.category_enum;
    let cat_ids: Vec<&Ident> = valid.categories.iter().map(|c| &c.ident).collect();
    let cat_wires = valid
        .categories
        .iter()
        .map(|c| c.category.name.value.as_str());
    let cat_titles = valid.categories.iter().map(|c| {
        let c = c.category;
        c.title.clone().unwrap_or_else(|| c.name.value.clone())
    });
    let mut out = Rust::new();
    if valid.categories.is_empty() {
        out.extend(channel_impls(valid));
        return out;
    }
    out.extend(inherent(
        rust!(#category_enum),
        rust! {
            /// Every category, in catalog order.
            pub const ALL: &'static [Self] = &[#(Self::#cat_ids),*];
            /// The wire name.
            #[must_use]
            #[inline]
            pub const fn as_str(self) -> &'static str {
                match self { #(Self::#cat_ids => #cat_wires,)* }
            }
            /// The human title.
            #[must_use]
            pub const fn title(self) -> &'static str {
                match self { #(Self::#cat_ids => #cat_titles,)* }
            }
        },
    ));
    out.extend(imp(
        rust!(__p::fmt::Display for #category_enum),
        rust! {
            fn fmt(&self, f: &mut __p::fmt::Formatter<'_>) -> __p::fmt::Result {
                f.write_str(self.as_str())
            }
        },
    ));
    out.extend(channel_impls(valid));
    out
}

fn channel_impls(valid: &Valid<'_>) -> Rust {
    let channel_enum = &valid.channel_enum;
    let channel_ids: Vec<&Ident> = valid.channels.iter().map(|c| &c.ident).collect();
    let channels = valid.channels.iter().map(|c| c.wire);
    inherent(
        rust!(#channel_enum),
        rust! {
            /// Every channel, `http` first.
            pub const ALL: &'static [Self] = &[#(Self::#channel_ids),*];
            /// The channel's name in the catalog.
            #[must_use]
            #[inline]
            pub const fn as_str(self) -> &'static str {
                match self { #(Self::#channel_ids => #channels,)* }
            }
        },
    )
}
