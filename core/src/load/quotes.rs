//! Where a quote was left open. A quoted YAML string may run over several
//! lines, so a missing closing quote swallows the lines after it until the
//! next quote, and the parser stumbles there, far from the mistake. When
//! loading fails, the text is read again for that string, as a person
//! would: quoted strings that start a value (after `: `, `- `, `[`, `{`,
//! `,`, or at the start of a line), comments skipped outside them.

/// A quoted string that ran over several lines and closed before the
/// line a syntax error was found on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Swallowing {
    /// Its opening quote: line (1-based) and column (1-based, characters).
    pub line: usize,
    pub column: usize,
    /// The line its closing quote is on.
    pub end_line: usize,
}

/// The last quoted string closed before `error_line` (or on it), when it
/// ran over several lines: no string closed between it and the error.
pub(crate) fn swallowing(text: &str, error_line: usize) -> Option<Swallowing> {
    let mut found = None;
    // The open string: its quote, where it opened.
    let mut open: Option<(char, usize, usize)> = None;
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        if number > error_line {
            break;
        }
        let chars: Vec<char> = line.chars().collect();
        let mut at = 0;
        // Whether a quote here would start a value.
        let mut value_start = true;
        while at < chars.len() {
            let c = chars[at];
            if let Some((quote, from, column)) = open {
                match (c, chars.get(at + 1)) {
                    ('\\', _) if quote == '"' => at += 1,
                    ('\'', Some('\'')) if quote == '\'' => at += 1,
                    _ if c == quote => {
                        // The culprit is the last string before the error.
                        found = (number > from).then_some(Swallowing {
                            line: from,
                            column,
                            end_line: number,
                        });
                        open = None;
                        value_start = false;
                    }
                    _ => {}
                }
                at += 1;
                continue;
            }
            match c {
                '#' if at == 0 || chars[at - 1].is_whitespace() => break,
                '"' | '\'' if value_start => open = Some((c, number, at + 1)),
                ' ' | '\t' => {}
                ':' | '-' | '[' | '{' | ',' | '?' => value_start = true,
                _ => value_start = false,
            }
            at += 1;
        }
    }
    found.filter(|f| f.line < error_line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_string_that_swallowed_the_lines_is_found() {
        let text = "a: 1\nbogus: \"never closed\nb: 2\n# it's a \"comment\"\nc: \"x\"\n";
        // The string opened on line 2 closes at line 4's first quote, and
        // the error shows on line 4 (where the next one opens).
        assert_eq!(
            swallowing(text, 4),
            Some(Swallowing {
                line: 2,
                column: 8,
                end_line: 4
            })
        );
    }

    #[test]
    fn one_line_strings_comments_and_apostrophes_are_not_it() {
        let text =
            "a: \"one\" # a \"quoted\" comment\nb: it's plain\nc: 'it''s'\nd: [\"x\", 'y']\n";
        assert_eq!(swallowing(text, 4), None);
        // A string that runs over lines is it only when no other string
        // closed between it and the error.
        let text = "a: \"two\n  lines\"\nb: 1\nc: \"x\"\nd: 2\n";
        assert_eq!(swallowing(text, 3).map(|s| s.line), Some(1));
        assert_eq!(swallowing(text, 5), None);
    }
}
