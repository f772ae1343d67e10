//! A seeded mutation fuzzer for errcat's pipeline, on stable Rust.
//!
//! Each input is a seed catalog (the seed catalogs, the malformed corpus,
//! the ui and test catalogs) with a few mutations that aim where catalogs
//! go wrong: names (keywords, unicode, symbols, empty), collisions (a name
//! copied from elsewhere in the file, or its case changed), numbers that
//! look like codes, structure (lines duplicated, dropped, swapped,
//! re-indented) and bytes. For each input the oracle loads, builds and
//! checks it, renders every diagnostic, and for an accepted catalog, or the
//! repaired catalog the macro expands beside the diagnostics, expands it and
//! parses the output as a Rust file. A panic, output that does not
//! parse, or an input that takes longer than the time limit is a finding.
//!
//! A coverage-guided fuzzer (cargo-fuzz, AFL) needs a nightly compiler or
//! an instrumenting toolchain that the machines here do not have; a seeded
//! loop is reproducible from its seed and runs anywhere `cargo` does.

pub mod client;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Words that names are replaced with: keywords (raw-able or not), names
/// the generated code uses, unicode and symbols that give no identifier,
/// numeric-looking codes, template syntax.
pub const DICTIONARY: &[&str] = &[
    "self",
    "Self",
    "super",
    "crate",
    "_",
    "type",
    "match",
    "fn",
    "r#type",
    "async",
    "gen",
    "f",
    "s",
    "p",
    "__s",
    "__m",
    "__d",
    "__p",
    "__h",
    "code",
    "status",
    "category",
    "channel",
    "headers",
    "envelope",
    "from_envelope",
    "Option",
    "Result",
    "String",
    "Vec",
    "Some",
    "None",
    "Ok",
    "Err",
    "ApiError",
    "ApiErrorCode",
    "ApiErrorCategory",
    "ApiErrorChannel",
    "Code",
    "Category",
    "Channel",
    "ALL",
    "é",
    "ß",
    "日本",
    "🙂",
    "İ",
    "ǅ",
    "Ⅻ",
    "-",
    "!",
    "$",
    "$$x",
    "$code",
    "$details",
    "{",
    "}",
    "{x}",
    "{{",
    "}}",
    "\"\"",
    "''",
    "~",
    "null",
    "true",
    "no",
    "0B000",
    "0x1F",
    "1_000",
    "+1",
    "01000",
    "1e3",
    ".5",
    "42P01",
    "a.b",
    "a-b",
    "A_B",
    "a_b",
    "AB",
    "Ab",
    "aB",
    "http",
    "websocket",
    "string",
    "u32",
    "json?",
    "[string]",
    "{string: u8}",
    "timestamp",
    "url",
    "bool",
    "number",
    "i64",
    "sensitive",
    "rust_name",
    "enum",
    "fields",
    "999",
    "0",
    "100",
    "429",
    "-1",
    "\t",
    "&a",
    "*a",
    "!!str",
    "? x",
    "- x",
    "[",
    "]",
    "#",
];

