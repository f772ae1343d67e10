//! Rust names derived from wire codes and field names.

/// Rust keywords that cannot be used as plain identifiers.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Keywords that not even a raw identifier (`r#...`) can spell.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super", "_"];

/// Splits a wire code into words: at `_`, `-`, `.`, spaces and other
/// punctuation, at lower-to-upper case changes (`tokenExpired`) and at the
/// end of an acronym (`HTTPError` -> `HTTP`, `Error`).
pub(crate) fn words(code: &str) -> Vec<&str> {
    let mut words = Vec::new();
    for part in code.split(|c: char| !c.is_alphanumeric()) {
        let mut start = 0;
        let mut prev: Option<char> = None;
        let mut chars = part.char_indices().peekable();
        while let Some((i, cur)) = chars.next() {
            if let Some(prev) = prev {
                let next_lower = chars.peek().is_some_and(|(_, c)| c.is_lowercase());
                let boundary = (prev.is_lowercase() && cur.is_uppercase())
                    || (prev.is_uppercase() && cur.is_uppercase() && next_lower);
                if boundary {
                    words.push(&part[start..i]);
                    start = i;
                }
            }
            prev = Some(cur);
        }
        if start < part.len() {
            words.push(&part[start..]);
        }
    }
    words
}

/// `TOKEN_EXPIRED` -> `TokenExpired`. `None` when the result would not be an
/// identifier (empty, or starting with a digit).
pub(crate) fn upper_camel(code: &str) -> Option<String> {
    let mut out = String::with_capacity(code.len());
    for word in words(code) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            push_lowercase(&mut out, chars.as_str());
        }
    }
    is_plain_ident(&out).then_some(out)
}

/// The Rust name a catalog's `rust_name_prefix` gives a code: the prefix
/// and the code's ASCII letters and digits as written (`Sqlstate` +
/// `42P01` -> `Sqlstate42P01`); `None` when that is no identifier.
pub(crate) fn prefixed(prefix: &str, code: &str) -> Option<String> {
    let mut out = prefix.to_string();
    out.extend(code.chars().filter(char::is_ascii_alphanumeric));
    (out.len() > prefix.len() && is_plain_ident(&out)).then_some(out)
}

/// `TokenExpired` -> `token_expired`.
pub(crate) fn snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, word) in words(name).into_iter().enumerate() {
        if i > 0 {
            out.push('_');
        }
        push_lowercase(&mut out, word);
    }
    out
}

/// Appends `word` in lower case; ASCII (nearly every code) without the
/// Unicode tables.
fn push_lowercase(out: &mut String, word: &str) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Whether `s` is an ASCII identifier that is not a keyword.
pub(crate) fn is_plain_ident(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && s != "_"
        && !KEYWORDS.contains(&s)
}

/// Whether `s` can name a field: a plain identifier, or a keyword that a
/// raw identifier can spell (`type` becomes `r#type`).
pub(crate) fn is_field_ident(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !NOT_RAW.contains(&s)
}

/// Whether `s`, when a keyword, can be written as a raw identifier
/// (`r#type`); `self`, `Self`, `super`, `crate` and `_` cannot.
pub(crate) fn can_be_raw(s: &str) -> bool {
    !NOT_RAW.contains(&s)
}

/// Whether `s` is a keyword (and needs `r#` as a field name).
pub(crate) fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

/// A valid-identifier suggestion for a code that has none.
pub(crate) fn suggest_rust_name(code: &str) -> String {
    let camel: String = words(code)
        .iter()
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| {
                    f.to_uppercase()
                        .chain(c.flat_map(char::to_lowercase))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .concat();
    if camel.is_empty() {
        "Code".to_string()
    } else if camel.starts_with(|c: char| c.is_ascii_digit()) {
        format!("E{camel}")
    } else {
        camel
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    }
}

/// Inherent functions the generated error enum defines; a constructor may not
/// take one of these names.
pub(crate) const RESERVED_CTORS: &[&str] = &[
    "code",
    "status",
    "category",
    "channel",
    "is_retryable",
    "headers",
    "envelope",
    "from_envelope",
    "caused_by",
    "with_message",
    "with_status",
    "to_response",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn naming_styles() {
        assert_eq!(
            upper_camel("TOKEN_EXPIRED").as_deref(),
            Some("TokenExpired")
        );
        assert_eq!(
            upper_camel("token_expired").as_deref(),
            Some("TokenExpired")
        );
        assert_eq!(upper_camel("TokenExpired").as_deref(), Some("TokenExpired"));
        assert_eq!(upper_camel("tokenExpired").as_deref(), Some("TokenExpired"));
        assert_eq!(upper_camel("HTTPError").as_deref(), Some("HttpError"));
        assert_eq!(
            upper_camel("auth.token-expired").as_deref(),
            Some("AuthTokenExpired")
        );
        assert_eq!(
            upper_camel("WS_AUTH_REQUIRED").as_deref(),
            Some("WsAuthRequired")
        );
        assert_eq!(upper_camel("E1001").as_deref(), Some("E1001"));
        assert_eq!(upper_camel("23505"), None);
        assert_eq!(upper_camel("42P01"), None);
        assert_eq!(upper_camel("!!"), None);
    }

    #[test]
    fn snake_case() {
        assert_eq!(snake("TokenExpired"), "token_expired");
        assert_eq!(snake("E42p01"), "e42p01");
    }

    #[test]
    fn suggestions_are_identifiers() {
        assert_eq!(suggest_rust_name("42P01"), "E42p01");
        assert!(is_plain_ident(&suggest_rust_name("23505")));
        assert!(is_plain_ident(&suggest_rust_name("!!")));
    }

    #[test]
    fn field_identifiers() {
        assert!(is_field_ident("type"));
        assert!(is_keyword("type"));
        assert!(!is_field_ident("self"));
        assert!(!is_field_ident("max-size"));
        assert!(is_field_ident("max_size"));
    }
}
