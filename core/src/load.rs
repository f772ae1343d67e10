//! Stage 1: read a catalog file and parse its YAML into a tree of [`Node`]s
//! that keep the line and column of every key and value.
//!
//! The tree is built with serde-saphyr (`Spanned` values, duplicate keys
//! rejected, alias and depth budgets). We deliberately parse into a generic
//! tree instead of deriving `Deserialize` for the catalog: serde stops at the
//! first error, while the next stage walks the tree and reports every
//! unknown key and wrong type at once.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Budget, Spanned};

use crate::diag::{Diagnostic, Loc, Source};

/// A YAML value with its location.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The value.
    pub kind: Kind,
    /// Where it stands in the file.
    pub loc: Loc,
}

/// The shape of a YAML value.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// `null`, `~` or nothing.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer that fits in 128 bits.
    Int(i128),
    /// A floating point number.
    Float(f64),
    /// A string.
    Str(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in file order.
    Map(Vec<(Node, Node)>),
}

impl Kind {
    /// What this value is, for "expected X, found Y" messages.
    pub fn describe(&self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool(_) => "a boolean",
            Kind::Int(_) => "an integer",
            Kind::Float(_) => "a number",
            Kind::Str(_) => "a string",
            Kind::Seq(_) => "a sequence",
            Kind::Map(_) => "a mapping",
        }
    }
}

impl Node {
    /// The string, if this node is one.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Converts to a JSON value (for examples and envelope literals).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value;
        match &self.kind {
            Kind::Null => Value::Null,
            Kind::Bool(b) => Value::Bool(*b),
            Kind::Int(i) => {
                if let Ok(v) = i64::try_from(*i) {
                    Value::from(v)
                } else if let Ok(v) = u64::try_from(*i) {
                    Value::from(v)
                } else {
                    // Beyond 64 bits JSON numbers lose precision anyway.
                    Value::from(*i as f64)
                }
            }
            Kind::Float(f) => serde_json::Number::from_f64(*f)
                .map(Value::Number)
                .unwrap_or(Value::Null),
            Kind::Str(s) => Value::String(s.clone()),
            Kind::Seq(items) => Value::Array(items.iter().map(Node::to_json).collect()),
            Kind::Map(entries) => Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.key_string().into_owned(), v.to_json()))
                    .collect(),
            ),
        }
    }

    /// A mapping key as text: strings as they are, other scalars as written.
    /// Borrowed for string keys, the common case: checking keys allocates
    /// nothing.
    pub fn key_string(&self) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        match &self.kind {
            Kind::Str(s) => Cow::Borrowed(s),
            Kind::Int(i) => Cow::Owned(i.to_string()),
            Kind::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            Kind::Float(f) => Cow::Owned(f.to_string()),
            Kind::Null => Cow::Borrowed("null"),
            Kind::Seq(_) | Kind::Map(_) => Cow::Borrowed(""),
        }
    }
}

/// Budgets for one catalog. serde-saphyr's default node budget (250,000)
/// rejects a catalog of about 9,000 codes; a code takes about 25 nodes, so
/// 4,000,000 nodes admits catalogs of well over 100,000 codes while alias
/// bombs are still stopped by the alias budgets, which stay at their
/// defaults, and runaway nesting by the depth limit.
pub fn budget() -> Budget {
    let mut budget = Budget::default();
    budget.max_nodes = 4_000_000;
    budget.max_events = 16_000_000;
    budget.max_depth = 48;
    budget.max_documents = 1;
    budget
}

/// Alias limits. Catalogs use anchors for shared detail schemas (a few
/// dozen events each); 20,000 replayed events leave room for a thousand
/// such aliases while an alias bomb stops within a fraction of a second
/// even in an unoptimized proc macro.
fn alias_limits() -> serde_saphyr::options::AliasLimits {
    let mut limits = serde_saphyr::options::AliasLimits::default();
    limits.max_total_replayed_events = 20_000;
    limits.max_replay_stack_depth = 16;
    limits
}

fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: Some(budget()),
        alias_limits: alias_limits(),
        with_snippet: false,
        // SQLSTATE-like codes such as `01000` stay strings.
        leading_zero_numbers_as_strings: true,
        // YAML 1.2 booleans only: an enum value `y`, `no` or `off` stays a
        // string (the "Norway problem").
        strict_booleans: true,
    }
}

/// Reads and parses `path`, shown in diagnostics as `display`.
///
/// Returns the source (for later diagnostics) and the root node, or the
/// diagnostics that stopped the load: a file that cannot be read, is not
/// UTF-8, is empty, or is not well-formed YAML.
pub fn load_file(path: &Path, display: &str) -> (Arc<Source>, Result<Node, Diagnostic>) {
    match std::fs::read(path) {
        Ok(bytes) => load_bytes(display, &bytes),
        Err(err) => {
            let source = Arc::new(Source {
                path: display.to_string(),
                text: String::new(),
            });
            let message = if err.kind() == std::io::ErrorKind::NotFound {
                format!("catalog file not found: {}", path.display())
            } else {
                format!("cannot read catalog file {}: {err}", path.display())
            };
            let diag = Diagnostic::new(&Loc::file(source.clone()), message)
                .hint("catalog paths are resolved against the directory of the crate's Cargo.toml (CARGO_MANIFEST_DIR), then beside the source file that names them");
            (source, Err(diag))
        }
    }
}

