//! The compile-time contract: every catalog mistake is a compile error at
//! its YAML line, and the .stderr snapshots under tests/ui are the spec.
//! Snapshots were made with rustc 1.95.0 (see rust-toolchain.toml).

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/load/*.rs");
    t.compile_fail("ui/check/*.rs");
    t.compile_fail("ui/derive/*.rs");
    t.compile_fail("ui/api/*.rs");
    t.compile_fail("ui/lock/*.rs");
    t.pass("ui/pass/*.rs");
}
