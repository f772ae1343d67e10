//! `errcat dump` keeps every wire code exactly as written, however
//! numeric, boolean or null it looks unquoted.

use std::process::Command;

#[test]
fn dump_keeps_unquoted_wire_codes_as_written() {
    let catalog = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/catalogs/wire_codes.yaml"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(["dump", catalog])
        .output()
        .expect("run errcat");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dump: serde_json::Value = serde_json::from_slice(&out.stdout).expect("dump is JSON");
    let codes: Vec<&str> = dump["codes"]
        .as_array()
        .expect("codes")
        .iter()
        .map(|c| c["code"].as_str().expect("code is a string"))
        .collect();
    assert_eq!(
        codes,
        [
            "0B000", "0x1F", "0o17", "1_000", "+1", "01000", "1e3", ".5", "~", "null", "true",
            "no", "42P01"
        ]
    );
}
