//! Classifying the changes between two contracts: what breaks clients
//! built against the old one, what they accept, what only documents.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::contract::{Contract, Fact, Value};
use crate::diag::Loc;
use crate::model::Spanned;
use crate::model::{Piece, pieces};

/// How a change affects clients built against the old catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// Such clients break.
    Breaking,
    /// Such clients keep working.
    Compatible,
    /// Only documentation changed.
    Documentation,
}

impl Class {
    /// `breaking`, `compatible` or `documentation`.
    pub fn name(self) -> &'static str {
        match self {
            Class::Breaking => "breaking",
            Class::Compatible => "compatible",
            Class::Documentation => "documentation",
        }
    }
}

/// One change.
#[derive(Debug, Clone)]
pub struct Change {
    /// Its class.
    pub class: Class,
    /// Where: in the new catalog, or in the old one for removals.
    pub loc: Loc,
    /// What changed: ``code `TOKEN_EXPIRED`: status``.
    pub subject: String,
    /// What and why, in one line.
    pub reason: String,
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}: {}",
            self.loc.source.path,
            self.loc.line,
            self.loc.column,
            self.class.name(),
            self.subject,
            self.reason
        )
    }
}

/// A contract's facts grouped by their first two path segments (a code,
/// a type, a header), each group sorted by path: a lookup per code and a
/// sort of a few facts each, so comparing contracts of n codes is linear.
struct Facts<'a> {
    groups: HashMap<(&'a str, Option<&'a str>), Vec<&'a Fact>>,
}

fn index(c: &Contract) -> Facts<'_> {
    let mut groups: HashMap<_, Vec<&Fact>> = HashMap::new();
    fn key(f: &Fact) -> (&str, Option<&str>) {
        (f.path[0].as_str(), f.path.get(1).map(String::as_str))
    }
    // Contracts and locks write a code's facts together: one lookup per run.
    for run in c.facts.chunk_by(|a, b| key(a) == key(b)) {
        groups.entry(key(&run[0])).or_default().extend(run);
    }
    for g in groups.values_mut() {
        g.sort_by(|a, b| a.path.cmp(&b.path));
    }
    Facts { groups }
}

/// Facts under one prefix, each seen by the rest of its path.
#[derive(Clone, Copy)]
struct Scope<'f, 'a> {
    facts: &'f [&'a Fact],
    skip: usize,
}

impl<'a> Scope<'_, 'a> {
    fn rest(&self, f: &'a Fact) -> &'a [String] {
        &f.path[self.skip..]
    }

    fn get(&self, rest: &[&str]) -> Option<&'a Fact> {
        self.facts.iter().copied().find(|f| {
            let r = self.rest(f);
            r.len() == rest.len() && r.iter().zip(rest).all(|(a, b)| a == b)
        })
    }
}

impl<'a> Facts<'a> {
    /// The names under `kind` (`code`, `type`) that have facts under them.
    fn names(&self, kind: &str) -> BTreeSet<&'a str> {
        self.groups
            .iter()
            .filter(|((k, name), g)| {
                *k == kind && name.is_some() && g.iter().any(|f| f.path.len() > 2)
            })
            .filter_map(|((_, name), _)| *name)
            .collect()
    }

    /// The facts strictly under `kind` `name` (`code` `TOKEN_EXPIRED`).
    fn scope<'s>(&'s self, kind: &'s str, name: &'s str) -> Scope<'s, 's> {
        // Covariance: the keys are looked up at the shorter lifetime.
        let groups: &'s HashMap<(&'s str, Option<&'s str>), Vec<&'s Fact>> = &self.groups;
        let facts = groups
            .get(&(kind, Some(name)))
            .map_or(&[][..], Vec::as_slice);
        // The group's own fact (a path of two) sorts first.
        let start = facts.partition_point(|f| f.path.len() <= 2);
        Scope {
            facts: &facts[start..],
            skip: 2,
        }
    }

    /// Catalog-wide facts: everything not under a code, sorted by path.
    fn global(&self) -> Vec<&'a Fact> {
        let mut out: Vec<&Fact> = self
            .groups
            .iter()
            .filter(|((k, _), _)| *k != "code")
            .flat_map(|(_, g)| g.iter().copied())
            .collect();
        out.sort_by(|a, b| a.path.cmp(&b.path));
        out
    }
}

