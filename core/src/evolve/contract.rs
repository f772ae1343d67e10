//! The wire contract of a catalog as flat facts (a path and a value, with
//! where it is written), from a checked catalog or from a lock file.

use crate::Checked;
use crate::diag::{Diagnostic, Diagnostics, Loc};
use crate::load::{Kind, Node};
use crate::model::{Code, Details, Field, MemberKind, Spanned, Template, Ty, TypeDefKind};

/// A fact's value: one text, or a set of texts (enum values, former codes).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// One text.
    Text(String),
    /// A set, each item with where it is written.
    List(Vec<Spanned<String>>),
}

/// One fact of a contract.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// Where it sits: `["code", "TOKEN_EXPIRED", "status"]`.
    pub path: Vec<String>,
    /// Its value.
    pub value: Value,
    /// Where it is written.
    pub loc: Loc,
}

/// A catalog's wire contract (and, from a catalog, its documentation).
#[derive(Debug, Clone)]
pub struct Contract {
    /// The catalog's `version`.
    pub version: Option<Spanned<String>>,
    /// The facts, in no particular order.
    pub facts: Vec<Fact>,
    /// The start of the file, for facts with no better place.
    pub file: Loc,
}

struct Builder<'a> {
    catalog: &'a Checked,
    facts: Vec<Fact>,
}

impl Builder<'_> {
    fn text(&mut self, path: &[&str], value: impl Into<String>, loc: &Loc) {
        self.facts.push(Fact {
            path: path.iter().map(|s| s.to_string()).collect(),
            value: Value::Text(value.into()),
            loc: loc.clone(),
        });
    }

    fn list(&mut self, path: &[&str], items: &[Spanned<String>], loc: &Loc) {
        self.facts.push(Fact {
            path: path.iter().map(|s| s.to_string()).collect(),
            value: Value::List(items.to_vec()),
            loc: loc.clone(),
        });
    }

    /// A field's type and, for an inline enum, its values.
    fn field(&mut self, prefix: &[&str], f: &Field) {
        let mut path = prefix.to_vec();
        path.extend(["field", f.name.value.as_str(), "type"]);
        self.text(&path, ty_text(&f.ty.value), &f.name.loc);
        if let Ty::Enum(values) = f.ty.value.required() {
            path.pop();
            path.push("enum");
            self.list(&path, values, &f.ty.loc);
        }
    }

    fn code(&mut self, code: &Code, docs: bool) {
        let c = code.code.value.as_str();
        let r = &code.resolved;
        let at = &code.code.loc;
        // Where the code is written: where its removal or addition points.
        self.text(&["code", c, "wire"], c, at);
        if let Some(s) = r.status {
            let loc = code.status.as_ref().map_or(at, |s| &s.loc);
            self.text(&["code", c, "status"], s.to_string(), loc);
        }
        let loc = code.channel.as_ref().map_or(at, |s| &s.loc);
        self.text(&["code", c, "channel"], r.channel.clone(), loc);
        if let Some(cat) = r.category.and_then(|i| self.catalog.categories.get(i)) {
            let loc = code.category.as_ref().map_or(at, |s| &s.loc);
            self.text(&["code", c, "category"], cat.name.value.clone(), loc);
        }
        self.text(&["code", c, "retryable"], r.retryable.to_string(), at);
        if let Some(d) = &code.deprecated {
            self.text(&["code", c, "deprecated"], "true", &d.loc);
        }
        if !code.renamed_from.is_empty() {
            let loc = &code.renamed_from[0].loc;
            self.list(&["code", c, "renamed_from"], &code.renamed_from, loc);
        }
        if !code.aliases.is_empty() {
            let loc = &code.aliases[0].loc;
            self.list(&["code", c, "aliases"], &code.aliases, loc);
        }
        if !code.more_statuses.is_empty() {
            let more: Vec<Spanned<String>> = code
                .more_statuses
                .iter()
                .map(|s| Spanned {
                    value: s.value.to_string(),
                    loc: s.loc.clone(),
                })
                .collect();
            self.list(&["code", c, "also_status"], &more, &more[0].loc);
        }
        if let Some(loc) = &code.no_body {
            self.text(&["code", c, "body"], "none", loc);
        }
        let form = match &code.details {
            Details::None => "none".to_string(),
            Details::Object(_) if code.details_optional => "object?".to_string(),
            Details::Object(_) => "object".to_string(),
            Details::Value(t) => ty_text(&t.value),
        };
        self.text(&["code", c, "details"], form, at);
        for f in code.object_fields() {
            self.field(&["code", c], f);
        }
        for f in self.catalog.value_members(code) {
            let listed = code.members.iter().find(|m| m.value == f.name.value);
            let loc = listed.map_or(at, |m| &m.loc);
            self.text(
                &["code", c, "member", &f.name.value],
                ty_text(&f.ty.value),
                loc,
            );
        }
        for h in &code.headers {
            let name = h.name.value.to_ascii_lowercase();
            self.text(
                &["code", c, "header", &name],
                h.value.value.clone(),
                &h.name.loc,
            );
        }
        if docs {
            if let Some(m) = &code.message {
                self.text(&["code", c, "message"], m.value.clone(), &m.loc);
            }
            if let Some(d) = &code.description {
                self.text(&["code", c, "description"], d.clone(), at);
            }
            if !code.resolution.is_empty() {
                self.text(&["code", c, "resolution"], code.resolution.join("\n"), at);
            }
        }
    }
}

