//! Scalar resolution by the YAML 1.2 core schema.
//!
//! Only plain (unquoted, untagged) scalars are resolved: `true`/`false` (in
//! three casings) are booleans, `null`/`~`/nothing is null, decimal, `0o` and
//! `0x` integers are integers, and the core schema's floats are floats.
//! Everything else is a string. Keys are never resolved: they are the
//! scalar's text as written (see [`super::tree`]).

use super::Kind;

/// Resolves a plain scalar's text to its core-schema value.
pub(crate) fn resolve_plain(text: &str) -> Kind {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Kind::Null,
        "true" | "True" | "TRUE" => return Kind::Bool(true),
        "false" | "False" | "FALSE" => return Kind::Bool(false),
        _ => {}
    }
    if let Some(int) = int(text) {
        return int;
    }
    float(text).map_or_else(|| Kind::Str(text.to_string()), Kind::Float)
}

/// An integer of the core schema: `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`.
/// One that does not fit in 128 bits is a float, as JSON would read it.
fn int(text: &str) -> Option<Kind> {
    if let Some(oct) = text.strip_prefix("0o") {
        return radix(oct, 8);
    }
    if let Some(hex) = text.strip_prefix("0x") {
        return radix(hex, 16);
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(match text.parse::<i128>() {
        Ok(v) => Kind::Int(v),
        Err(_) => Kind::Float(text.parse::<f64>().unwrap_or(f64::INFINITY)),
    })
}

fn radix(digits: &str, radix: u32) -> Option<Kind> {
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    Some(match i128::from_str_radix(digits, radix) {
        Ok(v) => Kind::Int(v),
        Err(_) => Kind::Float(f64::INFINITY),
    })
}

/// A float of the core schema:
/// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?\.inf`, `\.nan`.
fn float(text: &str) -> Option<f64> {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let negative = text.starts_with('-');
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") {
        return Some(if negative {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if matches!(text, ".nan" | ".NaN" | ".NAN") {
        return Some(f64::NAN);
    }
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (mantissa, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    // `.5` and `5.` are floats; `.` is not.
    let mantissa_ok = digits(whole)
        && fraction.is_none_or(digits)
        && (!whole.is_empty() || fraction.is_some_and(|f| !f.is_empty()));
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    if !(mantissa_ok && exponent_ok) {
        return None;
    }
    text.parse::<f64>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn booleans_are_only_true_and_false() {
        for t in ["true", "True", "TRUE"] {
            assert_eq!(resolve_plain(t), Kind::Bool(true), "{t}");
        }
        for t in ["false", "False", "FALSE"] {
            assert_eq!(resolve_plain(t), Kind::Bool(false), "{t}");
        }
        // YAML 1.1 booleans are strings in 1.2 (the "Norway problem").
        for t in ["yes", "no", "on", "off", "y", "n", "tRUE"] {
            assert_eq!(resolve_plain(t), Kind::Str(t.into()), "{t}");
        }
    }

    #[test]
    fn nulls() {
        for t in ["", "~", "null", "Null", "NULL"] {
            assert_eq!(resolve_plain(t), Kind::Null, "{t:?}");
        }
        assert_eq!(resolve_plain("nULL"), Kind::Str("nULL".into()));
    }

    #[test]
    fn integers_of_the_core_schema() {
        assert_eq!(resolve_plain("0"), Kind::Int(0));
        assert_eq!(resolve_plain("429"), Kind::Int(429));
        assert_eq!(resolve_plain("-7"), Kind::Int(-7));
        assert_eq!(resolve_plain("+1"), Kind::Int(1));
        assert_eq!(resolve_plain("01000"), Kind::Int(1000));
        assert_eq!(resolve_plain("0x1F"), Kind::Int(31));
        assert_eq!(resolve_plain("0o17"), Kind::Int(15));
        // Not integers in YAML 1.2: 1.1's underscores, binary, sexagesimal.
        for t in ["1_000", "0b101", "1:30", "0x", "0o8", "0B000", "--1", "1 2"] {
            assert!(matches!(resolve_plain(t), Kind::Str(_)), "{t}");
        }
        let big = "99999999999999999999999999999999999999999999";
        assert!(matches!(resolve_plain(big), Kind::Float(_)));
    }

    #[test]
    fn floats_of_the_core_schema() {
        assert_eq!(resolve_plain("1e3"), Kind::Float(1000.0));
        assert_eq!(resolve_plain(".5"), Kind::Float(0.5));
        assert_eq!(resolve_plain("5."), Kind::Float(5.0));
        assert_eq!(resolve_plain("-2.5E-1"), Kind::Float(-0.25));
        assert_eq!(resolve_plain(".inf"), Kind::Float(f64::INFINITY));
        assert_eq!(resolve_plain("-.Inf"), Kind::Float(f64::NEG_INFINITY));
        assert!(matches!(resolve_plain(".NaN"), Kind::Float(f) if f.is_nan()));
        for t in [
            ".", "e3", "1e", "1.2.3", "inf", "nan", "1e+", ". 5", "+.", "0B000",
        ] {
            assert!(matches!(resolve_plain(t), Kind::Str(_)), "{t}");
        }
    }
}
