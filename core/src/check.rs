//! Stage 3: the rules a catalog must follow. Each rule is its own function;
//! all of them run, every mistake is collected, and on success the resolved
//! values of each code (`Code::resolved`) are filled in.

use std::collections::{HashMap, HashSet};

use crate::diag::{Diagnostic, Diagnostics, Loc, did_you_mean, suggest};
use crate::load::{Kind, Node};
use crate::model::{
    Catalog, Code, Details, Field, MemberKind, Piece, Slot, Spanned, Template, Ty, TypeDefKind,
    pieces,
};
use crate::names;

/// The channel whose codes carry an HTTP status.
pub const HTTP: &str = "http";

/// Runs every rule over `catalog`, then resolves per-code values.
pub fn check(catalog: &mut Catalog, cx: &mut Diagnostics) {
    name_variants(catalog);
    check_name(catalog, cx);
    check_envelopes(catalog, cx);
    check_categories(catalog, cx);
    check_types(catalog, cx);
    check_type_references(catalog, cx);
    check_category_references(catalog, cx);
    check_statuses(catalog, cx);
    check_channels(catalog, cx);
    check_naming_rules(catalog, cx);
    check_rust_names(catalog, cx);
    check_field_names(catalog, cx);
    check_type_names(catalog, cx);
    check_message_placeholders(catalog, cx);
    check_headers(catalog, cx);
    check_members(catalog, cx);
    check_lifecycle(catalog, cx);
    check_retry(catalog, cx);
    check_examples(catalog, cx);
    resolve(catalog);
}

/// `name` must be present and be a plain identifier-like word.
pub(crate) fn check_name(catalog: &Catalog, cx: &mut Diagnostics) {
    if let Some(name) = &catalog.name {
        let ok = !name.value.is_empty()
            && name
                .value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !ok {
            cx.push(
                Diagnostic::new(&name.loc, format!("invalid catalog name `{}`", name.value))
                    .hint("use letters, digits, `_` and `-` only, e.g. `hook0`"),
            );
        }
    }
    if let Some(ct) = &catalog.content_type {
        let (kind, sub) = ct.value.split_once('/').unwrap_or(("", ""));
        let token = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"!#$&-^_.+".contains(&b))
        };
        if !token(kind) || !token(sub) {
            cx.push(
                Diagnostic::new(&ct.loc, format!("`{}` is not a media type", ct.value))
                    .hint("write `type/subtype`, e.g. `application/problem+json`"),
            );
        } else if !(sub == "json" || sub.ends_with("+json")) {
            cx.push(
                Diagnostic::new(&ct.loc, format!("`{}` is not a JSON media type", ct.value))
                    .hint("error bodies are JSON: use `application/json` or a `+json` type such as `application/problem+json`"),
            );
        }
    }
    if let Some(t) = &catalog.code_type
        && !matches!(t.value.as_str(), "string" | "integer")
    {
        cx.push(
            Diagnostic::new(&t.loc, format!("unknown `code_type` `{}`", t.value))
                .hint(suggest(&t.value, &["string", "integer"])),
        );
    }
    if catalog.numeric_codes() {
        // Written as the number's canonical text, so that what a client
        // reads back (`5`) is the code (`5`, not `05`).
        for code in &catalog.codes {
            let wire = &code.code.value;
            if wire.parse::<i64>().map(|n| n.to_string()) != Ok(wire.clone()) {
                cx.push(
                    Diagnostic::new(&code.code.loc, format!("code `{wire}` is not an integer, but `code_type` is `integer`"))
                        .hint("write integer codes as plain decimal numbers without leading zeros, e.g. `5`"),
                );
            }
        }
    }
    if let Some(prefix) = &catalog.rust_name_prefix {
        let ok = prefix.value.starts_with(|c: char| c.is_ascii_uppercase())
            && prefix.value.chars().all(|c| c.is_ascii_alphanumeric());
        if !ok {
            cx.push(
                Diagnostic::new(
                    &prefix.loc,
                    format!(
                        "`rust_name_prefix` `{}` cannot start a Rust type name",
                        prefix.value
                    ),
                )
                .hint("use ASCII letters and digits, starting with a capital, e.g. `Sqlstate`"),
            );
        }
    }
}

/// Envelopes: every `$slot` must be known, every template must hold `$code`,
/// and there must be at least one envelope.
pub(crate) fn check_envelopes(catalog: &Catalog, cx: &mut Diagnostics) {
    if catalog.envelopes.is_empty() && catalog.name.is_some() {
        cx.push(
            Diagnostic::new(&catalog.loc, "the catalog defines no envelope").hint(
                "add `envelopes:` with an `http:` template such as `{error: {code: $code, message: $message}}`",
            ),
        );
    }
    let mut slot_names: Vec<&str> = Slot::ALL.iter().map(|s| s.name()).collect();
    slot_names.extend(catalog.members.iter().map(|m| m.name.value.as_str()));
    for env in &catalog.envelopes {
        let mut found = HashSet::new();
        walk_template(&env.template, &mut |t| {
            match t {
            Template::Slot(s) => {
                found.insert(s.value);
                if s.value == Slot::Category && catalog.categories.is_empty() {
                    cx.push(
                        Diagnostic::new(&s.loc, "the envelope has a `$category` slot, but the catalog has no categories")
                            .hint("add `categories:` and a `category:` to every code, or remove the slot"),
                    );
                }
            }
            Template::UnknownSlot(s) => cx.push(
                Diagnostic::new(&s.loc, format!("unknown envelope slot `${}`", s.value)).hint(
                    match did_you_mean(&s.value, slot_names.iter().copied()) {
                        Some(best) => format!("did you mean `${best}`? (write `$${}` for a literal string starting with `$`)", s.value),
                        None => format!(
                            "slots are {}; write `$${}` for a literal string starting with `$`",
                            slot_names.iter().map(|n| format!("`${n}`")).collect::<Vec<_>>().join(", "),
                            s.value
                        ),
                    },
                ),
            ),
            _ => {}
        }
        });
        if !found.contains(&Slot::Code) {
            cx.push(
                Diagnostic::new(
                    &env.channel.loc,
                    format!("envelope `{}` has no `$code` slot", env.channel.value),
                )
                .hint("clients find the error by its code; add a member such as `code: $code`"),
            );
        }
    }
}

fn walk_template<'a>(t: &'a Template, f: &mut impl FnMut(&'a Template)) {
    f(t);
    match t {
        Template::Object(members) => members.iter().for_each(|(_, v)| walk_template(v, f)),
        Template::Array(items) => items.iter().for_each(|v| walk_template(v, f)),
        _ => {}
    }
}

fn status_ok(status: &Spanned<i128>, cx: &mut Diagnostics) -> bool {
    if (400..=599).contains(&status.value) {
        return true;
    }
    let hint = if (100..=399).contains(&status.value) {
        "an error status is 4xx or 5xx".to_string()
    } else {
        "an HTTP status is a number from 400 to 599 for errors, e.g. 400, 404, 503".to_string()
    };
    cx.push(
        Diagnostic::new(&status.loc, format!("invalid HTTP status {}", status.value)).hint(hint),
    );
    false
}

/// Categories: valid default status, known channel, distinct Rust names.
pub(crate) fn check_categories(catalog: &Catalog, cx: &mut Diagnostics) {
    let mut seen: HashMap<String, &Loc> = HashMap::new();
    for cat in &catalog.categories {
        if let Some(s) = &cat.status {
            status_ok(s, cx);
        }
        let (name, loc) = match &cat.rust_name {
            Some(r) => (Some(r.value.clone()), &r.loc),
            None => (names::upper_camel(&cat.name.value), &cat.name.loc),
        };
        match name {
            Some(n) if names::is_plain_ident(&n) => {
                if let Some(first) = used_before(&mut seen, n.clone(), loc) {
                    cx.push(
                        Diagnostic::new(loc, format!("category Rust name `{n}` is used twice"))
                            .hint("give one of them a different `rust_name`")
                            .note("first used", first),
                    );
                }
            }
            _ => cx.push(
                Diagnostic::new(
                    loc,
                    format!("category `{}` has no valid Rust name", cat.name.value),
                )
                .hint(format!(
                    "add `rust_name: {}`",
                    names::suggest_rust_name(&cat.name.value)
                )),
            ),
        }
    }
}

/// Named types: Rust-identifier names, distinct enum values.
pub(crate) fn check_types(catalog: &Catalog, cx: &mut Diagnostics) {
    for def in &catalog.types {
        if !names::is_plain_ident(&def.name.value)
            || !def.name.value.starts_with(|c: char| c.is_ascii_uppercase())
        {
            cx.push(
                Diagnostic::new(
                    &def.name.loc,
                    format!("invalid type name `{}`", def.name.value),
                )
                .hint(format!(
                    "type names become Rust types; write it in UpperCamelCase, e.g. `{}`",
                    names::suggest_rust_name(&def.name.value)
                )),
            );
        }
        match &def.kind {
            TypeDefKind::Enum(values) => check_enum_values(values, cx),
            TypeDefKind::Struct(_) => {}
        }
    }
}

/// Records that `key` is used at `loc`; where it was first used, when it
/// was used before (one Rust name for two catalog names).
fn used_before<'a>(
    seen: &mut HashMap<String, &'a Loc>,
    key: String,
    loc: &'a Loc,
) -> Option<&'a Loc> {
    match seen.get(&key) {
        Some(first) => Some(first),
        None => {
            seen.insert(key, loc);
            None
        }
    }
}

fn check_enum_values(values: &[Spanned<String>], cx: &mut Diagnostics) {
    let mut seen: HashMap<String, &Loc> = HashMap::new();
    for v in values {
        let Some(rust) = names::upper_camel(&v.value) else {
            cx.push(
                Diagnostic::new(&v.loc, format!("enum value `{}` has no Rust name", v.value))
                    .hint("enum values must contain a letter and not start with a digit"),
            );
            continue;
        };
        if let Some(first) = used_before(&mut seen, rust.clone(), &v.loc) {
            cx.push(
                Diagnostic::new(
                    &v.loc,
                    format!(
                        "enum value `{}` has the same Rust name `{rust}` as another value",
                        v.value
                    ),
                )
                .hint("enum values must differ in more than case and punctuation")
                .note("the other value", first),
            );
        }
    }
}

fn fields_of(catalog: &Catalog) -> impl Iterator<Item = &Field> {
    let type_fields = catalog.types.iter().flat_map(|t| match &t.kind {
        TypeDefKind::Struct(f) => f.as_slice(),
        TypeDefKind::Enum(_) => &[],
    });
    let code_fields = catalog.codes.iter().flat_map(Code::object_fields);
    let member_fields = catalog.members.iter().filter_map(|m| match &m.kind {
        MemberKind::Value(f) => Some(f),
        MemberKind::Template { .. } => None,
    });
    type_fields.chain(code_fields).chain(member_fields)
}