/// A type as the contract writes it (`[FieldError]?`, `enum?`): an inline
/// enum's values are a fact of their own, so adding one is not a new type.
fn ty_text(ty: &Ty) -> String {
    match ty {
        Ty::Enum(_) => "enum".into(),
        Ty::Optional(t) => format!("{}?", ty_text(t)),
        Ty::Array(t) => format!("[{}]", ty_text(t)),
        Ty::Map(t) => format!("{{string: {}}}", ty_text(t)),
        other => other.display(),
    }
}

/// An envelope template as compact JSON with its `$slots`.
fn template_text(t: &Template) -> String {
    fn json(t: &Template) -> serde_json::Value {
        match t {
            Template::Object(m) => {
                serde_json::Value::Object(m.iter().map(|(k, v)| (k.clone(), json(v))).collect())
            }
            Template::Array(items) => serde_json::Value::Array(items.iter().map(json).collect()),
            Template::Literal(v) => v.clone(),
            Template::Slot(s) => format!("${}", s.value.name()).into(),
            Template::Member(m) | Template::UnknownSlot(m) => format!("${}", m.value).into(),
        }
    }
    json(t).to_string()
}

/// The contract of a checked catalog; `docs` adds messages, descriptions
/// and resolutions (for `errcat diff`, not for the lock file).
pub fn of_catalog(catalog: &Checked, docs: bool) -> Contract {
    let mut b = Builder {
        catalog,
        facts: Vec::new(),
    };
    let top = &catalog.loc;
    let ct = catalog.content_type.as_ref().map_or(top, |c| &c.loc);
    b.text(&["content_type"], catalog.content_type(), ct);
    let code_type = if catalog.numeric_codes() {
        "integer"
    } else {
        "string"
    };
    let loc = catalog.code_type.as_ref().map_or(top, |c| &c.loc);
    b.text(&["code_type"], code_type, loc);
    // Only when set, so that locks written before the key stay as they are.
    if let Some(h) = &catalog.request_id_header {
        b.text(&["request_id_header"], h.value.to_ascii_lowercase(), &h.loc);
    }
    for e in &catalog.envelopes {
        b.text(
            &["envelope", &e.channel.value],
            template_text(&e.template),
            &e.channel.loc,
        );
    }
    for m in &catalog.members {
        let ty = match &m.kind {
            MemberKind::Value(f) => ty_text(&f.ty.value),
            MemberKind::Template { .. } => "template".to_string(),
        };
        b.text(&["member", &m.name.value], ty, &m.name.loc);
    }
    for t in &catalog.types {
        match &t.kind {
            TypeDefKind::Struct(fields) => {
                for f in fields {
                    b.field(&["type", &t.name.value], f);
                }
            }
            TypeDefKind::Enum(values) => {
                b.list(&["type", &t.name.value, "enum"], values, &t.name.loc)
            }
        }
    }
    for code in &catalog.codes {
        b.code(code, docs);
    }
    for op in &catalog.operations {
        let name = op.name.value.as_str();
        let at = &op.name.loc;
        if let (Some(m), Some(p)) = (&op.method, &op.path) {
            let route = format!("{} {}", m.value.to_ascii_uppercase(), p.value);
            b.text(&["operation", name, "route"], route, &p.loc);
        }
        let codes: Vec<Spanned<String>> = op
            .codes
            .iter()
            .map(|&i| Spanned {
                value: catalog.codes[i].code.value.clone(),
                loc: at.clone(),
            })
            .collect();
        b.list(&["operation", name, "errors"], &codes, at);
    }
    Contract {
        version: catalog.version.clone(),
        facts: b.facts,
        file: top.clone(),
    }
}

