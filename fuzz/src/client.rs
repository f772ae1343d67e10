//! The client side under a hostile server: seeded mutations of real error
//! bodies (every code's example of the seed catalogs and of a catalog with
//! sensitive fields) and of their headers, into `Failure::from_parts` and
//! the retry decision.
//!
//! The oracle: nothing panics; every `Retry` decision waits at most the
//! maximum it was given; `Display` stays short; and a value planted under
//! a sensitive name (`pin`, `secret_ref`, ...) never appears in `Display`
//! or `Debug` of a failure that is not a known error (raw JSON and broken
//! bodies are redacted by name; a known error by its typed fields).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::Duration;

use errcat::http::{HeaderMap, HeaderValue, StatusCode};
use errcat::{Decision, Failure};

/// Hexabase: prefixes, retry advice from a detail and from an action, a
/// WebSocket channel, a sensitive field.
#[errcat::catalog("../catalog/hexabase.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum Hexabase {}

/// Sensitive fields of every kind and a sensitive member.
#[errcat::catalog("../tests/catalogs/sensitive.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum Vault {}

/// A list of errors per response (JSON:API).
#[errcat::catalog("../tests/catalogs/jsonapi.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum JsonApi {}

/// The code inside the array element a literal selects (AIP-193).
#[errcat::catalog("../tests/catalogs/aip193.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum Google {}

/// Body-less errors read from a challenge header (RFC 6750).
#[errcat::catalog("../tests/catalogs/oauth.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum OAuth {}

/// Errors on a success status (`ok: false`).
#[errcat::catalog("../tests/catalogs/slack.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum Slack {}

/// Challenges, well-formed and broken, to cut and mutate.
const CHALLENGES: &[&str] = &[
    r#"Bearer realm="example", error="invalid_token", error_description="The access token expired""#,
    r#"Bearer error="insufficient_scope", scope="read write""#,
    r#"Bearer error="new_code""#,
    r#"DPoP algs="ES256", error=use_dpop_nonce"#,
    r#"Bearer realm="x", error="a"b\", error_description=""#,
    "Bearer",
    "",
];

/// What a planted secret starts with, followed by the name it is planted
/// under.
const SECRET: &str = "SECRET-";

/// Names a secret is planted under: the sensitive names of both catalogs.
const SENSITIVE: &[&str] = &["pin", "tier", "number", "secret_ref", "session_token"];

/// Numbers a server may send where a wait or a count is expected.
const NUMBERS: &[&str] = &[
    "1e300",
    "-1e300",
    "2e19",
    "18446744073709551615",
    "18446744073709551616",
    "4294967295",
    "-1",
    "0",
    "0.000001",
    "1.7976931348623157e308",
    "5e-324",
    "3600",
    "3601",
    "99999999999999999999999999999999",
];

/// `Retry-After` values.
const RETRY_AFTER: &[&[u8]] = &[
    b"18446744073709551615",
    b"99999999999999999999999",
    b"-5",
    b"1.5",
    b"",
    b"Wed, 21 Oct 2015 07:28:00 GMT",
    b"Fri, 31 Dec 9999 23:59:59 GMT",
    b"Thu, 01 Jan 1970 00:00:00 GMT",
    b"caf\xc3\xa9",
    b"\xff\xfe",
    b"7",
];

