#!/usr/bin/env python3
"""Median, min and max per benchmark from criterion's saved samples.

    python3 scripts/bench-summary.py [BASELINE=new] [FILTER]

Reads target/criterion/<group>/<bench>/<BASELINE>/sample.json (per-sample
total time and iteration count) and prints the per-iteration median, min and
max of each benchmark whose id contains FILTER.
"""
import json
import pathlib
import statistics
import sys

baseline = sys.argv[1] if len(sys.argv) > 1 else "new"
needle = sys.argv[2] if len(sys.argv) > 2 else ""
root = pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"


def fmt(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


for sample in sorted(root.glob(f"**/{baseline}/sample.json")):
    bench = sample.parent.parent.relative_to(root).as_posix()
    if needle not in bench:
        continue
    data = json.loads(sample.read_text())
    per_iter = [t / n for t, n in zip(data["times"], data["iters"])]
    print(f"{bench:55} median {fmt(statistics.median(per_iter)):>10}  "
          f"min {fmt(min(per_iter)):>10}  max {fmt(max(per_iter)):>10}  ({len(per_iter)} samples)")
