//! Diagnostics: every catalog mistake as `path:line:column`, the quoted YAML
//! line, a caret under the offending text and a hint where one is likely.
//!
//! Stages never stop at the first mistake: they push into a [`Diagnostics`]
//! collector (serde_derive's `Ctxt` is the model) and the caller reports them
//! all at once.

use std::fmt;
use std::sync::Arc;

/// A loaded catalog file: its display path and full text, shared by every
/// location that points into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The path as it is shown in diagnostics.
    pub path: String,
    /// The file's text (empty when it could not be read).
    pub text: String,
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
        let idx = usize::try_from(self.line).ok()?.checked_sub(1)?;
        self.source.text.lines().nth(idx)
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
        let shown: String = text
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .filter(|c| !c.is_control())
            .collect();
        let mut col = usize::try_from(loc.column.max(1) - 1).unwrap_or(0);
        // Long lines are cropped to a window around the column.
        const WIDTH: usize = 100;
        let total = shown.chars().count();
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

/// Collects every diagnostic of one run.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty collector.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a mistake.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
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
pub fn did_you_mean<'a>(
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

/// A "did you mean" hint, or a list of what is allowed when nothing is close.
pub fn suggest(wrong: &str, candidates: &[&str]) -> String {
    match did_you_mean(wrong, candidates.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None if candidates.is_empty() => "none are defined".to_string(),
        None => format!(
            "expected one of {}",
            candidates
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}
