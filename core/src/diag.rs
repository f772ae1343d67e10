//! Diagnostics: every catalog mistake as `path:line:column`, the quoted YAML
//! line, a caret under the offending text and a hint where one is likely.
//!
//! Stages never stop at the first mistake: they push into a [`Diagnostics`]
//! collector (serde_derive's `Ctxt` is the model) and the caller reports them
//! all at once.

use std::fmt;
use std::sync::{Arc, OnceLock};

/// A loaded catalog file: its display path and full text, shared by every
/// location that points into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The path as it is shown in diagnostics.
    pub path: String,
    /// The file's text (empty when it could not be read).
    pub text: String,
    /// Byte offsets of line starts, indexed on first use so that printing
    /// many diagnostics stays linear in their number.
    line_starts: OnceLock<Vec<usize>>,
}

impl Source {
    /// A source named `path` holding `text`.
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            path: path.into(),
            text: text.into(),
            line_starts: OnceLock::new(),
        }
    }

    /// The text of 1-based `line`, without its line break.
    pub fn line(&self, line: u32) -> Option<&str> {
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let idx = usize::try_from(line).ok()?.checked_sub(1)?;
        let start = *starts.get(idx)?;
        let end = starts
            .get(idx + 1)
            .map_or(self.text.len(), |&next| next - 1);
        if start > self.text.len() || (start == self.text.len() && idx > 0) {
            return None;
        }
        let text = &self.text[start..end.max(start)];
        Some(text.strip_suffix('\r').unwrap_or(text))
    }
}

/// A position in a catalog file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loc {
    /// The file this location points into.
    pub source: Arc<Source>,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
    /// Length of the offending text in characters (at least 1 when shown).
    pub len: u32,
}

impl Loc {
    /// A location at the start of a file, for mistakes that belong to the
    /// whole file (missing, empty, unreadable).
    pub fn file(source: Arc<Source>) -> Self {
        Loc {
            source,
            line: 1,
            column: 1,
            len: 0,
        }
    }

    /// The location of `needle` inside this one's line (at or after its
    /// column), e.g. one `{placeholder}` inside a quoted message; this
    /// location itself when the needle is not on the line.
    pub fn narrow(&self, needle: &str) -> Loc {
        let Some(text) = self.line_text() else {
            return self.clone();
        };
        let start: usize = text
            .char_indices()
            .nth(usize::try_from(self.column.saturating_sub(1)).unwrap_or(0))
            .map_or(text.len(), |(i, _)| i);
        match text[start..].find(needle) {
            Some(at) => Loc {
                column: u32::try_from(text[..start + at].chars().count() + 1)
                    .unwrap_or(self.column),
                len: u32::try_from(needle.chars().count()).unwrap_or(1),
                ..self.clone()
            },
            None => self.clone(),
        }
    }

    /// The text of this location's line, without its line break.
    pub fn line_text(&self) -> Option<&str> {
        self.source.line(self.line)
    }
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.source.path, self.line, self.column)
    }
}

/// One mistake in a catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What is wrong, in one line.
    pub message: String,
    /// Where it is.
    pub loc: Loc,
    /// How to fix it, where a fix is likely.
    pub hint: Option<String>,
    /// A second place that explains the first (e.g. the earlier definition of a duplicate).
    pub note: Option<(String, Loc)>,
}

impl Diagnostic {
    /// A diagnostic with no hint.
    pub fn new(loc: &Loc, message: impl Into<String>) -> Self {
        Diagnostic {
            message: message.into(),
            loc: loc.clone(),
            hint: None,
            note: None,
        }
    }

    /// Adds a hint.
    #[must_use]
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a hint when there is one.
    #[must_use]
    pub fn maybe_hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    /// Adds a note pointing at a related location.
    #[must_use]
    pub fn note(mut self, message: impl Into<String>, loc: &Loc) -> Self {
        self.note = Some((message.into(), loc.clone()));
        self
    }
}

fn write_snippet(f: &mut fmt::Formatter<'_>, loc: &Loc) -> fmt::Result {
    let gutter = loc.line.to_string().len();
    if loc.source.text.is_empty() && loc.len == 0 {
        // A file that could not be read has no line to show.
        return write!(f, "{:gutter$}--> {}", "", loc.source.path);
    }
    writeln!(f, "{:gutter$}--> {loc}", "")?;
    if let Some(text) = loc.line_text() {
        // Tabs would misalign the caret; show them as one space each.
        // Control characters are not shown, so the caret's column counts
        // only the characters before it that are.
        let column = usize::try_from(loc.column.max(1) - 1).unwrap_or(0);
        let mut col = 0;
        let shown: String = text
            .chars()
            .enumerate()
            .filter_map(|(i, c)| {
                let c = if c == '\t' { ' ' } else { c };
                let keep = !c.is_control();
                col += usize::from(keep && i < column);
                keep.then_some(c)
            })
            .collect();
        // Long lines are cropped to a window around the column.
        const WIDTH: usize = 100;
        let total = shown.chars().count();
        col = col.min(total);
        let shown = if total > WIDTH {
            let start = col
                .saturating_sub(WIDTH / 2)
                .min(total.saturating_sub(WIDTH));
            let window: String = shown.chars().skip(start).take(WIDTH).collect();
            let (pre, post) = (
                if start > 0 { "..." } else { "" },
                if start + WIDTH < total { "..." } else { "" },
            );
            col = col - start + pre.len();
            format!("{pre}{window}{post}")
        } else {
            shown
        };
        let room = shown.chars().count().saturating_sub(col).max(1);
        let len = usize::try_from(loc.len).unwrap_or(1).clamp(1, room);
        writeln!(f, "{:gutter$} |", "")?;
        writeln!(f, "{} | {shown}", loc.line)?;
        write!(f, "{:gutter$} | {:col$}{}", "", "", "^".repeat(len))?;
    } else {
        write!(f, "{:gutter$} |", "")?;
    }
    Ok(())
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.message)?;
        write_snippet(f, &self.loc)?;
        let gutter = self.loc.line.to_string().len();
        if let Some(hint) = &self.hint {
            write!(f, "\n{:gutter$} = help: {hint}", "")?;
        }
        if let Some((message, loc)) = &self.note {
            write!(f, "\n{:gutter$} = note: {message} at {loc}", "")?;
        }
        Ok(())
    }
}

