//! The other envelope shapes against a `#[derive(Deserialize)]` of the same
//! shape, interleaved as in `decode_ratio.rs`: a JSON:API body of 1,000
//! errors (`catalogs/jsonapi.yaml`) and an AIP-193 body with three
//! `details` elements (`catalogs/aip193.yaml`; the derive reads them as an
//! enum tagged by `@type`). Then the peak heap of decoding each, against
//! the body's size.
//!
//! `cargo bench -p errcat-tests --bench shapes`

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Instant;

use serde::Deserialize;

#[path = "common/peak.rs"]
mod peak;
use peak::peak_of;

#[errcat::catalog("catalogs/jsonapi.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum JsonApiError {}

#[errcat::catalog("catalogs/aip193.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum GoogleError {}

/// JSON:API's document, as a hand-written decoder would read it.
#[allow(dead_code)]
#[derive(Deserialize)]
struct DDocument {
    errors: Vec<DError>,
    meta: Option<DMeta>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct DMeta {
    request_id: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct DError {
    id: Option<String>,
    status: Option<String>,
    code: Option<String>,
    title: Option<String>,
    detail: Option<String>,
    source: Option<DSource>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct DSource {
    pointer: Option<String>,
    parameter: Option<String>,
    header: Option<String>,
}

/// AIP-193's body, as a hand-written decoder would read it.
#[allow(dead_code)]
#[derive(Deserialize)]
struct DGoogle {
    error: DStatus,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct DStatus {
    code: u16,
    message: String,
    status: String,
    details: Vec<DDetail>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(tag = "@type")]
enum DDetail {
    #[serde(rename = "type.googleapis.com/google.rpc.ErrorInfo")]
    ErrorInfo {
        reason: String,
        domain: String,
        metadata: BTreeMap<String, String>,
    },
    #[serde(rename = "type.googleapis.com/google.rpc.LocalizedMessage")]
    LocalizedMessage { locale: String, message: String },
    #[serde(rename = "type.googleapis.com/google.rpc.Help")]
    Help { links: Vec<DLink> },
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct DLink {
    description: String,
    url: String,
}

fn list_body(n: usize) -> Vec<u8> {
    let mut errors = errcat::Errors::new(JsonApiError::value_too_short(
        Some("First name must contain at least three characters.".into()),
        Some(Source {
            pointer: Some("/data/attributes/firstName".into()),
            parameter: None,
            header: None,
        }),
        Some("e-0".into()),
    ));
    for i in 1..n {
        errors.push(JsonApiError::password_too_weak(
            Some(format!("Password {i} is missing a punctuation character.")),
            Some(Source {
                pointer: Some(format!("/data/{i}/attributes/password")),
                parameter: None,
                header: None,
            }),
            Some(format!("e-{i}")),
        ));
    }
    errors.envelope().request_id("req-1").to_body()
}

const GOOGLE: &str = r#"{"error":{"code":429,"message":"The zone 'us-east1-a' does not have enough resources available to fulfill the request. Try a different zone, or try again later.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RESOURCE_AVAILABILITY","domain":"compute.googleapis.com","metadata":{"zone":"us-east1-a","vmType":"e2-medium","attachment":"local-ssd=3,nvidia-t4=2","zonesWithCapacity":"us-central1-f,us-central1-c"}},{"@type":"type.googleapis.com/google.rpc.LocalizedMessage","locale":"en-US","message":"An <e2-medium> VM instance with <local-ssd=3,nvidia-t4=2> is currently unavailable in the <us-east1-a> zone."},{"@type":"type.googleapis.com/google.rpc.Help","links":[{"description":"Additional information on this error","url":"https://cloud.google.com/compute/docs/resource-error"}]}]}}"#;

const ROUNDS: usize = 31;

/// Nanoseconds per call of `f`, over `batch` calls.
fn batch(f: &dyn Fn(), batch: u32) -> f64 {
    let start = Instant::now();
    for _ in 0..batch {
        f();
    }
    start.elapsed().as_nanos() as f64 / f64::from(batch)
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Interleaved rounds of the two decoders; prints the median ratio.
fn compare(what: &str, size: usize, n: u32, generated: &dyn Fn(), derived: &dyn Fn()) {
    batch(generated, n);
    batch(derived, n);
    let (mut g, mut d, mut r) = (vec![], vec![], vec![]);
    for _ in 0..ROUNDS {
        let (a, b) = (batch(generated, n), batch(derived, n));
        g.push(a);
        d.push(b);
        r.push(a / b);
    }
    let (gm, dm, rm) = (median(&mut g), median(&mut d), median(&mut r));
    println!(
        "{what} ({size} bytes): generated {gm:.0} ns, derive {dm:.0} ns; ratio median {rm:.3} \
         (rounds {:.3}..{:.3}, {ROUNDS} rounds of {n})",
        r[0],
        r[ROUNDS - 1]
    );
}

fn main() {
    let list = list_body(1000);
    let google = GOOGLE.as_bytes();
    let check = JsonApiError::from_envelope(&list).unwrap();
    assert_eq!(check.more.len(), 999);
    let check = GoogleError::from_envelope(google).unwrap();
    assert!(matches!(check.error, errcat::Decoded::Known(_)) && check.extra.len() == 2);

    // `cargo bench` passes `--bench`; `list` runs the list decoder alone,
    // for a profiler.
    if std::env::args().skip(1).any(|a| a == "list") {
        for _ in 0..2000 {
            drop(black_box(
                JsonApiError::from_envelope(black_box(&list)).unwrap(),
            ));
        }
        return;
    }
    compare(
        "JSON:API, 1,000 errors",
        list.len(),
        50,
        &|| {
            drop(black_box(
                JsonApiError::from_envelope(black_box(&list)).unwrap(),
            ))
        },
        &|| {
            drop(black_box(
                serde_json::from_slice::<DDocument>(black_box(&list)).unwrap(),
            ))
        },
    );
    compare(
        "AIP-193, 3 details elements",
        google.len(),
        20_000,
        &|| {
            drop(black_box(
                GoogleError::from_envelope(black_box(google)).unwrap(),
            ))
        },
        &|| {
            drop(black_box(
                serde_json::from_slice::<DGoogle>(black_box(google)).unwrap(),
            ))
        },
    );
    // A hostile list: a megabyte of empty elements.
    let mut hostile = b"{\"errors\":[".to_vec();
    for _ in 0..333_000 {
        hostile.extend_from_slice(b"{},");
    }
    hostile.extend_from_slice(b"{}]}");
    let (kept, hostile_peak) =
        peak_of(|| JsonApiError::from_envelope(&hostile).map(|r| r.more.len()));
    println!(
        "hostile list ({} bytes, {:?}): decode peak {:.2}x the body",
        hostile.len(),
        kept.map_err(|e| e.to_string()),
        hostile_peak as f64 / hostile.len() as f64
    );
    let (_, list_peak) = peak_of(|| JsonApiError::from_envelope(&list).unwrap());
    let (_, google_peak) = peak_of(|| GoogleError::from_envelope(google).unwrap());
    for (what, size, peak) in [
        ("JSON:API, 1,000 errors", list.len(), list_peak),
        ("AIP-193", google.len(), google_peak),
    ] {
        println!(
            "{what}: body {size} bytes, decode peak {:.2}x the body",
            peak as f64 / size as f64
        );
    }
}