/// Where a code's key is written.
fn wire_loc(code: Scope<'_, '_>) -> Option<Loc> {
    let wire = code
        .get(&["wire"])
        .or_else(|| code.facts.first().copied())?;
    Some(wire.loc.clone())
}

/// The named types of `old` that `new` has under another name with the
/// same facts: type names are not on the wire, so such a rename is no
/// change at all.
fn renamed_types(old: &Contract, new: &Contract) -> Vec<(String, String)> {
    let (o, n) = (index(old), index(new));
    // A hand-edited lock may hold a bare `type:`; it names no type.
    let (before, after) = (o.names("type"), n.names("type"));
    let shape = |f: &Facts<'_>, t: &str| -> Vec<(Vec<String>, String)> {
        let s = f.scope("type", t);
        s.facts
            .iter()
            .map(|f| (s.rest(f).to_vec(), format!("{:?}", value_text(&f.value))))
            .collect()
    };
    let mut out = Vec::new();
    for t in before.difference(&after) {
        let same = after
            .difference(&before)
            .find(|u| shape(&o, t) == shape(&n, u) && !out.iter().any(|(_, v)| v == *u));
        if let Some(u) = same {
            out.push((t.to_string(), u.to_string()));
        }
    }
    out
}

fn value_text(v: &Value) -> Vec<&str> {
    match v {
        Value::Text(t) => vec![t.as_str()],
        Value::List(items) => items.iter().map(|i| i.value.as_str()).collect(),
    }
}

/// `old` with its renamed types under their new names.
fn with_type_names(old: &Contract, renames: &[(String, String)]) -> Contract {
    let rename = |t: &str| -> String {
        // Type texts are names wrapped in `[`, `{string: `, `}` and `?`.
        let mut out = String::new();
        let mut word = String::new();
        for ch in t.chars().chain(std::iter::once('\0')) {
            if ch.is_alphanumeric() || ch == '_' {
                word.push(ch);
                continue;
            }
            let w = std::mem::take(&mut word);
            out.push_str(
                renames
                    .iter()
                    .find(|(a, _)| *a == w)
                    .map_or(w.as_str(), |(_, b)| b),
            );
            if ch != '\0' {
                out.push(ch);
            }
        }
        out
    };
    let mut c = old.clone();
    for f in &mut c.facts {
        if f.path[0] == "type"
            && let Some(name) = f.path.get_mut(1)
        {
            *name = rename(name);
        }
        let typed = f.path.last().is_some_and(|l| l == "type" || l == "details")
            || f.path.len() == 2 && f.path[0] == "member"
            || f.path.get(2).is_some_and(|p| p == "member");
        if typed && let Value::Text(t) = &mut f.value {
            *t = rename(t);
        }
    }
    c
}

/// Every change from `old` to `new`.
pub fn diff(old: &Contract, new: &Contract) -> Vec<Change> {
    let renames = renamed_types(old, new);
    // Cloned only when a type was renamed.
    let renamed_old;
    let old = if renames.is_empty() {
        old
    } else {
        renamed_old = with_type_names(old, &renames);
        &renamed_old
    };
    let (o, n) = (index(old), index(new));
    let mut out = Vec::new();
    let (go, gn) = (o.global(), n.global());
    let whole = |facts| Scope { facts, skip: 0 };
    compare(whole(&go), whole(&gn), false, "", &mut out);
    let (old_codes, new_codes) = (o.names("code"), n.names("code"));
    // A code that lists an old one in `renamed_from` is its continuation.
    let mut renamed: BTreeMap<&str, (&str, Loc)> = BTreeMap::new();
    for c in &new_codes {
        if let Some(f) = n.scope("code", c).get(&["renamed_from"])
            && let Value::List(items) = &f.value
        {
            for i in items {
                renamed.insert(i.value.as_str(), (c, i.loc.clone()));
            }
        }
    }
    for c in &old_codes {
        let before = o.scope("code", c);
        let (now, subject) = match (new_codes.contains(c), renamed.get(c)) {
            (true, _) => (*c, format!("code `{c}`")),
            (false, Some((to, loc))) => {
                out.push(Change {
                    class: Class::Compatible,
                    loc: loc.clone(),
                    subject: format!("code `{c}`"),
                    reason: format!("renamed to `{to}`; `{c}` is still decoded as `{to}`"),
                });
                (*to, format!("code `{to}` (was `{c}`)"))
            }
            (false, None) => {
                let loc = wire_loc(before).unwrap_or_else(|| old.file.clone());
                out.push(Change {
                    class: Class::Breaking,
                    loc,
                    subject: format!("code `{c}`"),
                    reason: "removed: clients that handle it no longer get it".into(),
                });
                continue;
            }
        };
        // The rename itself is the change reported above.
        let skip_renamed = now != *c && before.get(&["renamed_from"]).is_none();
        compare(
            before,
            n.scope("code", now),
            skip_renamed,
            &subject,
            &mut out,
        );
    }
    let targets: BTreeSet<&str> = renamed.values().map(|(to, _)| *to).collect();
    for c in new_codes.difference(&old_codes) {
        if targets.contains(c) {
            continue;
        }
        let loc = wire_loc(n.scope("code", c)).unwrap_or_else(|| new.file.clone());
        out.push(Change {
            class: Class::Compatible,
            loc,
            subject: format!("code `{c}`"),
            reason: "added: clients keep unknown codes as unknown errors".into(),
        });
    }
    out.sort_by_key(|c| c.class);
    out
}

