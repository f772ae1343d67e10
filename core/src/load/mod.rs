//! Stage 1: read a catalog file and parse its YAML into a tree of [`Node`]s
//! that keep the line and column of every key and value.
//!
//! The tree is built from the event stream of saphyr-parser, a YAML 1.2
//! parser that reports locations (`tree.rs`); scalars are resolved by the
//! YAML 1.2 core schema (`scalar.rs`). We build a generic tree instead of
//! deriving `Deserialize` for the catalog: serde stops at the first error,
//! while the next stage walks the tree and reports every unknown key and
//! wrong type at once.

mod quotes;
mod scalar;
mod tree;

use std::path::Path;
use std::sync::Arc;

use crate::diag::{Diagnostic, Diagnostics, Loc, Source};

pub use tree::{MAX_ALIAS_NODES, MAX_DEPTH, MAX_NODES};

/// A YAML value with its location.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The value.
    pub kind: Kind,
    /// Where it stands in the file.
    pub loc: Loc,
    /// The text of a plain scalar that did not resolve to a string (`0x1F`,
    /// `true`, `~`), kept because where the catalog wants a string, what was
    /// written is the string.
    pub text: Option<Box<str>>,
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
                    .map(|(k, v)| (k.key_string().to_string(), v.to_json()))
                    .collect(),
            ),
        }
    }

    /// A mapping key as text. Keys are always their source text (`0B000`,
    /// `0x1F`, `true` and `~` are the keys as written); a key that is a
    /// mapping or sequence has no text.
    pub fn key_string(&self) -> &str {
        self.scalar_text().unwrap_or("")
    }

    /// The text of a scalar: a string's value, or what was written for a
    /// plain number, boolean or null. `None` for collections and for an
    /// empty value.
    pub fn scalar_text(&self) -> Option<&str> {
        match (&self.kind, &self.text) {
            (Kind::Str(s), _) => Some(s),
            (Kind::Null, Some(t)) if t.is_empty() => None,
            (_, Some(t)) => Some(t),
            _ => None,
        }
    }
}

/// Reads and parses `path`, shown in diagnostics as `display`.
///
/// Returns the root node, or `None` when a mistake stopped the load (a file
/// that cannot be read, is not UTF-8, is empty, or is not well-formed
/// YAML). Every mistake, fatal or not (duplicate keys, tags), is in `cx`.
pub fn load_file(path: &Path, display: &str, cx: &mut Diagnostics) -> Option<Node> {
    match std::fs::read(path) {
        Ok(bytes) => load_bytes(display, &bytes, cx),
        Err(err) => {
            let source = Arc::new(Source::new(display, String::new()));
            // The path as written, not as resolved: where the crate was
            // built from does not belong in a diagnostic.
            let message = if err.kind() == std::io::ErrorKind::NotFound {
                format!("catalog file not found: {display}")
            } else {
                format!("cannot read catalog file {display}: {err}")
            };
            cx.push(Diagnostic::new(&Loc::file(source), message)
                .hint("catalog paths are resolved against the directory of the crate's Cargo.toml (CARGO_MANIFEST_DIR), then beside the source file that names them"));
            None
        }
    }
}

/// Parses catalog text held in memory; like [`load_file`].
pub fn load_bytes(display: &str, bytes: &[u8], cx: &mut Diagnostics) -> Option<Node> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(err) => {
            let source = Arc::new(Source::new(display, String::from_utf8_lossy(bytes)));
            cx.push(not_utf8(&source, &bytes[..err.valid_up_to()]));
            return None;
        }
    };
    let source = Arc::new(Source::new(display, text));
    match parse(&source, cx) {
        Ok(root) => Some(root),
        Err(fatal) => {
            cx.push(*fatal);
            None
        }
    }
}

/// The mistake of a file that is not UTF-8, at the first invalid byte.
fn not_utf8(source: &Arc<Source>, before: &[u8]) -> Diagnostic {
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
    Diagnostic::new(&loc, "catalog is not valid UTF-8").hint("save the file as UTF-8")
}