/// Appends `s` as a JSON string, which is also a YAML double-quoted scalar.
fn quote(out: &mut Vec<u8>, s: &str) {
    // Writing a string into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, s);
}

/// The lock file's text: the contract as nested YAML, keys sorted, every
/// scalar quoted (so `0B000` and `true` stay text).
pub fn lock_text(contract: &Contract, catalog_path: &str) -> String {
    let mut facts: Vec<&Fact> = contract.facts.iter().collect();
    facts.sort_by(|a, b| a.path.cmp(&b.path));
    let mut out = format!(
        "# The wire contract of {catalog_path}, as clients were built against it.\n\
         # Written by `errcat lock {catalog_path}`; the macro refuses changes that\n\
         # break it unless the catalog's major `version` is raised. Do not edit.\n"
    )
    .into_bytes();
    if let Some(v) = &contract.version {
        out.extend_from_slice(b"version: ");
        quote(&mut out, &v.value);
        out.push(b'\n');
    }
    let mut open: Vec<&str> = Vec::new();
    for f in facts {
        let common = open
            .iter()
            .zip(&f.path)
            .take_while(|(a, b)| **a == b.as_str())
            .count();
        open.truncate(common);
        for (depth, key) in f.path.iter().enumerate().skip(common) {
            out.resize(out.len() + 2 * depth, b' ');
            quote(&mut out, key);
            out.push(b':');
            if depth + 1 < f.path.len() {
                out.push(b'\n');
                open.push(key);
                continue;
            }
            out.push(b' ');
            match &f.value {
                Value::Text(t) => quote(&mut out, t),
                Value::List(items) => {
                    out.push(b'[');
                    for (i, item) in items.iter().enumerate() {
                        if i > 0 {
                            out.extend_from_slice(b", ");
                        }
                        quote(&mut out, &item.value);
                    }
                    out.push(b']');
                }
            }
            out.push(b'\n');
        }
    }
    // Only UTF-8 text and JSON escapes were written.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Reads a lock file; a malformed one is a diagnostic.
pub fn read_lock(display: &str, bytes: &[u8], cx: &mut Diagnostics) -> Option<Contract> {
    let root = crate::load::load_bytes(display, bytes, cx)?;
    let mut facts = Vec::new();
    let mut version = None;
    let Kind::Map(entries) = &root.kind else {
        cx.push(
            Diagnostic::new(&root.loc, "the lock file is not a mapping")
                .hint("re-create it with `errcat lock CATALOG`"),
        );
        return None;
    };
    for (k, v) in entries {
        if k.key_string() == "version" {
            version = v.scalar_text().map(|t| Spanned {
                value: t.to_string(),
                loc: v.loc.clone(),
            });
            continue;
        }
        walk(&mut vec![k.key_string().to_string()], v, &mut facts, cx);
    }
    Some(Contract {
        version,
        facts,
        file: root.loc.clone(),
    })
}

fn walk(path: &mut Vec<String>, node: &Node, out: &mut Vec<Fact>, cx: &mut Diagnostics) {
    match &node.kind {
        Kind::Map(entries) => {
            for (k, v) in entries {
                path.push(k.key_string().to_string());
                walk(path, v, out, cx);
                path.pop();
            }
        }
        Kind::Seq(items) => out.push(Fact {
            path: path.clone(),
            value: Value::List(
                items
                    .iter()
                    .filter_map(|i| {
                        Some(Spanned {
                            value: i.scalar_text()?.to_string(),
                            loc: i.loc.clone(),
                        })
                    })
                    .collect(),
            ),
            loc: node.loc.clone(),
        }),
        _ => match node.scalar_text() {
            Some(t) => out.push(Fact {
                path: path.clone(),
                value: Value::Text(t.to_string()),
                loc: node.loc.clone(),
            }),
            None => cx.push(
                Diagnostic::new(&node.loc, "the lock file has an empty value here")
                    .hint("re-create it with `errcat lock CATALOG`"),
            ),
        },
    }
}
