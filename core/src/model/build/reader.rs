//! Reading YAML nodes: mappings with known keys, and scalars of each kind,
//! every mistake a diagnostic at its node.

use crate::diag::{Diagnostic, Diagnostics, suggest};
use crate::load::{Kind, Node};
use crate::model::Spanned;

/// Reads a mapping node, remembering which keys were used so that unknown
/// ones are reported with a suggestion.
pub(super) struct MapReader<'a> {
    entries: &'a [(Node, Node)],
    allowed: &'a [&'a str],
}

impl<'a> MapReader<'a> {
    pub(super) fn new(
        node: &'a Node,
        what: &str,
        allowed: &'a [&'a str],
        cx: &mut Diagnostics,
    ) -> Option<Self> {
        let Kind::Map(entries) = &node.kind else {
            cx.push(
                Diagnostic::new(
                    &node.loc,
                    format!("{what} must be a mapping, found {}", node.kind.describe()),
                )
                .hint(format!(
                    "write it as `key: value` lines; allowed keys: {}",
                    allowed.join(", ")
                )),
            );
            return None;
        };
        for (k, _) in entries {
            let key = k.key_string();
            if !allowed.contains(&key) {
                cx.push(
                    Diagnostic::new(&k.loc, format!("unknown key `{key}` in {what}"))
                        .hint(suggest(key, allowed)),
                );
            }
        }
        Some(MapReader { entries, allowed })
    }

    /// The value of `key`, or, when it is absent, of an unknown key that
    /// was reported as its misspelling: the model recovers the value, as
    /// rustc recovers from a typo, so the one mistake is reported once
    /// (as the unknown key) and not again as a missing key.
    pub(super) fn get_or_misspelt(&self, key: &str) -> Option<&'a Node> {
        self.get(key).or_else(|| {
            self.entries
                .iter()
                .find(|(k, _)| {
                    let k = k.key_string();
                    !self.allowed.contains(&k)
                        && crate::diag::did_you_mean(k, self.allowed.iter().copied()) == Some(key)
                })
                .map(|(_, v)| v)
        })
    }

    pub(super) fn get(&self, key: &str) -> Option<&'a Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(_, v)| v)
    }
}

pub(super) fn entries<'a>(node: &'a Node, what: &str, cx: &mut Diagnostics) -> &'a [(Node, Node)] {
    match &node.kind {
        Kind::Map(entries) => entries,
        Kind::Null => &[],
        other => {
            cx.push(
                Diagnostic::new(
                    &node.loc,
                    format!("{what} must be a mapping, found {}", other.describe()),
                )
                .hint("write one `name:` entry per line"),
            );
            &[]
        }
    }
}

/// A value the catalog wants as text. Any scalar but null gives its text as
/// written: `title: 0x1F` is the title `0x1F`, not `31`.
pub(super) fn string(node: &Node, what: &str, cx: &mut Diagnostics) -> Option<Spanned<String>> {
    let text = match (&node.kind, node.scalar_text()) {
        (Kind::Null, _) => None,
        (_, text) => text,
    };
    if let Some(text) = text {
        return Some(Spanned {
            value: text.to_string(),
            loc: node.loc.clone(),
        });
    }
    let hint = match node.kind {
        Kind::Null => "write the text after the colon, or remove the key",
        _ => "write one string; quote it if it contains `:` or starts with `[` or `{`",
    };
    cx.push(
        Diagnostic::new(
            &node.loc,
            format!("{what} must be a string, found {}", node.kind.describe()),
        )
        .hint(hint),
    );
    None
}

pub(super) fn text(node: Option<&Node>, what: &str, cx: &mut Diagnostics) -> Option<String> {
    node.and_then(|n| string(n, what, cx)).map(|s| s.value)
}

pub(super) fn boolean(node: &Node, what: &str, cx: &mut Diagnostics) -> Option<bool> {
    match &node.kind {
        Kind::Bool(b) => Some(*b),
        other => {
            cx.push(
                Diagnostic::new(
                    &node.loc,
                    format!(
                        "{what} must be `true` or `false`, found {}",
                        other.describe()
                    ),
                )
                .hint("write `true` or `false` without quotes"),
            );
            None
        }
    }
}

pub(super) fn integer(node: &Node, what: &str, cx: &mut Diagnostics) -> Option<Spanned<i128>> {
    match &node.kind {
        Kind::Int(i) => Some(Spanned {
            value: *i,
            loc: node.loc.clone(),
        }),
        other => {
            let hint = match other {
                Kind::Str(s) if s.trim().parse::<i128>().is_ok() => {
                    Some(format!("remove the quotes: `{}`", s.trim()))
                }
                Kind::Float(_) => {
                    Some("the number is not a whole number that fits in 128 bits".to_string())
                }
                _ => None,
            };
            cx.push(
                Diagnostic::new(
                    &node.loc,
                    format!("{what} must be an integer, found {}", other.describe()),
                )
                .maybe_hint(hint),
            );
            None
        }
    }
}

pub(super) fn key(node: &Node, what: &str, cx: &mut Diagnostics) -> Option<Spanned<String>> {
    match &node.kind {
        Kind::Str(_) | Kind::Int(_) => Some(Spanned {
            value: node.key_string().to_string(),
            loc: node.loc.clone(),
        }),
        other => {
            cx.push(Diagnostic::new(
                &node.loc,
                format!("{what} must be a string, found {}", other.describe()),
            ));
            None
        }
    }
}
