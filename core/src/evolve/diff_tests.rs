//! Tests of `diff`, beside it.
use super::Class::{self, *};
use crate::evolve::{check_lock, diff, lock_text, of_catalog, read_lock};

const BASE: &str = "\
name: t
version: 1.0.0
envelopes:
  http: {error: {code: $code, message: $message, details: $details}}
categories:
  auth: {status: 401}
  limit: {status: 429, retryable: true}
types:
  Plan: {enum: [free, pro]}
codes:
  TOKEN_EXPIRED:
    category: auth
    message: \"Token expired at {expired_at}\"
    description: The token expired.
    details:
      expired_at: timestamp
      hint: string?
      plan: Plan
    headers:
      WWW-Authenticate: Bearer
  RATE_LIMITED:
    category: limit
    message: Slow down
    details:
      kind: {enum: [minute, hour]}
";

fn changes(edited: &str) -> Vec<super::Change> {
    let old = crate::compile_str("old.yaml", BASE.as_bytes()).unwrap();
    let new =
        crate::compile_str("new.yaml", edited.as_bytes()).unwrap_or_else(|d| panic!("{}", d[0]));
    diff(&of_catalog(&old, true), &of_catalog(&new, true))
}

fn edit(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "{from}");
    BASE.replacen(from, to, 1)
}

/// Each edit of the catalog and the classes of the changes it makes.
#[test]
fn edits_are_classified() {
    let table: &[(&str, &str, &str, &[Class])] = &[
        (
            "remove a code",
            "  RATE_LIMITED:\n    category: limit\n    message: Slow down\n    details:\n      kind: {enum: [minute, hour]}\n",
            "",
            &[Breaking],
        ),
        (
            "change a wire code",
            "  TOKEN_EXPIRED:\n",
            "  TOKEN_TIMEOUT:\n",
            &[Breaking, Compatible],
        ),
        (
            "rename, keeping the old code",
            "  TOKEN_EXPIRED:\n",
            "  TOKEN_TIMEOUT:\n    renamed_from: [TOKEN_EXPIRED]\n",
            &[Compatible],
        ),
        (
            "read the request id from another header",
            "version: 1.0.0\n",
            "version: 1.0.0\nrequest_id_header: x-amzn-RequestId\n",
            &[Breaking],
        ),
        (
            "change a status",
            "    category: auth\n",
            "    category: auth\n    status: 403\n",
            &[Breaking],
        ),
        (
            "change a category",
            "    category: auth\n",
            "    category: limit\n",
            &[Breaking, Breaking, Compatible],
        ),
        (
            "remove a detail field",
            "      hint: string?\n",
            "",
            &[Breaking],
        ),
        (
            "change a field's type",
            "      plan: Plan\n",
            "      plan: string\n",
            &[Breaking],
        ),
        (
            "make an optional field required",
            "      hint: string?\n",
            "      hint: string\n",
            &[Breaking],
        ),
        (
            "add a required field",
            "      plan: Plan\n",
            "      plan: Plan\n      org: string\n",
            &[Breaking],
        ),
        (
            "add an optional field",
            "      plan: Plan\n",
            "      plan: Plan\n      org: string?\n",
            &[Compatible],
        ),
        (
            "remove an enum value",
            "enum: [free, pro]",
            "enum: [free]",
            &[Breaking],
        ),
        (
            "add an enum value",
            "enum: [free, pro]",
            "enum: [free, pro, team]",
            &[Compatible],
        ),
        (
            "remove an inline enum value",
            "enum: [minute, hour]",
            "enum: [minute]",
            &[Breaking],
        ),
        (
            "change the envelope",
            "details: $details}}",
            "data: $details}}",
            &[Breaking],
        ),
        (
            "add an alias",
            "    category: limit\n    message: Slow down\n",
            "    category: limit\n    message: Slow down\n    aliases: [SLOW_DOWN]\n",
            &[Compatible],
        ),
        (
            "add a status",
            "    category: limit\n    message: Slow down\n",
            "    category: limit\n    status: [429, 503]\n    message: Slow down\n",
            &[Compatible],
        ),
        (
            "make the envelope a list of errors",
            "{error: {code: $code, message: $message, details: $details}}",
            "{errors: [{code: $code, message: $message, details: $details}]}",
            &[Breaking],
        ),
        (
            "move the code into a selected element",
            "{error: {code: $code, message: $message, details: $details}}",
            "{error: {message: $message, details: [{t: info, reason: $code, metadata: $details}]}}",
            &[Breaking],
        ),
        (
            "remove a header",
            "    headers:\n      WWW-Authenticate: Bearer\n",
            "",
            &[Breaking],
        ),
        (
            "add a header",
            "      WWW-Authenticate: Bearer\n",
            "      WWW-Authenticate: Bearer\n      X-Reason: expired\n",
            &[Compatible],
        ),
        (
            "deprecate a code",
            "    message: Slow down\n",
            "    message: Slow down\n    deprecated: use QUOTA\n",
            &[Compatible],
        ),
        (
            "add a code",
            "codes:\n",
            "codes:\n  NEW_CODE: {category: auth, message: new}\n",
            &[Compatible],
        ),
        (
            "reword a message",
            "message: Slow down",
            "message: Please slow down",
            &[Documentation],
        ),
        (
            "change a description",
            "The token expired.",
            "The token is no longer valid.",
            &[Documentation],
        ),
        (
            "change the content type",
            "name: t\n",
            "name: t\ncontent_type: application/problem+json\n",
            &[Breaking],
        ),
    ];
    for (name, from, to, want) in table {
        let got: Vec<Class> = changes(&edit(from, to)).iter().map(|c| c.class).collect();
        let mut want = want.to_vec();
        want.sort();
        assert_eq!(got, want, "{name}: {:#?}", changes(&edit(from, to)));
    }
    assert!(changes(BASE).is_empty());
    // Type names are not on the wire: a renamed type is no change.
    let renamed = BASE
        .replace("  Plan: {enum", "  Tier: {enum")
        .replace("plan: Plan", "plan: Tier");
    assert!(changes(&renamed).is_empty(), "{:#?}", changes(&renamed));
    // Renamed and changed: not the same type, and the change breaks.
    let retyped = renamed.replace("enum: [free, pro]", "enum: [free]");
    assert!(changes(&retyped).iter().any(|c| c.class == Breaking));
}