/// Compares two scopes, both sorted by path, in one merging pass.
/// `skip_renamed` leaves out the new side's `renamed_from`.
fn compare(
    old: Scope<'_, '_>,
    new: Scope<'_, '_>,
    skip_renamed: bool,
    subject: &str,
    out: &mut Vec<Change>,
) {
    let (mut i, mut j) = (0, 0);
    loop {
        let a = old.facts.get(i).copied();
        let b = new.facts.get(j).copied();
        let (a, b) = match (a, b) {
            (None, None) => break,
            (Some(a), Some(b)) => match old.rest(a).cmp(new.rest(b)) {
                std::cmp::Ordering::Less => (Some(a), None),
                std::cmp::Ordering::Greater => (None, Some(b)),
                std::cmp::Ordering::Equal => (Some(a), Some(b)),
            },
            (a, b) => (a, b),
        };
        i += usize::from(a.is_some());
        j += usize::from(b.is_some());
        let path = match (a, b) {
            (Some(a), _) => old.rest(a),
            (None, Some(b)) => new.rest(b),
            (None, None) => break,
        };
        if skip_renamed && a.is_none() && path.len() == 1 && path[0] == "renamed_from" {
            continue;
        }
        change(path, a, b, subject, out);
    }
}

/// The changes of one path, present on either side or both.
fn change(
    path: &[String],
    a: Option<&Fact>,
    b: Option<&Fact>,
    subject: &str,
    out: &mut Vec<Change>,
) {
    // A code's own key: its change is the code's removal or rename.
    if path.len() == 1 && path[0] == "wire" {
        return;
    }
    if let (Some(a), Some(b)) = (a, b)
        && a.value == b.value
    {
        return;
    }
    let what = describe(path);
    let subject = match (subject.is_empty(), what.is_empty()) {
        (true, _) => what,
        (false, true) => subject.to_string(),
        (false, false) => format!("{subject}: {what}"),
    };
    for (class, loc, reason) in classify(path, a, b) {
        out.push(Change {
            class,
            loc,
            subject: subject.clone(),
            reason,
        });
    }
}

/// A path for people: `field `limit``, ``header `retry-after```.
fn describe(path: &[String]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < path.len() {
        match (path[i].as_str(), path.get(i + 1)) {
            (k @ ("field" | "header" | "member" | "type" | "envelope"), Some(name)) => {
                parts.push(format!("{k} `{name}`"));
                i += 2;
            }
            ("type" | "enum", None) if i > 0 => i += 1,
            (k, _) => {
                parts.push(k.replace('_', " "));
                i += 1;
            }
        }
    }
    parts.join(" ")
}

fn text(f: Option<&Fact>) -> Option<&str> {
    match &f?.value {
        Value::Text(t) => Some(t),
        Value::List(_) => None,
    }
}

