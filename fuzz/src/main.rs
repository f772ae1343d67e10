//! `errcat-fuzz [--seed N] [--executions N] [--seconds N] [--out DIR]`:
//! runs the mutation fuzzer and writes each finding's input to DIR.
//! `errcat-fuzz --repro FILE` runs one input and shows where it panics.
//! `errcat-fuzz --client [--seed N] [--executions N]` fuzzes the client
//! side (hostile bodies and headers) instead.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

fn main() -> ExitCode {
    let mut seed = 1u64;
    let mut executions = u64::MAX;
    let mut seconds = 60u64;
    let mut out = PathBuf::from("target/fuzz-findings");
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, file] = args.as_slice()
        && flag == "--repro"
    {
        // One input, with the default panic hook: the location is printed.
        let text = std::fs::read(file).unwrap_or_default();
        let outcome = errcat_fuzz::run_one(&String::from_utf8_lossy(&text), Duration::MAX);
        println!("{outcome:?}");
        return ExitCode::SUCCESS;
    }
    if let Some(rest) = args.strip_prefix(&["--client".to_string()]) {
        return client(rest);
    }
    for pair in args.chunks(2) {
        let value = pair.get(1).map(String::as_str).unwrap_or("");
        let number = value.parse::<u64>();
        match (pair[0].as_str(), number) {
            ("--seed", Ok(n)) => seed = n,
            ("--executions", Ok(n)) => executions = n,
            ("--seconds", Ok(n)) => seconds = n,
            ("--out", _) if !value.is_empty() => out = PathBuf::from(value),
            _ => {
                eprintln!(
                    "usage: errcat-fuzz [--seed N] [--executions N] [--seconds N] [--out DIR]"
                );
                return ExitCode::from(2);
            }
        }
    }
    let dirs = errcat_fuzz::default_seed_dirs(env!("CARGO_MANIFEST_DIR").as_ref());
    let seeds = errcat_fuzz::seeds(&dirs);
    let until = Instant::now() + Duration::from_secs(seconds);
    let start = Instant::now();
    let report = errcat_fuzz::run(
        &seeds,
        seed,
        executions,
        Some(until),
        Duration::from_secs(1),
    );
    println!(
        "seed {seed}: {} executions in {:.0?} from {} seed files: {} rejected, {} expanded, {} findings",
        report.executions,
        start.elapsed(),
        seeds.len(),
        report.rejected,
        report.expanded,
        report.findings.len()
    );
    if report.findings.is_empty() {
        return ExitCode::SUCCESS;
    }
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("cannot create {}: {e}", out.display());
    }
    for (i, (finding, input)) in report.findings.iter().enumerate() {
        let path = out.join(format!("finding-{seed}-{i}.yaml"));
        println!("{finding:?} -> {}", path.display());
        if let Err(e) = std::fs::write(&path, input) {
            eprintln!("cannot write {}: {e}", path.display());
        }
    }
    ExitCode::FAILURE
}

/// `--client [--seed N] [--executions N]`: mutated responses into the
/// client; findings are printed.
fn client(args: &[String]) -> ExitCode {
    let (mut seed, mut executions) = (1u64, 200_000u64);
    for pair in args.chunks(2) {
        match (
            pair[0].as_str(),
            pair.get(1).and_then(|v| v.parse::<u64>().ok()),
        ) {
            ("--seed", Some(n)) => seed = n,
            ("--executions", Some(n)) => executions = n,
            _ => {
                eprintln!("usage: errcat-fuzz --client [--seed N] [--executions N]");
                return ExitCode::from(2);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let bodies: Vec<String> = [
        "catalog/hexabase.yaml",
        "catalog/hook0.yaml",
        "tests/catalogs/sensitive.yaml",
        "tests/catalogs/jsonapi.yaml",
        "tests/catalogs/aip193.yaml",
        "tests/catalogs/oauth.yaml",
        "tests/catalogs/slack.yaml",
    ]
    .iter()
    .flat_map(|c| errcat_fuzz::client::example_bodies(&root, c))
    .collect();
    let start = Instant::now();
    let report = errcat_fuzz::client::run(&bodies, seed, executions);
    println!(
        "client seed {seed}: {} responses in {:.0?}: {} known, {} waits refused, {} findings",
        report.executions,
        start.elapsed(),
        report.known,
        report.too_long,
        report.findings.len()
    );
    for f in &report.findings {
        println!("{}\n--- input ---\n{}\n", f.what, f.input);
    }
    if report.findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
