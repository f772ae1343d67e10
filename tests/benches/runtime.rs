//! Runtime cost of the generated code against what a careful human writes:
//! serializing an envelope (vs a `#[derive(Serialize)]` struct of the same
//! shape), code metadata, wire code lookup (vs a HashMap) and decoding.
//!
//! `cargo bench -p errcat-tests --bench runtime`

use std::collections::HashMap;
use std::hint::black_box;

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

    let body =
        serde_json::to_vec(&generated.envelope().request_id("req_1").timestamp(now)).unwrap();
    c.bench_function("decode_envelope", |b| {
        b.iter(|| black_box(Hook0Error::from_envelope(black_box(&body)).unwrap()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