/// One finding: what broke, and the input.
#[derive(Debug)]
pub struct Finding {
    /// What the oracle saw.
    pub what: String,
    /// The status, headers and body.
    pub input: String,
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Report {
    /// Inputs run.
    pub executions: u64,
    /// Inputs that decoded to a known error.
    pub known: u64,
    /// Inputs whose decisions were to wait too long.
    pub too_long: u64,
    /// What broke.
    pub findings: Vec<Finding>,
}

/// Every code's example body of `catalog` (a path from the repository's
/// root), compact.
pub fn example_bodies(root: &Path, catalog: &str) -> Vec<String> {
    let Ok(c) = errcat_core::compile_file(&root.join(catalog), catalog) else {
        return Vec::new();
    };
    c.codes
        .iter()
        .map(|code| {
            errcat_core::render::example(&c, code)
                .to_value()
                .to_string()
        })
        .collect()
}

/// Runs `executions` mutated responses from `bodies`, from `seed`.
pub fn run(bodies: &[String], seed: u64, executions: u64) -> Report {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut report = Report::default();
    for _ in 0..executions {
        let body = &bodies[rng.usize(..bodies.len())];
        let body = mutate_body(&mut rng, body);
        let status = StatusCode::from_u16(
            rng.choice([200, 400, 401, 404, 429, 500, 503, 599])
                .unwrap_or(500),
        )
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut headers = HeaderMap::new();
        if rng.bool() {
            let v = RETRY_AFTER[rng.usize(..RETRY_AFTER.len())];
            if let Ok(v) = HeaderValue::from_bytes(v) {
                headers.insert("retry-after", v);
            }
        }
        if rng.u8(..4) == 0 {
            headers.insert(
                "x-request-id",
                HeaderValue::from_bytes(b"r\xc3\xa9q").unwrap_or(HeaderValue::from_static("r")),
            );
        }
        if rng.u8(..3) == 0 {
            let c = CHALLENGES[rng.usize(..CHALLENGES.len())];
            let cut = floor_char(c, rng.usize(..=c.len()));
            let c = if rng.bool() { &c[..cut] } else { c };
            if let Ok(v) = HeaderValue::from_str(c) {
                headers.insert("www-authenticate", v);
            }
        }
        report.executions += 1;
        let max = Duration::from_secs(rng.u64(1..10_000));
        let result = catch_unwind(AssertUnwindSafe(|| {
            let mut out = Vec::new();
            out.extend(check::<Hexabase>(status, &headers, &body, max, &mut report));
            out.extend(check::<Vault>(status, &headers, &body, max, &mut report));
            out.extend(check::<JsonApi>(status, &headers, &body, max, &mut report));
            out.extend(check::<Google>(status, &headers, &body, max, &mut report));
            out.extend(check::<OAuth>(status, &headers, &body, max, &mut report));
            out.extend(check::<Slack>(status, &headers, &body, max, &mut report));
            let _ = Failure::<Slack>::from_success(status, &headers, &body);
            out
        }));
        let problems = match result {
            Ok(problems) => problems,
            Err(payload) => vec![format!("panic: {}", panic_text(&*payload))],
        };
        for what in problems {
            report.findings.push(Finding {
                what,
                input: format!("{status} {headers:?}\n{}", String::from_utf8_lossy(&body)),
            });
        }
    }
    report
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// The oracle for one catalog; what it finds wrong.
fn check<E: errcat::CatalogError + PartialEq>(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
    max: Duration,
    report: &mut Report,
) -> Vec<String> {
    let mut problems = Vec::new();
    let failure = Failure::<E>::from_parts(status, headers, body);
    if matches!(failure.kind, errcat::FailureKind::Known(_)) {
        report.known += 1;
    }
    problems.extend(symmetric(&failure));
    let now: errcat::Timestamp = "2024-01-15T10:30:00Z".parse().unwrap_or_default();
    for attempt in [0, 1, 2, 99, u32::MAX] {
        let decisions = [
            failure.decide(attempt, now),
            failure.decide_within(attempt, now, max),
        ];
        for (decision, limit) in decisions.into_iter().zip([errcat::DEFAULT_MAX_WAIT, max]) {
            match decision {
                Decision::Retry(d) if d > limit => {
                    problems.push(format!("waits {d:?}, over the {limit:?} maximum"));
                }
                Decision::WaitTooLong(_) => report.too_long += 1,
                _ => {}
            }
        }
    }
    let _ = (
        failure.code(),
        failure.category(),
        failure.advice(),
        failure.is_retryable(),
    );
    let shown = failure.to_string();
    if shown.len() > 1024 {
        problems.push(format!("Display is {} bytes", shown.len()));
    }
    let debug = format!("{failure:?}");
    // Secrets planted under a name this catalog marks sensitive. A known
    // error is redacted by its typed fields (tests/tests/client_hostile.rs),
    // so there a name planted as a map key is data; raw JSON and broken
    // bodies are redacted by name, wherever it stands.
    if matches!(failure.kind, errcat::FailureKind::Known(_)) {
        return problems;
    }
    let text = String::from_utf8_lossy(body);
    for name in <E::Code as errcat::CatalogCode>::SENSITIVE {
        let secret = format!("{SECRET}{name}-");
        // Every copy still under its name: a garbled key names nothing
        // sensitive, and its copy may be printed.
        let copies = text.matches(&secret).count();
        let under: usize = ["\"", "{\"deep\":\"", "[\""]
            .iter()
            .map(|v| text.matches(&format!("\"{name}\":{v}{secret}")).count())
            .sum();
        if copies > 0 && under == copies && (shown.contains(&secret) || debug.contains(&secret)) {
            problems.push(format!("`{name}`'s value is printed: {shown}\n{debug}"));
        }
    }
    problems
}

/// Symmetry: every known error read from a body, written again, reads back
/// as the same error (for each error of a list, too).
fn symmetric<E: errcat::CatalogError + PartialEq>(failure: &Failure<E>) -> Vec<String> {
    let mut problems = Vec::new();
    for f in std::iter::once(failure).chain(&failure.more) {
        let errcat::FailureKind::Known(e) = &f.kind else {
            continue;
        };
        let body = e.envelope().to_body();
        let back = Failure::<E>::from_parts(f.status, &HeaderMap::new(), &body);
        if !matches!(&back.kind, errcat::FailureKind::Known(b) if b == e) {
            problems.push(format!(
                "{} written as {} reads back as {back:?}",
                errcat::CatalogCode::as_str(e.code()),
                String::from_utf8_lossy(&body)
            ));
        }
    }
    problems
}

/// A body with one to three mutations.
fn mutate_body(rng: &mut fastrand::Rng, body: &str) -> Vec<u8> {
    let mut text = body.to_string();
    for _ in 0..rng.usize(1..=3) {
        text = match rng.u8(..9) {
            0 => replace_number(rng, &text),
            1 => duplicate_member(rng, &text),
            2 => plant_secret(rng, &text),
            3 => replace_code(rng, &text),
            4 => {
                let at = floor_char(&text, rng.usize(..=text.len()));
                text[..at].to_string()
            }
            5 => {
                let deep = rng.usize(1..300);
                format!("{}{text}{}", "[".repeat(deep), "]".repeat(deep))
            }
            6 => text.replacen(
                "\"message\":\"",
                &format!("\"message\":\"{}", "m".repeat(rng.usize(..20_000))),
                1,
            ),
            7 => text.replacen("{", "{\"a\":1e999,", 1),
            _ => text.replacen("\"code\":\"", "\"code\":\"\\ud800", 1),
        };
    }
    let mut bytes = text.into_bytes();
    if rng.u8(..16) == 0 && !bytes.is_empty() {
        let at = rng.usize(..bytes.len());
        bytes[at] = 0xff;
    }
    bytes
}

fn floor_char(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A number of the body replaced by a hostile one.
fn replace_number(rng: &mut fastrand::Rng, text: &str) -> String {
    let starts: Vec<usize> = text
        .char_indices()
        .filter(|(i, c)| c.is_ascii_digit() && (*i == 0 || text.as_bytes()[i - 1] == b':'))
        .map(|(i, _)| i)
        .collect();
    let Some(&start) = starts.get(rng.usize(..starts.len().max(1))) else {
        return text.to_string();
    };
    let end = text[start..]
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == 'e' || c == '-'))
        .map_or(text.len(), |n| start + n);
    let with = NUMBERS[rng.usize(..NUMBERS.len())];
    format!("{}{with}{}", &text[..start], &text[end..])
}

/// The first member of an object written twice (`{"code":"A"` ->
/// `{"code":"A","code":"A"`), or with another value.
fn duplicate_member(rng: &mut fastrand::Rng, text: &str) -> String {
    let opens: Vec<usize> = text.match_indices("{\"").map(|(i, _)| i).collect();
    let Some(&open) = opens.get(rng.usize(..opens.len().max(1))) else {
        return text.to_string();
    };
    let rest = &text[open + 1..];
    let Some(end) = rest.find([',', '}']) else {
        return text.to_string();
    };
    let member = &rest[..end];
    let copy = if rng.bool() {
        member.to_string()
    } else {
        format!("{}:\"OTHER\"", member.split(':').next().unwrap_or("\"x\""))
    };
    format!("{}{{{member},{copy}{}", &text[..open], &rest[end..])
}

/// A secret planted under a sensitive name, in the first object found at
/// a random place, or alone.
fn plant_secret(rng: &mut fastrand::Rng, text: &str) -> String {
    let name = SENSITIVE[rng.usize(..SENSITIVE.len())];
    let secret = format!("{SECRET}{name}-");
    let value = match rng.u8(..3) {
        0 => format!("\"{secret}{}\"", rng.u32(..)),
        1 => format!("{{\"deep\":\"{secret}x\"}}"),
        _ => format!("[\"{secret}y\"]"),
    };
    let opens: Vec<usize> = text.match_indices('{').map(|(i, _)| i).collect();
    match opens.get(rng.usize(..opens.len().max(1))) {
        Some(&open) => format!(
            "{}{{\"{name}\":{value},{}",
            &text[..open],
            &text[open + 1..]
        ),
        None => format!("{{\"{name}\":{value}}}"),
    }
}

/// The code replaced by another catalog's, a WebSocket one, an unknown one
/// with a known prefix, or a very long one.
fn replace_code(rng: &mut fastrand::Rng, text: &str) -> String {
    let Some(at) = text.find("\"code\":\"") else {
        return text.to_string();
    };
    let start = at + "\"code\":\"".len();
    let end = text[start..].find('"').map_or(text.len(), |n| start + n);
    let long = "X".repeat(5000);
    let with = [
        "WS_AUTH_REQUIRED",
        "RATE_NEWER",
        "AUTH_PIN_REJECTED",
        "RATE_LIMITED",
        "",
        long.as_str(),
    ][rng.usize(..6)];
    format!("{}{with}{}", &text[..start], &text[end..])
}
