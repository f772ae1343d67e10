# Shared by the scripts in this directory (source it; it runs nothing).

# errcat_user_crate ROOT DIR NAME: a scratch crate at DIR, named NAME, that
# depends on the errcat runtime of the checkout at ROOT, as a user's would.
errcat_user_crate() {
  mkdir -p "$2/src"
  cat > "$2/Cargo.toml" <<TOML
[package]
name = "$3"
version = "0.0.0"
edition = "2024"
publish = false
[dependencies]
errcat = { path = "$1/runtime" }
[workspace]
TOML
}
