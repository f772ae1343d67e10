#!/usr/bin/env bash
# The test command: installs what the tests need besides Rust (Python's
# JSON Schema and OpenAPI validators, TypeScript from the lockfile), then
# runs every test of the workspace. Arguments go to `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -r tests/tools/requirements.txt
npm ci --prefix tests/ts --no-audit --no-fund --loglevel=error
cargo test --workspace "$@"
