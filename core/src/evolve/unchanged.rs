//! The codes a lock file holds exactly as the catalog would write them
//! now, found by comparing text: the lock check then parses and compares
//! only the rest, so a change to one code of 100,000 costs one code.

use std::collections::{HashMap, HashSet};

/// The `"code":` section of a lock text, as `(name, block)` pairs in
/// order: each block is the code's key line and the lines under it.
/// Only the shape `errcat lock` writes is recognised; a hand-edited
/// section that does not follow it yields fewer blocks, never wrong ones
/// (a block is only ever used when it is byte-identical to one the
/// catalog writes).
fn code_blocks(text: &str) -> (Option<usize>, Vec<(String, &str)>) {
    let mut out = Vec::new();
    let mut header = None;
    let mut in_codes = false;
    // The open block: its name and where it starts.
    let mut open: Option<(String, usize)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let bare = line.trim_end_matches(['\n', '\r']);
        let top = !bare.is_empty() && !bare.starts_with(' ');
        let key = bare
            .strip_prefix("  \"")
            .filter(|_| in_codes)
            .and_then(|_| bare.strip_suffix(':'))
            .and_then(|k| serde_json::from_str::<String>(k.trim_start()).ok());
        if (top || key.is_some())
            && let Some((name, from)) = open.take()
        {
            out.push((name, &text[from..start]));
        }
        if top {
            in_codes = bare == "\"code\":";
            if in_codes && header.is_none() {
                header = Some(start + bare.len());
            }
        } else if let Some(name) = key {
            open = Some((name, start));
        }
    }
    if let Some((name, from)) = open {
        out.push((name, &text[from..]));
    }
    (header, out)
}

/// `lock` with every code block that is byte-identical to the one `now`
/// (the lock text of the catalog) has turned to empty lines, so that
/// lines and columns stay where they are, and the names of those codes.
pub fn blank_unchanged(lock: &str, now: &str) -> (String, HashSet<String>) {
    let written: HashMap<String, &str> = code_blocks(now).1.into_iter().collect();
    let (header, blocks) = code_blocks(lock);
    let all = blocks.len();
    let mut same = HashSet::new();
    let mut out = String::with_capacity(lock.len());
    let mut copied = 0;
    for (name, block) in blocks {
        // The first of two equal keys only: the loader reports the other.
        if written.get(&name) != Some(&block) || same.contains(&name) {
            continue;
        }
        let at = block.as_ptr() as usize - lock.as_ptr() as usize;
        out.push_str(&lock[copied..at]);
        out.extend(std::iter::repeat_n('\n', block.matches('\n').count()));
        copied = at + block.len();
        same.insert(name);
    }
    out.push_str(&lock[copied..]);
    // With every code blanked, the section is an empty map, not a null.
    if let Some(at) = header.filter(|_| all > 0 && same.len() == all) {
        out.insert_str(at, " {}");
    }
    (out, same)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = "# comment\nversion: \"1.0.0\"\n\"code\":\n  \"A\":\n    \"status\": \"400\"\n  \"B\":\n    \"status\": \"401\"\n  \"C\\\"x\":\n    \"status\": \"402\"\n\"type\":\n  \"T\":\n    \"x\": \"y\"\n";

    #[test]
    fn identical_blocks_become_empty_lines() {
        let now = LOCK.replace("\"401\"", "\"500\"");
        let (out, same) = blank_unchanged(LOCK, &now);
        assert_eq!(same.len(), 2, "{same:?}");
        assert!(same.contains("A") && same.contains("C\"x"));
        assert_eq!(out.lines().count(), LOCK.lines().count());
        assert!(out.contains("  \"B\":\n    \"status\": \"401\"\n"), "{out}");
        assert!(!out.contains("\"A\"") && !out.contains("\"402\""), "{out}");
        // Types and the version are never blanked.
        assert!(out.contains("\"type\":\n  \"T\":\n"), "{out}");
        assert!(out.starts_with("# comment\nversion: \"1.0.0\"\n\"code\":\n"));
    }

    #[test]
    fn odd_shapes_are_left_alone() {
        // A code map in flow style, a duplicate key, a key outside `code`.
        let flow = "\"code\": {\"A\": {\"status\": \"400\"}}\n";
        assert!(blank_unchanged(flow, flow).1.is_empty());
        // Every code the same: an empty map, on the same lines.
        let one = "\"code\":\n  \"A\":\n    \"s\": \"1\"\n\"type\": {}\n";
        assert_eq!(
            blank_unchanged(one, one).0,
            "\"code\": {}\n\n\n\"type\": {}\n"
        );
        let dup = "\"code\":\n  \"A\":\n    \"s\": \"1\"\n  \"A\":\n    \"s\": \"1\"\n";
        let (out, same) = blank_unchanged(dup, "\"code\":\n  \"A\":\n    \"s\": \"1\"\n");
        assert_eq!(same.len(), 1);
        assert!(out.ends_with("  \"A\":\n    \"s\": \"1\"\n"), "{out}");
        let other = "\"type\":\n  \"A\":\n    \"s\": \"1\"\n";
        assert!(blank_unchanged(other, other).1.is_empty());
    }
}
