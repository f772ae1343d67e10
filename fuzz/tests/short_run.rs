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
