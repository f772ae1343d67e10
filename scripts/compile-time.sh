#!/usr/bin/env bash
# Compile time of generated code vs the idiomatic hand-written equivalent.
# Builds, side by side in one run, (a) a crate using #[errcat::catalog] on a
# synthetic catalog of N codes and (b) the hand-written equivalent of the
# same errors (thiserror Display, serde derive, a strum-style code enum, a
# status match), and reports `cargo check` and `cargo build` wall times of
# the crate itself (dependencies prebuilt) over RUNS runs, a/b.
#
# With OPS, the catalog has OPS operations (about 13 codes each), and (b)
# an enum per operation with its conversions, as error_set or smithy-rs
# users write them.
#
#   bash scripts/compile-time.sh [N=1000] [RUNS=3] [OPS=0]
set -euo pipefail
n="${1:-1000}"
runs="${2:-3}"
ops="${3:-0}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/target/compile-time"
rm -rf "$work/a" "$work/b"
mkdir -p "$work/a/src" "$work/b/src"
cargo build -q --release --bin errcat --manifest-path "$root/Cargo.toml"
errcat="$root/target/release/errcat"
"$errcat" synth "$n" "$ops" > "$work/a/catalog.yaml"
"$errcat" handwritten "$work/a/catalog.yaml" > "$work/b/src/lib.rs"
cat > "$work/a/src/lib.rs" <<'RS'
//! Errors from the catalog, through the macro.
#![allow(missing_docs, deprecated)]
/// The API's errors.
#[errcat::catalog("catalog.yaml")]
#[derive(Clone, PartialEq)]
pub enum ApiError {}
RS
source "$root/scripts/lib.sh"
errcat_user_crate "$root" "$work/a" ct-macro
cat > "$work/b/Cargo.toml" <<TOML
[package]
name = "ct-hand"
version = "0.0.0"
edition = "2024"
publish = false
[dependencies]
errcat = { path = "$root/runtime" }
thiserror = "2"
serde = { version = "1", features = ["derive"] }
serde_json = "1"
http = "1"
jiff = { version = "0.2", features = ["serde"] }
[workspace]
TOML
export CARGO_TARGET_DIR="$work/target"
for c in a b; do (cd "$work/$c" && cargo build -q 2>/dev/null && cargo check -q 2>/dev/null); done

time_cmd() { # dir, cargo subcommand -> seconds
  local dir="$1" sub="$2"
  touch "$dir/src/lib.rs"
  local start end
  start=$(date +%s.%N)
  (cd "$dir" && cargo "$sub" -q 2>/dev/null) || { echo "cargo $sub failed in $dir" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

for sub in check build; do
  as=(); bs=()
  for _ in $(seq "$runs"); do
    as+=("$(time_cmd "$work/a" "$sub")")
    bs+=("$(time_cmd "$work/b" "$sub")")
  done
  ma=$(median "${as[@]}"); mb=$(median "${bs[@]}")
  mina=$(printf '%s\n' "${as[@]}" | sort -g | head -1); maxa=$(printf '%s\n' "${as[@]}" | sort -g | tail -1)
  minb=$(printf '%s\n' "${bs[@]}" | sort -g | head -1); maxb=$(printf '%s\n' "${bs[@]}" | sort -g | tail -1)
  printf 'cargo %-5s N=%s OPS=%s  macro: median %.2fs (min %.2f, max %.2f)  hand-written: median %.2fs (min %.2f, max %.2f)  a/b = %.2f\n' \
    "$sub" "$n" "$ops" "$ma" "$mina" "$maxa" "$mb" "$minb" "$maxb" "$(echo "$ma / $mb" | bc -l)"
done
