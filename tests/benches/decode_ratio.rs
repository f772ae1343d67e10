//! Decoding time of a known envelope against a `#[derive(Deserialize)]` of
//! the same shape, interleaved: each round times a batch of one, then a
//! batch of the other, so that a machine whose speed drifts (a shared VM)
//! slows both alike. Prints the median of the per-round ratios and their
//! spread.
//!
//! `cargo bench -p errcat-tests --bench decode_ratio`
//!
//! Under `valgrind --tool=callgrind` pass `generated` or `derive` to run one
//! decoder only, for instruction counts.

#[path = "common/derive.rs"]
mod derive;

use std::hint::black_box;
use std::time::Instant;

use errcat_tests::hook0::Hook0Error;

const BATCH: u32 = 20_000;
const ROUNDS: usize = 41;

fn generated(body: &[u8]) {
    black_box(Hook0Error::from_envelope(black_box(body)).unwrap());
}

fn derived(body: &[u8]) {
    black_box(serde_json::from_slice::<derive::DEnvelope>(black_box(body)).unwrap());
}

/// Nanoseconds per call of `f`, over one batch.
fn batch(f: fn(&[u8]), body: &[u8]) -> f64 {
    let start = Instant::now();
    for _ in 0..BATCH {
        f(body);
    }
    start.elapsed().as_nanos() as f64 / f64::from(BATCH)
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let body = derive::body();
    // `cargo bench` passes `--bench`; a decoder's name runs it alone.
    match std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .as_deref()
    {
        Some("generated") => return (0..BATCH).for_each(|_| generated(&body)),
        Some("derive") => return (0..BATCH).for_each(|_| derived(&body)),
        _ => {}
    }
    batch(generated, &body);
    batch(derived, &body);
    let (mut g, mut d, mut r) = (vec![], vec![], vec![]);
    for _ in 0..ROUNDS {
        let (a, b) = (batch(generated, &body), batch(derived, &body));
        g.push(a);
        d.push(b);
        r.push(a / b);
    }
    let (gm, dm) = (median(&mut g), median(&mut d));
    let rm = median(&mut r);
    println!(
        "decode_envelope ({} bytes): generated {gm:.0} ns, derive {dm:.0} ns; \
         ratio median {rm:.3} (rounds {:.3}..{:.3}, {ROUNDS} rounds of {BATCH})",
        body.len(),
        r[0],
        r[ROUNDS - 1],
    );
}
