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
