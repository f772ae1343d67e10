//! The item form that expansion takes (thiserror's `valid.rs`,
//! serde_derive's `Container`), built on the checked form.
//!
//! [`crate::check`] proves a catalog sound and [`crate::Checked`] carries
//! it with every catalog-wide name decided; [`Valid::new`] then decides,
//! once, what depends on the user's item and the Rust spelling of the
//! rest: the Rust identifiers of variants, constructors, fields and their
//! match bindings, categories, channels, named types and inline enums and
//! their values, the companion types of the user's enum, the operations'
//! enums ([`Valid::operations`]), the Rust type of every field, and the parsed
//! message and header templates. Anything it cannot decide is a
//! diagnostic, never a panic or a silent default; the expansion modules
//! read only this form and make no naming decision of their own.

use proc_macro2::{Ident, Span};

use crate::Checked;
use crate::diag::{Diagnostic, Loc};
use crate::model::{
    Category, Code, Details, Field, Piece, Template, Ty, TypeDef, TypeDefKind, pieces,
};
use crate::names;
use crate::rust_ty::RustTy;

pub(crate) use crate::check::HTTP;

/// A checked catalog with every name decided, for one item: all the
/// expansion reads (it never reads the model itself).
pub struct Valid<'a> {
    catalog: &'a Checked,
    /// Whether wire codes are JSON integers (`code_type: integer`).
    pub numeric: bool,
    /// The media type of HTTP error bodies.
    pub content_type: &'a str,
    /// The header clients read the request id from, lowercase, when the
    /// catalog names one.
    pub request_id_header: Option<String>,
    /// The separator of a received code's namespace (`code_namespace`).
    pub code_namespace: Option<&'a str>,
    /// Where body-less errors carry their code (`header_errors`).
    pub header_errors: Option<&'a crate::model::HeaderErrors>,
    /// The catalog-wide members, in catalog order.
    pub members: &'a [crate::model::Member],
    /// The user's error enum.
    pub error: Ident,
    /// `<Enum>Code`.
    pub code_enum: Ident,
    /// `<Enum>Category`.
    pub category_enum: Ident,
    /// `<Enum>Channel`.
    pub channel_enum: Ident,
    /// Channels, `http` first (clients try its envelope first).
    pub channels: Vec<ChannelV<'a>>,
    /// Categories, in catalog order.
    pub categories: Vec<CategoryV<'a>>,
    /// The named types the codes use.
    pub types: Vec<TypeV<'a>>,
    /// The inline `enum:` fields' enums.
    pub inline_enums: Vec<EnumV>,
    /// The codes of this expansion, in catalog order.
    pub codes: Vec<CodeV<'a>>,
    /// For an operation's enum: the operation and the catalog's enum,
    /// whose code, category and channel enums it shares.
    pub operation: Option<OperationV<'a>>,
}

/// The operation an enum holds the errors of.
pub struct OperationV<'a> {
    /// The operation.
    pub operation: &'a crate::model::Operation,
    /// The catalog's enum, which it converts into.
    pub catalog_enum: Ident,
}

/// A channel.
pub struct ChannelV<'a> {
    /// Its variant of the channel enum.
    pub ident: Ident,
    /// Its name in the catalog.
    pub wire: &'a str,
    /// Its envelope.
    pub template: &'a Template,
}

/// A category.
pub struct CategoryV<'a> {
    /// Its variant of the category enum.
    pub ident: Ident,
    /// The category.
    pub category: &'a Category,
}

/// A named type.
pub enum TypeV<'a> {
    /// An object type: a struct (also made for object details that may
    /// be absent).
    Struct {
        /// The struct's name.
        ident: Ident,
        /// Its name in the catalog, for `Debug`.
        name: String,
        /// Its rustdoc.
        doc: String,
        /// Its fields.
        fields: Vec<FieldV<'a>>,
    },
    /// An enum type.
    Enum(EnumV),
}

/// An enum of string values.
pub struct EnumV {
    /// The enum's name.
    pub ident: Ident,
    /// Each value's variant and wire string.
    pub values: Vec<(Ident, String)>,
    /// Its rustdoc.
    pub doc: String,
}

/// A field of a struct or of a code's details.
pub struct FieldV<'a> {
    /// The field.
    pub field: &'a Field,
    /// Its Rust name (raw for keywords).
    pub ident: Ident,
    /// The local a match arm binds it to (`__field_<name>`): no field can
    /// shadow a local of the generated code, whose names never start so.
    pub binding: Ident,
    /// Its Rust type.
    pub ty: RustTy,
}