/// Mutates `text` with `count` random mutations.
pub fn mutate(rng: &mut fastrand::Rng, text: &str, count: usize) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    if lines.is_empty() {
        lines.push(String::new());
    }
    for _ in 0..count {
        let i = rng.usize(..lines.len());
        match rng.u8(..10) {
            0..=3 => lines[i] = replace_token(rng, &lines[i], None),
            4 => {
                // A name copied from another line: collisions.
                let other = tokens(&lines[rng.usize(..lines.len())]);
                if let Some(word) = other.get(rng.usize(..other.len().max(1))) {
                    let word = word.clone();
                    lines[i] = replace_token(rng, &lines[i], Some(&word));
                }
            }
            5 => {
                let case = if rng.bool() {
                    lines[i].to_lowercase()
                } else {
                    lines[i].to_uppercase()
                };
                lines[i] = case;
            }
            6 => {
                let copy = lines[i].clone();
                lines.insert(rng.usize(..=lines.len()), copy);
            }
            7 if lines.len() > 1 => {
                lines.remove(i);
            }
            8 => {
                let j = rng.usize(..lines.len());
                lines.swap(i, j);
            }
            _ => lines[i] = reindent(rng, &lines[i]),
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

fn tokens(line: &str) -> Vec<String> {
    line.split(|c: char| c.is_whitespace() || ":,{}[]\"'".contains(c))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn replace_token(rng: &mut fastrand::Rng, line: &str, with: Option<&str>) -> String {
    let words = tokens(line);
    let replacement = with.map_or_else(
        || DICTIONARY[rng.usize(..DICTIONARY.len())].to_string(),
        str::to_string,
    );
    match words.get(rng.usize(..words.len().max(1))) {
        Some(word) => line.replacen(word.as_str(), &replacement, 1),
        None => format!("{line}{replacement}"),
    }
}

fn reindent(rng: &mut fastrand::Rng, line: &str) -> String {
    if rng.bool() {
        format!("  {line}")
    } else {
        line.strip_prefix("  ").unwrap_or(line).to_string()
    }
}

/// What went wrong with one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// A stage panicked; the message.
    Panic(String),
    /// An accepted catalog expanded to something that is not a Rust file.
    Unparseable(String),
    /// The input took longer than the limit.
    Slow(Duration),
    /// The expansion defines a name twice (a type, or a method of one
    /// type), which rustc would reject.
    Duplicate(String),
}

/// What the oracle saw for one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Diagnostics, all rendered.
    Rejected,
    /// Accepted and expanded to a parseable file.
    Expanded,
}

/// Runs one input through load, check, diagnostics and expansion.
pub fn run_one(text: &str, limit: Duration) -> Result<Outcome, Finding> {
    let start = Instant::now();
    let result = catch_unwind(AssertUnwindSafe(|| pipeline(text)));
    let outcome = match result {
        Ok(outcome) => outcome?,
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".to_string());
            return Err(Finding::Panic(message));
        }
    };
    let elapsed = start.elapsed();
    if elapsed > limit {
        return Err(Finding::Slow(elapsed));
    }
    Ok(outcome)
}

fn pipeline(text: &str) -> Result<Outcome, Finding> {
    let input: syn::DeriveInput =
        syn::parse_str("pub enum ApiError {}").expect("a fixed, valid item");
    let resolved = errcat_core::expand::Bases::default().resolve("fuzz.yaml");
    let expand_and_parse = |catalog: &errcat_core::Checked| {
        let out = errcat_core::expand::expand(catalog, &input, &resolved);
        // The texts must lex as they stand (a lexing failure would otherwise
        // become a `compile_error!`, which parses).
        let lex = |text: &errcat_core::quasi::Rust| {
            text.as_str()
                .parse::<proc_macro2::TokenStream>()
                .map_err(|e| Finding::Unparseable(format!("does not lex: {e}")))
        };
        let mut tokens = out.errors;
        if let Some((head, body)) = &out.item {
            tokens.extend(head.clone());
            let body = proc_macro2::Group::new(proc_macro2::Delimiter::Brace, lex(body)?);
            tokens.extend([proc_macro2::TokenTree::Group(body)]);
        }
        tokens.extend(lex(&out.code)?);
        let file =
            syn::parse2::<syn::File>(tokens).map_err(|e| Finding::Unparseable(e.to_string()))?;
        duplicates(&file).map_or(Ok(()), |name| Err(Finding::Duplicate(name)))
    };
    match errcat_core::compile_str_recovering("fuzz.yaml", text.as_bytes()) {
        Ok(catalog) => {
            expand_and_parse(&catalog)?;
            Ok(Outcome::Expanded)
        }
        Err(failed) => {
            let shown: usize = failed.diagnostics.iter().map(|d| d.to_string().len()).sum();
            std::hint::black_box(shown);
            // What the macro expands beside the diagnostics must be sound too.
            if let Some(recovered) = &failed.recovered {
                expand_and_parse(recovered)?;
            }
            Ok(Outcome::Rejected)
        }
    }
}

/// A name the file defines twice: a type at the top level, a function of
/// one type's inherent impls, a variant of an enum, a field of a struct or
/// variant. What rustc rejects that a parse accepts.
fn duplicates(file: &syn::File) -> Option<String> {
    let mut methods = std::collections::HashSet::new();
    scope_duplicates(file.items.iter().collect(), &mut methods)
}

