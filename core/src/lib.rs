//! The errcat pipeline, as a plain library that the proc macro, the CLI,
//! tests and benchmarks share. Each stage reads what the one before made:
//!
//! | stage | module | reads | produces |
//! |---|---|---|---|
//! | load | [`load`] | the catalog's bytes | a tree that keeps every location |
//! | build | [`model::build()`] | the tree | the model ([`model`]), shape mistakes |
//! | resolve | [`resolve`] | the model | every code's names and defaults, once |
//! | check | [`check`] | the resolved model, read only | every rule's mistakes |
//! | checked form | [`checked`] | a model the checks passed | [`Checked`], what every stage below takes |
//! | recovery | `recover` | a model with mistakes | a [`Checked`] to expand beside them |
//! | lock | [`evolve`] | [`Checked`], its lock file | breaking changes |
//! | entry | `entry` | the macro's catalog path | the above, through the [`cache`] |
//! | examples | [`example`] | [`Checked`] | each code's example in its envelope |
//! | item form | `valid` | [`Checked`], the user's item | the names that depend on the item (`ApiErrorCode`, ...) and the shapes for one expansion |
//! | expand | [`expand`], [`derive`](mod@derive) | the item form | Rust code as text ([`quasi`]) |
//! | render | [`render`] | [`Checked`] | examples, references, schemas |
//!
//! Every stage collects all of its mistakes; [`compile_file`] reports them
//! together.

#![forbid(unsafe_code)]
#![warn(missing_debug_implementations)]
#![warn(missing_docs)]

pub mod cache;
pub mod check;
pub mod checked;
pub mod derive;
pub mod diag;
mod entry;
pub mod evolve;
pub mod example;
pub mod expand;
#[cfg(feature = "tooling")]
pub mod handwritten;
pub mod load;
pub mod model;
mod names;
pub mod quasi;
mod recover;
pub mod render;
pub mod resolve;
pub(crate) mod rust_ty;
#[cfg(feature = "tooling")]
pub mod schema;
#[cfg(feature = "tooling")]
pub mod synth;
pub mod timestamp;
pub(crate) mod valid;

use std::path::Path;

pub use checked::Checked;
pub use diag::{Diagnostic, Diagnostics, Loc, Source};
pub use model::Catalog;

/// Loads, builds and checks the catalog at `path`, shown as `display` in
/// diagnostics. Returns every mistake at once.
pub fn compile_file(path: &Path, display: &str) -> Result<Checked, Vec<Diagnostic>> {
    let mut cx = Diagnostics::new();
    let root = load::load_file(path, display, &mut cx);
    finish(root, cx)
}

/// Like [`compile_file`] for text held in memory.
pub fn compile_str(display: &str, text: &[u8]) -> Result<Checked, Vec<Diagnostic>> {
    let mut cx = Diagnostics::new();
    let root = load::load_bytes(display, text, &mut cx);
    finish(root, cx)
}

/// A catalog whose check failed: every mistake, and, where the mistakes are
/// confined to codes, a repaired catalog to expand next to them so that the
/// build shows no cascade (`recover.rs`).
#[derive(Debug)]
pub struct Failed {
    /// Every mistake, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The catalog with broken codes repaired or left out, when possible.
    pub recovered: Option<Box<Checked>>,
}

/// Like [`compile_file`], with a recovered catalog when it fails.
pub fn compile_file_recovering(path: &Path, display: &str) -> Result<Checked, Failed> {
    let mut cx = Diagnostics::new();
    let root = load::load_file(path, display, &mut cx);
    finish_recovering(root, cx)
}

/// Like [`compile_str`], with a recovered catalog when it fails.
pub fn compile_str_recovering(display: &str, text: &[u8]) -> Result<Checked, Failed> {
    let mut cx = Diagnostics::new();
    let root = load::load_bytes(display, text, &mut cx);
    finish_recovering(root, cx)
}

fn finish_recovering(root: Option<load::Node>, mut cx: Diagnostics) -> Result<Checked, Failed> {
    let Some(root) = root else {
        return Err(Failed {
            diagnostics: cx.into_vec(),
            recovered: None,
        });
    };
    let mut catalog = model::build(&root, &mut cx);
    resolve::resolve(&mut catalog);
    check::check(&catalog, &mut cx);
    if cx.is_empty() {
        return Ok(Checked::new(catalog));
    }
    // Whatever the model built is repaired and re-checked: its expansion
    // only stands beside the diagnostics, to spare user code a cascade.
    Err(Failed {
        diagnostics: cx.into_vec(),
        recovered: recover::recover(catalog).map(|c| Box::new(Checked::new(c))),
    })
}

/// Builds and checks the loaded tree. Mistakes the loader recovered from
/// (duplicate keys, tags) are reported with the model's and checker's.
fn finish(root: Option<load::Node>, mut cx: Diagnostics) -> Result<Checked, Vec<Diagnostic>> {
    let Some(root) = root else {
        return Err(cx.into_vec());
    };
    let mut catalog = model::build(&root, &mut cx);
    resolve::resolve(&mut catalog);
    check::check(&catalog, &mut cx);
    if cx.is_empty() {
        Ok(Checked::new(catalog))
    } else {
        Err(cx.into_vec())
    }
}
