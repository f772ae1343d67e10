//! Runtime cost of the generated code against what a careful human writes:
//! serializing an envelope (vs a `#[derive(Serialize)]` struct of the same
//! shape), code metadata, wire code lookup (vs a HashMap) and decoding.
//!
//! Decoding is measured against a `#[derive(Deserialize)]` of the same
//! shape (`common/derive.rs`; `benches/decode_ratio.rs` interleaves the two
//! for a steadier ratio on a noisy machine), and its peak memory on a large body of field errors against the
//! body's size (printed before the timings; a counting allocator tracks it,
//! for every benchmark alike).
//!
//! `cargo bench -p errcat-tests --bench runtime`

use std::collections::HashMap;
use std::hint::black_box;

#[path = "common/peak.rs"]
mod peak;
use peak::peak_of;

#[path = "common/derive.rs"]
mod derive;

/// Peak memory of decoding a body of `n` field errors, against its size.
fn memory(n: usize) {
    use errcat_tests::hook0::FieldError;
    let errors: Vec<FieldError> = (0..n)
        .map(|i| FieldError {
            field: format!("items[{i}].name"),
            message: "Name is required and must be a non-empty string".into(),
            code: "REQUIRED_FIELD".into(),
            value: None,
        })
        .collect();
    let body = serde_json::to_vec(&Hook0Error::invalid_parameter(errors)).unwrap();
    let (decoded, peak) = peak_of(|| Hook0Error::from_envelope(&body).unwrap());
    drop(decoded);
    let (tree, tree_peak) = peak_of(|| serde_json::from_slice::<serde_json::Value>(&body).unwrap());
    drop(tree);
    println!(
        "decode memory, {n} field errors: body {:.1} MB, peak {:.1} MB = {:.2}x the body (a serde_json::Value of it alone: {:.2}x)",
        body.len() as f64 / 1e6,
        peak as f64 / 1e6,
        peak as f64 / body.len() as f64,
        tree_peak as f64 / body.len() as f64,
    );
}

/// Peak memory of decoding an unknown code whose details are `mb` MB of
/// small members (the shape that costs a JSON tree most), through
/// `Failure::from_parts`, and of printing it (`Display`, `Debug`), against
/// the body's size.
fn unknown_memory(mb: usize) {
    let mut details = String::from("{");
    let mut i = 0;
    while details.len() < mb * 1_000_000 {
        if i > 0 {
            details.push(',');
        }
        details.push_str(&format!("\"k{i}\":{i}"));
        i += 1;
    }
    details.push('}');
    let code = "NEWER_".repeat(150_000);
    let body = format!(
        r#"{{"error":{{"type":"server_error","code":"{code}","message":"m","details":{details}}}}}"#
    );
    let headers = errcat::http::HeaderMap::new();
    let status = errcat::http::StatusCode::INTERNAL_SERVER_ERROR;
    let (failure, peak) =
        peak_of(|| errcat::Failure::<Hook0Error>::from_parts(status, &headers, body.as_bytes()));
    let (shown, shown_peak) = peak_of(|| (failure.to_string(), format!("{failure:?}")));
    println!(
        "unknown-code memory: body {:.1} MB ({i} detail members, a {} KB code), decode peak {:.2}x the body, Display {} bytes, Debug {} bytes (peak {:.3}x)",
        body.len() as f64 / 1e6,
        code.len() / 1000,
        peak as f64 / body.len() as f64,
        shown.0.len(),
        shown.1.len(),
        shown_peak as f64 / body.len() as f64,
    );
}

use criterion::{Criterion, criterion_group, criterion_main};
use errcat::Timestamp;
use errcat_tests::hook0::{Hook0Error, Hook0ErrorCode};
use serde::Serialize;

/// The hand-written equivalent of Hook0's `RATE_LIMIT_EXCEEDED` envelope.
#[derive(Serialize)]
struct Envelope<'a> {
    error: Body<'a>,
}

#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    code: &'static str,
    message: &'static str,
    details: &'a Details,
    #[serde(skip_serializing_if = "Option::is_none")]
    request_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    timestamp: Option<Timestamp>,
}

#[derive(Serialize)]
struct Details {
    limit: u32,
    window_seconds: u32,
    reset_at: Timestamp,
    retry_after: u32,
}

fn bench(c: &mut Criterion) {
    memory(200_000);
    unknown_memory(50);
    let reset: Timestamp = "2024-01-15T11:30:00Z".parse().unwrap();
    let now: Timestamp = "2024-01-15T10:30:00Z".parse().unwrap();
    let generated = Hook0Error::rate_limit_exceeded(1000u32, 3600u32, reset, 1800u32);
    let details = Details {
        limit: 1000,
        window_seconds: 3600,
        reset_at: reset,
        retry_after: 1800,
    };
    let mut buf = Vec::with_capacity(1024);

    let mut g = c.benchmark_group("serialize_envelope");
    g.bench_function("generated", |b| {
        b.iter(|| {
            buf.clear();
            let env = black_box(&generated)
                .envelope()
                .request_id("req_1")
                .timestamp(now);
            serde_json::to_writer(&mut buf, &env).unwrap();
        })
    });
    g.bench_function("hand_written_derive", |b| {
        b.iter(|| {
            buf.clear();
            let d = black_box(&details);
            let env = Envelope {
                error: Body {
                    kind: "rate_limit_error",
                    code: "RATE_LIMIT_EXCEEDED",
                    message: "Rate limit exceeded",
                    details: d,
                    request_id: Some("req_1"),
                    timestamp: Some(now),
                },
            };
            serde_json::to_writer(&mut buf, &env).unwrap();
        })
    });
    g.finish();

    let mut g = c.benchmark_group("metadata");
    g.bench_function("status_and_category_all_codes", |b| {
        b.iter(|| {
            for code in Hook0ErrorCode::ALL {
                black_box(black_box(*code).status());
                black_box(black_box(*code).category());
            }
        })
    });
    g.finish();

    let wires: Vec<&str> = Hook0ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    let map: HashMap<&str, Hook0ErrorCode> = Hook0ErrorCode::ALL
        .iter()
        .map(|c| (c.as_str(), *c))
        .collect();
    let mut g = c.benchmark_group("wire_code_lookup_all_codes");
    g.bench_function("generated_from_str", |b| {
        b.iter(|| {
            for w in &wires {
                black_box(black_box(*w).parse::<Hook0ErrorCode>().ok());
            }
        })
    });
    g.bench_function("hashmap", |b| {
        b.iter(|| {
            for w in &wires {
                black_box(map.get(black_box(*w)));
            }
        })
    });
    g.finish();

    let body = derive::body();
    let mut g = c.benchmark_group("decode_envelope");
    g.bench_function("generated", |b| {
        b.iter(|| black_box(Hook0Error::from_envelope(black_box(&body)).unwrap()))
    });
    g.bench_function("hand_written_derive", |b| {
        b.iter(|| black_box(serde_json::from_slice::<derive::DEnvelope>(black_box(&body)).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