/// Every named type a field refers to must be defined; a type may not
/// contain itself except through `[T]` or `{string: T}`.
pub(crate) fn check_type_references(catalog: &Catalog, cx: &mut Diagnostics) {
    let defined: Vec<&str> = catalog
        .types
        .iter()
        .map(|t| t.name.value.as_str())
        .collect();
    let report = |ty: &Spanned<Ty>, cx: &mut Diagnostics| {
        let mut used = Vec::new();
        ty.value.named_types(&mut used);
        for name in used {
            if !defined.contains(&name.as_str()) {
                let mut candidates = defined.clone();
                candidates.extend(crate::model::SCALAR_TYPES);
                cx.push(
                    Diagnostic::new(&ty.loc, format!("unknown type `{name}`"))
                        .hint(suggest(&name, &candidates)),
                );
            }
        }
    };
    for f in fields_of(catalog) {
        report(&f.ty, cx);
    }
    for code in &catalog.codes {
        if let Details::Value(ty) = &code.details {
            report(ty, cx);
        }
    }
    // Direct containment (not through a collection) would be an infinitely large type.
    let direct: HashMap<&str, Vec<String>> = catalog
        .types
        .iter()
        .map(|t| {
            let mut used = Vec::new();
            if let TypeDefKind::Struct(fields) = &t.kind {
                for f in fields {
                    if let Ty::Named(n) = f.ty.value.required() {
                        used.push(n.clone());
                    }
                }
            }
            (t.name.value.as_str(), used)
        })
        .collect();
    for t in &catalog.types {
        let mut stack = vec![t.name.value.clone()];
        let mut seen = HashSet::new();
        while let Some(n) = stack.pop() {
            for next in direct.get(n.as_str()).into_iter().flatten() {
                if *next == t.name.value {
                    cx.push(
                        Diagnostic::new(
                            &t.name.loc,
                            format!("type `{}` contains itself", t.name.value),
                        )
                        .hint("a recursive field must be a list `[T]` or a map `{string: T}`"),
                    );
                    stack.clear();
                    break;
                }
                if seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
    }
}

/// Every code names a defined category.
pub(crate) fn check_category_references(catalog: &Catalog, cx: &mut Diagnostics) {
    let names: Vec<&str> = catalog
        .categories
        .iter()
        .map(|c| c.name.value.as_str())
        .collect();
    for code in &catalog.codes {
        match &code.category {
            Some(cat) if !names.contains(&cat.value.as_str()) => cx.push(
                Diagnostic::new(&cat.loc, format!("unknown category `{}`", cat.value))
                    .hint(suggest(&cat.value, &names)),
            ),
            // Categories are optional, but all or nothing: once a catalog
            // has them, every code names one.
            None if !names.is_empty() => cx.push(
                Diagnostic::new(
                    &code.code.loc,
                    format!("code `{}` has no `category`", code.code.value),
                )
                .hint(format!(
                    "add `category:` naming one of the catalog's categories: {}",
                    suggest("", &names).trim_start_matches("expected one of ")
                )),
            ),
            _ => {}
        }
    }
}

fn category_of<'a>(catalog: &'a Catalog, code: &Code) -> Option<&'a crate::model::Category> {
    let name = &code.category.as_ref()?.value;
    catalog.categories.iter().find(|c| &c.name.value == name)
}

fn channel_of<'a>(catalog: &'a Catalog, code: &'a Code) -> &'a str {
    code.channel
        .as_ref()
        .or_else(|| category_of(catalog, code).and_then(|c| c.channel.as_ref()))
        .map_or(HTTP, |c| c.value.as_str())
}

/// HTTP codes need a valid status (their own or their category's);
/// codes on other channels have none.
pub(crate) fn check_statuses(catalog: &Catalog, cx: &mut Diagnostics) {
    for code in &catalog.codes {
        let channel = channel_of(catalog, code);
        let own = code.status.as_ref();
        if let Some(s) = own
            && !status_ok(s, cx)
        {
            continue;
        }
        let inherited = category_of(catalog, code).and_then(|c| c.status.as_ref());
        // An unknown category is reported once, by check_category_references.
        let category_known = category_of(catalog, code).is_some();
        if channel == HTTP && own.is_none() && inherited.is_none() && category_known {
            cx.push(
                Diagnostic::new(
                    &code.code.loc,
                    format!("code `{}` has no HTTP status", code.code.value),
                )
                .hint("add `status: 4xx/5xx` to the code, or a default `status` to its category"),
            );
        }
        if channel != HTTP
            && let Some(s) = own
        {
            cx.push(
                Diagnostic::new(
                    &s.loc,
                    format!(
                        "code `{}` is on channel `{channel}`, which has no HTTP status",
                        code.code.value
                    ),
                )
                .hint("remove `status`, or move the code to the `http` channel"),
            );
        }
    }
}

/// Every channel named by a category or code has an envelope.
pub(crate) fn check_channels(catalog: &Catalog, cx: &mut Diagnostics) {
    let channels: Vec<&str> = catalog
        .envelopes
        .iter()
        .map(|e| e.channel.value.as_str())
        .collect();
    // Each channel is a variant of the channel enum.
    let mut seen: HashMap<String, &Loc> = HashMap::new();
    for e in &catalog.envelopes {
        let ch = &e.channel;
        match names::upper_camel(&ch.value) {
            Some(rust) => {
                if let Some(first) = used_before(&mut seen, rust.clone(), &ch.loc) {
                    cx.push(
                        Diagnostic::new(&ch.loc, format!("channels give the same Rust name `{rust}`"))
                            .hint("rename one of the channels")
                            .note("the other channel", first),
                    );
                }
            }
            None => cx.push(
                Diagnostic::new(&ch.loc, format!("channel `{}` has no Rust name", ch.value)).hint(
                    "channel names become enum variants: use ASCII letters, digits, `_` or `-`, starting with a letter",
                ),
            ),
        }
    }
    let named = catalog
        .categories
        .iter()
        .filter_map(|c| c.channel.as_ref())
        .chain(catalog.codes.iter().filter_map(|c| c.channel.as_ref()));
    for ch in named {
        if !channels.contains(&ch.value.as_str()) {
            cx.push(
                Diagnostic::new(&ch.loc, format!("unknown channel `{}`", ch.value))
                    .hint(suggest(&ch.value, &channels)),
            );
        }
    }
    if !catalog.envelopes.is_empty() && !channels.contains(&HTTP) {
        let uses_http = catalog.codes.iter().any(|c| channel_of(catalog, c) == HTTP);
        if uses_http {
            cx.push(
                Diagnostic::new(&catalog.envelopes[0].channel.loc, "no `http` envelope")
                    .hint("codes without a `channel` are HTTP codes; add an `http:` envelope"),
            );
        }
    }
}

/// A category's `prefix` must start every code of the category.
pub(crate) fn check_naming_rules(catalog: &Catalog, cx: &mut Diagnostics) {
    for code in &catalog.codes {
        let Some(cat) = category_of(catalog, code) else {
            continue;
        };
        let Some(prefix) = &cat.prefix else { continue };
        if !code.code.value.starts_with(&prefix.value) {
            let better = catalog.categories.iter().find(|c| {
                c.prefix
                    .as_ref()
                    .is_some_and(|p| code.code.value.starts_with(&p.value))
            });
            let hint = match better {
                Some(c) => format!(
                    "category `{}` requires the prefix `{}`; did you mean category `{}`?",
                    cat.name.value, prefix.value, c.name.value
                ),
                None => format!(
                    "category `{}` requires codes to start with `{}`; rename the code or change its category",
                    cat.name.value, prefix.value
                ),
            };
            cx.push(
                Diagnostic::new(
                    &code.code.loc,
                    format!(
                        "code `{}` breaks the naming rule of category `{}`",
                        code.code.value, cat.name.value
                    ),
                )
                .hint(hint),
            );
        }
    }
}

/// Derives every code's variant and constructor names once, before the
/// checks that read them (`Code::resolved`; empty when there is none).
fn name_variants(catalog: &mut Catalog) {
    let names: Vec<String> = catalog
        .codes
        .iter()
        .map(|c| derive_variant_name(catalog, c).unwrap_or_default())
        .collect();
    for (code, variant) in catalog.codes.iter_mut().zip(names) {
        code.resolved.ctor = names::snake(&variant);
        code.resolved.variant = variant;
    }
}

/// The Rust variant name of a code: its `rust_name`, or derived from the
/// code (as named by the check's first step, when it has run).
pub(crate) fn variant_name(catalog: &Catalog, code: &Code) -> Option<String> {
    if !code.resolved.variant.is_empty() {
        return Some(code.resolved.variant.clone());
    }
    derive_variant_name(catalog, code)
}

fn derive_variant_name(catalog: &Catalog, code: &Code) -> Option<String> {
    match &code.rust_name {
        Some(r) => Some(r.value.clone()),
        None => names::upper_camel(&code.code.value).or_else(|| {
            let prefix = catalog.rust_name_prefix.as_ref()?;
            names::prefixed(&prefix.value, &code.code.value)
        }),
    }
}

/// Codes map to distinct, valid Rust names whose constructors do not clash
/// with the generated methods.
pub(crate) fn check_rust_names(catalog: &Catalog, cx: &mut Diagnostics) {
    let mut seen: HashMap<String, (&str, &Loc)> = HashMap::new();
    // Distinct variants can still share a constructor (`AB` and `Ab`).
    let mut ctors: HashMap<String, (&str, &Loc)> = HashMap::new();
    for code in &catalog.codes {
        let loc = code.rust_name.as_ref().map_or(&code.code.loc, |r| &r.loc);
        let Some(name) = variant_name(catalog, code) else {
            cx.push(
                Diagnostic::new(
                    &code.code.loc,
                    format!(
                        "code `{}` is not a Rust identifier and has no `rust_name`",
                        code.code.value
                    ),
                )
                .hint(format!(
                    "add `rust_name: {}`, or give the catalog a `rust_name_prefix` (e.g. `rust_name_prefix: Sqlstate`) to name all such codes",
                    names::suggest_rust_name(&code.code.value)
                )),
            );
            continue;
        };
        if !names::is_plain_ident(&name) || !name.starts_with(|c: char| c.is_ascii_uppercase()) {
            cx.push(
                Diagnostic::new(
                    loc,
                    format!("`rust_name` `{name}` is not an UpperCamelCase identifier"),
                )
                .hint(format!(
                    "write e.g. `rust_name: {}`",
                    names::suggest_rust_name(&name)
                )),
            );
            continue;
        }
        let ctor = names::snake(&name);
        if !names::can_be_raw(&ctor) {
            cx.push(
                Diagnostic::new(
                    loc,
                    format!(
                        "code `{}` would get the constructor `{ctor}`, a keyword that Rust cannot use as a name",
                        code.code.value
                    ),
                )
                .hint(format!("add a `rust_name` such as `{name}Error`")),
            );
            continue;
        }
        // A shared variant is reported below, not again as a shared constructor.
        if !seen.contains_key(&name) {
            let hint = "give one of them a `rust_name` whose snake_case differs";
            claim(
                &mut ctors,
                &ctor,
                code,
                loc,
                "get the constructor",
                hint,
                cx,
            );
        }
        if names::RESERVED_CTORS.contains(&ctor.as_str()) {
            cx.push(
                Diagnostic::new(
                    loc,
                    format!(
                        "code `{}` would get the constructor `{ctor}`, which is a method of every generated error",
                        code.code.value
                    ),
                )
                .hint(format!("add a `rust_name` such as `{name}Error`")),
            );
        }
        let hint = "give one of them a distinct `rust_name`";
        claim(
            &mut seen,
            &name,
            code,
            loc,
            "map to the Rust name",
            hint,
            cx,
        );
    }
}

