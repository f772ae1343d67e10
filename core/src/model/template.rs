//! The template lexer: a message or header text as literal text and
//! `{field}` placeholders.

/// A piece of a message or header template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Literal text (`{{` and `}}` already unescaped).
    Text(String),
    /// `{field}` or `{field:format}`.
    Field {
        /// The field name.
        name: String,
        /// The format after `:`, e.g. `unix`.
        format: Option<String>,
    },
}

/// Splits `text` into literal text and `{field}` placeholders. `{{` and `}}`
/// are literal braces. The error is a message and a hint.
pub(crate) fn pieces(text: &str) -> Result<Vec<Piece>, (String, String)> {
    let mut out = Vec::new();
    let mut lit = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match c {
            '{' if chars.peek().map(|p| p.1) == Some('{') => {
                chars.next();
                lit.push('{');
            }
            '}' if chars.peek().map(|p| p.1) == Some('}') => {
                chars.next();
                lit.push('}');
            }
            '{' => {
                let mut inner = String::new();
                let mut closed = false;
                for (_, c) in chars.by_ref() {
                    if c == '}' {
                        closed = true;
                        break;
                    }
                    inner.push(c);
                }
                if !closed {
                    return Err((
                        format!("unclosed `{{` in `{text}`"),
                        "close the placeholder with `}`, or write `{{` for a literal brace".into(),
                    ));
                }
                let (name, format) = match inner.split_once(':') {
                    Some((n, f)) => (n.trim().to_string(), Some(f.trim().to_string())),
                    None => (inner.trim().to_string(), None),
                };
                if name.is_empty() {
                    return Err((
                        format!("empty placeholder `{{}}` in `{text}`"),
                        "name a detail field: `{field}`".into(),
                    ));
                }
                if !lit.is_empty() {
                    out.push(Piece::Text(std::mem::take(&mut lit)));
                }
                out.push(Piece::Field { name, format });
            }
            '}' => {
                return Err((
                    format!("unmatched `}}` in `{text}`"),
                    "write `}}` for a literal brace".into(),
                ));
            }
            c => lit.push(c),
        }
    }
    if !lit.is_empty() {
        out.push(Piece::Text(lit));
    }
    Ok(out)
}

#[cfg(test)]
mod piece_tests {
    use super::*;

    #[test]
    fn placeholders_and_escapes() {
        assert_eq!(
            pieces("a {x} {{b}} {t:unix}").unwrap(),
            vec![
                Piece::Text("a ".into()),
                Piece::Field {
                    name: "x".into(),
                    format: None
                },
                Piece::Text(" {b} ".into()),
                Piece::Field {
                    name: "t".into(),
                    format: Some("unix".into())
                },
            ]
        );
        assert!(pieces("a {x").is_err());
        assert!(pieces("a }").is_err());
        assert!(pieces("a {}").is_err());
    }
}
