//! Stage 4: Rust code for a checked catalog.
//!
//! Everything generated names its dependencies through
//! `::errcat::__private`, so a user crate needs `errcat` alone. Output is a
//! function of the catalog and the input item only: catalog order, no hash
//! iteration, so expansions are deterministic.

use proc_macro2::{Delimiter, Group, Ident, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::{format_ident, quote};

use crate::check::HTTP;
use crate::diag::Diagnostic;
use crate::model::{Catalog, Code, Details, Field, Piece, Slot, Template, Ty, TypeDefKind, pieces};
use crate::names;
use crate::render;

fn private() -> TokenStream {
    quote!(::errcat::__private)
}

/// Where a catalog path is looked up.
#[derive(Debug, Clone, Default)]
pub struct Bases {
    /// The calling crate's `CARGO_MANIFEST_DIR`: paths are resolved here first.
    pub manifest_dir: std::path::PathBuf,
    /// The directory of the source file that invokes the macro, where
    /// the compiler tells it: the fallback, like `include_str!`.
    pub source_dir: Option<std::path::PathBuf>,
}

/// A catalog path resolved against [`Bases`].
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The path as written, shown in diagnostics.
    pub rel: String,
    /// The file to read.
    pub path: std::path::PathBuf,
    /// Whether it was found beside the invoking source file (then the
    /// rebuild trigger is `include_bytes!` relative to that file).
    pub source_relative: bool,
}

impl Bases {
    /// Resolves `rel`: against the manifest directory when the file is
    /// there, else beside the invoking source file when it is there, else
    /// against the manifest directory (so "not found" names that path).
    pub fn resolve(&self, rel: &str) -> Resolved {
        let in_manifest = self.manifest_dir.join(rel);
        if !in_manifest.exists()
            && let Some(dir) = &self.source_dir
        {
            let beside = dir.join(rel);
            if beside.exists() {
                return Resolved {
                    rel: rel.to_string(),
                    path: beside,
                    source_relative: true,
                };
            }
        }
        Resolved {
            rel: rel.to_string(),
            path: in_manifest,
            source_relative: false,
        }
    }
}

impl Resolved {
    /// A `const` that makes cargo rebuild the crate when the catalog changes.
    pub fn rebuild_trigger(&self) -> TokenStream {
        let p = private();
        let rel = &self.rel;
        // `include_bytes!` takes absolute paths as they are, and relative
        // ones relative to the invoking file.
        if self.source_relative || std::path::Path::new(rel).is_absolute() {
            quote!(
                const _: &[u8] = #p::core::include_bytes!(#rel);
            )
        } else {
            let include = format!("/{rel}");
            quote! {
                const _: &[u8] = #p::core::include_bytes!(#p::core::concat!(#p::core::env!("CARGO_MANIFEST_DIR"), #include));
            }
        }
    }
}

/// Expands `#[errcat::catalog("path")]` on `item`.
pub fn catalog_attribute(args: TokenStream, item: TokenStream, bases: &Bases) -> TokenStream {
    catalog_attribute_output(args, item, bases).into_token_stream()
}