/// Parses catalog text held in memory.
pub fn load_bytes(display: &str, bytes: &[u8]) -> (Arc<Source>, Result<Node, Diagnostic>) {
    let (text, utf8_error) = match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), None),
        Err(err) => (String::from_utf8_lossy(bytes).into_owned(), Some(err)),
    };
    let source = Arc::new(Source {
        path: display.to_string(),
        text,
    });
    if let Some(err) = utf8_error {
        let before = &bytes[..err.valid_up_to()];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        let loc = Loc {
            source: source.clone(),
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
            len: 1,
        };
        return (
            source.clone(),
            Err(Diagnostic::new(&loc, "catalog is not valid UTF-8").hint("save the file as UTF-8")),
        );
    }
    let result = parse_text(&source);
    (source, result)
}

fn parse_text(source: &Arc<Source>) -> Result<Node, Diagnostic> {
    let text = source.text.strip_prefix('\u{feff}').unwrap_or(&source.text);
    if text.contains('\0') {
        let line = text
            .split('\0')
            .next()
            .map_or(0, |s| s.matches('\n').count())
            + 1;
        let loc = Loc {
            source: source.clone(),
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: 1,
            len: 0,
        };
        return Err(Diagnostic::new(&loc, "catalog contains a NUL byte")
            .hint("a YAML catalog is text; remove the NUL character"));
    }
    let is_blank = text.lines().all(|l| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#') || t == "---" || t == "..."
    });
    if is_blank {
        return Err(
            Diagnostic::new(&Loc::file(source.clone()), "catalog file is empty")
                .hint("a catalog needs at least `name:`, `envelopes:`, `categories:` and `codes:`"),
        );
    }
    match with_source(source, || {
        serde_saphyr::from_str_with_options::<Spanned<Raw>>(text, options())
    }) {
        Ok(raw) => Ok(node(raw, source)),
        Err(err) => Err(yaml_error(source, &err)),
    }
}

fn yaml_error(source: &Arc<Source>, err: &serde_saphyr::Error) -> Diagnostic {
    let inner = err.without_snippet();
    let (line, column) = inner.location().map_or((1, 1), |l| (l.line(), l.column()));
    let mut message = inner.to_string();
    // serde-saphyr appends " at line N column M"; we print our own location.
    if let Some(pos) = message.find(" at line ") {
        message.truncate(pos);
    }
    let mut message = message.lines().next().unwrap_or("").trim().to_string();
    if message.contains("Documents {") {
        message = "the file holds more than one YAML document".to_string();
    } else if message.contains("Depth {") || message.contains("recursion limit") {
        message = "the YAML is nested too deeply".to_string();
    }
    // Advice about serde-saphyr's own options is not for catalog authors.
    if let Some(pos) = message.find(", set DuplicateKeyPolicy") {
        message.truncate(pos);
    }
    let loc = Loc {
        source: source.clone(),
        line: u32::try_from(line.max(1)).unwrap_or(u32::MAX),
        column: u32::try_from(column.max(1)).unwrap_or(u32::MAX),
        len: 1,
    };
    let hint = yaml_hint(&message, &loc);
    Diagnostic::new(&loc, format!("invalid YAML: {message}")).maybe_hint(hint)
}

fn yaml_hint(message: &str, loc: &Loc) -> Option<String> {
    let lower = message.to_ascii_lowercase();
    if lower.contains("duplicate") {
        Some("each key may appear once in a mapping; remove or rename one of them".into())
    } else if lower.contains("tab") || loc.line_text().is_some_and(|l| l.contains('\t')) {
        Some("YAML indentation must use spaces, not tabs".into())
    } else if lower.contains("document") {
        Some(
            "a catalog is a single YAML document; remove the `---` separator and what follows"
                .into(),
        )
    } else if lower.contains("nested") {
        Some("the catalog is nested too deeply; catalogs need only a few levels".into())
    } else if lower.contains("alias") || lower.contains("budget") || lower.contains("limit") {
        Some("the catalog exceeds errcat's YAML limits (aliases, depth or size); catalogs do not need anchors or deep nesting".into())
    } else {
        None
    }
}

/// What serde-saphyr hands us for each value: its kind, whose children are
/// already [`Node`]s, so the tree is built in one pass without copying.
struct Raw(Kind);