/// Records that `code` takes `key` (a Rust name, a constructor); a second
/// code taking the same key is a diagnostic at `loc`.
fn claim<'a>(
    taken: &mut HashMap<String, (&'a str, &'a Loc)>,
    key: &str,
    code: &'a Code,
    loc: &Loc,
    what: &str,
    hint: &str,
    cx: &mut Diagnostics,
) {
    match taken.get(key) {
        Some((other, first)) => cx.push(
            Diagnostic::new(
                loc,
                format!(
                    "codes `{other}` and `{}` both {what} `{key}`",
                    code.code.value
                ),
            )
            .hint(hint)
            .note(format!("`{other}` is defined"), first),
        ),
        None => {
            taken.insert(key.to_string(), (&code.code.value, &code.code.loc));
        }
    }
}

/// Field names must be Rust identifiers (keywords become `r#...`), or carry a `rust_name`.
pub(crate) fn check_field_names(catalog: &Catalog, cx: &mut Diagnostics) {
    for f in fields_of(catalog) {
        // Inline enums, of named types' fields and of codes' details alike.
        if let Ty::Enum(values) = f.ty.value.required() {
            check_enum_values(values, cx);
        }
        let name = f.rust_name.as_ref().unwrap_or(&f.name);
        if !names::is_field_ident(&name.value) {
            cx.push(
                Diagnostic::new(
                    &name.loc,
                    format!("field `{}` is not a Rust identifier", name.value),
                )
                .hint(format!(
                    "use the long form with a `rust_name`, e.g. `{}: {{type: ..., rust_name: {}}}`",
                    f.name.value,
                    names::snake(&names::suggest_rust_name(&f.name.value))
                )),
            );
        }
    }
    // Within one object, Rust names are unique: `rust_name: a` beside a
    // field `a` would be a struct with two fields `a`.
    let type_fields = catalog.types.iter().filter_map(|t| match &t.kind {
        TypeDefKind::Struct(f) => Some(f.as_slice()),
        TypeDefKind::Enum(_) => None,
    });
    let code_fields = catalog
        .codes
        .iter()
        .map(|c| catalog.variant_fields(c).collect::<Vec<_>>());
    for fields in type_fields
        .map(|f| f.iter().collect::<Vec<_>>())
        .chain(code_fields)
    {
        let mut seen: HashMap<&str, &Loc> = HashMap::new();
        for f in fields {
            let name = f.rust_name.as_ref().unwrap_or(&f.name);
            if let Some(first) = seen.insert(&name.value, &name.loc) {
                cx.push(
                    Diagnostic::new(
                        &name.loc,
                        format!("two fields have the Rust name `{}`", name.value),
                    )
                    .hint("give one of them a different `rust_name`")
                    .note("the other field", first),
                );
            }
        }
    }
}

/// The Rust types a catalog defines, each with where it comes from: named
/// types, and inline `enum:` fields (named after their owner and field).
pub(crate) fn type_names(catalog: &Catalog) -> Vec<(String, &Loc)> {
    let mut out: Vec<(String, &Loc)> = catalog
        .types
        .iter()
        .map(|t| (t.name.value.clone(), &t.name.loc))
        .collect();
    let type_fields = catalog.types.iter().filter_map(|t| match &t.kind {
        TypeDefKind::Struct(f) => Some((t.name.value.clone(), f.as_slice())),
        TypeDefKind::Enum(_) => None,
    });
    let code_fields = catalog
        .codes
        .iter()
        .filter_map(|c| Some((variant_name(catalog, c)?, c.object_fields())));
    for (owner, fields) in type_fields.chain(code_fields) {
        for f in fields {
            if matches!(f.ty.value.required(), Ty::Enum(_)) {
                let name = crate::rust_ty::inline_enum_name(&owner, &f.name.value);
                out.push((name, &f.name.loc));
            }
        }
    }
    // Object details that may be absent become a struct of their own.
    for c in catalog.codes.iter().filter(|c| c.details_optional) {
        if let Some(variant) = variant_name(catalog, c) {
            out.push((optional_details_type(&variant), &c.code.loc));
        }
    }
    out
}

/// The struct that holds a code's object details when they may be absent.
pub(crate) fn optional_details_type(variant: &str) -> String {
    format!("{variant}Details")
}

/// No two generated types share a name: a named type and an inline enum
/// (`RateLimitedPlan`), or two inline enums (`A_B.c` and `A.b_c`).
pub(crate) fn check_type_names(catalog: &Catalog, cx: &mut Diagnostics) {
    let mut seen: HashMap<String, &Loc> = HashMap::new();
    for (name, loc) in type_names(catalog) {
        if let Some(first) = used_before(&mut seen, name.clone(), loc) {
            cx.push(
                Diagnostic::new(loc, format!("this defines the Rust type `{name}` a second time"))
                    .hint("inline enums are named after their code and field; rename the field or the type, or use a named `enum:` type for both")
                    .note("the first definition", first),
            );
        }
    }
}

/// Type names that collide with the companions generated beside the user's
/// enum `error` (`<Enum>Code`, `<Enum>Category`, `<Enum>Channel`, the enum
/// itself): only known once the macro sees the enum.
pub(crate) fn check_companion_names(catalog: &Catalog, error: &str) -> Vec<Diagnostic> {
    let companions = [
        error.to_string(),
        format!("{error}Code"),
        format!("{error}Category"),
        format!("{error}Channel"),
    ];
    type_names(catalog)
        .into_iter()
        .filter(|(name, _)| companions.contains(name))
        .map(|(name, loc)| {
            Diagnostic::new(loc, format!("the type `{name}` collides with a type generated for `{error}`"))
                .hint(format!(
                    "errcat generates `{error}`, `{error}Code`, `{error}Category` and `{error}Channel`; rename this type"
                ))
        })
        .collect()
}

fn displayable(ty: &Ty, catalog: &Catalog) -> bool {
    match ty {
        Ty::Bool
        | Ty::Int(_)
        | Ty::Number
        | Ty::String
        | Ty::Timestamp
        | Ty::Url
        | Ty::Json
        | Ty::Enum(_) => true,
        Ty::Named(n) => catalog
            .types
            .iter()
            .any(|t| &t.name.value == n && matches!(t.kind, TypeDefKind::Enum(_))),
        Ty::Array(_) | Ty::Map(_) | Ty::Optional(_) => false,
    }
}

fn check_placeholders(
    catalog: &Catalog,
    code: &Code,
    text: &Spanned<String>,
    what: &str,
    allow_unix: bool,
    cx: &mut Diagnostics,
) {
    let parsed = match pieces(&text.value) {
        Ok(p) => p,
        Err((message, hint)) => {
            cx.push(Diagnostic::new(&text.loc, message).hint(hint));
            return;
        }
    };
    let fields: Vec<&Field> = catalog.variant_fields(code).collect();
    let names: Vec<&str> = fields.iter().map(|f| f.name.value.as_str()).collect();
    for piece in parsed {
        let Piece::Field { name, format } = piece else {
            continue;
        };
        // Where the placeholder stands, for the caret.
        let at = text.loc.narrow(&match &format {
            Some(fmt) => format!("{{{name}:{fmt}}}"),
            None => format!("{{{name}}}"),
        });
        let Some(field) = fields.iter().find(|f| f.name.value == name) else {
            if let Some(MemberKind::Value(_)) = catalog.member(&name).map(|m| &m.kind) {
                // A misspelt entry of `members:` is reported there, once.
                let misspelt = code.members.iter().any(|m| {
                    catalog.member(&m.value).is_none()
                        && did_you_mean(&m.value, [name.as_str()]).is_some()
                });
                if !misspelt {
                    cx.push(
                        Diagnostic::new(&at, format!("{what} of `{}` names the member `{{{name}}}`, which the code does not carry", code.code.value))
                            .hint(format!("add it to the code's members: `members: [{name}]`")),
                    );
                }
                continue;
            }
            let hint = if names.is_empty() {
                format!(
                    "code `{}` has no detail fields; add `{name}` under `details:` or write `{{{{` for a literal brace",
                    code.code.value
                )
            } else {
                suggest(&name, &names)
            };
            cx.push(
                Diagnostic::new(
                    &at,
                    format!(
                        "{what} of `{}` names `{{{name}}}`, which is not a detail field",
                        code.code.value
                    ),
                )
                .hint(hint),
            );
            continue;
        };
        if code.details_optional && code.object_fields().iter().any(|f| f.name.value == name) {
            cx.push(
                Diagnostic::new(
                    &at,
                    format!("{what} of `{}` names `{{{name}}}`, but the code's details may be absent", code.code.value),
                )
                .hint("a message or header needs its value in every error: drop `details_optional`, or remove the placeholder"),
            );
            continue;
        }
        if field.sensitive {
            cx.push(
                Diagnostic::new(
                    &at,
                    format!("{what} of `{}` shows the sensitive field `{name}`", code.code.value),
                )
                .hint(format!(
                    "a {what} reaches logs (Display) and proxies (headers); remove `{{{name}}}` or drop `sensitive` from the field"
                )),
            );
            continue;
        }
        // A header naming an optional field is sent only when the field is
        // present (`allow_unix` marks headers); a message needs a value.
        let ty = match &field.ty.value {
            Ty::Optional(inner) if allow_unix => inner,
            ty => ty,
        };
        match format.as_deref() {
            None => {
                if !displayable(ty, catalog) {
                    let member_hint = format!(
                        "the code lists the member as `{name}?`; a message needs it in every error: write `{name}`"
                    );
                    let is_member = code.optional_members.contains(&name);
                    let hint = if is_member && !allow_unix {
                        member_hint.as_str()
                    } else if allow_unix {
                        "header placeholders take scalar fields (strings, numbers, booleans, timestamps, enums), optional ones too: the header is then sent only when the field is present"
                    } else {
                        "message placeholders take required scalar fields (strings, numbers, booleans, timestamps, enums)"
                    };
                    cx.push(
                        Diagnostic::new(
                            &at,
                            format!(
                                "field `{name}` of type `{}` cannot be shown in a {what}",
                                field.ty.value.display()
                            ),
                        )
                        .hint(hint),
                    );
                }
            }
            Some("unix") if allow_unix && matches!(ty, Ty::Timestamp) => {}
            Some(other) => cx.push(
                Diagnostic::new(
                    &at,
                    format!("unknown format `{{{name}:{other}}}` in {what}"),
                )
                .hint(if allow_unix {
                    "the only format is `:unix` (seconds since the epoch), for timestamp fields"
                } else {
                    "messages take plain `{field}` placeholders"
                }),
            ),
        }
    }
}

