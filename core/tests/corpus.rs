//! Malformed and hostile catalogs (tests/corpus) through the core library:
//! each must yield diagnostics that name the line its first comment
//! expects (`# expect: N`), with a location and a quoted line, and none may
//! panic. Times are printed; `cargo bench -p errcat-core --bench corpus`
//! measures them.

use std::path::PathBuf;
use std::time::Instant;

fn corpus() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

fn expected_line(bytes: &[u8]) -> u32 {
    let text = String::from_utf8_lossy(bytes);
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("");
    first
        .strip_prefix("# expect: ")
        .and_then(|n| n.trim().parse().ok())
        .expect("corpus files start with `# expect: LINE`")
}

#[test]
fn every_malformed_catalog_gets_located_diagnostics() {
    let files = corpus();
    assert!(
        files.len() >= 40,
        "at least 40 malformed catalogs, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(path).unwrap();
        let want = expected_line(&bytes);
        let start = Instant::now();
        let result = std::panic::catch_unwind(|| errcat_core::compile_str(&name, &bytes));
        let elapsed = start.elapsed();
        println!("{name}: {:.1} ms", elapsed.as_secs_f64() * 1000.0);
        let diags = match result {
            Err(_) => {
                failures.push(format!("{name}: panicked"));
                continue;
            }
            Ok(Ok(_)) => {
                failures.push(format!("{name}: accepted"));
                continue;
            }
            Ok(Err(d)) => d,
        };
        for d in &diags {
            let shown = d.to_string();
            if d.loc.line == 0 || d.loc.column == 0 || !shown.contains(&format!("{name}:")) {
                failures.push(format!("{name}: diagnostic without location: {shown}"));
            }
        }
        if !diags.iter().any(|d| d.loc.line == want) {
            let lines: Vec<String> = diags
                .iter()
                .map(|d| format!("{}: {}", d.loc.line, d.message))
                .collect();
            failures.push(format!(
                "{name}: expected a diagnostic on line {want}, got {lines:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