/// Like [`catalog_attribute`], keeping a cache hit as text (see
/// [`Output`](crate::cache::Output)): what the proc macro calls.
pub fn catalog_attribute_output(
    args: TokenStream,
    item: TokenStream,
    bases: &Bases,
) -> crate::cache::Output {
    use crate::cache::Output;
    let lit: syn::LitStr = match syn::parse2(args) {
        Ok(lit) => lit,
        Err(e) => {
            return Output::Fresh(
                syn::Error::new(
                    e.span(),
                    "expected the catalog path: #[errcat::catalog(\"catalog/api.yaml\")]",
                )
                .to_compile_error(),
            );
        }
    };
    let input: syn::DeriveInput = match syn::parse2(item.clone()) {
        Ok(i) => i,
        Err(e) => return Output::Fresh(e.to_compile_error()),
    };
    if let Err(e) = check_item(&input) {
        return Output::Fresh(e.to_compile_error());
    }
    let resolved = bases.resolve(&lit.value());
    let fallback_of_input = fallback(&input);
    crate::cache::expand_cached(&resolved.path, &item, "catalog", || {
        match crate::compile_file_recovering(&resolved.path, &resolved.rel) {
            Ok(catalog) => {
                let clashes =
                    crate::check::check_companion_names(&catalog, &input.ident.to_string());
                if clashes.is_empty() {
                    Ok(expand(&catalog, &input, &resolved))
                } else {
                    let errors = errors(&clashes, lit.span());
                    Err(quote!(#errors #fallback_of_input))
                }
            }
            Err(failed) => {
                let errors = errors(&failed.diagnostics, lit.span());
                // The repaired catalog's API, else the empty skeleton.
                let body = match &failed.recovered {
                    Some(c)
                        if crate::check::check_companion_names(c, &input.ident.to_string())
                            .is_empty() =>
                    {
                        expand(c, &input, &resolved)
                    }
                    _ => fallback(&input),
                };
                Err(quote!(#errors #body))
            }
        }
    })
}

fn check_item(input: &syn::DeriveInput) -> syn::Result<()> {
    let syn::Data::Enum(data) = &input.data else {
        return Err(syn::Error::new(
            input.ident.span(),
            "#[errcat::catalog] goes on an empty enum: `pub enum ApiError {}`",
        ));
    };
    if let Some(v) = data.variants.first() {
        return Err(syn::Error::new(
            v.ident.span(),
            "the variants come from the catalog; leave the enum empty, or use #[derive(ErrorCatalog)] to check hand-written variants",
        ));
    }
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new(
            input.ident.span(),
            "a catalog enum cannot be generic",
        ));
    }
    Ok(())
}

/// One `compile_error!` per diagnostic, spanned on `span`.
pub fn errors(diags: &[Diagnostic], span: Span) -> TokenStream {
    diags
        .iter()
        .map(|d| syn::Error::new(span, d.to_string()).to_compile_error())
        .collect()
}

/// Names of the companion types.
pub(crate) struct Names {
    /// The error enum.
    pub error: Ident,
    /// The code enum.
    pub code: Ident,
    /// The category enum.
    pub category: Ident,
    /// The channel enum.
    pub channel: Ident,
}

impl Names {
    /// Companion names for an error enum.
    pub fn new(error: &Ident) -> Self {
        Names {
            error: error.clone(),
            code: format_ident!("{}Code", error),
            category: format_ident!("{}Category", error),
            channel: format_ident!("{}Channel", error),
        }
    }
}

/// What the macro emits when the catalog has mistakes: the user's enum and
/// empty companions, so the build shows the catalog errors and not a
/// cascade of "cannot find type".
pub fn fallback(input: &syn::DeriveInput) -> TokenStream {
    let p = private();
    let n = Names::new(&input.ident);
    let (vis, attrs, error) = (&input.vis, &input.attrs, &n.error);
    let (code, category, channel) = (&n.code, &n.category, &n.channel);
    quote! {
        #(#attrs)*
        #vis enum #error {}
        #[allow(missing_docs, dead_code)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #vis enum #code {}
        #[allow(missing_docs, dead_code)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #vis enum #category {}
        #[allow(missing_docs, dead_code)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #vis enum #channel {}
        #[allow(missing_docs, dead_code, clippy::all)]
        impl #error {
            pub fn code(&self) -> #code { match *self {} }
            pub fn category(&self) -> #category { match *self {} }
            pub fn channel(&self) -> #channel { match *self {} }
            pub fn status(&self) -> #p::Option<::errcat::http::StatusCode> { match *self {} }
            pub fn is_retryable(&self) -> bool { match *self {} }
        }
    }
}

/// The local a match arm binds a field to: `__field_<name>`, so that no
/// detail field can shadow a local of the generated code (`f`, `__s`, ...),
/// whose names never start with `__field_`.
fn binding(f: &Field) -> Ident {
    let name = f.rust_name.as_ref().unwrap_or(&f.name).value.as_str();
    format_ident!("__field_{}", name)
}

fn field_ident(f: &Field) -> Ident {
    let name = f.rust_name.as_ref().unwrap_or(&f.name).value.as_str();
    if names::is_keyword(name) {
        Ident::new_raw(name, Span::call_site())
    } else {
        Ident::new(name, Span::call_site())
    }
}

/// One `#[doc]` attribute for the whole text (one per line would multiply
/// the tokens the compiler has to handle).
fn doc(text: &str) -> TokenStream {
    let mut joined = String::with_capacity(text.len() + 16);
    for line in text.lines() {
        joined.push(' ');
        joined.push_str(line);
        joined.push('\n');
    }
    joined.pop();
    quote!(#[doc = #joined])
}

/// The named types the planned codes need, directly or through other types.
/// The attribute macro emits every type of the catalog; a derive, which may
/// map a subset of the codes, emits only these (fewer clashes with a second
/// use of the same catalog in one module).
fn used_types<'a>(catalog: &'a Catalog, plan: &Plan<'_>) -> Vec<&'a str> {
    if plan.emit_enum {
        return catalog
            .types
            .iter()
            .map(|t| t.name.value.as_str())
            .collect();
    }
    let mut pending = Vec::new();
    for (code, _) in &plan.codes {
        match &code.details {
            Details::Object(fields) => fields
                .iter()
                .for_each(|f| f.ty.value.named_types(&mut pending)),
            Details::Value(t) => t.value.named_types(&mut pending),
            Details::None => {}
        }
    }
    let mut used: Vec<&str> = Vec::new();
    while let Some(name) = pending.pop() {
        let Some(def) = catalog.types.iter().find(|t| t.name.value == name) else {
            continue;
        };
        if used.contains(&def.name.value.as_str()) {
            continue;
        }
        used.push(&def.name.value);
        if let TypeDefKind::Struct(fields) = &def.kind {
            fields
                .iter()
                .for_each(|f| f.ty.value.named_types(&mut pending));
        }
    }
    used
}

/// Comma-separated items collected by moving tokens, handed to the final
/// `quote!` as one brace-delimited group: interpolating a group is cheap,
/// while interpolating a token stream copies every token again.
#[derive(Default)]
struct Arms {
    tokens: TokenStream,
    len: usize,
}

impl Arms {
    fn push(&mut self, item: TokenStream) {
        self.tokens.extend(item);
        self.tokens
            .extend([TokenTree::Punct(Punct::new(',', Spacing::Alone))]);
        self.len += 1;
    }

    fn braced(self, tail: TokenStream) -> Group {
        let mut tokens = self.tokens;
        tokens.extend(tail);
        Group::new(Delimiter::Brace, tokens)
    }
}

/// Inline `enum:` fields become enums named after their owner and field.
struct InlineEnum {
    ident: Ident,
    values: Vec<String>,
    doc: String,
}

struct Ctx {
    inline: Vec<InlineEnum>,
}

impl Ctx {
    /// The Rust type of a field; `p` is the path to the runtime's
    /// `__private` module (absolute outside the `const _` block, `__p` in it).
    fn rust_ty(&mut self, ty: &Ty, owner: &str, field: &str, p: &TokenStream) -> TokenStream {
        match ty {
            Ty::Bool => quote!(bool),
            Ty::Int(i) => {
                let id = format_ident!("{}", i.name());
                quote!(#id)
            }
            Ty::Number => quote!(f64),
            Ty::String | Ty::Url => quote!(#p::String),
            Ty::Timestamp => quote!(#p::Timestamp),
            Ty::Json => quote!(#p::Value),
            Ty::Enum(values) => {
                let ident = format_ident!(
                    "{}{}",
                    owner,
                    names::upper_camel(field).unwrap_or_else(|| "Value".into())
                );
                if !self.inline.iter().any(|e| e.ident == ident) {
                    self.inline.push(InlineEnum {
                        ident: ident.clone(),
                        values: values.iter().map(|v| v.value.clone()).collect(),
                        doc: format!("Values of `{field}` in `{owner}`."),
                    });
                }
                quote!(#ident)
            }
            Ty::Array(t) => {
                let inner = self.rust_ty(t, owner, field, p);
                quote!(#p::Vec<#inner>)
            }
            Ty::Map(t) => {
                let inner = self.rust_ty(t, owner, field, p);
                quote!(#p::BTreeMap<#p::String, #inner>)
            }
            Ty::Named(n) => {
                let id = format_ident!("{}", n);
                quote!(#id)
            }
            Ty::Optional(t) => {
                let inner = self.rust_ty(t, owner, field, p);
                quote!(#p::Option<#inner>)
            }
        }
    }
}

fn field_doc(f: &Field) -> String {
    let mut s = f
        .description
        .clone()
        .unwrap_or_else(|| format!("`{}`", f.name.value));
    s.push_str(&format!("\n\nWire type: `{}`.", f.ty.value.display()));
    if f.sensitive {
        s.push_str(" Sensitive: redacted in `Debug` output.");
    }
    s
}

fn status_text(status: Option<u16>) -> String {
    match status {
        Some(s) => match http::StatusCode::from_u16(s)
            .ok()
            .and_then(|c| c.canonical_reason())
        {
            Some(reason) => format!("{s} {reason}"),
            None => s.to_string(),
        },
        None => "none (not an HTTP error)".to_string(),
    }
}

fn variant_doc(catalog: &Catalog, code: &Code) -> String {
    let r = &code.resolved;
    let category = catalog
        .categories
        .get(r.category)
        .map_or("", |c| c.name.value.as_str());
    let mut s = String::new();
    if let Some(m) = &code.message {
        s.push_str(&m.value);
        s.push_str("\n\n");
    }
    s.push_str(&format!(
        "- Code: `{}`\n- HTTP status: {}\n- Category: `{}`\n- Channel: `{}`\n- Retryable: {}\n",
        code.code.value,
        status_text(r.status),
        category,
        r.channel,
        if r.retryable { "yes" } else { "no" }
    ));
    if let Some(d) = &code.description {
        s.push('\n');
        s.push_str(d);
        s.push('\n');
    }
    if !code.resolution.is_empty() {
        s.push_str("\n# Resolution\n\n");
        for step in &code.resolution {
            s.push_str(&format!("- {step}\n"));
        }
    }
    let example = render::example(catalog, code);
    if let Ok(json) = serde_json::to_string_pretty(&example) {
        s.push_str("\n# Example\n\n```json\n");
        s.push_str(&json);
        s.push_str("\n```\n");
    }
    s
}

fn deprecated_attr(code: &Code) -> TokenStream {
    match &code.deprecated {
        Some(d) => match &d.note {
            Some(note) => quote!(#[deprecated(note = #note)]),
            None => quote!(#[deprecated]),
        },
        None => TokenStream::new(),
    }
}

/// The user's attributes, with `Debug` taken out of `derive` lists (errcat
/// implements `Debug` itself so that sensitive fields are redacted) and
/// the std derives collected for the companion structs.
fn split_attrs(attrs: &[syn::Attribute]) -> (Vec<TokenStream>, Vec<Ident>) {
    const STD: &[&str] = &["Clone", "PartialEq", "Eq", "Hash", "PartialOrd", "Ord"];
    let mut kept = Vec::new();
    let mut std_derives = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident("derive") {
            kept.push(quote!(#attr));
            continue;
        }
        let parsed = attr.parse_args_with(
            syn::punctuated::Punctuated::<syn::Path, syn::Token![,]>::parse_terminated,
        );
        let Ok(paths) = parsed else {
            kept.push(quote!(#attr));
            continue;
        };
        let others: Vec<&syn::Path> = paths
            .iter()
            .filter(|p| {
                let last = p.segments.last().map(|s| s.ident.to_string());
                if let Some(name) = &last
                    && STD.contains(&name.as_str())
                {
                    std_derives.push(format_ident!("{}", name));
                }
                last.as_deref() != Some("Debug")
            })
            .collect();
        if !others.is_empty() {
            kept.push(quote!(#[derive(#(#others),*)]));
        }
    }
    (kept, std_derives)
}

fn template_tokens(t: &Template) -> TokenStream {
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

/// Debug impl body for named fields, redacting sensitive ones.
fn debug_struct(
    name: &str,
    fields: &[Field],
    access: impl Fn(&Field) -> TokenStream,
) -> TokenStream {
    let p = private();
    let entries = fields.iter().map(|f| {
        let wire = f.name.value.as_str();
        let val = access(f);
        if f.sensitive {
            quote!(.field(#wire, &#p::core::format_args!("<redacted>")))
        } else {
            quote!(.field(#wire, #val))
        }
    });
    quote!(f.debug_struct(#name) #(#entries)* .finish())
}

/// Which codes an expansion covers and the Rust variant of each.
pub(crate) struct Plan<'a> {
    /// Codes in catalog order, each with its variant identifier.
    pub codes: Vec<(&'a Code, Ident)>,
    /// Whether to emit the enum itself and its `Debug` impl (the attribute
    /// macro), or only the impls for a hand-written enum (the derive).
    pub emit_enum: bool,
}

/// Expands a checked catalog for the user's (empty) enum.
pub fn expand(catalog: &Catalog, input: &syn::DeriveInput, source: &Resolved) -> TokenStream {
    let plan = Plan {
        codes: catalog
            .codes
            .iter()
            .map(|c| (c, format_ident!("{}", c.resolved.variant)))
            .collect(),
        emit_enum: true,
    };
    generate(catalog, input, source, &plan)
}

/// The code shared by the attribute macro and the derive.
pub(crate) fn generate(
    catalog: &Catalog,
    input: &syn::DeriveInput,
    source: &Resolved,
    plan: &Plan<'_>,
) -> TokenStream {
    // `generate` indexes categories and channels by the checker's resolved
    // values; a catalog that did not come through the checker is refused
    // rather than allowed to panic.
    let unchecked = plan.codes.iter().any(|(c, _)| {
        c.resolved.category >= catalog.categories.len()
            || !catalog
                .envelopes
                .iter()
                .any(|e| e.channel.value == c.resolved.channel)
    });
    if unchecked {
        return quote!(::core::compile_error!(
            "errcat: internal error: the catalog was not checked before expansion; please report this"
        ););
    }
    let p = private();
    let n = Names::new(&input.ident);
    let (vis, error, code_enum, category_enum, channel_enum) =
        (&input.vis, &n.error, &n.code, &n.category, &n.channel);
    let (user_attrs, std_derives) = split_attrs(&input.attrs);
    let mut cx = Ctx { inline: Vec::new() };

    // Named types.
    let mut support = Vec::new();
    let mut support_derives = vec![format_ident!("Clone"), format_ident!("PartialEq")];
    for d in std_derives {
        if !support_derives.contains(&d) {
            support_derives.push(d);
        }
    }
    let used = used_types(catalog, plan);
    for def in catalog
        .types
        .iter()
        .filter(|d| used.contains(&d.name.value.as_str()))
    {
        let id = format_ident!("{}", def.name.value);
        let d = doc(def.description.as_deref().unwrap_or(&format!(
            "`{}`, a detail type of the `{}` catalog.",
            def.name.value,
            catalog.name.as_ref().map_or("", |n| n.value.as_str())
        )));
        match &def.kind {
            TypeDefKind::Struct(fields) => {
                let defs: Vec<TokenStream> = fields
                    .iter()
                    .map(|f| {
                        let fid = field_ident(f);
                        let ty = cx.rust_ty(&f.ty.value, &def.name.value, &f.name.value, &p);
                        let fd = doc(&field_doc(f));
                        let wire = &f.name.value;
                        let rename = (f.rust_name.is_some()).then(|| quote!(#[serde(rename = #wire)]));
                        let skip = matches!(f.ty.value, Ty::Optional(_)).then(|| {
                            quote!(#[serde(default, skip_serializing_if = "::errcat::__private::core::option::Option::is_none")])
                        });
                        quote!(#fd #rename #skip pub #fid: #ty)
                    })
                    .collect();
                let name = &def.name.value;
                let dbg = debug_struct(name, fields, |f| {
                    let id = field_ident(f);
                    quote!(&self.#id)
                });
                support.push(quote! {
                    #d
                    #[derive(#(#support_derives,)* #p::serde::Serialize, #p::serde::Deserialize)]
                    #[serde(crate = "::errcat::__private::serde")]
                    #vis struct #id { #(#defs,)* }
                    impl #p::fmt::Debug for #id {
                        fn fmt(&self, f: &mut #p::fmt::Formatter<'_>) -> #p::fmt::Result {
                            #dbg
                        }
                    }
                });
            }
            TypeDefKind::Enum(values) => {
                let values: Vec<String> = values.iter().map(|v| v.value.clone()).collect();
                support.push(value_enum(vis, &id, &values, d));
            }
        }
    }

    // Variants are declared outside the `const _` block below, so their
    // field types spell the runtime's path in full; code inside the block
    // reaches it through the alias `__p` (one token instead of four).
    let outer = p;
    let p = quote!(__p);
    // The error enum's variants and constructors, and the arms of the impls
    // that differ per variant. Codes without details share one fallback arm
    // in most impls, and the metadata of every code is one table row, so
    // the output grows by as few tokens per code as possible.
    let mut channels: Vec<&str> = catalog
        .envelopes
        .iter()
        .map(|e| e.channel.value.as_str())
        .collect();
    // `http` first: clients try its envelope first.
    channels.sort_by_key(|c| *c != HTTP);
    // The code table: one row per code, (wire code, status or 0, category
    // index, channel index, retryable, has details, static message?, static
    // message, Rust variant name).
    let mut rows = Arms::default();
    let mut variants = Arms::default();
    let mut ctors = TokenStream::new();
    let mut code_arms = Arms::default();
    let mut ser_arms = Arms::default();
    let mut from_arms = Arms::default();
    let mut display_arms = Arms::default();
    let mut debug_arms = Arms::default();
    let mut header_arms = Arms::default();
    let mut code_variants = Arms::default();
    for (code, v) in &plan.codes {
        let code = *code;
        let r = &code.resolved;
        // From the variant actually used: a derive may rename it.
        let ctor_name = names::snake(&v.to_string());
        let ctor = if names::is_keyword(&ctor_name) {
            Ident::new_raw(&ctor_name, Span::call_site())
        } else {
            format_ident!("{}", ctor_name)
        };
        let vdoc = doc(&variant_doc(catalog, code));
        let dep = deprecated_attr(code);
        let wire = code.code.value.as_str();
        let message = code.message.as_ref().map_or("", |m| m.value.as_str());
        let ctor_doc = doc(&format!(
            "Creates [`{error}::{v}`]: `{wire}`, \"{message}\"."
        ));
        let short = doc(&format!("`{wire}` ({}): {message}", status_text(r.status)));
        code_variants.push(quote!(#short #dep #v));
        code_arms.push(quote!(Self::#v { .. } => #code_enum::#v));
        let message_pieces = pieces(message).unwrap_or_default();
        {
            let status = r.status.unwrap_or(0);
            let category = u32::try_from(r.category).unwrap_or(u32::MAX);
            let channel = channels
                .iter()
                .position(|ch| *ch == r.channel)
                .and_then(|i| u32::try_from(i).ok())
                .unwrap_or(0);
            let retryable = r.retryable;
            let has_details = !matches!(code.details, Details::None);
            let is_static = message_pieces.iter().all(|p| matches!(p, Piece::Text(_)));
            let text: String = message_pieces
                .iter()
                .filter_map(|p| match p {
                    Piece::Text(t) if is_static => Some(t.as_str()),
                    _ => None,
                })
                .collect();
            let vname = v.to_string();
            rows.push(quote!((#wire, #status, #category, #channel, #retryable, #has_details, #is_static, #text, #vname)));
        }
        match &code.details {
            Details::None => {
                variants.push(quote!(#vdoc #dep #v));
                ctors.extend(quote! {
                    #ctor_doc #dep #[must_use]
                    pub fn #ctor() -> Self { Self::#v }
                });
                from_arms.push(quote!(#code_enum::#v => Self::#v));
            }
            Details::Object(fields) => {
                let ids: Vec<Ident> = fields.iter().map(field_ident).collect();
                let tys: Vec<TokenStream> = fields
                    .iter()
                    .map(|f| cx.rust_ty(&f.ty.value, &r.variant, &f.name.value, &outer))
                    .collect();
                let docs: Vec<TokenStream> = fields.iter().map(|f| doc(&field_doc(f))).collect();
                let wires: Vec<&str> = fields.iter().map(|f| f.name.value.as_str()).collect();
                variants.push(quote!(#vdoc #dep #v { #(#docs #ids: #tys,)* }));
                let mut params = Vec::new();
                for (f, id) in fields.iter().zip(&ids) {
                    // `impl Into<Option<T>>` takes both `value` and `None`.
                    let ty = cx.rust_ty(&f.ty.value, &r.variant, &f.name.value, &p);
                    params.push(quote!(#id: impl #p::Into<#ty>));
                }
                let many = (fields.len() > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
                ctors.extend(quote! {
                    #ctor_doc #dep #[must_use] #many
                    pub fn #ctor(#(#params),*) -> Self { Self::#v { #(#ids: #p::Into::into(#ids)),* } }
                });
                let required = fields
                    .iter()
                    .filter(|f| !matches!(f.ty.value, Ty::Optional(_)))
                    .count();
                let binds: Vec<Ident> = fields.iter().map(binding).collect();
                let opt_counts = fields
                    .iter()
                    .zip(&binds)
                    .filter(|(f, _)| matches!(f.ty.value, Ty::Optional(_)))
                    .map(|(_, b)| quote!(+ <usize as #p::From<bool>>::from(#b.is_some())));
                // The last entry's result is the closure's, when it is required.
                let last_required = fields
                    .last()
                    .is_some_and(|f| !matches!(f.ty.value, Ty::Optional(_)));
                let count = fields.len();
                let entries = fields.iter().zip(&binds).zip(&wires).enumerate().map(
                    |(i, ((f, id), w))| {
                        if matches!(f.ty.value, Ty::Optional(_)) {
                            quote!(if let #p::Some(__v) = #id { __m.serialize_field(#w, __v)?; } else { __m.skip_field(#w)?; })
                        } else if i + 1 == count {
                            quote!(__m.serialize_field(#w, #id))
                        } else {
                            quote!(__m.serialize_field(#w, #id)?;)
                        }
                    },
                );
                let end = (!last_required).then(|| quote!(#p::Ok(())));
                let vname = r.variant.as_str();
                ser_arms.push(quote! {
                    Self::#v { #(#ids: #binds),* } => #p::details_struct(__s, #vname, #required #(#opt_counts)*, |__m| { #(#entries)* #end })
                });
                from_arms.push(if fields.is_empty() {
                    // No field to take: still refuse details that are not an object.
                    quote!(#code_enum::#v => { __d.object()?; Self::#v {} })
                } else {
                    quote!(#code_enum::#v => Self::#v { #(#ids: __d.take(#wires)?,)* })
                });
                let dbg = debug_struct(&r.variant, fields, |f| {
                    let b = binding(f);
                    quote!(#b)
                });
                debug_arms.push(quote!(Self::#v { #(#ids: #binds),* } => #dbg));
            }
            Details::Value(ty) => {
                let t = cx.rust_ty(&ty.value, &r.variant, "details", &outer);
                let inner = cx.rust_ty(&ty.value, &r.variant, "details", &p);
                variants.push(quote!(#vdoc #dep #v(#t)));
                ctors.extend(quote! {
                    #ctor_doc #dep #[must_use]
                    pub fn #ctor(details: impl #p::Into<#inner>) -> Self { Self::#v(#p::Into::into(details)) }
                });
                ser_arms.push(quote!(Self::#v(__d) => #p::serde::Serialize::serialize(__d, __s)));
                from_arms.push(quote!(#code_enum::#v => Self::#v(__d.value()?)));
                let name = r.variant.as_str();
                debug_arms.push(quote!(Self::#v(__d) => f.debug_tuple(#name).field(__d).finish()));
            }
        }
        // Display: the message with placeholders filled; static messages
        // come from the code table in the fallback arm.
        let fields = code.object_fields();
        if message_pieces
            .iter()
            .any(|p| matches!(p, Piece::Field { .. }))
        {
            let writes = message_pieces.iter().map(|piece| match piece {
                Piece::Text(t) => quote!(f.write_str(#t)?;),
                Piece::Field { name, .. } => {
                    let b = fields.iter().find(|f| &f.name.value == name).map(binding);
                    quote!(#p::fmt::Display::fmt(#b, f)?;)
                }
            });
            let used: Vec<&Field> = fields
                .iter()
                .filter(|f| {
                    message_pieces
                        .iter()
                        .any(|p| matches!(p, Piece::Field { name, .. } if *name == f.name.value))
                })
                .collect();
            let (used, binds): (Vec<Ident>, Vec<Ident>) =
                used.iter().map(|f| (field_ident(f), binding(f))).unzip();
            display_arms
                .push(quote!(Self::#v { #(#used: #binds,)* .. } => { #(#writes)* #p::Ok(()) }));
        }
        // Headers.
        if !code.headers.is_empty() {
            let mut used_fields: Vec<(Ident, Ident)> = Vec::new();
            let pushes: Vec<TokenStream> = code
                .headers
                .iter()
                .map(|h| {
                    let name = h.name.value.to_ascii_lowercase();
                    let parts = pieces(&h.value.value).unwrap_or_default();
                    if parts.iter().all(|p| matches!(p, Piece::Text(_))) {
                        let text = &h.value.value.replace("{{", "{").replace("}}", "}");
                        return quote!(#p::static_header(&mut __h, #name, #text););
                    }
                    let mut fmt = String::new();
                    let mut args = Vec::new();
                    for part in &parts {
                        match part {
                            Piece::Text(t) => {
                                fmt.push_str(&t.replace('{', "{{").replace('}', "}}"))
                            }
                            Piece::Field {
                                name: field,
                                format,
                            } => {
                                fmt.push_str("{}");
                                let f = fields.iter().find(|f| &f.name.value == field);
                                let bound = f.map(|f| (field_ident(f), binding(f)));
                                let id = bound.as_ref().map(|(_, b)| b.clone());
                                if let Some(pair) = bound
                                    && !used_fields.contains(&pair)
                                {
                                    used_fields.push(pair);
                                }
                                if format.as_deref() == Some("unix") {
                                    args.push(quote!(#id.as_second()));
                                } else {
                                    args.push(quote!(#id));
                                }
                            }
                        }
                    }
                    quote!(#p::header(&mut __h, #name, #p::format!(#fmt, #(#args),*));)
                })
                .collect();
            let count = code.headers.len();
            let (used_fields, binds): (Vec<Ident>, Vec<Ident>) = used_fields.into_iter().unzip();
            header_arms.push(quote! {
                Self::#v { #(#used_fields: #binds,)* .. } => {
                    let mut __h = #p::Vec::with_capacity(#count);
                    #(#pushes)*
                    __h
                }
            });
        }
    }

    // The code enum's metadata.
    let codes: Vec<&Code> = plan.codes.iter().map(|(c, _)| *c).collect();
    let variant_ids: Vec<&Ident> = plan.codes.iter().map(|(_, v)| v).collect();
    let wires: Vec<&str> = codes.iter().map(|c| c.code.value.as_str()).collect();
    let indices = 0..codes.len();
    let n_codes = codes.len();
    let cat_ids: Vec<Ident> = catalog
        .categories
        .iter()
        .map(|c| {
            format_ident!(
                "{}",
                c.rust_name
                    .as_ref()
                    .map(|r| r.value.clone())
                    .or_else(|| names::upper_camel(&c.name.value))
                    .unwrap_or_default()
            )
        })
        .collect();
    let channel_ids: Vec<Ident> = channels
        .iter()
        .map(|c| {
            format_ident!(
                "{}",
                names::upper_camel(c).unwrap_or_else(|| names::suggest_rust_name(c))
            )
        })
        .collect();
    let rows = Group::new(Delimiter::Bracket, rows.tokens);
    let template_consts: Vec<Ident> = (0..channels.len())
        .map(|i| format_ident!("__ERRCAT_TEMPLATE_{}", i))
        .collect();
    let template_defs = channels.iter().zip(&template_consts).map(|(ch, id)| {
        let t = catalog
            .envelopes
            .iter()
            .find(|e| e.channel.value == *ch)
            .map(|e| template_tokens(&e.template))
            .unwrap_or_else(|| quote!(#p::Template::Null));
        quote!(const #id: &'static #p::Template = &#t;)
    });
    let cat_wires: Vec<&str> = catalog
        .categories
        .iter()
        .map(|c| c.name.value.as_str())
        .collect();
    let cat_docs = catalog.categories.iter().map(|c| {
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
    let channel_docs = channels.iter().map(|c| {
        doc(&if *c == HTTP {
            "HTTP responses.".to_string()
        } else {
            format!("The non-HTTP channel `{c}`.")
        })
    });
    let cat_titles = catalog
        .categories
        .iter()
        .map(|c| c.title.clone().unwrap_or_else(|| c.name.value.clone()));
    let catalog_name = catalog
        .name
        .as_ref()
        .map_or(String::new(), |n| n.value.clone());
    let code_doc = doc(&format!(
        "The codes of the `{catalog_name}` catalog, without details: [`{error}::code`] returns one."
    ));
    let cat_doc = doc(&format!("The categories of the `{catalog_name}` catalog."));
    let chan_doc = doc(&format!(
        "The channels (envelopes) of the `{catalog_name}` catalog."
    ));
    let inline_enums = cx.inline.iter().map(|e| {
        let d = doc(&e.doc);
        value_enum(vis, &e.ident, &e.values, d)
    });
    let headers_body = if header_arms.len == 0 {
        quote!(#p::Vec::new())
    } else {
        let arms = header_arms.braced(quote!(_ => #p::Vec::new(),));
        quote! {
            #[allow(unused_variables)]
            match self #arms
        }
    };
    // Arms for the codes that need their own; the rest share a fallback
    // (unreachable, hence allowed, when every code has its own arm).
    let variants = variants.braced(TokenStream::new());
    // Unit variants print their name, as `#[derive(Debug)]` would.
    let debug_arms =
        debug_arms.braced(quote!(_ => f.write_str(__ERRCAT_META[self.code() as usize].8),));
    let code_variants = code_variants.braced(TokenStream::new());
    let code_arms = code_arms.braced(TokenStream::new());
    let display_arms =
        display_arms.braced(quote!(_ => f.write_str(__ERRCAT_META[self.code() as usize].7),));
    let ser_arms = ser_arms.braced(quote!(_ => __s.serialize_unit(),));
    let from_arms = from_arms.braced(TokenStream::new());
    let (serialize_envelope_fn, envelope_helpers) =
        envelope_serializer(catalog, error, channel_enum, &channels, &channel_ids);
    let rebuild = source.rebuild_trigger();
    // Variant names come from the catalog, where a shared suffix such as
    // `…Error` is the API's naming; clippy flags it on enums not exported.
    let (enum_def, debug_impl) = if plan.emit_enum {
        (
            quote! {
                #(#user_attrs)*
                #[allow(clippy::enum_variant_names)]
                #vis enum #error #variants
            },
            quote! {
                #[allow(deprecated)]
                impl #p::fmt::Debug for #error {
                    fn fmt(&self, f: &mut #p::fmt::Formatter<'_>) -> #p::fmt::Result {
                        #[allow(unreachable_patterns)]
                        match self #debug_arms
                    }
                }
            },
        )
    } else {
        (TokenStream::new(), TokenStream::new())
    };

    quote! {
        #(#support)*
        #(#inline_enums)*

        #enum_def

        #code_doc
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(clippy::enum_variant_names)]
        #vis enum #code_enum #code_variants

        #cat_doc
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(clippy::enum_variant_names)]
        #vis enum #category_enum {
            #(#cat_docs #cat_ids,)*
        }

        #chan_doc
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(clippy::enum_variant_names)]
        #vis enum #channel_enum {
            #(#channel_docs #channel_ids,)*
        }

        // Cargo rebuilds this crate when the catalog changes.
        #rebuild

        const _: () = {
        use ::errcat::__private as __p;
        #[allow(unused_imports)]
        use __p::serde::ser::{SerializeSeq as _, SerializeStruct as _};

        #envelope_helpers

        #[allow(deprecated)]
        impl #error {
            #ctors

            /// This error's code.
            #[must_use]
            #[inline]
            pub const fn code(&self) -> #code_enum {
                match self #code_arms
            }
            /// The HTTP status; `None` on non-HTTP channels.
            #[must_use]
            #[inline]
            pub const fn status(&self) -> #p::Option<#p::StatusCode> {
                self.code().status()
            }
            /// The category.
            #[must_use]
            #[inline]
            pub const fn category(&self) -> #category_enum {
                self.code().category()
            }
            /// The channel (envelope) this error is sent on.
            #[must_use]
            #[inline]
            pub const fn channel(&self) -> #channel_enum {
                self.code().channel()
            }
            /// Whether retrying may succeed.
            #[must_use]
            #[inline]
            pub const fn is_retryable(&self) -> bool {
                self.code().is_retryable()
            }
            /// Headers to send with this error, such as `Retry-After`.
            #[must_use]
            pub fn headers(&self) -> #p::Vec<(#p::HeaderName, #p::HeaderValue)> {
                #headers_body
            }
            /// The wire envelope, to add a request id or timestamp to and serialize.
            #[must_use]
            pub fn envelope(&self) -> ::errcat::Envelope<'_, Self> {
                ::errcat::Envelope::new(self)
            }
            /// Reads an error body (client side). Codes this catalog does not
            /// know are kept as [`errcat::UnknownError`](::errcat::UnknownError).
            pub fn from_envelope(body: &[u8]) -> #p::Result<::errcat::Received<Self>, ::errcat::DecodeError> {
                #p::decode(body)
            }
        }

        // The code table, inside this block: nothing outside can name it.
        #(#template_defs)*
        const __ERRCAT_TEMPLATES: &[&#p::Template] = &[#(#template_consts),*];
        const __ERRCAT_META: &[(&str, u16, u32, u32, bool, bool, bool, &str, &str)] = &#rows;
        // Statuses resolved at compile time, so that `status()` is a load.
        const __ERRCAT_STATUS: [#p::Option<#p::StatusCode>; #n_codes] = {
            let mut __out = [#p::None; #n_codes];
            let mut __i = 0;
            while __i < #n_codes {
                __out[__i] = #p::status(__ERRCAT_META[__i].1);
                __i += 1;
            }
            __out
        };

        #[allow(deprecated)]
        impl #code_enum {
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
            pub const fn status(self) -> #p::Option<#p::StatusCode> {
                __ERRCAT_STATUS[self as usize]
            }
            /// The category.
            #[must_use]
            #[inline]
            pub const fn category(self) -> #category_enum {
                #category_enum::ALL[__ERRCAT_META[self as usize].2 as usize]
            }
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
            #[inline]
            const fn template(self) -> &'static #p::Template {
                __ERRCAT_TEMPLATES[__ERRCAT_META[self as usize].3 as usize]
            }
        }

        #[allow(deprecated)]
        impl #p::core::str::FromStr for #code_enum {
            type Err = ::errcat::UnknownCode;
            fn from_str(s: &str) -> #p::Result<Self, Self::Err> {
                let i = match s {
                    #(#wires => #indices,)*
                    _ => return #p::Err(::errcat::UnknownCode(#p::std::string::ToString::to_string(s))),
                };
                #p::Ok(Self::ALL[i])
            }
        }

        impl #p::fmt::Display for #code_enum {
            fn fmt(&self, f: &mut #p::fmt::Formatter<'_>) -> #p::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl #p::Sealed for #code_enum {}
        impl #p::Sealed for #error {}

        #[allow(deprecated)]
        impl ::errcat::CatalogCode for #code_enum {
            const ALL: &'static [Self] = #code_enum::ALL;
            const TEMPLATES: &'static [&'static #p::Template] = __ERRCAT_TEMPLATES;
            #[inline]
            fn as_str(self) -> &'static str { #code_enum::as_str(self) }
            #[inline]
            fn status(self) -> #p::Option<#p::StatusCode> { #code_enum::status(self) }
            #[inline]
            fn category_name(self) -> &'static str { #code_enum::category(self).as_str() }
            #[inline]
            fn channel_name(self) -> &'static str { #code_enum::channel(self).as_str() }
            #[inline]
            fn is_retryable(self) -> bool { #code_enum::is_retryable(self) }
            #[inline]
            fn template(self) -> &'static #p::Template { #code_enum::template(self) }
            fn from_wire(code: &str) -> #p::Option<Self> { code.parse().ok() }
        }

        impl #category_enum {
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
        }

        impl #p::fmt::Display for #category_enum {
            fn fmt(&self, f: &mut #p::fmt::Formatter<'_>) -> #p::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl #channel_enum {
            /// Every channel, `http` first.
            pub const ALL: &'static [Self] = &[#(Self::#channel_ids),*];
            /// The channel's name in the catalog.
            #[must_use]
            #[inline]
            pub const fn as_str(self) -> &'static str {
                match self { #(Self::#channel_ids => #channels,)* }
            }
        }

        #[allow(deprecated)]
        impl #p::fmt::Display for #error {
            fn fmt(&self, f: &mut #p::fmt::Formatter<'_>) -> #p::fmt::Result {
                #[allow(unreachable_patterns)]
                match self #display_arms
            }
        }

        #debug_impl

        impl #p::std::error::Error for #error {}

        #[allow(deprecated)]
        impl ::errcat::CatalogError for #error {
            type Code = #code_enum;
            #[inline]
            fn code(&self) -> #code_enum { #error::code(self) }
            fn headers(&self) -> #p::Vec<(#p::HeaderName, #p::HeaderValue)> { #error::headers(self) }
            #[inline]
            fn static_message(&self) -> #p::Option<&'static str> {
                let __row = __ERRCAT_META[#error::code(self) as usize];
                if __row.6 { #p::Some(__row.7) } else { #p::None }
            }
            #[inline]
            fn has_details(&self) -> bool { __ERRCAT_META[#error::code(self) as usize].5 }
            fn serialize_details<__S: #p::serde::Serializer>(&self, __s: __S) -> #p::Result<__S::Ok, __S::Error> {
                #[allow(unreachable_patterns)]
                match self #ser_arms
            }
            #serialize_envelope_fn
            fn from_wire_parts(
                code: #code_enum,
                __details: #p::Option<#p::Value>,
            ) -> #p::Result<Self, #p::serde_json::Error> {
                #[allow(unused_mut, unused_variables)]
                let mut __d = #p::Details::new(__details);
                #p::Ok(match code #from_arms)
            }
        }

        impl #p::serde::Serialize for #error {
            fn serialize<__S: #p::serde::Serializer>(&self, __s: __S) -> #p::Result<__S::Ok, __S::Error> {
                <Self as ::errcat::CatalogError>::serialize_envelope(&::errcat::Envelope::new(self), __s)
            }
        }
    };
    }
}

fn value_enum(vis: &syn::Visibility, id: &Ident, values: &[String], d: TokenStream) -> TokenStream {
    let p = private();
    let vs: Vec<Ident> = values
        .iter()
        .map(|v| {
            format_ident!(
                "{}",
                names::upper_camel(v).unwrap_or_else(|| names::suggest_rust_name(v))
            )
        })
        .collect();
    let docs = values.iter().map(|v| doc(&format!("`{v}`")));
    quote! {
        #d
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, #p::serde::Serialize, #p::serde::Deserialize)]
        #[serde(crate = "::errcat::__private::serde")]
        #[allow(clippy::enum_variant_names)]
        #vis enum #id {
            #(#docs #[serde(rename = #values)] #vs,)*
        }
        impl #id {
            /// The wire value.
            #[must_use]
            #[inline]
            pub const fn as_str(self) -> &'static str {
                match self { #(Self::#vs => #values,)* }
            }
        }
        impl #p::fmt::Display for #id {
            fn fmt(&self, f: &mut #p::fmt::Formatter<'_>) -> #p::fmt::Result {
                f.write_str(self.as_str())
            }
        }
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
                self.helpers.extend(quote! {
                    struct #id<'a, 'b>(&'a ::errcat::Envelope<'b, #error>);
                    impl #p::serde::Serialize for #id<'_, '_> {
                        #[allow(unused_variables)]
                        fn serialize<__S: #p::serde::Serializer>(&self, __s: __S) -> #p::Result<__S::Ok, __S::Error> {
                            let __env = self.0;
                            let __e = __env.error();
                            let __c = __e.code();
                            #body
                        }
                    }
                });
                quote!(&#id(__env))
            }
        };
        (value, presence)
    }
}

/// The `serialize_envelope` override and its helper types, for every channel.
fn envelope_serializer(
    catalog: &Catalog,
    error: &Ident,
    channel_enum: &Ident,
    channels: &[&str],
    channel_ids: &[Ident],
) -> (TokenStream, TokenStream) {
    let mut gen_ = EnvelopeGen {
        error,
        http: false,
        helpers: TokenStream::new(),
        next: 0,
    };
    let mut arms = Vec::new();
    for (ch, id) in channels.iter().zip(channel_ids) {
        let Some(env) = catalog.envelopes.iter().find(|e| e.channel.value == *ch) else {
            continue;
        };
        gen_.http = *ch == HTTP;
        let body = gen_.node(&env.template);
        arms.push(quote!(#channel_enum::#id => #body));
    }
    let method = quote! {
        #[allow(unused_variables)]
        fn serialize_envelope<__S: __p::serde::Serializer>(
            __env: &::errcat::Envelope<'_, Self>,
            __s: __S,
        ) -> __p::core::result::Result<__S::Ok, __S::Error> {
            let __e = __env.error();
            let __c = __e.code();
            #[allow(unreachable_patterns)]
            match __c.channel() {
                #(#arms,)*
            }
        }
    };
    (method, gen_.helpers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebuild_trigger_handles_every_kind_of_path() {
        let manifest = Bases::default()
            .resolve("catalog/api.yaml")
            .rebuild_trigger()
            .to_string();
        assert!(
            manifest.contains("CARGO_MANIFEST_DIR") && manifest.contains("\"/catalog/api.yaml\""),
            "{manifest}"
        );
        let absolute = Bases::default()
            .resolve("/srv/api.yaml")
            .rebuild_trigger()
            .to_string();
        assert!(
            !absolute.contains("CARGO_MANIFEST_DIR") && absolute.contains("\"/srv/api.yaml\""),
            "{absolute}"
        );
    }

    #[test]
    fn an_unchecked_catalog_is_refused_not_a_panic() {
        let text = "name: t\nenvelopes: {http: {code: $code}}\ncategories: {c: {status: 400}}\ncodes:\n  A: {category: c, message: m}\n";
        let mut catalog = crate::compile_str("t.yaml", text.as_bytes()).unwrap();
        catalog.categories.clear();
        let input: syn::DeriveInput = syn::parse_str("pub enum E {}").unwrap();
        let out = expand(&catalog, &input, &Bases::default().resolve("t.yaml")).to_string();
        assert!(out.contains("not checked"), "{out}");
    }
}