/// Every `{placeholder}` in a message names a displayable detail field.
pub(crate) fn check_message_placeholders(catalog: &Catalog, cx: &mut Diagnostics) {
    for code in &catalog.codes {
        if let Some(message) = &code.message {
            check_placeholders(catalog, code, message, "message", false, cx);
        }
    }
}

/// Header names are valid HTTP header names, each once per code; values'
/// placeholders name detail fields, constant values are valid header values.
pub(crate) fn check_headers(catalog: &Catalog, cx: &mut Diagnostics) {
    for code in &catalog.codes {
        let mut seen: HashMap<String, &Loc> = HashMap::new();
        for h in &code.headers {
            match http::HeaderName::from_bytes(h.name.value.as_bytes()) {
                Ok(name) => {
                    if let Some(first) = seen.get(name.as_str()) {
                        cx.push(
                            Diagnostic::new(
                                &h.name.loc,
                                format!("header `{}` is set twice", h.name.value),
                            )
                            .hint("header names are case-insensitive; keep one")
                            .note("first set", first),
                        );
                    } else {
                        seen.insert(name.as_str().to_string(), &h.name.loc);
                    }
                }
                Err(_) => {
                    let cleaned: String = h
                        .name
                        .value
                        .trim()
                        .chars()
                        .map(|c| if c == ' ' || c == '_' { '-' } else { c })
                        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                        .collect();
                    cx.push(
                        Diagnostic::new(&h.name.loc, format!("invalid header name `{}`", h.name.value))
                            .hint(if cleaned.is_empty() {
                                "header names are ASCII letters, digits and `-`".to_string()
                            } else {
                                format!("header names are ASCII letters, digits and `-`; did you mean `{cleaned}`?")
                            }),
                    );
                }
            }
            check_placeholders(catalog, code, &h.value, "header value", true, cx);
            if let Ok(parts) = pieces(&h.value.value) {
                let literal: String = parts
                    .iter()
                    .filter_map(|p| match p {
                        Piece::Text(t) => Some(t.as_str()),
                        Piece::Field { .. } => None,
                    })
                    .collect();
                if http::HeaderValue::from_str(&literal).is_err() {
                    cx.push(
                        Diagnostic::new(&h.value.loc, format!("invalid value for header `{}`", h.name.value))
                            .hint("header values are visible ASCII; remove control characters and line breaks"),
                    );
                }
            }
        }
    }
}

/// `version` is `MAJOR.MINOR.PATCH`; deprecations name dates that parse,
/// a sunset after their start, and a replacement that exists; former codes
/// (`renamed_from`) belong to no other code.
pub(crate) fn check_lifecycle(catalog: &Catalog, cx: &mut Diagnostics) {
    if let Some(v) = &catalog.version
        && crate::evolve::major(&v.value).is_none()
    {
        cx.push(
            Diagnostic::new(&v.loc, format!("`{}` is not a version", v.value))
                .hint("write `MAJOR.MINOR.PATCH`, e.g. `1.4.0`"),
        );
    }
    let codes: Vec<&str> = catalog
        .codes
        .iter()
        .map(|c| c.code.value.as_str())
        .collect();
    let mut former: HashMap<String, &Loc> = HashMap::new();
    for code in &catalog.codes {
        for old in &code.renamed_from {
            if codes.contains(&old.value.as_str()) {
                cx.push(
                    Diagnostic::new(&old.loc, format!("`{}` is still a code of the catalog", old.value))
                        .hint("a former code must not be sent any more; remove it from `codes:` or from `renamed_from`"),
                );
            } else if let Some(first) = used_before(&mut former, old.value.clone(), &old.loc) {
                cx.push(
                    Diagnostic::new(
                        &old.loc,
                        format!("`{}` is the former code of two codes", old.value),
                    )
                    .hint("clients would not know which code it became; keep it on one")
                    .note("also here", first),
                );
            } else if catalog.numeric_codes()
                && old.value.parse::<i64>().map(|n| n.to_string()) != Ok(old.value.clone())
            {
                cx.push(
                    Diagnostic::new(
                        &old.loc,
                        format!("former code `{}` is not a decimal integer", old.value),
                    )
                    .hint("the catalog's codes are integers (`code_type: integer`)"),
                );
            }
        }
        let Some(d) = &code.deprecated else {
            continue;
        };
        let date = |s: &Option<Spanned<String>>, cx: &mut Diagnostics| {
            let s = s.as_ref()?;
            let parsed = crate::timestamp::parse_date(&s.value);
            if parsed.is_none() {
                cx.push(
                    Diagnostic::new(&s.loc, format!("`{}` is not a date", s.value))
                        .hint("write `2024-06-01` or an RFC 3339 timestamp such as `2024-06-01T00:00:00Z`"),
                );
            }
            parsed
        };
        let since = date(&d.since, cx);
        let sunset = date(&d.sunset, cx);
        if let (Some(a), Some(b), Some(s)) = (since, sunset, &d.sunset)
            && b <= a
        {
            cx.push(
                Diagnostic::new(&s.loc, "the sunset is not after the deprecation")
                    .hint("a code is deprecated first, and stops being sent later"),
            );
        }
        if let Some(r) = &d.replaced_by {
            if r.value == code.code.value {
                cx.push(
                    Diagnostic::new(&r.loc, "a code cannot replace itself")
                        .hint("name the code to use instead"),
                );
            } else if !codes.contains(&r.value.as_str()) {
                cx.push(
                    Diagnostic::new(
                        &r.loc,
                        format!("`replaced_by` names `{}`, which is not a code", r.value),
                    )
                    .hint(suggest(&r.value, &codes)),
                );
            }
        }
        if catalog.deprecation_headers && d.since.is_none() {
            cx.push(
                Diagnostic::new(&d.loc, format!("deprecated code `{}` has no `since` for its `Deprecation` header", code.code.value))
                    .hint("write `deprecated: {since: 2024-06-01, note: …}`; RFC 9745's header carries the date"),
            );
        }
        if catalog.deprecation_headers {
            for h in &code.headers {
                if h.name.value.eq_ignore_ascii_case("deprecation")
                    || h.name.value.eq_ignore_ascii_case("sunset")
                {
                    cx.push(
                        Diagnostic::new(
                            &h.name.loc,
                            format!("`{}` is set by `deprecation_headers`", h.name.value),
                        )
                        .hint("remove it here; errcat writes it from `deprecated:`"),
                    );
                }
            }
        }
    }
}

/// Retry advice: a delay field exists in every code the advice applies to
/// and holds a number (seconds) or a timestamp; attempts are 1 to 100; an
/// action is a name.
pub(crate) fn check_retry(catalog: &Catalog, cx: &mut Diagnostics) {
    let advices = catalog
        .categories
        .iter()
        .filter_map(|c| c.retry.as_ref())
        .chain(catalog.codes.iter().filter_map(|c| c.retry.as_ref()));
    for r in advices {
        if let Some(a) = &r.attempts
            && !(1..=100).contains(&a.value)
        {
            cx.push(
                Diagnostic::new(&a.loc, format!("`attempts: {}` is out of range", a.value))
                    .hint("attempts count the first one: 1 to 100"),
            );
        }
        if let Some(a) = &r.action
            && !names::is_field_ident(&a.value)
        {
            cx.push(
                Diagnostic::new(&a.loc, format!("action `{}` is not a name", a.value))
                    .hint("name the client action in snake_case, e.g. `refresh_credentials`"),
            );
        }
        if let Some(h) = &r.after_header
            && http::HeaderName::from_bytes(h.value.as_bytes()).is_err()
        {
            cx.push(
                Diagnostic::new(&h.loc, format!("`{}` is not a header name", h.value))
                    .hint("e.g. `after_header: Retry-After`"),
            );
        }
    }
    for code in &catalog.codes {
        let own = code.retry.as_ref();
        let inherited = category_of(catalog, code).and_then(|c| c.retry.as_ref());
        let Some(r) = own.or(inherited) else { continue };
        let Some(field) = &r.after_field else {
            continue;
        };
        let fields: Vec<&Field> = catalog.variant_fields(code).collect();
        let names: Vec<&str> = fields.iter().map(|f| f.name.value.as_str()).collect();
        let whose = if own.is_some() {
            String::new()
        } else {
            format!(" (from its category, for `{}`)", code.code.value)
        };
        match fields.iter().find(|f| f.name.value == field.value) {
            None => cx.push(
                Diagnostic::new(
                    &field.loc,
                    format!(
                        "`after_field: {}` names no detail field of `{}`{whose}",
                        field.value, code.code.value
                    ),
                )
                .hint(if names.is_empty() {
                    "the code has no details; use `after_header: Retry-After` or a `backoff`"
                        .to_string()
                } else {
                    suggest(&field.value, &names)
                }),
            ),
            Some(f)
                if !matches!(
                    f.ty.value.required(),
                    Ty::Int(_) | Ty::Number | Ty::Timestamp
                ) =>
            {
                cx.push(
                    Diagnostic::new(
                        &field.loc,
                        format!(
                            "`after_field: {}` of `{}` is a `{}`{whose}",
                            field.value,
                            code.code.value,
                            f.ty.value.display()
                        ),
                    )
                    .hint("the delay is a number of seconds or a timestamp to retry at"),
                )
            }
            Some(_) => {}
        }
    }
}

/// The placeholders a template member may use: values every code has.
const MEMBER_PLACEHOLDERS: &[&str] = &["code", "category", "status", "channel"];

