//! Building the item form: the named types, inline enums, categories and
//! codes of one expansion, each identifier vouched for (`take` collects
//! what is not one).

use proc_macro2::Ident;

use super::*;

type Take<'t> = dyn FnMut(Result<Ident, Diagnostic>) -> Option<Ident> + 't;

/// The categories, each with its variant of the category enum.
pub(super) fn category_vs<'a>(catalog: &'a Checked, take: &mut Take<'_>) -> Vec<CategoryV<'a>> {
    catalog
        .categories
        .iter()
        .filter_map(|c| {
            let (name, loc) = match &c.rust_name {
                Some(r) => (r.value.clone(), &r.loc),
                None => (
                    names::upper_camel(&c.name.value).unwrap_or_default(),
                    &c.name.loc,
                ),
            };
            Some(CategoryV {
                ident: take(ident(&name, loc))?,
                category: c,
            })
        })
        .collect()
}

fn field_v<'a>(
    f: &'a Field,
    owner: &str,
    inline: &mut Vec<EnumV>,
    take: &mut Take<'_>,
) -> Option<FieldV<'a>> {
    let name = f.rust_name.as_ref().unwrap_or(&f.name);
    let ty = RustTy::of(&f.ty.value, owner, &f.name.value);
    if let (Some(enum_name), crate::model::Ty::Enum(values)) =
        (ty.inline_enum(), f.ty.value.required())
    {
        let doc = format!("Values of `{}` in `{owner}`.", f.name.value);
        let e = enum_v(
            enum_name,
            values.iter().map(|v| (&v.value, &v.loc)),
            doc,
            &f.name.loc,
            take,
        )?;
        // Each field is visited once, and the checker has made inline enum
        // names unique: no search here (it would be quadratic in the codes).
        inline.push(e);
    }
    Some(FieldV {
        field: f,
        ident: take(ident(&name.value, &name.loc))?,
        binding: take(ident(&format!("__field_{}", name.value), &name.loc))?,
        ty,
    })
}

fn enum_v<'v>(
    name: &str,
    values: impl Iterator<Item = (&'v String, &'v Loc)>,
    doc: String,
    loc: &Loc,
    take: &mut Take<'_>,
) -> Option<EnumV> {
    let mut out = Vec::new();
    for (value, at) in values {
        let rust = names::upper_camel(value).unwrap_or_default();
        out.push((take(ident(&rust, at))?, value.clone()));
    }
    Some(EnumV {
        ident: take(ident(name, loc))?,
        values: out,
        doc,
    })
}