/// A code.
pub struct CodeV<'a> {
    /// The code.
    pub code: &'a Code,
    /// Its variant (a derive's may differ from the catalog's).
    pub variant: Ident,
    /// Its constructor.
    pub ctor: Ident,
    /// Index into [`Valid::categories`] (`None`: the catalog has none).
    pub category: Option<usize>,
    /// Index into [`Valid::channels`].
    pub channel: usize,
    /// Its message, parsed.
    pub message: Vec<Piece>,
    /// Its headers, parsed.
    pub headers: Vec<HeaderV>,
    /// Its details.
    pub details: DetailsV<'a>,
    /// The value members it carries: fields of its variant after the
    /// details' fields, written into the envelope rather than the details.
    pub members: Vec<FieldV<'a>>,
    /// The texts of the catalog's template members for this code.
    pub texts: Vec<(&'a str, String)>,
    /// The code as a number, for catalogs with `code_type: integer`.
    pub number: Option<i64>,
}

/// A code's details.
pub enum DetailsV<'a> {
    /// No details.
    None,
    /// Named fields.
    Object(Vec<FieldV<'a>>),
    /// One value of this type.
    Value(RustTy),
}

/// A header of a code.
pub struct HeaderV {
    /// The header name, lowercase (as `HeaderName::from_static` wants it).
    pub name: String,
    /// The value template, parsed.
    pub value: Vec<Piece>,
}

impl CodeV<'_> {
    /// The code's object fields (none for other details).
    pub fn fields(&self) -> &[FieldV<'_>] {
        match &self.details {
            DetailsV::Object(fields) => fields,
            _ => &[],
        }
    }

    /// The fields of the variant: object details' fields, then members.
    pub fn variant_fields(&self) -> impl Iterator<Item = &FieldV<'_>> {
        self.fields().iter().chain(&self.members)
    }

    /// Whether the variant has named fields (object details or members).
    pub fn is_struct(&self) -> bool {
        matches!(self.details, DetailsV::Object(_)) || !self.members.is_empty()
    }

    /// The field a placeholder names.
    pub fn field(&self, name: &str) -> Option<&FieldV<'_>> {
        self.variant_fields().find(|f| f.field.name.value == name)
    }
}

/// An identifier the checker has vouched for; a diagnostic if it is not one.
pub(crate) fn ident(name: &str, loc: &Loc) -> Result<Ident, Diagnostic> {
    if names::is_plain_ident(name) {
        Ok(Ident::new(name, Span::call_site()))
    } else if names::is_keyword(name) && names::can_be_raw(name) {
        Ok(Ident::new_raw(name, Span::call_site()))
    } else {
        Err(
            Diagnostic::new(loc, format!("`{name}` is not a Rust identifier"))
                .hint("this is a bug in errcat's checks; please report it with the catalog"),
        )
    }
}