fn parse(source: &Arc<Source>, cx: &mut Diagnostics) -> Result<Node, tree::Fatal> {
    let (text, offset) = match source.text.strip_prefix('\u{feff}') {
        Some(rest) => (rest, 1),
        None => (source.text.as_str(), 0),
    };
    if let Some(at) = text.find('\0') {
        let line = text[..at].matches('\n').count() + 1;
        let loc = Loc {
            source: source.clone(),
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: 1,
            len: 0,
        };
        return Err(Box::new(
            Diagnostic::new(&loc, "catalog contains a NUL byte")
                .hint("a YAML catalog is text; remove the NUL character"),
        ));
    }
    match tree::Builder::new(source, offset).build(text, cx)? {
        Some(root) if root.kind != Kind::Null || root.scalar_text().is_some() => Ok(root),
        _ => Err(Box::new(
            Diagnostic::new(&Loc::file(source.clone()), "catalog file is empty")
                .hint("a catalog needs at least `name:`, `envelopes:` and `codes:`"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_all(text: &str) -> Result<Node, Vec<Diagnostic>> {
        let mut cx = Diagnostics::new();
        let root = load_bytes("t.yaml", text.as_bytes(), &mut cx);
        match root {
            Some(root) if cx.is_empty() => Ok(root),
            _ => Err(cx.into_vec()),
        }
    }

    fn load(text: &str) -> Result<Node, Diagnostic> {
        load_all(text).map_err(|d| d.into_iter().next().expect("a diagnostic"))
    }

    fn map(node: &Node) -> &[(Node, Node)] {
        match &node.kind {
            Kind::Map(entries) => entries,
            other => panic!("not a map: {other:?}"),
        }
    }

    fn value<'a>(node: &'a Node, key: &str) -> &'a Node {
        &map(node)
            .iter()
            .find(|(k, _)| k.key_string() == key)
            .expect(key)
            .1
    }

    #[test]
    fn keeps_locations_of_keys_and_values() {
        let node = load("a: 1\nb:\n  c: [x, y]\n").unwrap();
        let entries = map(&node);
        assert_eq!((entries[1].0.loc.line, entries[1].0.loc.column), (2, 1));
        let inner = map(&entries[1].1);
        assert_eq!((inner[0].0.loc.line, inner[0].0.loc.column), (3, 3));
        let Kind::Seq(items) = &inner[0].1.kind else {
            panic!("not a seq")
        };
        assert_eq!((items[1].loc.line, items[1].loc.column), (3, 10));
    }

    #[test]
    fn keys_are_their_source_text() {
        let keys = [
            "0B000", "0x1F", "0o17", "1_000", "+1", "01000", "1e3", ".5", "~", "null", "true",
            "False", "42P01", "-0",
        ];
        let text: String = keys.iter().map(|k| format!("{k}: v\n")).collect();
        let node = load(&text).unwrap();
        let got: Vec<&str> = map(&node).iter().map(|(k, _)| k.key_string()).collect();
        assert_eq!(got, keys);
        // Quoted keys are their content.
        let node = load("\"a b\": 1\n'0x1F': 2\n").unwrap();
        let got: Vec<&str> = map(&node).iter().map(|(k, _)| k.key_string()).collect();
        assert_eq!(got, ["a b", "0x1F"]);
    }

    #[test]
    fn values_resolve_by_the_core_schema_and_keep_their_text() {
        let node =
            load("a: 0x1F\nb: yes\nc: 1e3\nd: ~\ne: \"429\"\nf: True\ng:\nh: 0B000\n").unwrap();
        assert_eq!(value(&node, "a").kind, Kind::Int(31));
        assert_eq!(value(&node, "a").scalar_text(), Some("0x1F"));
        assert_eq!(value(&node, "b").kind, Kind::Str("yes".into()));
        assert_eq!(value(&node, "c").kind, Kind::Float(1000.0));
        assert_eq!(value(&node, "c").scalar_text(), Some("1e3"));
        assert_eq!(value(&node, "d").kind, Kind::Null);
        assert_eq!(value(&node, "d").scalar_text(), Some("~"));
        assert_eq!(value(&node, "e").kind, Kind::Str("429".into()));
        assert_eq!(value(&node, "f").kind, Kind::Bool(true));
        assert_eq!(value(&node, "g").kind, Kind::Null);
        assert_eq!(
            value(&node, "g").scalar_text(),
            None,
            "an empty value has no text"
        );
        assert_eq!(value(&node, "h").kind, Kind::Str("0B000".into()));
    }

    #[test]
    fn core_schema_tags_are_honoured_and_others_reported() {
        let node = load("a: !!str 5\nb: !!int \"7\"\nc: !!float 2\nd: ! 12\n").unwrap();
        assert_eq!(value(&node, "a").kind, Kind::Str("5".into()));
        assert_eq!(value(&node, "c").kind, Kind::Float(2.0));
        assert_eq!(value(&node, "d").kind, Kind::Str("12".into()));
        let errs = load_all("a: !custom 5\nb: !!int x\nc: !!set {}\n").unwrap_err();
        let lines: Vec<u32> = errs.iter().map(|d| d.loc.line).collect();
        assert_eq!(lines, [1, 2, 3], "{errs:?}");
        assert!(
            errs[0].message.contains("unsupported YAML tag `!custom`"),
            "{}",
            errs[0]
        );
        assert!(
            errs[1].message.contains("not a valid `!!int`"),
            "{}",
            errs[1]
        );
    }

    #[test]
    fn every_duplicate_key_is_reported_and_the_first_kept() {
        let errs = load_all("a: 1\nb: 2\na: 3\nc:\n  x: 1\n  x: 2\nb: 4\n").unwrap_err();
        let lines: Vec<u32> = errs.iter().map(|d| d.loc.line).collect();
        assert_eq!(lines, [3, 6, 7], "{errs:?}");
        assert!(errs.iter().all(|d| d.message.starts_with("duplicate key")));
        assert_eq!(errs[0].note.as_ref().map(|(_, l)| l.line), Some(1));
        // `1` and `01` are different keys; `"a"` and `a` are the same.
        assert!(load("1: x\n01: y\n").is_ok());
        assert!(load("a: x\n\"a\": y\n").is_err());
        let mut cx = Diagnostics::new();
        let root = load_bytes("t.yaml", b"a: 1\na: 2\nb: 3\n", &mut cx).unwrap();
        let keys: Vec<&str> = map(&root).iter().map(|(k, _)| k.key_string()).collect();
        assert_eq!(keys, ["a", "b"]);
        assert_eq!(value(&root, "a").kind, Kind::Int(1));
    }

    #[test]
    fn empty_and_comment_only_files_are_errors() {
        for text in ["", "   \n", "# nothing\n", "---\n", "--- # c\n...\n"] {
            let err = load(text).unwrap_err();
            assert!(err.message.contains("empty"), "{text:?}: {err}");
        }
    }

    #[test]
    fn missing_file_is_an_error_naming_the_path() {
        let mut cx = Diagnostics::new();
        let root = load_file(
            Path::new("/no/such/catalog.yaml"),
            "api/catalog.yaml",
            &mut cx,
        );
        assert!(root.is_none());
        let err = &cx.into_vec()[0];
        assert_eq!(
            err.message, "catalog file not found: api/catalog.yaml",
            "{err}"
        );
    }

    #[test]
    fn syntax_errors_have_a_line() {
        let err = load("a: 1\nb: [1, 2\nc: 3\n").unwrap_err();
        assert!(err.loc.line >= 2, "{err}");
        assert!(err.message.starts_with("invalid YAML"), "{err}");
    }

    #[test]
    fn an_unterminated_string_is_reported_where_it_opens() {
        for text in [
            "a: 1\nb: \"unterminated\nc: 3\nd: 4\n",
            "a: 1\nb: 'open\n\nc: 3\n",
            "a: 1\nb: \"to the end",
        ] {
            let err = load(text).unwrap_err();
            assert_eq!((err.loc.line, err.loc.column), (2, 4), "{text:?}: {err}");
            assert!(err.message.contains("unterminated quoted string"), "{err}");
        }
    }

    #[test]
    fn a_quote_left_open_is_noted_where_it_opens() {
        // The string opened on line 2 swallows line 3 up to its quote; the
        // parser stumbles on the next quote, on line 3.
        let err = load("a: 1\nb: \"open\n  # it's \"here\"\nc: 2\n").unwrap_err();
        assert_eq!(err.loc.line, 3, "{err}");
        let (note, at) = err.note.as_ref().expect("a note");
        assert_eq!((at.line, at.column), (2, 4), "{err}");
        assert!(
            note.contains("this string, opened here, runs to line 3"),
            "{note}"
        );
        // A string closed on its own line gets no note.
        let err = load("a: \"fine\"\nb: [1\nc: 2\n").unwrap_err();
        assert!(err.note.is_none(), "{err}");
    }

    #[test]
    fn an_unclosed_bracket_is_reported_where_it_opens() {
        let err = load("a: 1\nb: {c: [x,\n  y\n\n").unwrap_err();
        assert_eq!((err.loc.line, err.loc.column), (2, 8), "{err}");
        assert!(err.message.contains("`[` is never closed"), "{err}");
    }

    #[test]
    fn a_tab_in_indentation_is_reported_at_the_tab() {
        let err = load("a:\n  b: 1\n\tc: 2\n").unwrap_err();
        assert_eq!((err.loc.line, err.loc.column), (3, 1), "{err}");
        assert!(err.hint.as_deref().unwrap_or("").contains("tabs"), "{err}");
        let err = load("a:\n  b: 1\n  \tc: 2\n").unwrap_err();
        assert_eq!((err.loc.line, err.loc.column), (3, 3), "{err}");
    }

    #[test]
    fn invalid_utf8_and_nul_are_errors() {
        let mut cx = Diagnostics::new();
        assert!(load_bytes("t.yaml", b"a: 1\nb: \xff\n", &mut cx).is_none());
        assert_eq!(cx.into_vec()[0].loc.line, 2);
        let err = load("a: 1\nb: \0\n").unwrap_err();
        assert_eq!(err.loc.line, 2);
    }

    #[test]
    fn more_than_one_document_is_an_error_at_the_second() {
        let err = load("a: 1\n---\nb: 2\n").unwrap_err();
        assert_eq!(err.loc.line, 2, "{err}");
        assert!(err.message.contains("more than one YAML document"), "{err}");
    }

    #[test]
    fn aliases_replay_their_anchor() {
        let node = load("a: &x {k: [1, 2]}\nb: *x\n").unwrap();
        assert_eq!(value(&node, "a").kind, value(&node, "b").kind);
        assert_eq!(value(&node, "b").loc.line, 2);
        let err = load("a: *nowhere\n").unwrap_err();
        assert!(
            err.message.contains("alias") || err.message.contains("anchor"),
            "{err}"
        );
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
        let err = load(&text).unwrap_err();
        assert_eq!(err.loc.line, 5, "{err}");
        assert!(err.message.contains("aliases expand"), "{err}");
    }

    #[test]
    fn deep_nesting_is_stopped_without_recursion() {
        for depth in [MAX_DEPTH + 1, 5_000, 200_000] {
            let text = format!("a: {}{}\n", "[".repeat(depth), "]".repeat(depth));
            let err = load(&text).unwrap_err();
            assert!(err.message.contains("nested too deeply"), "{err}");
        }
        let ok = format!(
            "a: {}{}\n",
            "[".repeat(MAX_DEPTH - 1),
            "]".repeat(MAX_DEPTH - 1)
        );
        assert!(load(&ok).is_ok());
    }

    #[test]
    fn bom_and_huge_numbers_are_fine() {
        let node = load("\u{feff}a: 123456789012345678901234567890123456789012345\n").unwrap();
        assert_eq!(
            map(&node)[0].0.loc.column,
            2,
            "the BOM is a character of line 1"
        );
        assert!(matches!(value(&node, "a").kind, Kind::Float(_)));
    }
}