/// The named types `codes` use, directly or through other types; every
/// type when `all` (the attribute macro), only those for a derive, which
/// may map a subset of the codes (fewer clashes with a second use of the
/// catalog in one module).
pub(super) fn named_types<'a>(
    catalog: &'a Checked,
    codes: &[(&'a Code, Ident)],
    all: bool,
    inline: &mut Vec<EnumV>,
    take: &mut Take<'_>,
) -> Vec<TypeV<'a>> {
    let mut pending = Vec::new();
    for (code, _) in codes {
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
    catalog
        .types
        .iter()
        .filter(|d| all || used.contains(&d.name.value.as_str()))
        .filter_map(|def| type_v(catalog, def, inline, take))
        .collect()
}

fn type_v<'a>(
    catalog: &'a Checked,
    def: &'a TypeDef,
    inline: &mut Vec<EnumV>,
    take: &mut Take<'_>,
) -> Option<TypeV<'a>> {
    let name = &def.name.value;
    let doc = def.description.clone().unwrap_or_else(|| {
        let catalog = catalog.name.as_ref().map_or("", |n| n.value.as_str());
        format!("`{name}`, a detail type of the `{catalog}` catalog.")
    });
    match &def.kind {
        TypeDefKind::Struct(fields) => {
            let fields = fields
                .iter()
                .map(|f| field_v(f, name, inline, take))
                .collect::<Option<Vec<_>>>()?;
            Some(TypeV::Struct {
                ident: take(ident(name, &def.name.loc))?,
                name: name.clone(),
                doc,
                fields,
            })
        }
        TypeDefKind::Enum(values) => {
            let values = values.iter().map(|v| (&v.value, &v.loc));
            Some(TypeV::Enum(enum_v(name, values, doc, &def.name.loc, take)?))
        }
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn code_v<'a>(
    catalog: &'a Checked,
    code: &'a Code,
    variant: &Ident,
    channels: &[ChannelV<'a>],
    types: &mut Vec<TypeV<'a>>,
    inline: &mut Vec<EnumV>,
    take: &mut Take<'_>,
) -> Option<CodeV<'a>> {
    let r = &code.resolved;
    let (message, headers) = texts_v(catalog, code, take)?;
    let owner = r.variant.as_str();
    let details = details_v(code, owner, types, inline, take)?;
    // The constructor is named after the variant actually used: a derive's
    // may differ from the catalog's.
    let ctor = names::snake(&variant.to_string());
    let channel = channels.iter().position(|c| c.wire == r.channel);
    let category_ok = match r.category {
        Some(i) => i < catalog.categories.len(),
        None => catalog.categories.is_empty(),
    };
    let (Some(channel), true) = (channel, category_ok) else {
        take(Err(Diagnostic::new(
            &code.code.loc,
            format!("code `{}` was not resolved", code.code.value),
        )
        .hint(
            "this is a bug in errcat's checks; please report it with the catalog",
        )));
        return None;
    };
    let number = match catalog.numeric_codes() {
        false => None,
        true => match code.code.value.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                take(Err(Diagnostic::new(
                    &code.code.loc,
                    format!("code `{}` is not an integer", code.code.value),
                )
                .hint(
                    "this is a bug in errcat's checks; please report it with the catalog",
                )));
                return None;
            }
        },
    };
    let members = catalog
        .value_members(code)
        .map(|f| field_v(f, owner, inline, take))
        .collect::<Option<Vec<_>>>()?;
    let texts = catalog
        .members
        .iter()
        .filter_map(|m| {
            let text = crate::example::member_text(catalog, code, &m.name.value)?;
            Some((m.name.value.as_str(), text))
        })
        .collect();
    Some(CodeV {
        members,
        texts,
        number,
        code,
        variant: variant.clone(),
        ctor: take(ident(&ctor, &code.code.loc))?,
        category: r.category,
        channel,
        message,
        headers,
        details,
    })
}

/// A code's message and headers, parsed (lifecycle headers included).
fn texts_v(
    catalog: &Checked,
    code: &Code,
    take: &mut Take<'_>,
) -> Option<(Vec<Piece>, Vec<HeaderV>)> {
    let mut parse = |text: &str, loc: &Loc| match pieces(text) {
        Ok(p) => Some(p),
        Err((message, hint)) => {
            take(Err(Diagnostic::new(loc, message).hint(hint)));
            None
        }
    };
    // Without a message (its envelope sends none), `Display` shows the code.
    let message = match &code.message {
        Some(m) => parse(&m.value, &m.loc)?,
        None => vec![Piece::Text(code.code.value.clone())],
    };
    let mut headers = code
        .headers
        .iter()
        .map(|h| {
            Some(HeaderV {
                name: h.name.value.to_ascii_lowercase(),
                value: parse(&h.value.value, &h.value.loc)?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    headers.extend(
        code.lifecycle_headers(catalog)
            .into_iter()
            .map(|(name, value)| HeaderV {
                name: name.to_ascii_lowercase(),
                value: vec![Piece::Text(value)],
            }),
    );
    Some((message, headers))
}

/// A code's details as the variant holds them; optional object details get
/// a struct of their own.
fn details_v<'a>(
    code: &'a Code,
    owner: &str,
    types: &mut Vec<TypeV<'a>>,
    inline: &mut Vec<EnumV>,
    take: &mut Take<'_>,
) -> Option<DetailsV<'a>> {
    Some(match &code.details {
        Details::None => DetailsV::None,
        Details::Object(fields) if code.details_optional => {
            let name = crate::check::optional_details_type(owner);
            let fields = fields
                .iter()
                .map(|f| field_v(f, owner, inline, take))
                .collect::<Option<Vec<_>>>()?;
            types.push(TypeV::Struct {
                ident: take(ident(&name, &code.code.loc))?,
                doc: format!("The details of `{}`, which may be absent.", code.code.value),
                name: name.clone(),
                fields,
            });
            let ty = Ty::Optional(Box::new(Ty::Named(name)));
            DetailsV::Value(RustTy::of(&ty, owner, "details"))
        }
        Details::Object(fields) => DetailsV::Object(
            fields
                .iter()
                .map(|f| field_v(f, owner, inline, take))
                .collect::<Option<Vec<_>>>()?,
        ),
        Details::Value(ty) => DetailsV::Value(RustTy::of(&ty.value, owner, "details")),
    })
}