impl<'a> Valid<'a> {
    /// Decides every name for expanding `codes` (each with its variant) of
    /// a checked `catalog` for the enum `error`.
    pub fn new(
        catalog: &'a Checked,
        error: &Ident,
        codes: &[(&'a Code, Ident)],
        all_types: bool,
    ) -> Result<Valid<'a>, Vec<Diagnostic>> {
        let errs = crate::check::check_companion_names(catalog, &error.to_string());
        Valid::build(catalog, error, error, codes, all_types, errs)
    }

    /// The item form of each operation's enum (`operations:`), which
    /// shares this catalog enum's companions and named types; operations
    /// without errors have none. An operation whose enum cannot be named
    /// is left out, with its diagnostic: the rest of the expansion stands
    /// beside it (no cascade in user code).
    pub fn operations(&self) -> (Vec<Valid<'a>>, Vec<Diagnostic>) {
        let catalog = self.catalog;
        let (mut out, mut errs) = (Vec::new(), Vec::new());
        let clashes = crate::check::check_operation_names(catalog, &self.error.to_string());
        for (i, op) in catalog.operations.iter().enumerate() {
            if let Some((_, d)) = clashes.iter().find(|(at, _)| *at == i) {
                errs.push(d.clone());
                continue;
            }
            if op.codes.is_empty() {
                continue;
            }
            match self.operation(op) {
                Ok(v) => out.push(v),
                Err(d) => errs.extend(d),
            }
        }
        (out, errs)
    }

    fn operation(&self, op: &'a crate::model::Operation) -> Result<Valid<'a>, Vec<Diagnostic>> {
        let catalog = self.catalog;
        let name = crate::check::operation_enum_name(&op.name.value);
        let op_enum = ident(&name, &op.name.loc).map_err(|d| vec![d])?;
        let codes = op
            .codes
            .iter()
            .map(|&i| {
                let c = &catalog.codes[i];
                Ok((c, ident(&c.resolved.variant, &c.code.loc)?))
            })
            .collect::<Result<Vec<_>, Diagnostic>>()
            .map_err(|d| vec![d])?;
        let mut valid = Valid::build(catalog, &op_enum, &self.error, &codes, false, Vec::new())?;
        valid.operation = Some(OperationV {
            operation: op,
            catalog_enum: self.error.clone(),
        });
        Ok(valid)
    }

    fn build(
        catalog: &'a Checked,
        error: &Ident,
        companions: &Ident,
        codes: &[(&'a Code, Ident)],
        all_types: bool,
        mut errs: Vec<Diagnostic>,
    ) -> Result<Valid<'a>, Vec<Diagnostic>> {
        let mut take = |r: Result<Ident, Diagnostic>| match r {
            Ok(id) => Some(id),
            Err(d) => {
                errs.push(d);
                None
            }
        };
        let mut channels: Vec<_> = catalog.envelopes.iter().collect();
        channels.sort_by_key(|e| e.channel.value != HTTP);
        let channels: Vec<ChannelV<'a>> = channels
            .into_iter()
            .filter_map(|e| {
                let name = names::upper_camel(&e.channel.value).unwrap_or_default();
                Some(ChannelV {
                    ident: take(ident(&name, &e.channel.loc))?,
                    wire: &e.channel.value,
                    template: &e.template,
                })
            })
            .collect();
        let categories = category_vs(catalog, &mut take);
        let mut inline_enums = Vec::new();
        let mut types = named_types(catalog, codes, all_types, &mut inline_enums, &mut take);
        let codes: Vec<CodeV<'a>> = codes
            .iter()
            .filter_map(|(code, variant)| {
                code_v(
                    catalog,
                    code,
                    variant,
                    &channels,
                    &mut types,
                    &mut inline_enums,
                    &mut take,
                )
            })
            .collect();
        if errs.is_empty() {
            Ok(Valid {
                catalog,
                numeric: catalog.numeric_codes(),
                content_type: catalog.content_type(),
                request_id_header: catalog
                    .request_id_header
                    .as_ref()
                    .map(|h| h.value.to_ascii_lowercase()),
                code_namespace: catalog.code_namespace.as_ref().map(|s| s.value.as_str()),
                header_errors: catalog.header_errors.as_ref(),
                members: &catalog.members,
                error: error.clone(),
                code_enum: Ident::new(&format!("{companions}Code"), Span::call_site()),
                category_enum: Ident::new(&format!("{companions}Category"), Span::call_site()),
                channel_enum: Ident::new(&format!("{companions}Channel"), Span::call_site()),
                channels,
                categories,
                types,
                inline_enums,
                codes,
                operation: None,
            })
        } else {
            Err(errs)
        }
    }

    /// The catalog's `name`.
    pub fn name(&self) -> &str {
        self.catalog.name.as_ref().map_or("", |n| n.value.as_str())
    }

    /// The category a code resolved to.
    pub fn category_of(&self, code: &Code) -> Option<&'a Category> {
        code.resolved
            .category
            .and_then(|i| self.catalog.categories.get(i))
    }

    /// Every category of the catalog, in its order.
    pub fn all_categories(&self) -> &'a [Category] {
        &self.catalog.categories
    }

    /// How clients retry `code` (its advice, else its category's).
    pub fn retry_of(&self, code: &'a Code) -> Option<&'a crate::model::Retry> {
        code.retry(self.catalog)
    }

    /// A code's example in its envelope, from the example engine.
    pub fn example(&self, code: &Code) -> crate::example::Json {
        crate::example::example(self.catalog, code)
    }

    /// The `utoipa` responses of `codes`, as JSON text.
    #[cfg(feature = "utoipa")]
    pub fn responses(&self, codes: &[&Code]) -> String {
        crate::render::openapi::utoipa_responses(self.catalog, codes).to_string()
    }

    /// The `utoipa` component schemas of the catalog and the catalog
    /// enum's schema, as JSON texts.
    #[cfg(feature = "utoipa")]
    pub fn components(&self) -> (String, String) {
        let (components, schema) = crate::render::openapi::utoipa_components(self.catalog);
        (components.to_string(), schema.to_string())
    }
}

mod build;
use build::{category_vs, code_v, named_types};
