//! Expansion cost: load + check + expand of synthetic catalogs of 100, 1,000
//! and 10,000 codes and of the two seed catalogs, side by side with the
//! floor: serde-saphyr alone parsing the same text into plain structs, and
//! our YAML stage alone (serde-saphyr with spans, into a tree).
//!
//! Each benchmark times producing its output, not freeing it
//! (`iter_with_large_drop`), the same for the plain parse: a proc macro
//! hands its output to the compiler and never drops it. Everything dropped
//! inside the pipeline (the YAML tree, the model) is timed. The output is
//! what the proc macro hands over: the generated code as text, which the
//! compiler then lexes (`scripts/cache-in-rustc.sh` measures that part
//! inside rustc).
//!
//! `cargo bench -p errcat-core --features tooling --bench expand` (release) and
//! `cargo bench -p errcat-core --features tooling --bench expand --profile dev` (what an
//! unoptimized proc macro pays in a user's debug build).

use std::collections::BTreeMap;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use quote::quote;

/// The catalog as plain serde structs: what parsing alone costs.
#[allow(dead_code)]
mod plain {
    use super::BTreeMap;
    use serde::Deserialize;

    #[derive(Deserialize)]
    pub struct Catalog {
        pub name: String,
        pub title: Option<String>,
        pub description: Option<String>,
        pub envelopes: BTreeMap<String, serde_json::Value>,
        pub categories: Option<BTreeMap<String, Category>>,
        pub types: Option<BTreeMap<String, serde_json::Value>>,
        pub codes: BTreeMap<String, Code>,
    }

    #[derive(Deserialize)]
    pub struct Category {
        pub title: Option<String>,
        pub description: Option<String>,
        pub status: Option<u16>,
        pub prefix: Option<String>,
        pub channel: Option<String>,
        pub retryable: Option<bool>,
        pub rust_name: Option<String>,
    }

    #[derive(Deserialize)]
    pub struct Code {
        pub category: String,
        pub status: Option<u16>,
        pub channel: Option<String>,
        pub rust_name: Option<String>,
        pub message: String,
        pub description: Option<String>,
        pub resolution: Option<Vec<String>>,
        pub details: Option<serde_json::Value>,
        pub headers: Option<BTreeMap<String, String>>,
        pub retryable: Option<bool>,
        pub deprecated: Option<serde_json::Value>,
        pub example: Option<serde_json::Value>,
    }
}

fn parse_plain(text: &str) -> plain::Catalog {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_nodes = errcat_core::load::MAX_NODES;
    budget.max_depth = errcat_core::load::MAX_DEPTH;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    serde_saphyr::from_str_with_options(text, options).expect("plain parse")
}

fn pipeline(text: &str) -> errcat_core::cache::Output {
    let catalog = errcat_core::compile_str("bench.yaml", text.as_bytes()).expect("valid catalog");
    let input: syn::DeriveInput = syn::parse2(quote!(
        pub enum ApiError {}
    ))
    .expect("item");
    let resolved = errcat_core::expand::Bases::default().resolve("bench.yaml");
    errcat_core::expand::expand(&catalog, &input, &resolved)
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("expand");
    g.sample_size(10);
    for n in [100usize, 1_000, 10_000] {
        let text = errcat_core::synth::catalog(n);
        g.bench_with_input(BenchmarkId::new("serde_saphyr_plain", n), &text, |b, t| {
            b.iter_with_large_drop(|| parse_plain(t))
        });
        // The YAML stage alone: what spans cost over the plain parse.
        g.bench_with_input(BenchmarkId::new("load_only", n), &text, |b, t| {
            b.iter_with_large_drop(|| {
                let mut cx = errcat_core::Diagnostics::new();
                errcat_core::load::load_bytes("bench.yaml", t.as_bytes(), &mut cx)
            })
        });
        g.bench_with_input(BenchmarkId::new("load_check_expand", n), &text, |b, t| {
            b.iter_with_large_drop(|| pipeline(t))
        });
    }
    for seed in ["hexabase", "hook0"] {
        let path = format!("{}/../catalog/{seed}.yaml", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).expect("seed catalog");
        g.bench_with_input(
            BenchmarkId::new("seed_load_check_expand", seed),
            &text,
            |b, t| b.iter_with_large_drop(|| pipeline(t)),
        );
    }
    // A repeated expansion of an unchanged catalog (several macro uses in a
    // crate, rust-analyzer's server): served by the mtime cache.
    for seed in ["hexabase", "hook0"] {
        let bases = errcat_core::expand::Bases {
            manifest_dir: format!("{}/../catalog", env!("CARGO_MANIFEST_DIR")).into(),
            source_dir: None,
        };
        let path = format!("{seed}.yaml");
        let run = || {
            errcat_core::expand::catalog_attribute_output(
                quote!(#path),
                quote!(
                    pub enum ApiError {}
                ),
                &bases,
            )
        };
        let fresh = run().into_token_stream().to_string();
        g.bench_function(BenchmarkId::new("seed_repeated_cached", seed), |b| {
            b.iter_with_large_drop(run)
        });
        let again = run();
        assert!(again.is_cached(), "the second expansion is a cache hit");
        assert_eq!(
            again.into_token_stream().to_string(),
            fresh,
            "cached output equals the fresh one"
        );
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
