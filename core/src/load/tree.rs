//! The spanned tree, built from the parser's event stream with an explicit
//! stack (nothing here recurses on the input's depth).
//!
//! This is where the loader's own rules live: keys keep their source text,
//! values are resolved by the core schema ([`super::scalar`]), tags are
//! honoured or reported, duplicate keys are all reported (the first
//! occurrence is kept), and the depth, node and alias budgets are enforced.

use std::collections::HashMap;
use std::sync::Arc;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span, Tag};

use super::{Kind, Node, scalar};
use crate::diag::{Diagnostic, Diagnostics, Loc, Source};

/// Deepest nesting of mappings and sequences. Catalogs need about six
/// levels; 48 leaves room for deep detail types.
pub const MAX_DEPTH: usize = 48;
/// Most nodes in one catalog, aliases replayed included. A code takes about
/// 25 nodes, so this admits catalogs of well over 100,000 codes.
pub const MAX_NODES: usize = 4_000_000;
/// Most nodes that aliases may replay. Catalogs use anchors for shared
/// detail schemas (a few dozen nodes each); this leaves room for hundreds
/// of such aliases while an alias bomb stops after a few milliseconds.
pub const MAX_ALIAS_NODES: usize = 20_000;

/// A collection being read.
struct Frame {
    loc: Loc,
    anchor: usize,
    /// Nodes inside, itself included.
    size: usize,
    body: Body,
}

enum Body {
    Seq(Vec<Node>),
    Map {
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
    },
}

/// Builds the tree of one document; fatal mistakes (syntax, budgets) stop
/// it, others (duplicate keys, tags) are pushed to `cx` and reading goes on.
pub(crate) struct Builder<'a> {
    source: &'a Arc<Source>,
    /// Where the parsed text starts in the source, in characters (a BOM).
    offset: usize,
    stack: Vec<Frame>,
    anchors: HashMap<usize, (Node, usize)>,
    root: Option<Node>,
    nodes: usize,
    replayed: usize,
    documents: usize,
}

/// A mistake that stops the load.
pub(crate) type Fatal = Box<Diagnostic>;

impl<'a> Builder<'a> {
    pub(crate) fn new(source: &'a Arc<Source>, offset: usize) -> Self {
        Builder {
            source,
            offset,
            stack: Vec::new(),
            anchors: HashMap::new(),
            root: None,
            nodes: 0,
            replayed: 0,
            documents: 0,
        }
    }

    /// Reads every event of `text`; the root node, if the document has one.
    pub(crate) fn build(mut self, text: &str, cx: &mut Diagnostics) -> Result<Option<Node>, Fatal> {
        for event in Parser::new_from_str(text) {
            let (event, span) = event.map_err(|e| self.syntax_error(&e, text))?;
            self.event(event, span, cx)?;
        }
        Ok(self.root)
    }

