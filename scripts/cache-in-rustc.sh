#!/usr/bin/env bash
# What a macro use costs inside rustc, fresh and served by the cache: a
# crate with N uses of each seed catalog is checked with ERRCAT_TIMINGS=1,
# which makes the macro print its own time per use. Run in the default dev
# profile (the macro unoptimized) and with
# `[profile.dev.build-override] opt-level = 3`.
#
#   bash scripts/cache-in-rustc.sh [N=10]
set -euo pipefail
n="${1:-10}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/target/cache-in-rustc"
source "$root/scripts/lib.sh"
errcat_user_crate "$root" "$work" cache-in-rustc
cp "$root/Cargo.lock" "$work/Cargo.lock"
{
  echo '#![allow(missing_docs)]'
  for seed in hexabase hook0; do
    for i in $(seq "$n"); do
      printf 'pub mod %s_%s {\n    #[errcat::catalog("%s/catalog/%s.yaml")]\n    pub enum ApiError {}\n}\n' "$seed" "$i" "$root" "$seed"
    done
  done
} > "$work/src/lib.rs"
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
run() {
  local label="$1"; shift
  env "$@" cargo check -q --manifest-path "$work/Cargo.toml" >/dev/null 2>&1
  touch "$work/src/lib.rs"
  local out
  out="$(env "$@" ERRCAT_TIMINGS=1 cargo check --manifest-path "$work/Cargo.toml" 2>&1 | grep '^errcat: ')"
  for seed in hexabase hook0; do
    local fresh hits
    fresh=$(printf '%s\n' "$out" | grep "$seed.yaml" | grep expanded | sed 's/.*expanded: \([0-9.]*\) ms.*/\1/' | head -1)
    local lexes
    mapfile -t hits < <(printf '%s\n' "$out" | grep "$seed.yaml" | grep 'cache hit' | sed 's/.*cache hit: \([0-9.]*\) ms.*/\1/')
    mapfile -t lexes < <(printf '%s\n' "$out" | grep "$seed.yaml" | grep 'cache hit' | sed 's/.*lexing the text: \([0-9.]*\) ms.*/\1/')
    printf '%-28s %-9s fresh %8.3f ms   cache hit median %6.3f ms (min %s, max %s, %s hits), of which the compiler lexing the text %6.3f ms\n' \
      "$label" "$seed" "$fresh" "$(median "${hits[@]}")" \
      "$(printf '%s\n' "${hits[@]}" | sort -g | head -1)" "$(printf '%s\n' "${hits[@]}" | sort -g | tail -1)" "${#hits[@]}" \
      "$(median "${lexes[@]}")"
  done
}
run "dev profile" CARGO_PROFILE_DEV_BUILD_OVERRIDE_OPT_LEVEL=0
run "build-override opt-level=3" CARGO_PROFILE_DEV_BUILD_OVERRIDE_OPT_LEVEL=3