/// The class, place and reason of one changed fact.
fn classify(path: &[String], a: Option<&Fact>, b: Option<&Fact>) -> Vec<(Class, Loc, String)> {
    let at = b.or(a).map(|f| f.loc.clone());
    let Some(at) = at else {
        return Vec::new();
    };
    let last = path.last().map_or("", String::as_str);
    let (x, y) = (text(a), text(b));
    let one = |class, reason: String| vec![(class, at.clone(), reason)];
    if let (Some(Value::List(_)), _) | (_, Some(Value::List(_))) =
        (a.map(|f| &f.value), b.map(|f| &f.value))
    {
        return sets(path, a, b);
    }
    use Class::*;
    match (last, x, y) {
        ("message", Some(x), Some(y)) => {
            if placeholders(x) == placeholders(y) {
                one(Documentation, "message reworded, same placeholders".into())
            } else {
                one(
                    Compatible,
                    "message placeholders changed (clients should not parse messages)".into(),
                )
            }
        }
        ("message" | "description" | "resolution", _, _) => {
            one(Documentation, format!("{} changed", last))
        }
        ("retryable", _, _) => one(
            Compatible,
            format!("retry advice {} -> {}", x.unwrap_or("-"), y.unwrap_or("-")),
        ),
        ("deprecated", None, Some(_)) => one(Compatible, "deprecated".into()),
        ("route", None, Some(r)) => one(Compatible, format!("route `{r}` given")),
        ("route", Some(r), None) => one(Breaking, format!("route `{r}` removed: clients call it")),
        ("route", Some(x), Some(y)) => one(
            Breaking,
            format!("route `{x}` -> `{y}`: clients call the old one"),
        ),
        ("body", None, Some(_)) => one(
            Breaking,
            "no longer sends a body: clients that read it find the code in a header only".into(),
        ),
        ("body", Some(_), None) => one(Compatible, "sends a body again".into()),
        ("deprecated", _, _) => one(Compatible, "no longer deprecated".into()),
        (_, Some(x), None) if path.first().is_some_and(|p| p == "header") => one(
            Breaking,
            format!("header removed (was `{x}`): clients that read it lose it"),
        ),
        (_, None, Some(_)) if path.first().is_some_and(|p| p == "header") => {
            one(Compatible, "header added".into())
        }
        (_, Some(x), Some(y)) if path.first().is_some_and(|p| p == "header") => {
            one(Compatible, format!("header value `{x}` -> `{y}`"))
        }
        ("type", x, y) => field(x, y, &at),
        (_, x, y) if path.first().is_some_and(|p| p == "member") && path.len() == 2 => {
            field(x, y, &at)
        }
        (_, None, Some(y)) if path.first().is_some_and(|p| p == "envelope") => {
            one(Compatible, format!("channel added: `{y}`"))
        }
        (_, None, Some(y)) if path.first().is_some_and(|p| p == "member") => {
            one(Compatible, format!("member added, type `{y}`"))
        }
        (_, x, y) => {
            let why = match (path.first().map(String::as_str), last) {
                (_, "status") => "clients branch on the status",
                (_, "channel") => "clients look for it in another envelope",
                (_, "category") => "clients classify errors by category",
                (_, "details") => "clients decode the details in the old form",
                (Some("envelope"), _) => "clients parse the old envelope",
                (_, "content_type") => "clients check the media type",
                (_, "code_type") => "clients read codes of the old JSON type",
                (_, "request_id_header") => "clients read the request id from the old header",
                _ => "clients built against the old value break",
            };
            one(
                Breaking,
                format!(
                    "{} -> {}: {why}",
                    x.map_or("(none)".to_string(), |x| format!("`{x}`")),
                    y.map_or("(none)".to_string(), |y| format!("`{y}`"))
                ),
            )
        }
    }
}

/// A field's (or value member's) type changed, appeared or went.
fn field(x: Option<&str>, y: Option<&str>, at: &Loc) -> Vec<(Class, Loc, String)> {
    use Class::*;
    let (class, reason) = match (x, y) {
        (Some(x), None) => (
            Breaking,
            format!("removed (was `{x}`): clients that read it lose it"),
        ),
        (None, Some(y)) if y.ends_with('?') => {
            (Compatible, format!("optional field added (`{y}`)"))
        }
        (None, Some(y)) => (
            Breaking,
            format!("required field added (`{y}`): clients that send or mock it lack it"),
        ),
        (Some(x), Some(y)) if format!("{y}?") == x => {
            (Breaking, format!("made required (`{x}` -> `{y}`)"))
        }
        (Some(x), Some(y)) if format!("{x}?") == y => (
            Breaking,
            format!("made optional (`{x}` -> `{y}`): clients that rely on it may get nothing"),
        ),
        (Some(x), Some(y)) => (Breaking, format!("type `{x}` -> `{y}`")),
        (None, None) => return Vec::new(),
    };
    vec![(class, at.clone(), reason)]
}

