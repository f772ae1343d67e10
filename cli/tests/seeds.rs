//! The CLI against the seed references: both catalogs check clean, `dump`
//! lists exactly the seed codes with the seed statuses, and `example`
//! reproduces every seed example.

#[path = "../../tests/support/seeds.rs"]
mod seeds;

use std::process::Command;

use seeds::{SeedCode, repo_root, section_statuses, seed};

fn errcat(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(args)
        .current_dir(repo_root())
        .output()
        .expect("run errcat");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn dump(catalog: &str) -> Vec<serde_json::Value> {
    let (rc, out, err) = errcat(&["dump", catalog]);
    assert_eq!(rc, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("dump is JSON");
    v["codes"].as_array().expect("codes array").clone()
}

#[test]
fn check_passes_on_both_catalogs() {
    let (rc, _, err) = errcat(&["check", "catalog/hexabase.yaml", "catalog/hook0.yaml"]);
    assert_eq!(rc, 0, "{err}");
}

#[test]
fn check_fails_on_a_broken_catalog() {
    let dir = std::env::temp_dir().join(format!("errcat-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("broken.yaml");
    std::fs::write(
        &file,
        "name: x\nenvelopes: {http: {code: $code}}\ncodes:\n  A: {category: nope, message: m}\n",
    )
    .unwrap();
    let (rc, _, err) = errcat(&["check", file.to_str().unwrap()]);
    assert_eq!(rc, 1);
    assert!(err.contains("broken.yaml:4:"), "{err}");
    assert!(err.contains("unknown category `nope`"), "{err}");
}

fn dump_matches_seed(catalog: &str, seed_codes: &[SeedCode], by_section: bool) {
    let codes = dump(catalog);
    let dumped: Vec<&str> = codes.iter().map(|c| c["code"].as_str().unwrap()).collect();
    let expected: Vec<&str> = seed_codes.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(dumped, expected, "codes and their order");
    for (code, s) in codes.iter().zip(seed_codes) {
        let status = code["status"].as_u64().map(|n| n as u16);
        for key in ["rust_name", "category", "channel", "retryable", "message"] {
            assert!(
                !code[key].is_null() || key == "category",
                "{}: {key}",
                s.code
            );
        }
        if by_section {
            match section_statuses(&s.section) {
                // The one deliberate exception: the section says "(400, 422)",
                // the reference's own status table has 413 Payload Too Large.
                Some(_) if s.code == "PAYLOAD_TOO_LARGE" => assert_eq!(status, Some(413)),
                Some(allowed) => assert!(
                    status.is_some_and(|st| allowed.contains(&st)),
                    "{}: status {status:?} not in section {}",
                    s.code,
                    s.section
                ),
                None => assert_eq!(status, None, "{}", s.code),
            }
        } else {
            assert_eq!(status, s.status, "{}", s.code);
        }
    }
}

#[test]
fn hexabase_dump_lists_exactly_the_seed_codes_and_statuses() {
    let s = seed("hexabase-kaas-error-codes.md");
    assert_eq!(s.len(), 36);
    assert_eq!(s.iter().filter(|c| c.status.is_some()).count(), 33);
    dump_matches_seed("catalog/hexabase.yaml", &s, false);
}

#[test]
fn hook0_dump_lists_exactly_the_seed_codes_and_statuses() {
    let s = seed("hook0-error-codes.md");
    assert_eq!(s.len(), 28);
    dump_matches_seed("catalog/hook0.yaml", &s, true);
}

fn examples_match(catalog: &str, seed_codes: &[SeedCode]) {
    let mut checked = Vec::new();
    for s in seed_codes {
        let (rc, out, err) = errcat(&["example", catalog, &s.code]);
        assert_eq!(rc, 0, "{}: {err}", s.code);
        let got: serde_json::Value = serde_json::from_str(&out).expect("example is JSON");
        assert_eq!(got, s.example, "example of {}", s.code);
        checked.push(s.code.as_str());
    }
    println!(
        "{catalog}: {} examples match: {}",
        checked.len(),
        checked.join(", ")
    );
}

#[test]
fn hexabase_examples_reproduce_the_seed() {
    examples_match(
        "catalog/hexabase.yaml",
        &seed("hexabase-kaas-error-codes.md"),
    );
}

#[test]
fn hook0_examples_reproduce_the_seed() {
    examples_match("catalog/hook0.yaml", &seed("hook0-error-codes.md"));
}

#[test]
fn example_of_an_unknown_code_fails_with_a_suggestion() {
    let (rc, _, err) = errcat(&["example", "catalog/hook0.yaml", "TOKEN_EXPIRD"]);
    assert_eq!(rc, 1);
    assert!(err.contains("did you mean `TOKEN_EXPIRED`"), "{err}");
}

#[test]
fn the_binary_tells_its_version() {
    for flag in ["--version", "-V"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_errcat"))
            .arg(flag)
            .output()
            .unwrap();
        assert!(out.status.success());
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            format!("errcat {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
}

#[test]
fn a_maps_example_keeps_the_order_written() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(["example", "catalog/hexabase.yaml", "VALIDATION_ERROR"])
        .current_dir(root)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s}: {text}"));
    assert!(at("\"name\"") < at("\"email\""), "{text}");
    // The committed docs, rendered by `errcat docs`, alike.
    let docs = std::fs::read_to_string(format!("{root}/docs/hexabase.md")).unwrap();
    let section = &docs[docs.find("### VALIDATION_ERROR").unwrap()..];
    let at = |s: &str| section.find(s).unwrap();
    assert!(at("\"name\": \"Name is required\"") < at("\"email\": \"Invalid email format\""));
}