#[test]
fn removals_point_into_the_old_file_and_the_rest_into_the_new() {
    let c = changes(&edit(
        "    category: auth\n",
        "    category: auth\n    status: 403\n",
    ));
    assert_eq!(
        (c[0].loc.source.path.as_str(), c[0].loc.line),
        ("new.yaml", 13)
    );
    assert!(
        c[0].to_string()
            .contains("breaking: code `TOKEN_EXPIRED`: status: `401` -> `403`"),
        "{}",
        c[0]
    );
    let c = changes(&edit("      hint: string?\n", ""));
    assert_eq!(
        (c[0].loc.source.path.as_str(), c[0].loc.line),
        ("old.yaml", 17)
    );
}

#[test]
fn the_lock_file_round_trips_and_guards_the_catalog() {
    let old = crate::compile_str("t.yaml", BASE.as_bytes()).unwrap();
    let text = lock_text(&of_catalog(&old, false), "t.yaml");
    let mut cx = crate::diag::Diagnostics::new();
    let locked = read_lock("t.lock.yaml", text.as_bytes(), &mut cx).unwrap();
    assert!(cx.is_empty());
    assert!(diff(&locked, &of_catalog(&old, false)).is_empty(), "{text}");
    // A breaking edit is refused at its line, a compatible one passes.
    let broken = crate::compile_str(
        "t.yaml",
        edit("enum: [free, pro]", "enum: [free]").as_bytes(),
    )
    .unwrap();
    let d = check_lock(&broken, ("t.lock.yaml", text.as_bytes()), "t.yaml");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].message.contains("enum value `pro` removed"),
        "{}",
        d[0].message
    );
    assert!(d[0].hint.as_deref().unwrap().contains("version: 2.0.0"));
    let fine = crate::compile_str(
        "t.yaml",
        edit("enum: [free, pro]", "enum: [free, pro, team]").as_bytes(),
    )
    .unwrap();
    assert!(check_lock(&fine, ("t.lock.yaml", text.as_bytes()), "t.yaml").is_empty());
    // A major bump accepts the break.
    let bumped =
        edit("enum: [free, pro]", "enum: [free]").replace("version: 1.0.0", "version: 2.0.0");
    let bumped = crate::compile_str("t.yaml", bumped.as_bytes()).unwrap();
    assert!(check_lock(&bumped, ("t.lock.yaml", text.as_bytes()), "t.yaml").is_empty());
    // Wire codes that look like numbers stay text in the lock.
    assert!(text.contains("\"TOKEN_EXPIRED\""), "{text}");
    // A hand-edited lock of odd shape is compared, not a panic.
    for odd in [
        "\"type\": \"x\"\n",
        "\"code\": \"x\"\n",
        "\"member\": [\"a\"]\n",
    ] {
        let d = check_lock(&old, ("t.lock.yaml", odd.as_bytes()), "t.yaml");
        assert!(d.iter().all(|d| d.loc.line >= 1), "{d:#?}");
    }
}

