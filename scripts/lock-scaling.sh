#!/usr/bin/env bash
# The lock check and `errcat diff` against `errcat check` without a lock,
# at 1,000, 10,000 and 100,000 synthetic codes (issue 22: both linear, at
# most 2x). Prints the median of N runs (default 3) of each, in seconds.
#
#   bash scripts/lock-scaling.sh [N] [SIZES...]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
sizes=("${@:-1000 10000 100000}")
cargo build --release -q -p errcat-cli
bin=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/errcat
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# median SECONDS...: the middle value.
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# timed CMD...: median wall seconds of $runs runs (exit status ignored).
timed() {
  local t=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s.%N)
    t+=("$(echo "$e - $s" | bc)")
  done
  median "${t[@]}"
}

printf '%8s %10s %10s %10s %10s %10s %8s %8s %8s\n' codes check lock-same lock-break check2 diff same/1 break/1 diff/2
for n in ${sizes[@]}; do
  mkdir -p "$work/$n/plain" "$work/$n/locked" "$work/$n/broken"
  "$bin" synth "$n" > "$work/$n/plain/c.yaml"
  cp "$work/$n/plain/c.yaml" "$work/$n/locked/c.yaml"
  "$bin" lock "$work/$n/locked/c.yaml" 2>/dev/null
  # One code's status changed: the lock differs, the whole diff runs.
  sed '0,/status: 4\([0-9][0-9]\)$/s//status: 5\1/' "$work/$n/plain/c.yaml" > "$work/$n/broken/c.yaml"
  cp "$work/$n/locked/c.lock.yaml" "$work/$n/broken/"
  check=$(timed "$bin" check "$work/$n/plain/c.yaml")
  same=$(timed "$bin" check "$work/$n/locked/c.yaml")
  broken=$(timed "$bin" check "$work/$n/broken/c.yaml")
  check2=$(timed "$bin" check "$work/$n/plain/c.yaml" "$work/$n/broken/c.yaml")
  diff=$(timed "$bin" diff "$work/$n/plain/c.yaml" "$work/$n/broken/c.yaml")
  printf '%8s %10.3f %10.3f %10.3f %10.3f %10.3f %8.2f %8.2f %8.2f\n' "$n" "$check" "$same" "$broken" "$check2" "$diff" \
    "$(echo "$same / $check" | bc -l)" "$(echo "$broken / $check" | bc -l)" "$(echo "$diff / $check2" | bc -l)"
done
