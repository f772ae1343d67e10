#!/usr/bin/env bash
# Clean build of the macro crate and its dependencies vs a bare proc macro
# on syn + quote + serde derive (the floor any serde-based macro pays), vs
# the same bare macro plus saphyr-parser (the YAML parser errcat reads
# events from), and vs the bare macro plus serde-saphyr (the loader errcat
# used before, for comparison).
# Each is built from scratch in its own target dir, RUNS times, alternating,
# without incremental state (CARGO_INCREMENTAL=0): a user's build compiles
# errcat-core as a registry dependency, never incrementally, while a
# workspace member here would also write its incremental cache.
#
# Prints wall-clock medians and, less sensitive to a busy machine, the
# medians of CPU time (user + sys) of each build.
#
#   bash scripts/macro-build-time.sh [RUNS=3]
set -euo pipefail
runs="${1:-3}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/target/macro-build-time"
rm -rf "$work/bare" "$work/bare-yaml" "$work/bare-parser" "$work/bare-deps"
mkdir -p "$work/bare/src" "$work/bare-yaml/src" "$work/bare-parser/src" "$work/bare-deps/src"
cat > "$work/bare/Cargo.toml" <<'TOML'
[package]
name = "bare-macro"
version = "0.0.0"
edition = "2024"
publish = false
[lib]
proc-macro = true
[dependencies]
syn = "3"
quote = "1"
proc-macro2 = "1"
serde = { version = "1", features = ["derive"] }
[workspace]
TOML
cat > "$work/bare/src/lib.rs" <<'RS'
use proc_macro::TokenStream;
#[derive(serde::Deserialize)]
struct Config { name: String }
#[proc_macro_attribute]
pub fn bare(_args: TokenStream, item: TokenStream) -> TokenStream {
    let input: syn::DeriveInput = syn::parse(item).unwrap();
    let ident = &input.ident;
    let _ = std::mem::size_of::<Config>();
    quote::quote!(#input impl #ident {}).into()
}
RS
sed -e 's/^name = "bare-macro"/name = "bare-yaml-macro"/' "$work/bare/Cargo.toml" > "$work/bare-yaml/Cargo.toml"
printf '%s\n' 'serde-saphyr = { version = "2.1", default-features = false, features = ["deserialize"] }' >> "$work/bare-yaml/Cargo.toml"
# [workspace] must stay last-but-dependency-safe: move it to the end.
grep -v '^\[workspace\]' "$work/bare-yaml/Cargo.toml" > "$work/bare-yaml/Cargo.tmp"
printf '[workspace]\n' >> "$work/bare-yaml/Cargo.tmp"
mv "$work/bare-yaml/Cargo.tmp" "$work/bare-yaml/Cargo.toml"
sed -e 's/let _ = std::mem::size_of::<Config>();/let c: Config = serde_saphyr::from_str("name: x").unwrap(); let _ = c.name;/' "$work/bare/src/lib.rs" > "$work/bare-yaml/src/lib.rs"
sed -e 's/^name = "bare-macro"/name = "bare-parser-macro"/' -e '/^\[workspace\]/d' "$work/bare/Cargo.toml" > "$work/bare-parser/Cargo.toml"
printf '%s\n' 'saphyr-parser = "0.3.3"' '[workspace]' >> "$work/bare-parser/Cargo.toml"
sed -e 's/let _ = std::mem::size_of::<Config>();/let _ = std::mem::size_of::<Config>(); let _ = saphyr_parser::Parser::new_from_str("name: x").count();/' "$work/bare/src/lib.rs" > "$work/bare-parser/src/lib.rs"
export CARGO_INCREMENTAL=0
# The bare macro plus every dependency errcat-core has, each used once, with
# errcat-core's features: what the macro's dependencies cost without a line
# of errcat's own.
sed -e 's/^name = "bare-macro"/name = "bare-deps-macro"/' -e '/^\[workspace\]/d' "$work/bare/Cargo.toml" > "$work/bare-deps/Cargo.toml"
printf '%s\n' 'saphyr-parser = "0.3.3"' 'serde_json = { version = "1", features = ["raw_value"] }' \
  'strsim = "0.11"' 'http = "1"' 'chrono = { version = "0.4", default-features = false, features = ["alloc"] }' \
  '[workspace]' >> "$work/bare-deps/Cargo.toml"
sed -e 's/let _ = std::mem::size_of::<Config>();/let _ = std::mem::size_of::<Config>(); let _ = saphyr_parser::Parser::new_from_str("name: x").count(); let _ = serde_json::to_string(\&1).unwrap(); let _ = strsim::jaro_winkler("a", "b"); let _ = http::HeaderName::from_static("x"); let _ = chrono::DateTime::parse_from_rfc3339("2024-01-15T10:30:00Z");/' "$work/bare/src/lib.rs" > "$work/bare-deps/src/lib.rs"
# Wall seconds on stdout; CPU seconds (user + sys, children included) appended
# to $work/cpu-<label>: the CPU figure moves less than wall time with the
# VM's load.
secs() {
  local label="$1" s e t; shift
  t="$work/time-$label"; s=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$t" "$@" >/dev/null 2>&1; e=$(date +%s.%N)
  awk '{print $1 + $2}' "$t" >> "$work/cpu-$label"
  echo "$e - $s" | bc -l
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
as=(); bs=(); cs=(); ds=(); es=()
rm -f "$work"/cpu-*
for _ in $(seq "$runs"); do
  rm -rf "$work/t-errcat" "$work/t-bare" "$work/t-bare-yaml" "$work/t-bare-parser" "$work/t-bare-deps"
  as+=("$(secs errcat env CARGO_TARGET_DIR="$work/t-errcat" cargo build -q -p errcat-macros --manifest-path "$root/Cargo.toml")")
  bs+=("$(secs bare env CARGO_TARGET_DIR="$work/t-bare" cargo build -q --manifest-path "$work/bare/Cargo.toml")")
  cs+=("$(secs bare-yaml env CARGO_TARGET_DIR="$work/t-bare-yaml" cargo build -q --manifest-path "$work/bare-yaml/Cargo.toml")")
  ds+=("$(secs bare-parser env CARGO_TARGET_DIR="$work/t-bare-parser" cargo build -q --manifest-path "$work/bare-parser/Cargo.toml")")
  es+=("$(secs bare-deps env CARGO_TARGET_DIR="$work/t-bare-deps" cargo build -q --manifest-path "$work/bare-deps/Cargo.toml")")
done
ma=$(median "${as[@]}"); mb=$(median "${bs[@]}"); mc=$(median "${cs[@]}"); md=$(median "${ds[@]}"); me=$(median "${es[@]}")
printf 'clean build, dev profile, no incremental state, %s runs\n' "$runs"
printf 'errcat-macros and deps: median %.1fs (runs: %s)\n' "$ma" "${as[*]}"
printf 'bare syn+quote+serde-derive macro: median %.1fs (runs: %s)\n' "$mb" "${bs[*]}"
printf 'bare macro + serde-saphyr (deserialize): median %.1fs (runs: %s)\n' "$mc" "${cs[*]}"
printf 'bare macro + saphyr-parser: median %.1fs (runs: %s)\n' "$md" "${ds[*]}"
printf 'bare macro + every dependency of errcat-core: median %.1fs (runs: %s)\n' "$me" "${es[*]}"
printf 'ratio errcat / bare: %.2f\n' "$(echo "$ma / $mb" | bc -l)"
printf 'ratio bare + errcat-core'"'"'s dependencies / bare (the floor without errcat'"'"'s own code): %.2f\n' "$(echo "$me / $mb" | bc -l)"
printf 'ratio bare + saphyr-parser / bare (the floor with the YAML parser errcat uses): %.2f\n' "$(echo "$md / $mb" | bc -l)"
printf 'ratio bare + serde-saphyr / bare (the loader errcat used before): %.2f\n' "$(echo "$mc / $mb" | bc -l)"
cpu() { median $(cat "$work/cpu-$1"); }
ca=$(cpu errcat); cb=$(cpu bare); ce=$(cpu bare-deps)
printf 'CPU (user + sys), medians: errcat %.1fs, bare %.1fs, bare + dependencies %.1fs\n' "$ca" "$cb" "$ce"
printf 'CPU ratio errcat / bare: %.2f; bare + dependencies / bare: %.2f\n' "$(echo "$ca / $cb" | bc -l)" "$(echo "$ce / $cb" | bc -l)"