#[test]
fn a_malformed_lock_version_is_a_diagnostic_at_its_line() {
    let old = crate::compile_str("t.yaml", BASE.as_bytes()).unwrap();
    let text = lock_text(&of_catalog(&old, false), "t.yaml");
    assert!(text.contains("version: \"1.0.0\""), "{text}");
    let broken = crate::compile_str(
        "t.yaml",
        edit("enum: [free, pro]", "enum: [free]").as_bytes(),
    )
    .unwrap();
    for bad in ["9", "v9.0.0", "99999999999999999999999.0.0", "1.0", "1.0.x"] {
        let odd = text.replace("version: \"1.0.0\"", &format!("version: \"{bad}\""));
        let d = check_lock(&broken, ("t.lock.yaml", odd.as_bytes()), "t.yaml");
        assert_eq!(d.len(), 1, "{bad}: {d:#?}");
        assert!(
            d[0].message
                .contains(&format!("`{bad}` is not MAJOR.MINOR.PATCH")),
            "{}",
            d[0].message
        );
        let line = odd.lines().position(|l| l.starts_with("version:")).unwrap() + 1;
        assert_eq!(d[0].loc.line as usize, line);
        assert!(d[0].hint.as_deref().unwrap().contains("errcat lock t.yaml"));
    }
}

#[test]
fn a_lock_path_that_cannot_be_read_is_a_diagnostic() {
    let dir = std::env::temp_dir().join(format!("errcat-lockdir-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("t.lock.yaml")).unwrap();
    let cat = crate::compile_str("t.yaml", BASE.as_bytes()).unwrap();
    let d = crate::evolve::lock_diagnostics(&cat, &dir.join("t.yaml"), "t.yaml");
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].message
            .starts_with("cannot read the lock file t.lock.yaml"),
        "{}",
        d[0].message
    );
    assert_eq!(d[0].loc.source.path, "t.lock.yaml");
    // No lock at all is no diagnostic.
    let none = crate::evolve::lock_diagnostics(&cat, &dir.join("t.yaml"), "t.yaml");
    assert!(none.is_empty());
}

/// Operations: an error added is a change its clients must handle; an
/// operation removed, or its route changed, is breaking.
#[test]
fn operation_edits_are_classified() {
    let ops = "operations:\n  get_token:\n    method: GET\n    path: /token\n    errors: [TOKEN_EXPIRED]\n";
    let base = format!("{BASE}{ops}");
    let classes = |edited: &str| -> Vec<Class> {
        let old = crate::compile_str("old.yaml", base.as_bytes()).unwrap();
        let new = crate::compile_str("new.yaml", edited.as_bytes())
            .unwrap_or_else(|d| panic!("{}", d[0]));
        diff(&of_catalog(&old, true), &of_catalog(&new, true))
            .into_iter()
            .map(|c| c.class)
            .collect()
    };
    let with = |from: &str, to: &str| base.replacen(from, to, 1);
    assert_eq!(
        classes(&with(
            "errors: [TOKEN_EXPIRED]",
            "errors: [TOKEN_EXPIRED, RATE_LIMITED]"
        )),
        [Compatible]
    );
    assert_eq!(
        classes(&with("errors: [TOKEN_EXPIRED]", "errors: []")),
        [Compatible]
    );
    assert_eq!(classes(&with("path: /token", "path: /tokens")), [Breaking]);
    assert_eq!(classes(&with(ops, "")), [Breaking, Breaking]);
    assert_eq!(
        classes(&format!(
            "{base}  list_tokens: {{method: GET, path: /tokens}}\n"
        )),
        [Compatible, Compatible]
    );
}