/// Collects every diagnostic of one run, each once: a rule that meets one
/// mistake through several codes (a header `every_code:` gives them all)
/// reports it at its place once.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    seen: std::collections::HashSet<(u32, u32, String)>,
}

impl Diagnostics {
    /// An empty collector.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a mistake.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        let key = (
            diagnostic.loc.line,
            diagnostic.loc.column,
            diagnostic.message.clone(),
        );
        if self.seen.insert(key) {
            self.items.push(diagnostic);
        }
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// How many mistakes were recorded.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// The recorded diagnostics, in file order (then in the order found).
    pub fn into_vec(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| {
            (&a.loc.source.path, a.loc.line, a.loc.column).cmp(&(
                &b.loc.source.path,
                b.loc.line,
                b.loc.column,
            ))
        });
        self.items
    }
}

/// The best "did you mean" candidate for a misspelt name.
pub(crate) fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(wrong, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// How many candidates a hint lists at most.
const LISTED: usize = 8;

/// A "did you mean" hint, or a list of what is allowed when nothing is
/// close: all of it when it is short, else the closest few and a count.
pub fn suggest(wrong: &str, candidates: &[&str]) -> String {
    if let Some(best) = did_you_mean(wrong, candidates.iter().copied()) {
        return format!("did you mean `{best}`?");
    }
    if candidates.is_empty() {
        return "none are defined".to_string();
    }
    let quote = |c: &&str| format!("`{c}`");
    if candidates.len() <= LISTED {
        let all: Vec<String> = candidates.iter().map(quote).collect();
        return format!("expected one of {}", all.join(", "));
    }
    let mut ranked: Vec<(f64, &str)> = candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(wrong, c), *c))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let closest: Vec<String> = ranked.iter().take(LISTED).map(|(_, c)| quote(c)).collect();
    format!(
        "expected one of {}, or {} more",
        closest.join(", "),
        candidates.len() - LISTED
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(text: &str, line: u32, column: u32) -> Loc {
        Loc {
            source: Arc::new(Source::new("t.yaml", text)),
            line,
            column,
            len: 3,
        }
    }

    #[test]
    fn lines_are_found_by_index() {
        let source = Source::new("t.yaml", "a\r\nbb\n\nccc");
        let lines: Vec<_> = (0..6).map(|l| source.line(l)).collect();
        assert_eq!(
            lines,
            [None, Some("a"), Some("bb"), Some(""), Some("ccc"), None]
        );
        assert_eq!(Source::new("t", "x\n").line(2), None);
    }

    #[test]
    fn a_caret_after_many_control_characters_does_not_panic() {
        let text = format!("key: {}value\n", "\u{85}".repeat(50_000));
        let d = Diagnostic::new(&loc(&text, 1, 50_006), "bad");
        let shown = d.to_string();
        assert!(shown.contains("key: value"), "{shown}");
        assert!(shown.lines().all(|l| l.len() < 200), "{shown}");
        // Columns past the end of the line, or on no line, are shown too.
        for (line, column) in [(1, u32::MAX), (7, 1), (0, 0)] {
            let _ = Diagnostic::new(&loc(&text, line, column), "bad").to_string();
        }
    }

    #[test]
    fn printing_many_diagnostics_is_linear() {
        let text: String = (0..20_000).map(|i| format!("k{i}: v\n")).collect();
        let source = Arc::new(Source::new("t.yaml", text));
        let out: usize = (1..=20_000)
            .map(|line| {
                let loc = Loc {
                    source: source.clone(),
                    line,
                    column: 1,
                    len: 1,
                };
                Diagnostic::new(&loc, "bad").to_string().len()
            })
            .sum();
        assert!(out > 0);
    }

    #[test]
    fn hints_list_a_few_candidates() {
        let many: Vec<String> = (0..500).map(|i| format!("category_{i}")).collect();
        let names: Vec<&str> = many.iter().map(String::as_str).collect();
        let hint = suggest("zzz", &names);
        assert!(hint.ends_with("or 492 more"), "{hint}");
        assert_eq!(hint.matches('`').count(), 16, "{hint}");
        assert_eq!(
            suggest("categroy_7", &["category_7", "x"]),
            "did you mean `category_7`?"
        );
        assert_eq!(suggest("q", &["a", "b"]), "expected one of `a`, `b`");
    }
}