/// The names one scope defines twice: each `const _` block is a scope of
/// its own for types; a type's inherent methods are one set wherever its
/// impls stand.
fn scope_duplicates(
    mut items: Vec<&syn::Item>,
    methods: &mut std::collections::HashSet<(String, String)>,
) -> Option<String> {
    let mut types = std::collections::HashSet::new();
    while let Some(item) = items.pop() {
        match item {
            syn::Item::Struct(s) => {
                if !types.insert(s.ident.to_string()) {
                    return Some(s.ident.to_string());
                }
                if let Some(f) = duplicate_field(&s.fields) {
                    return Some(format!("{}.{f}", s.ident));
                }
            }
            syn::Item::Enum(e) => {
                if !types.insert(e.ident.to_string()) {
                    return Some(e.ident.to_string());
                }
                let mut variants = std::collections::HashSet::new();
                for v in &e.variants {
                    if !variants.insert(v.ident.to_string()) {
                        return Some(format!("{}::{}", e.ident, v.ident));
                    }
                    if let Some(f) = duplicate_field(&v.fields) {
                        return Some(format!("{}::{}.{f}", e.ident, v.ident));
                    }
                }
            }
            syn::Item::Const(c) => {
                if let syn::Expr::Block(b) = &*c.expr {
                    let inner = b.block.stmts.iter().filter_map(|s| match s {
                        syn::Stmt::Item(i) => Some(i),
                        _ => None,
                    });
                    if let Some(d) = scope_duplicates(inner.collect(), methods) {
                        return Some(d);
                    }
                }
            }
            syn::Item::Impl(i) if i.trait_.is_none() => {
                let ty = quote::ToTokens::to_token_stream(&i.self_ty).to_string();
                for f in &i.items {
                    if let syn::ImplItem::Fn(f) = f
                        && !methods.insert((ty.clone(), f.sig.ident.to_string()))
                    {
                        return Some(format!("{ty}::{}", f.sig.ident));
                    }
                }
            }
            _ => {}
        }
    }
    None
}

fn duplicate_field(fields: &syn::Fields) -> Option<String> {
    let mut seen = std::collections::HashSet::new();
    fields
        .iter()
        .filter_map(|f| f.ident.as_ref())
        .map(ToString::to_string)
        .find(|name| !seen.insert(name.clone()))
}

/// The seed inputs: every YAML file under the given directories.
pub fn seeds(dirs: &[PathBuf]) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = dirs.to_vec();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                let bytes = std::fs::read(&path).unwrap_or_default();
                out.push((path, String::from_utf8_lossy(&bytes).into_owned()));
            }
        }
    }
    out.sort();
    out
}

/// The repository's seed directories, from the fuzz crate's manifest dir.
pub fn default_seed_dirs(manifest_dir: &Path) -> Vec<PathBuf> {
    ["../catalog", "../tests"]
        .iter()
        .map(|d| manifest_dir.join(d))
        .collect()
}

/// Totals of one run.
#[derive(Debug, Default, Clone)]
pub struct Report {
    /// Inputs run.
    pub executions: u64,
    /// Inputs rejected with diagnostics.
    pub rejected: u64,
    /// Inputs accepted and expanded.
    pub expanded: u64,
    /// Findings, each with the input that produced it.
    pub findings: Vec<(Finding, String)>,
}

/// Runs `executions` mutated inputs from `seed` (or until `until` passes).
pub fn run(
    seeds: &[(PathBuf, String)],
    seed: u64,
    executions: u64,
    until: Option<Instant>,
    limit: Duration,
) -> Report {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut report = Report::default();
    // Panics are findings, collected and reported; the default hook would
    // print each one in the middle of the run.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    while report.executions < executions && until.is_none_or(|t| Instant::now() < t) {
        let (_, base) = &seeds[rng.usize(..seeds.len())];
        let count = 1 + rng.usize(..4);
        let input = mutate(&mut rng, base, count);
        report.executions += 1;
        match run_one(&input, limit) {
            Ok(Outcome::Rejected) => report.rejected += 1,
            Ok(Outcome::Expanded) => report.expanded += 1,
            Err(finding) => report.findings.push((finding, input)),
        }
    }
    std::panic::set_hook(hook);
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_definitions_are_found() {
        let file: syn::File = syn::parse_quote! {
            enum E {}
            const _: () = {
                impl E { fn ab() {} }
                impl E { fn ab() {} }
            };
        };
        assert_eq!(duplicates(&file).as_deref(), Some("E::ab"));
        let file: syn::File = syn::parse_quote!(
            struct S;
            enum S {}
        );
        assert_eq!(duplicates(&file).as_deref(), Some("S"));
        let file: syn::File =
            syn::parse_quote!(struct S; impl S { fn a() {} } impl T { fn a() {} });
        assert_eq!(duplicates(&file), None);
    }
}