    fn event(&mut self, event: Event<'_>, span: Span, cx: &mut Diagnostics) -> Result<(), Fatal> {
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(self.fatal(span, "the file holds more than one YAML document",
                        "a catalog is a single YAML document; remove the `---` separator and what follows"));
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                let node = self.scalar(&text, style, tag.as_deref(), span, cx);
                self.count(1, span)?;
                self.anchor(anchor, &node, 1);
                self.complete(node, 1);
            }
            Event::SequenceStart(anchor, tag) => {
                self.collection_tag(tag.as_deref(), "seq", span, cx);
                self.open(span, anchor, Body::Seq(Vec::new()))?;
            }
            Event::MappingStart(anchor, tag) => {
                self.collection_tag(tag.as_deref(), "map", span, cx);
                let body = Body::Map {
                    entries: Vec::new(),
                    key: None,
                };
                self.open(span, anchor, body)?;
            }
            Event::SequenceEnd | Event::MappingEnd => self.close(cx),
            Event::Alias(id) => self.alias(id, span)?,
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
        Ok(())
    }

    fn loc(&self, span: Span) -> Loc {
        let column = span.start.col()
            + 1
            + if span.start.line() == 1 {
                self.offset
            } else {
                0
            };
        Loc {
            source: self.source.clone(),
            line: u32::try_from(span.start.line().max(1)).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
            len: u32::try_from(span.len()).unwrap_or(u32::MAX),
        }
    }

    fn fatal(&self, span: Span, message: &str, hint: &str) -> Fatal {
        Box::new(Diagnostic::new(&self.loc(span), message).hint(hint))
    }

    fn scalar(
        &self,
        text: &str,
        style: ScalarStyle,
        tag: Option<&Tag>,
        span: Span,
        cx: &mut Diagnostics,
    ) -> Node {
        let loc = self.loc(span);
        let is_key = matches!(
            self.stack.last(),
            Some(Frame {
                body: Body::Map { key: None, .. },
                ..
            })
        );
        let plain = style == ScalarStyle::Plain;
        let kind = match tag {
            _ if is_key => Kind::Str(text.to_string()),
            None if plain => scalar::resolve_plain(text),
            None => Kind::Str(text.to_string()),
            Some(tag) => tagged(text, tag, &loc, cx),
        };
        // Keep the text of plain scalars that are not strings: where the
        // catalog wants a string, `0x1F` or `true` is what was written.
        let text = (plain && !matches!(kind, Kind::Str(_))).then(|| Box::from(text));
        Node { kind, loc, text }
    }

    fn collection_tag(&self, tag: Option<&Tag>, want: &str, span: Span, cx: &mut Diagnostics) {
        if let Some(tag) = tag
            && !(tag.is_yaml_core_schema() && tag.suffix == want)
            && !non_specific(tag)
        {
            cx.push(unsupported_tag(tag, &self.loc(span)));
        }
    }

    fn open(&mut self, span: Span, anchor: usize, body: Body) -> Result<(), Fatal> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(self.fatal(
                span,
                "the YAML is nested too deeply",
                "the catalog is nested too deeply; catalogs need only a few levels",
            ));
        }
        self.count(1, span)?;
        self.stack.push(Frame {
            loc: self.loc(span),
            anchor,
            size: 1,
            body,
        });
        Ok(())
    }

    fn close(&mut self, cx: &mut Diagnostics) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let kind = match frame.body {
            Body::Seq(items) => Kind::Seq(items),
            Body::Map { mut entries, .. } => {
                remove_duplicates(&mut entries, cx);
                Kind::Map(entries)
            }
        };
        let node = Node {
            kind,
            loc: frame.loc,
            text: None,
        };
        self.anchor(frame.anchor, &node, frame.size);
        self.complete(node, frame.size);
    }

    fn alias(&mut self, id: usize, span: Span) -> Result<(), Fatal> {
        let Some((node, size)) = self.anchors.get(&id) else {
            return Err(self.fatal(
                span,
                "alias to an unknown or unfinished anchor",
                "an alias `*name` must follow the complete value that `&name` marks",
            ));
        };
        let (mut node, size) = (node.clone(), *size);
        self.replayed += size;
        if self.replayed > MAX_ALIAS_NODES {
            return Err(self.fatal(
                span,
                &format!("aliases expand to more than {MAX_ALIAS_NODES} nodes"),
                "the catalog exceeds errcat's YAML limits for aliases; catalogs need only a few small anchors",
            ));
        }
        self.count(size, span)?;
        node.loc = self.loc(span);
        self.complete(node, size);
        Ok(())
    }

    fn anchor(&mut self, anchor: usize, node: &Node, size: usize) {
        if anchor != 0 {
            self.anchors.insert(anchor, (node.clone(), size));
        }
    }

    fn count(&mut self, size: usize, span: Span) -> Result<(), Fatal> {
        self.nodes += size;
        if self.nodes > MAX_NODES {
            return Err(self.fatal(
                span,
                &format!("the catalog has more than {MAX_NODES} YAML nodes"),
                "split the catalog, or remove aliases that repeat large values",
            ));
        }
        Ok(())
    }

    /// Hands a finished node to the collection that holds it.
    fn complete(&mut self, node: Node, size: usize) {
        let Some(frame) = self.stack.last_mut() else {
            self.root = Some(node);
            return;
        };
        frame.size += size;
        match &mut frame.body {
            Body::Seq(items) => items.push(node),
            Body::Map { entries, key } => match key.take() {
                Some(k) => entries.push((k, node)),
                None => *key = Some(node),
            },
        }
    }

    fn syntax_error(&self, err: &ScanError, text: &str) -> Fatal {
        let marker = err.marker();
        if let Some(unclosed) = self.unclosed_flow(marker.index(), text) {
            return unclosed;
        }
        let diagnostic = self.scan_error(err);
        // A quote left open swallows the lines after it until the next
        // quote, and the mistake shows up there: say where it opened.
        let line = marker.line().max(1);
        match super::quotes::swallowing(text, line) {
            Some(q) => {
                let opened = Loc {
                    source: self.source.clone(),
                    line: u32::try_from(q.line).unwrap_or(u32::MAX),
                    column: u32::try_from(q.column + if q.line == 1 { self.offset } else { 0 })
                        .unwrap_or(u32::MAX),
                    len: 1,
                };
                Box::new(diagnostic.note(
                    format!(
                        "this string, opened here, runs to line {}: is its closing quote missing?",
                        q.end_line
                    ),
                    &opened,
                ))
            }
            None => Box::new(diagnostic),
        }
    }

    fn scan_error(&self, err: &ScanError) -> Diagnostic {
        let marker = err.marker();
        let (mut line, mut col) = (marker.line().max(1), marker.col());
        let info = err.info();
        let hint = if info.contains("tab") {
            // The scanner reports a tab at the end of the line before it.
            if let Some((l, c)) = first_tab(&self.source.text, line, col) {
                (line, col) = (l, c);
            }
            Some("YAML indentation must use spaces, not tabs")
        } else if info.contains("recursion limit") {
            Some("the catalog is nested too deeply; catalogs need only a few levels")
        } else if info.contains("quoted scalar") {
            Some(
                "close the quoted string on the line where it opens, or indent its continuation lines",
            )
        } else {
            None
        };
        let column = col + 1 + if line == 1 { self.offset } else { 0 };
        let loc = Loc {
            source: self.source.clone(),
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
            len: 1,
        };
        let message = if info.contains("tab") {
            "invalid YAML: a tab in indentation".to_string()
        } else if info.contains("quoted scalar") {
            "invalid YAML: unterminated quoted string".to_string()
        } else if info.contains("recursion limit") {
            "the YAML is nested too deeply".to_string()
        } else {
            format!("invalid YAML: {info}")
        };
        Diagnostic::new(&loc, message).maybe_hint(hint.map(str::to_string))
    }
}

