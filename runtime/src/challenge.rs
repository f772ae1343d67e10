//! Errors without a body, whose code travels in a challenge header (RFC
//! 6750's `WWW-Authenticate: Bearer realm="api", error="invalid_token",
//! error_description="The access token expired"`): reading its
//! parameters (RFC 9110 section 11.2).

/// Where the catalog's body-less errors carry their code (`header_errors:`).
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderErrors {
    /// The header, lowercase.
    pub header: &'static str,
    /// The parameter holding the code.
    pub code: &'static str,
    /// The parameter holding the message.
    pub message: Option<&'static str>,
}

/// The auth-params of a challenge (`scheme name=value, name="quoted"`):
/// names lowercased, quoted-strings unescaped. A malformed rest is left
/// out, never a panic.
pub(crate) fn params(value: &str) -> Vec<(String, String)> {
    let mut rest = value.trim_start();
    // The scheme, when the value starts with a token and a space.
    if let Some(end) = rest.find(|c: char| !is_tchar(c))
        && rest[end..].starts_with(' ')
        && !rest[..end].is_empty()
    {
        rest = &rest[end..];
    }
    let mut out = Vec::new();
    loop {
        rest = rest.trim_start_matches([' ', '\t', ',']);
        let end = rest.find(|c: char| !is_tchar(c)).unwrap_or(rest.len());
        if end == 0 {
            return out;
        }
        let name = rest[..end].to_ascii_lowercase();
        rest = rest[end..].trim_start_matches([' ', '\t']);
        let Some(after) = rest.strip_prefix('=') else {
            return out;
        };
        rest = after.trim_start_matches([' ', '\t']);
        let (value, tail) = match rest.strip_prefix('"') {
            Some(quoted) => match unquote(quoted) {
                Some(parsed) => parsed,
                None => return out,
            },
            None => {
                let end = rest.find(|c: char| !is_tchar(c)).unwrap_or(rest.len());
                (rest[..end].to_string(), &rest[end..])
            }
        };
        out.push((name, value));
        rest = tail;
    }
}

/// The rest of a quoted-string after its opening `"`: its text and what
/// follows the closing `"`; `None` when it is not closed.
fn unquote(s: &str) -> Option<(String, &str)> {
    let mut text = String::new();
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((text, &s[i + 1..])),
            '\\' => text.push(chars.next()?.1),
            c => text.push(c),
        }
    }
    None
}

/// A token character (RFC 9110 section 5.6.2).
fn is_tchar(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

#[cfg(test)]
mod tests {
    use super::params;

    fn p(v: &str) -> Vec<(String, String)> {
        params(v)
    }

    fn pair(n: &str, v: &str) -> (String, String) {
        (n.to_string(), v.to_string())
    }

    #[test]
    fn rfc_6750_challenges() {
        assert_eq!(
            p(
                r#"Bearer realm="example", error="invalid_token", error_description="The access token expired""#
            ),
            [
                pair("realm", "example"),
                pair("error", "invalid_token"),
                pair("error_description", "The access token expired"),
            ]
        );
        assert_eq!(p(r#"Bearer realm="example""#), [pair("realm", "example")]);
        assert_eq!(
            p(r#"DPoP algs="ES256 PS256", error=use_dpop_nonce"#),
            [pair("algs", "ES256 PS256"), pair("error", "use_dpop_nonce")]
        );
    }

    #[test]
    fn escapes_and_spacing() {
        assert_eq!(
            p(r#"Bearer   error = "a\"b\\c" ,, Scope="x""#),
            [pair("error", r#"a"b\c"#), pair("scope", "x")]
        );
    }

    #[test]
    fn malformed_values_stop_without_panicking() {
        for v in [
            "",
            "Bearer",
            "Bearer ",
            "Bearer error",
            "Bearer error=\"open",
            "=x",
            "Bearer \"x\"",
            "é=1",
            "Bearer e=\"\\",
        ] {
            let _ = p(v);
        }
        assert_eq!(p("Bearer error=\"open"), []);
        assert_eq!(p("Bearer a=1, b"), [pair("a", "1")]);
    }
}