/// Members: not named like a slot, placed in an envelope, value members
/// typed without inline enums, templates filled only from the code; codes
/// list declared members that their envelope places, and no member
/// shares a name with a detail field.
pub(crate) fn check_members(catalog: &Catalog, cx: &mut Diagnostics) {
    let mut placed = HashSet::new();
    for env in &catalog.envelopes {
        walk_template(&env.template, &mut |t| {
            if let Template::Member(m) = t {
                placed.insert((env.channel.value.as_str(), m.value.as_str()));
            }
        });
    }
    for m in &catalog.members {
        let name = m.name.value.as_str();
        if Slot::ALL.iter().any(|s| s.name() == name) {
            cx.push(
                Diagnostic::new(
                    &m.name.loc,
                    format!("member `{name}` has the name of the slot `${name}`"),
                )
                .hint("`$` names in envelopes mean the built-in slot; rename the member"),
            );
        }
        if !placed.iter().any(|(_, n)| *n == name) {
            cx.push(
                Diagnostic::new(&m.name.loc, format!("member `{name}` is in no envelope")).hint(
                    format!("place it in an envelope, e.g. `{name}: ${name}`, or remove it"),
                ),
            );
        }
        match &m.kind {
            MemberKind::Value(f) => {
                if matches!(f.ty.value.required(), Ty::Enum(_)) {
                    cx.push(
                        Diagnostic::new(&f.ty.loc, format!("member `{name}` has an inline `enum:`"))
                            .hint("declare the values as a named type under `types:` (`Name: {enum: [a, b]}`) and use its name"),
                    );
                }
            }
            MemberKind::Template { template, .. } => check_member_template(catalog, template, cx),
        }
    }
    for code in &catalog.codes {
        check_code_members(catalog, code, &placed, cx);
    }
}