/// Sets: enum values and former codes.
fn sets(path: &[String], a: Option<&Fact>, b: Option<&Fact>) -> Vec<(Class, Loc, String)> {
    let items = |f: Option<&Fact>| match f.map(|f| &f.value) {
        Some(Value::List(items)) => items.clone(),
        _ => Vec::new(),
    };
    let (before, after) = (items(a), items(b));
    let kind = path.last().map_or("", String::as_str);
    let former = matches!(kind, "renamed_from" | "aliases");
    if path.first().is_some_and(|p| p == "operation") {
        return operation_errors(&before, &after, a, b);
    }
    let mut out = Vec::new();
    // Sets, not scans: a hand-edited lock may list many values.
    let names = |items: &[Spanned<String>]| -> BTreeSet<String> {
        items.iter().map(|i| i.value.clone()).collect()
    };
    let (had, has) = (names(&before), names(&after));
    for v in before.iter().filter(|v| !has.contains(&v.value)) {
        // A status the code no longer answers with: clients only stop
        // seeing it.
        if kind == "also_status" {
            let reason = format!("no longer answered with status {}", v.value);
            out.push((
                Class::Compatible,
                b.map_or(&v.loc, |f| &f.loc).clone(),
                reason,
            ));
            continue;
        }
        let reason = if former {
            format!("`{}` no longer decoded as this code", v.value)
        } else {
            format!(
                "enum value `{}` removed: clients that send or expect it break",
                v.value
            )
        };
        // Where the set is now, if it still is; else where the value was.
        let loc = b.map_or(&v.loc, |f| &f.loc).clone();
        out.push((Class::Breaking, loc, reason));
    }
    for v in after.iter().filter(|v| !had.contains(&v.value)) {
        let reason = if kind == "also_status" {
            format!(
                "also answered with status {} (clients that branch on statuses see a new one)",
                v.value
            )
        } else if former {
            format!("`{}` decoded as this code", v.value)
        } else {
            format!(
                "enum value `{}` added (clients that match the enum exhaustively need a new arm)",
                v.value
            )
        };
        out.push((Class::Compatible, v.loc.clone(), reason));
    }
    out
}

/// An operation's errors: one added is a change its clients must handle,
/// one removed they no longer see.
fn operation_errors(
    before: &[Spanned<String>],
    after: &[Spanned<String>],
    a: Option<&Fact>,
    b: Option<&Fact>,
) -> Vec<(Class, Loc, String)> {
    match (a, b) {
        (None, Some(f)) => {
            return vec![(Class::Compatible, f.loc.clone(), "operation added".into())];
        }
        (Some(f), None) => {
            let why = "operation removed: clients that call it break".to_string();
            return vec![(Class::Breaking, f.loc.clone(), why)];
        }
        _ => {}
    }
    let mut out = Vec::new();
    for v in after
        .iter()
        .filter(|v| !before.iter().any(|x| x.value == v.value))
    {
        let reason = format!("new error `{}`: its clients must handle it", v.value);
        out.push((Class::Compatible, v.loc.clone(), reason));
    }
    for v in before
        .iter()
        .filter(|v| !after.iter().any(|x| x.value == v.value))
    {
        let reason = format!("no longer answers `{}`", v.value);
        out.push((
            Class::Compatible,
            b.map_or(&v.loc, |f| &f.loc).clone(),
            reason,
        ));
    }
    out
}

fn placeholders(text: &str) -> Vec<String> {
    let mut names: Vec<String> = pieces(text)
        .map(|p| {
            p.into_iter()
                .filter_map(|p| match p {
                    Piece::Field { name, .. } => Some(name),
                    Piece::Text(_) => None,
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[cfg(test)]
#[path = "diff_tests.rs"]
mod tests;