impl Builder<'_> {
    /// At the end of the input inside a `[` or `{`, the mistake is the
    /// bracket that never closes, so it is reported where it opens (as
    /// rustc reports an unclosed delimiter).
    fn unclosed_flow(&self, at: usize, text: &str) -> Option<Fatal> {
        let frame = self.stack.last()?;
        let open = frame.loc.line_text().and_then(|line| {
            let col = usize::try_from(frame.loc.column).ok()? - 1;
            line.chars().nth(col)
        })?;
        if !matches!(open, '[' | '{') || at < text.trim_end().chars().count() {
            return None;
        }
        let close = if open == '[' { ']' } else { '}' };
        let loc = Loc {
            len: 1,
            ..frame.loc.clone()
        };
        Some(Box::new(
            Diagnostic::new(&loc, format!("invalid YAML: this `{open}` is never closed"))
                .hint(format!("add the closing `{close}`")),
        ))
    }
}

/// The first tab at or after (`line`, 0-based `col`): its line and 0-based
/// column.
fn first_tab(text: &str, line: usize, col: usize) -> Option<(usize, usize)> {
    for (i, l) in text.lines().enumerate().skip(line - 1) {
        let skip = if i + 1 == line { col } else { 0 };
        if let Some(at) = l.chars().skip(skip).position(|c| c == '\t') {
            return Some((i + 1, at + skip));
        }
    }
    None
}

/// A scalar with an explicit tag: core-schema tags are honoured (`!!str 5`
/// is the string `5`), the non-specific `!` makes a string, others are
/// reported and the value read as if untagged.
fn tagged(text: &str, tag: &Tag, loc: &Loc, cx: &mut Diagnostics) -> Kind {
    if non_specific(tag) {
        return Kind::Str(text.to_string());
    }
    if !tag.is_yaml_core_schema() {
        cx.push(unsupported_tag(tag, loc));
        return scalar::resolve_plain(text);
    }
    let resolved = scalar::resolve_plain(text);
    let ok = match (tag.suffix.as_str(), &resolved) {
        ("str", _) => return Kind::Str(text.to_string()),
        ("null", Kind::Null) | ("bool", Kind::Bool(_)) | ("int", Kind::Int(_)) => true,
        ("float", Kind::Int(i)) => return Kind::Float(*i as f64),
        ("float", Kind::Float(_)) => true,
        ("null" | "bool" | "int" | "float", _) => false,
        _ => {
            cx.push(unsupported_tag(tag, loc));
            return resolved;
        }
    };
    if !ok {
        cx.push(
            Diagnostic::new(loc, format!("`{text}` is not a valid `!!{}`", tag.suffix))
                .hint("remove the tag, or write a value of the tagged type"),
        );
    }
    resolved
}

/// The non-specific tag `!`: "a string, unresolved".
fn non_specific(tag: &Tag) -> bool {
    tag.handle.is_empty() && tag.suffix == "!"
}

fn unsupported_tag(tag: &Tag, loc: &Loc) -> Diagnostic {
    Diagnostic::new(loc, format!("unsupported YAML tag `{tag}`")).hint(
        "errcat reads untagged YAML 1.2; remove the tag (`!!str` may stay, to make a value a string)",
    )
}

/// Reports every key that repeats an earlier one of the same mapping and
/// keeps the first: YAML keys are unique, and last-wins would lose data.
fn remove_duplicates(entries: &mut Vec<(Node, Node)>, cx: &mut Diagnostics) {
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(entries.len());
    let mut repeated = Vec::new();
    for (i, (k, _)) in entries.iter().enumerate() {
        let Kind::Str(key) = &k.kind else { continue };
        if let Some(&at) = first.get(key.as_str()) {
            repeated.push((i, at));
        } else {
            first.insert(key, i);
        }
    }
    if repeated.is_empty() {
        return;
    }
    for &(i, at) in &repeated {
        let (k, earlier) = (&entries[i].0, &entries[at].0);
        cx.push(
            Diagnostic::new(&k.loc, format!("duplicate key `{}`", k.key_string()))
                .hint("each key may appear once in a mapping; remove or rename one of them")
                .note("first defined", &earlier.loc),
        );
    }
    let mut index = 0;
    let mut next = repeated.iter().map(|&(i, _)| i).peekable();
    entries.retain(|_| {
        let keep = next.peek() != Some(&index);
        if !keep {
            next.next();
        }
        index += 1;
        keep
    });
}