fn check_member_template(catalog: &Catalog, text: &Spanned<String>, cx: &mut Diagnostics) {
    let parsed = match pieces(&text.value) {
        Ok(p) => p,
        Err((message, hint)) => {
            cx.push(Diagnostic::new(&text.loc, message).hint(hint));
            return;
        }
    };
    for piece in parsed {
        let Piece::Field { name, format } = piece else {
            continue;
        };
        let at = text.loc.narrow(&format!("{{{name}"));
        if !MEMBER_PLACEHOLDERS.contains(&name.as_str()) || format.is_some() {
            cx.push(
                Diagnostic::new(&at, format!("a member template cannot use `{{{name}}}`")).hint(
                    format!(
                        "a template is filled from the code alone: {}",
                        MEMBER_PLACEHOLDERS
                            .iter()
                            .map(|p| format!("`{{{p}}}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ),
            );
        } else if name == "category" && catalog.categories.is_empty() {
            cx.push(
                Diagnostic::new(
                    &at,
                    "`{category}` in a template, but the catalog has no categories",
                )
                .hint("use `{code}`, or add categories"),
            );
        }
    }
}

fn check_code_members(
    catalog: &Catalog,
    code: &Code,
    placed: &HashSet<(&str, &str)>,
    cx: &mut Diagnostics,
) {
    let channel = channel_of(catalog, code);
    let mut seen: HashMap<String, &Loc> = HashMap::new();
    let listed = code.members.iter().map(|n| (n, true));
    let own = code.member_templates.iter().map(|(n, _)| (n, false));
    for (n, is_value) in listed.chain(own) {
        if let Some(first) = used_before(&mut seen, n.value.clone(), &n.loc) {
            cx.push(
                Diagnostic::new(&n.loc, format!("member `{}` is listed twice", n.value))
                    .hint("keep one")
                    .note("first listed", first),
            );
            continue;
        }
        let Some(m) = catalog.member(&n.value) else {
            let names: Vec<&str> = catalog
                .members
                .iter()
                .map(|m| m.name.value.as_str())
                .collect();
            cx.push(
                Diagnostic::new(&n.loc, format!("unknown member `{}`", n.value)).hint(
                    if names.is_empty() {
                        format!(
                            "declare it under the top-level `members:`, e.g. `{}: string?`",
                            n.value
                        )
                    } else {
                        suggest(&n.value, &names)
                    },
                ),
            );
            continue;
        };
        match (&m.kind, is_value) {
            (MemberKind::Template { .. }, true) => {
                cx.push(
                    Diagnostic::new(
                        &n.loc,
                        format!("member `{}` is a template: every code has it", n.value),
                    )
                    .hint(format!(
                        "to give this code its own text, write `- {}: https://…`",
                        n.value
                    )),
                );
                continue;
            }
            (MemberKind::Value(_), false) => {
                cx.push(
                    Diagnostic::new(
                        &n.loc,
                        format!("member `{}` is a value, not a template", n.value),
                    )
                    .hint(format!(
                        "list it by name, `members: [{}]`; the value is given per error",
                        n.value
                    )),
                );
                continue;
            }
            _ => {}
        }
        if !placed.contains(&(channel, n.value.as_str())) {
            cx.push(
                Diagnostic::new(
                    &n.loc,
                    format!(
                        "the `{channel}` envelope has no `${}` slot for this code's member",
                        n.value
                    ),
                )
                .hint(format!(
                    "add `{0}: ${0}` to the `{channel}` envelope",
                    n.value
                )),
            );
        }
        if is_value {
            if let Details::Value(ty) = &code.details {
                cx.push(
                    Diagnostic::new(&n.loc, format!("code `{}` has `{}` details and cannot carry value members", code.code.value, ty.value.display()))
                        .hint("value members become fields of the variant, beside object details; make the details an object with one field"),
                );
            } else if let Some(f) = code
                .object_fields()
                .iter()
                .find(|f| f.name.value == n.value)
            {
                cx.push(
                    Diagnostic::new(
                        &n.loc,
                        format!(
                            "member `{}` has the name of a detail field of `{}`",
                            n.value, code.code.value
                        ),
                    )
                    .hint("both would be fields of the variant; rename the detail field")
                    .note("the detail field", &f.name.loc),
                );
            }
        }
    }
    for (_, text) in &code.member_templates {
        check_member_template(catalog, text, cx);
    }
}

/// Every example matches its code's detail schema; example timestamps are RFC 3339.
pub(crate) fn check_examples(catalog: &Catalog, cx: &mut Diagnostics) {
    for f in fields_of(catalog) {
        if let Some(ex) = &f.example {
            check_value(catalog, ex, &f.ty.value, cx);
        }
    }
    for code in &catalog.codes {
        let Some(example) = &code.example else {
            continue;
        };
        if let Some(ts) = &example.timestamp
            && let Err(why) = crate::timestamp::parse_timestamp(&ts.value)
        {
            cx.push(
                Diagnostic::new(&ts.loc, format!("`{}` {why}", ts.value)).hint(why.hint(&ts.value)),
            );
        }
        match (&code.details, &example.details) {
            (Details::None, Some(d)) => cx.push(
                Diagnostic::new(&d.loc, format!("example of `{}` has details, but the code has none", code.code.value))
                    .hint("declare the fields under the code's `details:`, or remove them from the example"),
            ),
            (Details::Object(_), None) if code.details_optional => {}
            (Details::Object(_), Some(d)) if code.details_optional && matches!(d.kind, Kind::Null) => {}
            (Details::Object(fields), None) => {
                let required: Vec<&str> = fields
                    .iter()
                    .filter(|f| !matches!(f.ty.value, Ty::Optional(_)))
                    .map(|f| f.name.value.as_str())
                    .collect();
                if !required.is_empty() {
                    cx.push(
                        Diagnostic::new(&example.loc, format!("example of `{}` has no `details`", code.code.value))
                            .hint(format!("add `details:` with {}", required.join(", "))),
                    );
                }
            }
            (Details::Value(ty), None) => cx.push(
                Diagnostic::new(&example.loc, format!("example of `{}` has no `details`", code.code.value))
                    .hint(format!("add `details:` holding a `{}`", ty.value.display())),
            ),
            (Details::Object(fields), Some(d)) => check_object(catalog, d, fields, cx),
            (Details::Value(ty), Some(d)) => check_value(catalog, d, &ty.value, cx),
            (Details::None, None) => {}
        }
        check_example_members(catalog, code, example, cx);
    }
}

/// An example's `members:` give values to the code's value members, every
/// required one included.
fn check_example_members(
    catalog: &Catalog,
    code: &Code,
    example: &crate::model::Example,
    cx: &mut Diagnostics,
) {
    let members: Vec<&Field> = catalog.value_members(code).collect();
    let given: &[(Node, Node)] = match example.members.as_ref().map(|n| &n.kind) {
        None | Some(Kind::Null) => &[],
        Some(Kind::Map(entries)) => entries,
        Some(other) => {
            let loc = &example.members.as_ref().map_or(&example.loc, |n| &n.loc);
            cx.push(
                Diagnostic::new(
                    loc,
                    format!(
                        "example `members` must be a mapping, found {}",
                        other.describe()
                    ),
                )
                .hint("write `members: {param: amount}`"),
            );
            return;
        }
    };
    for (k, v) in given {
        match members.iter().find(|f| f.name.value == k.key_string()) {
            Some(f) => check_value(catalog, v, &f.ty.value, cx),
            None => {
                let names: Vec<&str> = members.iter().map(|f| f.name.value.as_str()).collect();
                cx.push(
                    Diagnostic::new(
                        &k.loc,
                        format!(
                            "example of `{}` gives member `{}`, which the code does not carry",
                            code.code.value,
                            k.key_string()
                        ),
                    )
                    .hint(if names.is_empty() {
                        "list it in the code's `members:`, or remove it from the example"
                            .to_string()
                    } else {
                        suggest(k.key_string(), &names)
                    }),
                );
            }
        }
    }
    let missing: Vec<&str> = members
        .iter()
        .filter(|f| !matches!(f.ty.value, Ty::Optional(_)))
        .filter(|f| !given.iter().any(|(k, _)| k.key_string() == f.name.value))
        .map(|f| f.name.value.as_str())
        .collect();
    if !missing.is_empty() {
        cx.push(
            Diagnostic::new(
                &example.loc,
                format!(
                    "example of `{}` has no value for member {}",
                    code.code.value,
                    missing
                        .iter()
                        .map(|m| format!("`{m}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
            .hint(format!(
                "add `members: {{{}: …}}` to the example",
                missing[0]
            )),
        );
    }
}

fn mismatch(node: &Node, ty: &Ty, cx: &mut Diagnostics) {
    let hint = match (&node.kind, ty.required()) {
        (Kind::Str(s), Ty::Int(_) | Ty::Number) if s.parse::<f64>().is_ok() => {
            Some(format!("remove the quotes: `{s}`"))
        }
        (Kind::Int(_) | Kind::Float(_) | Kind::Bool(_), Ty::String) => {
            Some("quote the value to make it a string".to_string())
        }
        _ => None,
    };
    cx.push(
        Diagnostic::new(
            &node.loc,
            format!(
                "example value does not match type `{}`: found {}",
                ty.display(),
                node.kind.describe()
            ),
        )
        .maybe_hint(hint),
    );
}

fn check_object(catalog: &Catalog, node: &Node, fields: &[Field], cx: &mut Diagnostics) {
    let Kind::Map(entries) = &node.kind else {
        cx.push(
            Diagnostic::new(
                &node.loc,
                format!(
                    "example details must be an object, found {}",
                    node.kind.describe()
                ),
            )
            .hint("write the details as `field: value` lines"),
        );
        return;
    };
    let names: Vec<&str> = fields.iter().map(|f| f.name.value.as_str()).collect();
    for (k, v) in entries {
        let key = k.key_string();
        match fields.iter().find(|f| f.name.value == key) {
            Some(f) => check_value(catalog, v, &f.ty.value, cx),
            None => cx.push(
                Diagnostic::new(
                    &k.loc,
                    format!("example has field `{key}`, which the schema does not declare"),
                )
                .hint(suggest(key, &names)),
            ),
        }
    }
    for f in fields {
        let present = entries.iter().any(|(k, _)| k.key_string() == f.name.value);
        if !present && !matches!(f.ty.value, Ty::Optional(_)) {
            cx.push(
                Diagnostic::new(
                    &node.loc,
                    format!("example lacks the required field `{}`", f.name.value),
                )
                .hint(format!(
                    "add `{}: ...` (a `{}`), or make the field optional with `?`",
                    f.name.value,
                    f.ty.value.display()
                )),
            );
        }
    }
}

/// Checks one example value against a type, reporting at the value's line.
pub(crate) fn check_value(catalog: &Catalog, node: &Node, ty: &Ty, cx: &mut Diagnostics) {
    match (ty, &node.kind) {
        (Ty::Optional(_), Kind::Null) => {}
        (Ty::Optional(inner), _) => check_value(catalog, node, inner, cx),
        (Ty::Json, _) => {}
        (Ty::Bool, Kind::Bool(_)) => {}
        (Ty::Int(int), Kind::Int(v)) => {
            let (lo, hi) = int.range();
            if *v < lo || *v > hi {
                cx.push(
                    Diagnostic::new(
                        &node.loc,
                        format!("example value {v} does not fit in `{}`", int.name()),
                    )
                    .hint(format!(
                        "`{}` holds {lo} to {hi}; choose a wider type",
                        int.name()
                    )),
                );
            }
        }
        (Ty::Number, Kind::Int(_) | Kind::Float(_)) => {}
        (Ty::String, Kind::Str(_)) => {}
        (Ty::Url, Kind::Str(s)) => {
            let scheme_ok = s
                .split_once("://")
                .is_some_and(|(scheme, rest)| !scheme.is_empty() && !rest.is_empty());
            if !scheme_ok || s.contains(char::is_whitespace) {
                cx.push(
                    Diagnostic::new(&node.loc, format!("`{s}` is not an absolute URL"))
                        .hint("write e.g. `https://api.example.com/webhook`"),
                );
            }
        }
        (Ty::Timestamp, Kind::Str(s)) => {
            if let Err(why) = crate::timestamp::parse_timestamp(s) {
                cx.push(Diagnostic::new(&node.loc, format!("`{s}` {why}")).hint(why.hint(s)));
            }
        }
        (Ty::Enum(values), Kind::Str(s)) => enum_member(node, s, values, cx),
        (Ty::Array(inner), Kind::Seq(items)) => {
            for item in items {
                check_value(catalog, item, inner, cx);
            }
        }
        (Ty::Map(inner), Kind::Map(entries)) => {
            for (_, v) in entries {
                check_value(catalog, v, inner, cx);
            }
        }
        // An unknown name is reported by check_type_references.
        (Ty::Named(name), _) => {
            if let Some(def) = catalog.types.iter().find(|t| &t.name.value == name) {
                match (&def.kind, &node.kind) {
                    (TypeDefKind::Struct(fields), _) => check_object(catalog, node, fields, cx),
                    (TypeDefKind::Enum(values), Kind::Str(s)) => enum_member(node, s, values, cx),
                    (TypeDefKind::Enum(_), _) => mismatch(node, ty, cx),
                }
            }
        }
        _ => mismatch(node, ty, cx),
    }
}

fn enum_member(node: &Node, s: &str, values: &[Spanned<String>], cx: &mut Diagnostics) {
    if !values.iter().any(|v| v.value == s) {
        let names: Vec<&str> = values.iter().map(|v| v.value.as_str()).collect();
        cx.push(
            Diagnostic::new(&node.loc, format!("`{s}` is not one of the enum's values"))
                .hint(suggest(s, &names)),
        );
    }
}

/// Fills in `Code::resolved` from the code and its category's defaults.
fn resolve(catalog: &mut Catalog) {
    let resolved: Vec<_> = catalog
        .codes
        .iter()
        .map(|code| {
            let variant = variant_name(catalog, code).unwrap_or_default();
            let ctor = match code.resolved.variant == variant {
                true => code.resolved.ctor.clone(),
                false => names::snake(&variant),
            };
            let category = code.category.as_ref().and_then(|c| {
                catalog
                    .categories
                    .iter()
                    .position(|k| k.name.value == c.value)
            });
            let cat = category.and_then(|i| catalog.categories.get(i));
            let channel = channel_of(catalog, code).to_string();
            let status = if channel == HTTP {
                code.status
                    .as_ref()
                    .or(cat.and_then(|c| c.status.as_ref()))
                    .and_then(|s| u16::try_from(s.value).ok())
            } else {
                None
            };
            let retryable = code
                .retryable
                .or(cat.and_then(|c| c.retryable))
                .unwrap_or(false);
            crate::model::Resolved {
                variant,
                ctor,
                category,
                status,
                channel,
                retryable,
            }
        })
        .collect();
    for (code, r) in catalog.codes.iter_mut().zip(resolved) {
        code.resolved = r;
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Diagnostic;

    const BASE: &str = "\
name: t
envelopes:
  http: {error: {code: $code, message: $message, details: $details}}
  ws: {code: $code}
categories:
  auth: {status: 401, prefix: AUTH_}
  sock: {channel: ws}
types:
  Item:
    fields:
      id: string
codes:
";

    fn diags(codes: &str) -> Vec<Diagnostic> {
        diags_full(&format!("{BASE}{codes}"))
    }

    fn diags_full(text: &str) -> Vec<Diagnostic> {
        // A catalog needs a code: one is added after a bare `codes:`.
        let text = match text.strip_suffix("codes:\n") {
            Some(_) => format!("{text}  AUTH_OK: {{category: auth, message: ok}}\n"),
            None => text.to_string(),
        };
        match crate::compile_str("t.yaml", text.as_bytes()) {
            Ok(_) => Vec::new(),
            Err(d) => d,
        }
    }

    fn one(codes: &str) -> Diagnostic {
        let d = diags(codes);
        assert_eq!(d.len(), 1, "{d:#?}");
        d.into_iter().next().unwrap()
    }

    #[test]
    fn a_clean_catalog_passes() {
        assert_eq!(diags("  AUTH_X: {category: auth, message: hi}\n"), vec![]);
    }

    #[test]
    fn name_rule() {
        let d = diags_full(&BASE.replace("name: t", "name: \"a b\""));
        assert!(d[0].message.contains("invalid catalog name"), "{d:?}");
    }

    #[test]
    fn envelope_rules() {
        let d = diags_full(&BASE.replace("message: $message", "message: $mesage"));
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].loc.line, 3);
        assert!(
            d[0].hint
                .as_deref()
                .unwrap()
                .contains("did you mean `$message`")
        );
        let d = diags_full(&BASE.replace("ws: {code: $code}", "ws: {c: 1}"));
        assert!(d[0].message.contains("no `$code` slot"), "{d:?}");
    }

    #[test]
    fn category_rules() {
        let d = diags_full(&BASE.replace("status: 401", "status: 200"));
        assert!(d[0].message.contains("invalid HTTP status 200"), "{d:?}");
        let d = diags_full(&BASE.replace(
            "sock: {channel: ws}",
            "sock: {channel: ws}\n  Auth: {status: 400}",
        ));
        assert!(d[0].message.contains("used twice"), "{d:?}");
    }

    #[test]
    fn type_rules() {
        let d = diags_full(&BASE.replace("  Item:", "  item:"));
        assert!(d[0].message.contains("invalid type name"), "{d:?}");
        let d = diags_full(&BASE.replace("id: string", "id: Item"));
        assert!(d[0].message.contains("contains itself"), "{d:?}");
        assert!(diags_full(&BASE.replace("id: string", "id: \"[Item]\"")).is_empty());
        let d = diags_full(&BASE.replace("id: string", "id: {enum: [a-b, a_b]}"));
        assert!(d[0].message.contains("same Rust name"), "{d:?}");
    }

    #[test]
    fn unknown_type() {
        let d = one("  AUTH_X: {category: auth, message: hi, details: {a: Iten}}\n");
        assert_eq!(d.message, "unknown type `Iten`");
        assert_eq!(d.hint.as_deref(), Some("did you mean `Item`?"));
    }

    #[test]
    fn unknown_category() {
        let d = one("  AUTH_X: {category: aut, message: hi}\n");
        assert_eq!(d.message, "unknown category `aut`");
        assert_eq!(d.hint.as_deref(), Some("did you mean `auth`?"));
        assert_eq!((d.loc.line, d.loc.column), (13, 22));
    }

    #[test]
    fn status_rules() {
        let d = one("  AUTH_X: {category: auth, status: 99, message: hi}\n");
        assert!(d.message.contains("invalid HTTP status 99"));
        let d = one("  X: {category: sock, status: 400, message: hi}\n");
        assert!(d.message.contains("has no HTTP status"), "{d}");
        let text = BASE.replace(
            "auth: {status: 401, prefix: AUTH_}",
            "auth: {prefix: AUTH_}",
        );
        let d = diags_full(&format!(
            "{text}  AUTH_X: {{category: auth, message: hi}}\n"
        ));
        assert!(d[0].message.contains("has no HTTP status"), "{d:?}");
    }

    #[test]
    fn channel_rules() {
        let d = one("  AUTH_X: {category: auth, channel: wss, message: hi}\n");
        assert_eq!(d.message, "unknown channel `wss`");
        assert_eq!(d.hint.as_deref(), Some("did you mean `ws`?"));
    }

    #[test]
    fn naming_rule() {
        let d = one("  TOKEN_X: {category: auth, message: hi}\n");
        assert!(d.message.contains("breaks the naming rule"), "{d}");
    }

    #[test]
    fn rust_name_rules() {
        let d = one("  \"42P01\": {category: sock, message: hi}\n");
        assert!(d.message.contains("not a Rust identifier"), "{d}");
        assert_eq!(
            d.hint.as_deref(),
            Some(
                "add `rust_name: E42p01`, or give the catalog a `rust_name_prefix` (e.g. `rust_name_prefix: Sqlstate`) to name all such codes"
            )
        );
        assert!(
            diags("  \"42P01\": {category: sock, message: hi, rust_name: UndefinedTable}\n")
                .is_empty()
        );
        let d = diags(
            "  AUTH_X: {category: auth, message: hi}\n  auth_x: {category: sock, message: hi}\n",
        );
        assert!(
            d.iter()
                .any(|d| d.message.contains("both map to the Rust name `AuthX`")),
            "{d:?}"
        );
        let d = one("  status: {category: sock, message: hi}\n");
        assert!(d.message.contains("method of every generated error"), "{d}");
        let d = one("  X: {category: sock, message: hi, rust_name: lower}\n");
        assert!(d.message.contains("UpperCamelCase"), "{d}");
    }

    #[test]
    fn field_name_rules() {
        let d = one("  X: {category: sock, message: hi, details: {max-size: u32}}\n");
        assert!(d.message.contains("not a Rust identifier"), "{d}");
        assert!(diags("  X: {category: sock, message: hi, details: {type: u32}}\n").is_empty());
    }

    #[test]
    fn message_placeholders() {
        let d = one("  X: {category: sock, message: \"{limt} reached\", details: {limit: u32}}\n");
        assert!(d.message.contains("`{limt}`"), "{d}");
        assert_eq!(d.hint.as_deref(), Some("did you mean `limit`?"));
        let d =
            one("  X: {category: sock, message: \"{items}\", details: {items: \"[string]\"}}\n");
        assert!(d.message.contains("cannot be shown"), "{d}");
        let d = one("  X: {category: sock, message: \"a {b\"}\n");
        assert!(d.message.contains("unclosed"), "{d}");
        assert!(
            diags(
                "  X: {category: sock, message: \"{{literal}} {limit}\", details: {limit: u32}}\n"
            )
            .is_empty()
        );
    }

    #[test]
    fn header_rules() {
        let d = one("  AUTH_X: {category: auth, message: hi, headers: {\"Retry After\": \"1\"}}\n");
        assert!(d.message.contains("invalid header name"), "{d}");
        assert!(d.hint.as_deref().unwrap().contains("Retry-After"));
        let d = one(
            "  AUTH_X: {category: auth, message: hi, details: {n: u32}, headers: {Retry-After: \"{m}\"}}\n",
        );
        assert!(d.message.contains("not a detail field"), "{d}");
        let d = one(
            "  AUTH_X: {category: auth, message: hi, details: {n: u32}, headers: {A: \"{n:unix}\"}}\n",
        );
        assert!(d.message.contains("unknown format"), "{d}");
        let d = one("  AUTH_X: {category: auth, message: hi, headers: {A: \"1\", a: \"2\"}}\n");
        assert!(d.message.contains("set twice"), "{d}");
    }

    #[test]
    fn example_rules() {
        let d = one(
            "  AUTH_X: {category: auth, message: hi, details: {n: u8}, example: {details: {n: 300}}}\n",
        );
        assert!(d.message.contains("does not fit in `u8`"), "{d}");
        let d = diags(
            "  AUTH_X: {category: auth, message: hi, details: {n: u8}, example: {details: {m: 1}}}\n",
        );
        assert_eq!(d.len(), 2, "{d:?}");
        let d = one(
            "  AUTH_X: {category: auth, message: hi, details: {t: timestamp}, example: {details: {t: yesterday}}}\n",
        );
        assert!(d.message.contains("RFC 3339"), "{d}");
        let d = one(
            "  AUTH_X: {category: auth, message: hi, details: {n: string}, example: {details: {n: 5}}}\n",
        );
        assert_eq!(
            d.hint.as_deref(),
            Some("quote the value to make it a string")
        );
        let d = one("  AUTH_X: {category: auth, message: hi, example: {details: {n: 5}}}\n");
        assert!(d.message.contains("the code has none"), "{d}");
        let d = one(
            "  AUTH_X: {category: auth, message: hi, details: \"[Item]\", example: {details: [{id: 1}]}}\n",
        );
        assert!(d.message.contains("does not match type `string`"), "{d}");
        let d = one(
            "  AUTH_X: {category: auth, message: hi, details: {u: url}, example: {details: {u: not-a-url}}}\n",
        );
        assert!(d.message.contains("absolute URL"), "{d}");
    }

    #[test]
    fn all_mistakes_are_reported_at_once() {
        let d = diags(
            "  AUTH_X: {category: aut, message: hi}\n  AUTH_Y: {category: auth, status: 9, message: \"{x}\"}\n",
        );
        assert_eq!(d.len(), 3, "{d:#?}");
        assert!(d.windows(2).all(|w| w[0].loc.line <= w[1].loc.line));
    }

    #[test]
    fn resolution_applies_defaults() {
        let text = format!(
            "{BASE}  AUTH_X: {{category: auth, message: hi}}\n  S: {{category: sock, message: hi, retryable: true}}\n"
        );
        let c = crate::compile_str("t.yaml", text.as_bytes()).unwrap();
        let r = &c.codes[0].resolved;
        assert_eq!(
            (
                r.status,
                r.channel.as_str(),
                r.variant.as_str(),
                r.ctor.as_str()
            ),
            (Some(401), "http", "AuthX", "auth_x")
        );
        let r = &c.codes[1].resolved;
        assert_eq!(
            (r.status, r.channel.as_str(), r.retryable),
            (None, "ws", true)
        );
    }

    /// BASE with a category `any` without a naming rule (one line more).
    fn any(codes: &str) -> Vec<Diagnostic> {
        let base = BASE.replace(
            "  sock: {channel: ws}\n",
            "  sock: {channel: ws}\n  any: {status: 400}\n",
        );
        diags_full(&format!("{base}{codes}"))
    }

    #[test]
    fn codes_whose_constructor_cannot_be_a_name_are_errors() {
        for code in ["super", "SELF", "Crate"] {
            let d = any(&format!("  {code}: {{category: any, message: m}}\n"));
            assert_eq!(d.len(), 1, "{d:#?}");
            assert!(
                d[0].message.contains("keyword that Rust cannot use")
                    || d[0].message.contains("not a Rust identifier"),
                "{code}: {}",
                d[0]
            );
        }
        // Keywords that a raw identifier spells are fine: `r#type`.
        assert!(any("  TYPE: {category: any, message: m}\n").is_empty());
    }

    #[test]
    fn a_prefix_names_codes_that_are_not_identifiers() {
        let base = BASE.replace("name: t\n", "name: t\nrust_name_prefix: Sqlstate\n");
        let codes = "  42P01: {category: sock, message: m}\n  0B000: {category: sock, message: m, rust_name: Explicit}\n  TOKEN: {category: sock, message: m}\n";
        let catalog = crate::compile_str("t.yaml", format!("{base}{codes}").as_bytes()).unwrap();
        let variants: Vec<&str> = catalog
            .codes
            .iter()
            .map(|c| c.resolved.variant.as_str())
            .collect();
        assert_eq!(variants, ["Sqlstate42P01", "Explicit", "Token"]);
        // Still a collision when two codes give one name.
        let codes =
            "  42P01: {category: sock, message: m}\n  42-P01: {category: sock, message: m}\n";
        let d = diags_full(&format!("{base}{codes}"));
        assert!(
            d.iter().any(|d| d
                .message
                .contains("both map to the Rust name `Sqlstate42P01`")),
            "{d:#?}"
        );
        let bad = BASE.replace("name: t\n", "name: t\nrust_name_prefix: sql-state\n");
        let d = diags_full(&format!("{bad}  AUTH_A: {{category: auth, message: m}}\n"));
        assert!(
            d.iter()
                .any(|d| d.message.contains("cannot start a Rust type name")),
            "{d:#?}"
        );
    }

    #[test]
    fn optional_fields_may_fill_headers_but_not_messages() {
        let code = "  A:\n    category: any\n    message: MSG\n    details:\n      n: u32?\n    headers:\n      Retry-After: \"{n}\"\n";
        assert!(any(&code.replace("MSG", "m")).is_empty());
        let d = any(&code.replace("MSG", "\"{n}\""));
        assert_eq!(d.len(), 1, "{d:#?}");
        assert!(
            d[0].message.contains("cannot be shown in a message"),
            "{}",
            d[0]
        );
    }

    #[test]
    fn categories_are_optional_but_all_or_nothing() {
        let none = "name: t\nenvelopes:\n  http: {code: $code, message: $message}\ncodes:\n  A: {status: 404, message: m}\n";
        let catalog = crate::compile_str("t.yaml", none.as_bytes()).unwrap();
        assert_eq!(catalog.codes[0].resolved.category, None);
        let d =
            diags_full(&none.replace("message: $message}", "message: $message, kind: $category}"));
        assert!(
            d.len() == 1 && d[0].message.contains("no categories"),
            "{d:#?}"
        );
        // With categories, every code names one.
        let d = any("  A: {status: 404, message: m}\n");
        assert!(
            d.len() == 1 && d[0].message.contains("has no `category`"),
            "{d:#?}"
        );
    }

    #[test]
    fn integer_codes_are_canonical_decimal_numbers() {
        let base = "name: t\ncode_type: integer\nenvelopes:\n  http: {code: $code, message: $message}\ncodes:\n";
        let ok = format!("{base}  5: {{status: 404, message: m, rust_name: NotFound}}\n");
        assert!(
            crate::compile_str("t.yaml", ok.as_bytes())
                .unwrap()
                .numeric_codes()
        );
        for bad in ["05", "+5", "0x5", "NOT_FOUND"] {
            let d = diags_full(&format!(
                "{base}  {bad}: {{status: 404, message: m, rust_name: NotFound}}\n"
            ));
            assert!(
                d.iter().any(|d| d.message.contains("is not an integer")),
                "{bad}: {d:#?}"
            );
        }
        let d = diags_full(&ok.replace("integer", "number"));
        assert!(
            d.iter().any(|d| d.message.contains("unknown `code_type`")),
            "{d:#?}"
        );
    }

    #[test]
    fn fields_of_one_object_have_distinct_rust_names() {
        let d = any(
            "  A:\n    category: any\n    message: m\n    details:\n      x: string\n      y: {type: string, rust_name: x}\n",
        );
        assert_eq!(d.len(), 1, "{d:#?}");
        assert!(
            d[0].message.contains("two fields have the Rust name `x`"),
            "{}",
            d[0]
        );
        assert_eq!(
            (d[0].loc.line, d[0].note.as_ref().map(|n| n.1.line)),
            (19, Some(18))
        );
    }

    #[test]
    fn codes_sharing_a_constructor_are_errors() {
        let d = any("  A_B: {category: any, message: m}\n  AB: {category: any, message: m}\n");
        assert_eq!(d.len(), 1, "{d:#?}");
        assert!(
            d[0].message.contains("both get the constructor `ab`"),
            "{}",
            d[0]
        );
        assert_eq!(d[0].loc.line, 15);
    }

    #[test]
    fn channels_without_a_rust_name_are_errors() {
        let text = BASE
            .replace("  ws: {code: $code}", "  日本: {code: $code}")
            .replace("channel: ws", "channel: 日本");
        let d = diags_full(&format!("{text}  AUTH_A: {{category: auth, message: m}}\n"));
        assert!(
            d.iter()
                .any(|d| d.message == "channel `日本` has no Rust name" && d.loc.line == 4),
            "{d:#?}"
        );
    }

    #[test]
    fn empty_wire_codes_and_valueless_codes_are_errors() {
        let d = any("  \"\": {category: any, message: m, rust_name: Empty}\n");
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(
            (d[0].loc.line, d[0].message.as_str()),
            (14, "a wire code is empty"),
            "{}",
            d[0]
        );
        let text = format!("{BASE}\n");
        let d = diags_full(&text);
        assert!(d.iter().any(|d| d.message == "`codes` is empty"), "{d:#?}");
    }

    #[test]
    fn inline_enums_are_checked_and_may_not_collide() {
        let d = any(
            "  A:\n    category: any\n    message: m\n    details:\n      c: {enum: [日本, x]}\n",
        );
        assert!(
            d.len() == 1 && d[0].message.contains("has no Rust name"),
            "{d:#?}"
        );
        let d = any(
            "  A:\n    category: any\n    message: m\n    details:\n      c: {enum: [On, on]}\n",
        );
        assert!(
            d.len() == 1 && d[0].message.contains("same Rust name"),
            "{d:#?}"
        );
        let d = any(
            "  A_B:\n    category: any\n    message: m\n    details:\n      c: {enum: [x]}\n  A:\n    category: any\n    message: m\n    details:\n      b_c: {enum: [y]}\n",
        );
        assert!(
            d.len() == 1 && d[0].message.contains("`ABC` a second time"),
            "{d:#?}"
        );
        assert_eq!(d[0].note.as_ref().map(|n| n.1.line), Some(18));
        let d =
            any("  X:\n    category: any\n    message: m\n    details:\n      y: {enum: [a]}\n");
        assert!(d.is_empty(), "{d:#?}");
        let d = diags_full(&BASE.replace(
            "  Item:\n    fields:\n      id: string",
            "  XY:\n    enum: [a]\n  X:\n    fields:\n      y: {enum: [b]}",
        ));
        assert!(
            d.len() == 1 && d[0].message.contains("`XY` a second time"),
            "{d:#?}"
        );
    }

    #[test]
    fn types_may_not_take_a_companion_name() {
        let text = format!(
            "{}  AUTH_A: {{category: auth, message: m}}\n",
            BASE.replace("  Item:", "  ApiErrorCode:")
        );
        let catalog = crate::compile_str("t.yaml", text.as_bytes()).unwrap();
        let d = super::check_companion_names(&catalog, "ApiError");
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].loc.line, 9);
        assert!(super::check_companion_names(&catalog, "ShopError").is_empty());
    }

    #[test]
    fn sensitive_fields_may_not_be_shown_in_messages_or_headers() {
        let d = any(
            "  A:\n    category: any\n    message: \"Card {card} refused\"\n    details:\n      card: {type: string, sensitive: true}\n    headers:\n      X-Card: \"{card}\"\n",
        );
        let got: Vec<(u32, u32)> = d.iter().map(|d| (d.loc.line, d.loc.column)).collect();
        assert_eq!(got, [(16, 20), (20, 16)], "{d:#?}");
        assert!(
            d.iter()
                .all(|d| d.message.contains("sensitive field `card`")),
            "{d:#?}"
        );
    }

    const MEMBERS: &str = "name: t\nenvelopes:\n  http: {code: $code, message: $message, param: $param, doc: $doc}\n  ws: {code: $code}\nmembers:\n  param: string\n  doc: {template: \"https://d/{code}\"}\ncodes:\n";

    fn members(codes: &str) -> Vec<Diagnostic> {
        diags_full(&format!("{MEMBERS}{codes}"))
    }

    #[test]
    fn members_are_declared_placed_and_typed() {
        let ok = format!(
            "{MEMBERS}  A: {{status: 400, message: \"bad {{param}}\", members: [param]}}\n  B: {{status: 400, message: m, members: [param?, {{doc: \"https://other\"}}]}}\n"
        );
        let catalog = crate::compile_str("t.yaml", ok.as_bytes()).unwrap();
        assert_eq!(
            catalog.codes[1].member_fields[0].ty.value.display(),
            "string?"
        );
        assert_eq!(
            crate::render::member_text(&catalog, &catalog.codes[0], "doc").unwrap(),
            "https://d/A"
        );
        assert_eq!(
            crate::render::member_text(&catalog, &catalog.codes[1], "doc").unwrap(),
            "https://other"
        );
        let cases = [
            (
                "  A: {status: 400, message: m, members: [parm]}\n",
                "unknown member `parm`",
            ),
            (
                "  A: {status: 400, message: m, members: [param, param]}\n",
                "listed twice",
            ),
            (
                "  A: {status: 400, message: m, members: [doc]}\n",
                "is a template",
            ),
            (
                "  A: {status: 400, message: m, members: [{param: x}]}\n",
                "is a value, not a template",
            ),
            (
                "  A: {status: 400, message: m, members: [{doc: \"x/{field}\"}]}\n",
                "cannot use `{field}`",
            ),
            (
                "  A: {status: 400, message: \"m {param}\", members: [param?]}\n",
                "cannot be shown in a message",
            ),
            (
                "  A: {channel: ws, message: m, members: [param]}\n",
                "no `$param` slot",
            ),
            (
                "  A: {status: 400, message: m, members: [param], details: {param: string}}\n",
                "name of a detail field",
            ),
            (
                "  A: {status: 400, message: m, members: [param], details: \"[string]\"}\n",
                "cannot carry value members",
            ),
            (
                "  A: {status: 400, message: m, members: [param], example: {members: {}}}\n",
                "no value for member `param`",
            ),
            (
                "  A: {status: 400, message: m, example: {members: {param: x}}}\n",
                "does not carry",
            ),
            (
                "  A: {status: 400, message: m, members: [param], example: {members: {param: 5}}}\n",
                "does not match type `string`",
            ),
        ];
        for (code, want) in cases {
            let d = members(code);
            assert!(
                d.iter().any(|d| d.message.contains(want)
                    || d.hint.as_deref().is_some_and(|h| h.contains(want))),
                "{code}: want {want}: {d:#?}"
            );
        }
        // Declarations: slot names, placement, inline enums, template placeholders.
        let d = diags_full(
            "name: t\nenvelopes:\n  http: {code: $code, message: $message, status: $status}\nmembers:\n  status: string\n  lost: string\n  kind: {enum: [a]}\n  url: {template: \"x/{category}\"}\ncodes:\n  A: {status: 400, message: m}\n",
        );
        for want in [
            "name of the slot `$status`",
            "member `lost` is in no envelope",
            "inline `enum:`",
            "no categories",
        ] {
            assert!(
                d.iter().any(|d| d.message.contains(want)),
                "want {want}: {d:#?}"
            );
        }
    }

    #[test]
    fn optional_object_details_keep_their_fields_out_of_messages() {
        let base = "name: t\nenvelopes:\n  http: {code: $code, message: $message, details: $details}\ncodes:\n";
        let ok = format!(
            "{base}  A: {{status: 400, message: m, details_optional: true, details: {{f: string}}}}\n"
        );
        let catalog = crate::compile_str("t.yaml", ok.as_bytes()).unwrap();
        assert!(catalog.codes[0].details_optional);
        let d = diags_full(&format!(
            "{base}  A: {{status: 400, message: \"m {{f}}\", details_optional: true, details: {{f: string}}}}\n"
        ));
        assert!(
            d.len() == 1 && d[0].message.contains("may be absent"),
            "{d:#?}"
        );
        // The struct it becomes may not collide with a named type.
        let d = diags_full(
            "name: t\nenvelopes:\n  http: {code: $code, message: $message, details: $details}\ntypes:\n  ADetails: {fields: {x: string}}\ncodes:\n  A: {status: 400, message: m, details_optional: true, details: {f: string}}\n",
        );
        assert!(
            d.iter()
                .any(|d| d.message.contains("`ADetails` a second time")),
            "{d:#?}"
        );
    }

    #[test]
    fn renames_and_deprecations_are_checked() {
        let base = "name: t\nenvelopes:\n  http: {code: $code, message: $message}\ncodes:\n  A: {status: 400, message: m}\n";
        let cases = [
            ("version: one\n", "", "`one` is not a version"),
            (
                "",
                "  B: {status: 400, message: m, renamed_from: [A]}\n",
                "still a code of the catalog",
            ),
            (
                "",
                "  B: {status: 400, message: m, renamed_from: [X]}\n  C: {status: 400, message: m, renamed_from: [X]}\n",
                "former code of two codes",
            ),
            (
                "",
                "  B: {status: 400, message: m, deprecated: {replaced_by: Z}}\n",
                "which is not a code",
            ),
            (
                "",
                "  B: {status: 400, message: m, deprecated: {replaced_by: B}}\n",
                "cannot replace itself",
            ),
            (
                "",
                "  B: {status: 400, message: m, deprecated: {since: soon}}\n",
                "`soon` is not a date",
            ),
            (
                "",
                "  B: {status: 400, message: m, deprecated: {since: 2024-06-01, sunset: 2024-01-01}}\n",
                "not after the deprecation",
            ),
            (
                "deprecation_headers: true\n",
                "  B: {status: 400, message: m, deprecated: true}\n",
                "has no `since`",
            ),
            (
                "",
                "  B: {status: 400, message: m, deprecated: {sine: 2024-01-01}}\n",
                "unknown key `sine`",
            ),
        ];
        for (top, codes, want) in cases {
            let text = format!("{top}{base}{codes}");
            let d = diags_full(&text);
            assert!(
                d.iter().any(|d| d.message.contains(want)),
                "{text}: want {want}: {d:#?}"
            );
        }
        let ok = format!(
            "version: 1.2.3\ndeprecation_headers: true\n{base}  B: {{status: 400, message: m, renamed_from: [OLD_B], deprecated: {{since: 2024-06-01, replaced_by: A}}}}\n"
        );
        crate::compile_str("t.yaml", ok.as_bytes()).unwrap();
    }
}
