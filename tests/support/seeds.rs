//! Reads the seed references (markdown) independently of the catalogs, so
//! tests compare the catalogs against the documents they were written from.

#![allow(dead_code)]

use std::path::PathBuf;

/// One code as the seed document states it.
#[derive(Debug, Clone)]
pub struct SeedCode {
    /// The wire code (the `### CODE` heading).
    pub code: String,
    /// `**HTTP Status**: N` under the heading, when the seed states one.
    pub status: Option<u16>,
    /// The section's heading, e.g. `Validation Errors (400, 422)`.
    pub section: String,
    /// The example JSON.
    pub example: serde_json::Value,
    /// The `**Headers:**` block after the example, name and value.
    pub headers: Vec<(String, String)>,
}

/// The repository root.
pub fn repo_root() -> PathBuf {
    let mut dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    while !dir.join("catalog").is_dir() {
        assert!(dir.pop(), "repository root not found");
    }
    dir
}

/// Parses `tests/seeds/<file>`.
pub fn seed(file: &str) -> Vec<SeedCode> {
    let path = repo_root().join("tests/seeds").join(file);
    parse(&std::fs::read_to_string(&path).expect("seed file"))
}

/// Parses a reference written like the seeds.
pub fn parse(text: &str) -> Vec<SeedCode> {
    let mut out = Vec::new();
    let mut section = String::new();
    let mut lines = text.lines();
    let mut current: Option<(String, Option<u16>)> = None;
    while let Some(line) = lines.next() {
        if let Some(h) = line.strip_prefix("## ") {
            section = h.trim().to_string();
            current = None;
        } else if let Some(h) = line.strip_prefix("### ") {
            let name = h.trim();
            let is_code = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
            current = is_code.then(|| (name.to_string(), None));
        } else if let Some(rest) = line.strip_prefix("**HTTP Status**:") {
            if let Some(c) = current.as_mut() {
                c.1 = rest.trim().parse().ok();
            }
        } else if line.trim() == "```http" {
            for l in lines.by_ref() {
                if l.trim() == "```" {
                    break;
                }
                if let (Some(last), Some((name, value))) = (out.last_mut(), l.split_once(':')) {
                    let last: &mut SeedCode = last;
                    last.headers
                        .push((name.trim().to_string(), value.trim().to_string()));
                }
            }
        } else if line.trim() == "```json" {
            let mut body = String::new();
            for l in lines.by_ref() {
                if l.trim() == "```" {
                    break;
                }
                body.push_str(l);
                body.push('\n');
            }
            if let Some((code, status)) = current.take() {
                let example = serde_json::from_str(&body)
                    .unwrap_or_else(|e| panic!("seed example of {code} is not JSON: {e}"));
                out.push(SeedCode {
                    code,
                    status,
                    section: section.clone(),
                    example,
                    headers: Vec::new(),
                });
            }
        }
    }
    out
}

/// The statuses a Hook0 section heading allows: `(400, 422)`, `(5xx)`, or
/// none for the webhook section.
pub fn section_statuses(section: &str) -> Option<Vec<u16>> {
    let inner = section.split_once('(')?.1.split_once(')')?.0;
    if inner == "5xx" {
        return Some((500..=599).collect());
    }
    Some(
        inner
            .split(',')
            .filter_map(|s| s.trim().parse().ok())
            .collect(),
    )
}