thread_local! {
    /// The source being parsed. `Spanned<T>` has no seeded form, so the
    /// visitor that turns each spanned value into a [`Node`] finds the
    /// source here; [`with_source`] sets it for the duration of one parse.
    static SOURCE: std::cell::RefCell<Option<Arc<Source>>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` with `source` as the source of the nodes built meanwhile.
fn with_source<R>(source: &Arc<Source>, f: impl FnOnce() -> R) -> R {
    struct Reset(Option<Arc<Source>>);
    impl Drop for Reset {
        fn drop(&mut self) {
            let previous = self.0.take();
            SOURCE.with(|s| *s.borrow_mut() = previous);
        }
    }
    let previous = SOURCE.with(|s| s.borrow_mut().replace(source.clone()));
    let _reset = Reset(previous);
    f()
}

fn node(s: Spanned<Raw>, source: &Arc<Source>) -> Node {
    let loc = s.referenced;
    Node {
        kind: s.value.0,
        loc: Loc {
            source: source.clone(),
            line: u32::try_from(loc.line()).unwrap_or(u32::MAX).max(1),
            column: u32::try_from(loc.column()).unwrap_or(u32::MAX).max(1),
            len: u32::try_from(loc.span().len()).unwrap_or(u32::MAX),
        },
    }
}

fn current_source<E: de::Error>() -> Result<Arc<Source>, E> {
    SOURCE
        .with(|s| s.borrow().clone())
        .ok_or_else(|| E::custom("errcat: YAML parsed outside `with_source`"))
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Raw, E> {
        Ok(Raw(Kind::Null))
    }
    fn visit_none<E: de::Error>(self) -> Result<Raw, E> {
        Ok(Raw(Kind::Null))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        Raw::deserialize(d)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw(Kind::Bool(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw(Kind::Int(v.into())))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Raw, E> {
        Ok(Raw(Kind::Int(v.into())))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Raw, E> {
        Ok(Raw(Kind::Int(v)))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Raw, E> {
        Ok(Raw(
            i128::try_from(v).map_or(Kind::Float(v as f64), Kind::Int)
        ))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw(Kind::Float(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw(Kind::Str(v.to_string())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Raw, E> {
        Ok(Raw(Kind::Str(v)))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Raw, E> {
        Ok(Raw(Kind::Str(String::from_utf8_lossy(v).into_owned())))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let source = current_source()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Raw>>()? {
            items.push(node(item, &source));
        }
        Ok(Raw(Kind::Seq(items)))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let source = current_source()?;
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<Raw>>()? {
            let value = map.next_value::<Spanned<Raw>>()?;
            entries.push((node(key, &source), node(value, &source)));
        }
        Ok(Raw(Kind::Map(entries)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Node, Diagnostic> {
        load_bytes("t.yaml", text.as_bytes()).1
    }

    #[test]
    fn keeps_locations_of_keys_and_values() {
        let node = load("a: 1\nb:\n  c: [x, y]\n").unwrap();
        let Kind::Map(entries) = &node.kind else {
            panic!("not a map")
        };
        assert_eq!((entries[1].0.loc.line, entries[1].0.loc.column), (2, 1));
        let Kind::Map(inner) = &entries[1].1.kind else {
            panic!("not a map")
        };
        assert_eq!((inner[0].0.loc.line, inner[0].0.loc.column), (3, 3));
        let Kind::Seq(items) = &inner[0].1.kind else {
            panic!("not a seq")
        };
        assert_eq!((items[1].loc.line, items[1].loc.column), (3, 10));
    }

    #[test]
    fn duplicate_keys_are_errors_with_a_line() {
        let err = load("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert_eq!(err.loc.line, 3, "{err}");
        assert!(err.message.contains("duplicate"), "{err}");
    }

    #[test]
    fn empty_and_comment_only_files_are_errors() {
        for text in ["", "   \n", "# nothing\n", "---\n"] {
            let err = load(text).unwrap_err();
            assert!(err.message.contains("empty"), "{err}");
        }
    }

    #[test]
    fn missing_file_is_an_error_naming_the_path() {
        let (_, result) = load_file(Path::new("/no/such/catalog.yaml"), "catalog.yaml");
        let err = result.unwrap_err();
        assert!(err.message.contains("/no/such/catalog.yaml"), "{err}");
    }

    #[test]
    fn syntax_errors_have_a_line() {
        let err = load("a: 1\nb: [1, 2\nc: 3\n").unwrap_err();
        assert!(err.loc.line >= 2, "{err}");
        assert!(err.message.starts_with("invalid YAML"), "{err}");
    }

    #[test]
    fn invalid_utf8_and_nul_are_errors() {
        let err = load_bytes("t.yaml", b"a: 1\nb: \xff\n").1.unwrap_err();
        assert_eq!(err.loc.line, 2);
        let err = load("a: 1\nb: \0\n").unwrap_err();
        assert_eq!(err.loc.line, 2);
    }

    #[test]
    fn alias_bombs_are_stopped() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        assert!(load(&text).is_err());
    }

    #[test]
    fn deep_nesting_is_stopped() {
        let text = format!("a: {}{}\n", "[".repeat(5000), "]".repeat(5000));
        assert!(load(&text).is_err());
    }

    #[test]
    fn bom_and_huge_numbers_are_fine() {
        let node = load("\u{feff}a: 123456789012345678901234567890123456789012345\n").unwrap();
        assert!(matches!(node.kind, Kind::Map(_)));
    }
}
