//! CI's short, fixed-seed fuzz run: no panic, no unparseable expansion, no
//! slow input. `cargo run --release -p errcat-fuzz -- --seconds 600` runs
//! it long (README, "Fuzzing").

use std::time::Duration;

#[test]
fn a_fixed_seed_run_finds_nothing() {
    let dirs = errcat_fuzz::default_seed_dirs(env!("CARGO_MANIFEST_DIR").as_ref());
    let seeds = errcat_fuzz::seeds(&dirs);
    assert!(seeds.len() > 50, "seed files found: {}", seeds.len());
    // Generous per-input limit: this runs unoptimized, next to other tests.
    let report = errcat_fuzz::run(&seeds, 20261122, 5_000, None, Duration::from_secs(20));
    let findings: Vec<String> = report
        .findings
        .iter()
        .map(|(f, input)| format!("{f:?}\n--- input ---\n{input}"))
        .collect();
    assert!(findings.is_empty(), "{}", findings.join("\n\n"));
    assert!(report.expanded > 0 && report.rejected > 0, "{report:?}");
}

/// The client side: mutated bodies and headers into `Failure::from_parts`
/// and the retry decision, a fixed number of inputs from a fixed seed.
#[test]
fn a_fixed_seed_client_run_finds_nothing() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut bodies = errcat_fuzz::client::example_bodies(&root, "catalog/hexabase.yaml");
    bodies.extend(errcat_fuzz::client::example_bodies(
        &root,
        "catalog/hook0.yaml",
    ));
    for catalog in [
        "tests/catalogs/sensitive.yaml",
        "tests/catalogs/jsonapi.yaml",
        "tests/catalogs/aip193.yaml",
        "tests/catalogs/oauth.yaml",
        "tests/catalogs/slack.yaml",
    ] {
        bodies.extend(errcat_fuzz::client::example_bodies(&root, catalog));
    }
    assert!(bodies.len() > 50, "example bodies: {}", bodies.len());
    let report = errcat_fuzz::client::run(&bodies, 20261206, 20_000);
    let findings: Vec<String> = report
        .findings
        .iter()
        .take(5)
        .map(|f| {
            format!(
                "{}\n--- input ---\n{}",
                f.what,
                f.input.chars().take(2000).collect::<String>()
            )
        })
        .collect();
    assert!(
        findings.is_empty(),
        "{} findings:\n{}",
        report.findings.len(),
        findings.join("\n\n")
    );
    // The run reached what it is for.
    assert!(report.known > 100 && report.too_long > 100, "{report:?}");
}
