//! The expansion of a small catalog, formatted with prettyplease, is a
//! reviewed snapshot: every codegen change shows up as a diff of
//! tests/snapshots/small.expanded.rs. Regenerate with
//! `UPDATE_SNAPSHOTS=1 cargo test -p errcat-tests --test expand_snapshot`.

use std::path::PathBuf;

use errcat_core::expand::{Bases, catalog_attribute};
use quote::quote;

fn expand() -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let tokens = catalog_attribute(
        quote!("snapshots/small.yaml"),
        quote!(
            /// Errors of the small API.
            #[derive(Debug, Clone, PartialEq)]
            pub enum SmallError {}
        ),
        &Bases {
            manifest_dir: dir,
            source_dir: None,
        },
    );
    let file: syn::File = syn::parse2(tokens).expect("expansion parses as a file");
    prettyplease::unparse(&file)
}

#[test]
fn expansion_matches_the_snapshot() {
    let got = expand();
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("snapshots/small.expanded.rs");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        got == want,
        "expansion changed; review and regenerate with UPDATE_SNAPSHOTS=1\n--- got ---\n{got}"
    );
}

/// The second expansion is served by the mtime cache: it must equal the first.
#[test]
fn expansion_is_deterministic_and_cached_output_equals_fresh() {
    assert_eq!(expand(), expand());
}

/// A map-typed example keeps the order the catalog writes (Hexabase's
/// `VALIDATION_ERROR`: `name`, then `email`) in the rustdoc, as in
/// `errcat example` and the docs (`cli/tests/seeds.rs`).
#[test]
fn rustdoc_examples_keep_a_maps_written_order() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let tokens = catalog_attribute(
        quote!("../catalog/hexabase.yaml"),
        quote!(
            pub enum HexabaseError {}
        ),
        &Bases {
            manifest_dir: dir,
            source_dir: None,
        },
    );
    let text = tokens.to_string();
    let doc = text
        .find("Invalid email format")
        .zip(text.find("Name is required"))
        .expect("the example is in the rustdoc");
    assert!(doc.1 < doc.0, "`name` comes before `email`");
}
