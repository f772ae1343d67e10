#!/usr/bin/env bash
# Shows that cargo rebuilds a user crate when its catalog changes, and that
# a no-op build does not re-run the macro. Builds a throwaway crate that
# depends on errcat by path, in target/rebuild-check.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/target/rebuild-check"
rm -rf "$work/user"
mkdir -p "$work/user/src" "$work/user/catalog"
source "$root/scripts/lib.sh"
errcat_user_crate "$root" "$work/user" rebuild-user
cat > "$work/user/catalog/api.yaml" <<'YAML'
name: api
envelopes:
  http: {error: {code: $code, message: $message}}
categories:
  client: {status: 400}
codes:
  FIRST: {category: client, message: First}
YAML
cat > "$work/user/src/main.rs" <<'RS'
#[errcat::catalog("catalog/api.yaml")]
pub enum ApiError {}
fn main() {
    println!("{}", ApiErrorCode::ALL.len());
}
RS
# The CLI, built where the workspace builds (CARGO_TARGET_DIR may be set).
(cd "$root" && cargo build -q --bin errcat)
root_target=$(cd "$root" && cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
errcat_bin="$root_target/debug/errcat"
export CARGO_TARGET_DIR="$work/target"
cd "$work/user"
build() { cargo build -v 2>&1 | grep -E "rebuild-user" || true; }

echo "== first build"
build >/dev/null
[ "$(cargo run -q)" = "1" ] || { echo "FAIL: expected 1 code"; exit 1; }

echo "== no-op build"
out=$(build)
if echo "$out" | grep -q "Compiling rebuild-user"; then
  echo "FAIL: a no-op build recompiled the crate (the macro ran again)"; exit 1
fi
echo "ok: crate is fresh, the macro did not run"

echo "== catalog changed"
printf '  SECOND: {category: client, message: Second}\n' >> catalog/api.yaml
out=$(build)
echo "$out" | grep -q "Compiling rebuild-user" || { echo "FAIL: catalog change did not rebuild"; exit 1; }
[ "$(cargo run -q)" = "2" ] || { echo "FAIL: the new code is missing"; exit 1; }
echo "ok: the change rebuilt the crate and the new code is there"

echo "== lock file written, then changed"
"$errcat_bin" lock catalog/api.yaml
out=$(build)
echo "$out" | grep -q "Compiling rebuild-user" || { echo "FAIL: a new lock file did not rebuild"; exit 1; }
build >/dev/null
# Lock a catalog without SECOND: the build must now fail (a removed code).
sed -i '/SECOND/d' catalog/api.yaml
"$errcat_bin" lock catalog/api.yaml
printf '  SECOND: {category: client, message: Second}\n' >> catalog/api.yaml
build >/dev/null
sed -i 's/FIRST: {category: client, message: First}/FIRST: {category: client, message: First, status: 409}/' catalog/api.yaml
if cargo build -q 2>/dev/null; then echo "FAIL: a breaking change against the lock compiled"; exit 1; fi
echo "ok: the lock file is an input of the build, and a breaking change fails it"
