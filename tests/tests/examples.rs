//! Examples never lie: for every code of every catalog in the repository
//! (the seeds, the test catalogs, the ui pass catalogs, the snapshot's and a
//! synthetic one), the rendered example (`errcat example`, the docs, the
//! rustdoc) decodes through the generated code as that code, and the
//! decoded error serializes back to the same bytes (to the same JSON where
//! a map's entries, which examples keep in the catalog's order, come back
//! sorted). Codes without `example:` are rendered from their schema.

use std::fmt::Debug;

use errcat::{CatalogCode as _, CatalogError, Decoded, Received};

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Checks every code of the catalog at `path` (relative to `tests/`).
fn every_example_decodes<E: CatalogError + Debug + PartialEq>(
    path: &str,
    decode: impl Fn(&[u8]) -> Result<Received<E>, errcat::DecodeError>,
) -> usize {
    let catalog = errcat_core::compile_file(&root().join(path), path).expect("catalog compiles");
    for code in &catalog.codes {
        let wire = &code.code.value;
        let text = serde_json::to_string(&errcat_core::render::example(&catalog, code)).unwrap();
        let got = decode(text.as_bytes()).unwrap_or_else(|e| panic!("{path} {wire}: {e}\n{text}"));
        let Decoded::Known(e) = &got.error else {
            panic!("{path} {wire}: decoded as unknown\n{text}")
        };
        assert_eq!(e.code().as_str(), wire, "{path}: {text}");
        let mut env = e.envelope();
        if let Some(id) = &got.request_id {
            env = env.request_id(id);
        }
        if let Some(ts) = got.timestamp {
            env = env.timestamp(ts);
        }
        let back = serde_json::to_string(&env).unwrap();
        context_round_trips(path, e, &decode);
        // Examples keep a map's entries in the catalog's order, the wire's
        // `BTreeMap` sorts them: equal as JSON; byte for byte otherwise.
        if code.holds_map(&catalog) {
            let value = |t: &str| serde_json::from_str::<serde_json::Value>(t).unwrap();
            assert_eq!(value(&back), value(&text), "{path} {wire}");
        } else {
            assert_eq!(back, text, "{path} {wire}");
        }
    }
    catalog.codes.len()
}

/// The constructed error with a request id and a timestamp decodes back to
/// an equal error, with both wherever the envelope writes them.
fn context_round_trips<E: CatalogError + Debug + PartialEq>(
    path: &str,
    e: &E,
    decode: &impl Fn(&[u8]) -> Result<Received<E>, errcat::DecodeError>,
) {
    let ts: errcat::Timestamp = "2024-01-15T10:30:00Z".parse().unwrap();
    let text = serde_json::to_string(&e.envelope().request_id("req-ctx").timestamp(ts)).unwrap();
    let got = decode(text.as_bytes()).unwrap_or_else(|err| panic!("{path}: {err}\n{text}"));
    assert!(
        matches!(&got.error, Decoded::Known(g) if g == e),
        "{path}: {text}"
    );
    let id = text.contains("req-ctx").then_some("req-ctx");
    assert_eq!(got.request_id.as_deref(), id, "{path}: {text}");
    let at = text.contains("2024-01-15T10:30:00Z").then_some(ts);
    assert_eq!(got.timestamp, at, "{path}: {text}");
}

macro_rules! catalogs {
    ($($name:ident: $path:literal),* $(,)?) => {$(
        mod $name {
            #[errcat::catalog($path)]
            #[derive(Debug, Clone, PartialEq)]
            pub enum Api {}
        }
    )*
        #[test]
        fn every_rendered_example_decodes_through_the_generated_code() {
            let mut total = 0;
            total += every_example_decodes("../catalog/hexabase.yaml", errcat_tests::hexabase::HexabaseError::from_envelope);
            total += every_example_decodes("../catalog/hook0.yaml", errcat_tests::hook0::Hook0Error::from_envelope);
            $(total += every_example_decodes($path, $name::Api::from_envelope);)*
            println!("{total} codes");
            assert!(total > 150, "{total}");
        }
    };
}

catalogs! {
    wire_codes: "catalogs/wire_codes.yaml",
    sqlstate: "catalogs/sqlstate.yaml",
    kubernetes: "catalogs/kubernetes.yaml",
    grpc: "catalogs/grpc.yaml",
    grpc_numeric: "catalogs/grpc_numeric.yaml",
    optional_details: "catalogs/optional_details.yaml",
    stripe: "catalogs/stripe.yaml",
    problem: "catalogs/problem.yaml",
    lifecycle: "catalogs/lifecycle.yaml",
    synthetic: "catalogs/synthetic.yaml",
    small: "snapshots/small.yaml",
    edge_cases: "ui/pass/edge_cases.yaml",
    hygiene: "ui/pass/hygiene.yaml",
    tricky: "ui/pass/tricky.yaml",
}

/// The generated shapes (`errcat_core::synth::shapes`), 24 channels of
/// seed 24; `UPDATE_SNAPSHOTS=1` rewrites the file.
#[test]
fn the_generated_shapes_are_current() {
    let file = root().join("catalogs/shapes_generated.yaml");
    let generated = errcat_core::synth::shapes::catalog(24, 24);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&file, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        committed, generated,
        "regenerate: UPDATE_SNAPSHOTS=1 cargo test -p errcat-tests --test examples"
    );
}

#[test]
fn the_synthetic_catalog_is_current() {
    let committed = std::fs::read_to_string(root().join("catalogs/synthetic.yaml")).unwrap();
    assert_eq!(
        committed,
        errcat_core::synth::catalog(40),
        "regenerate: errcat synth 40"
    );
}
