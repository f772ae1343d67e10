//! The macros' one road, for the attribute and the derive alike: the
//! catalog path resolved once (with its lock file, see
//! [`Resolved`](crate::expand::Resolved)), the cache asked, then load →
//! resolve → check → lock check, and the outcome handed to the item's
//! expansion: a sound catalog (with the lock's mistakes, if any), or the
//! diagnostics with the catalog repaired for an expansion beside them.

use proc_macro2::TokenStream;

use crate::Checked;
use crate::Failed;
use crate::cache::{Output, expand_cached};
use crate::diag::Diagnostic;
use crate::expand::Resolved;

/// What the pipeline made of a catalog.
// One value per expansion, moved once: its size does not matter.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Compiled {
    /// It checks; `locked` holds the breaking changes against its lock.
    Sound {
        /// The checked catalog.
        catalog: Checked,
        /// The lock check's mistakes.
        locked: Vec<Diagnostic>,
    },
    /// It does not; what could be repaired is in `Failed::recovered`.
    Failed(Failed),
}

/// Runs the pipeline on `source` for `item` (`kind` tells the attribute
/// from the derive in the cache), and `expand` on its outcome; a cached
/// expansion of the same inputs is served instead.
pub(crate) fn run(
    source: &Resolved,
    item: &TokenStream,
    kind: &'static str,
    expand: impl FnOnce(Compiled) -> Output,
) -> Output {
    expand_cached(source, item, kind, || expand(compile(source)))
}

fn compile(source: &Resolved) -> Compiled {
    match crate::compile_file_recovering(&source.path, &source.rel) {
        Ok(catalog) => {
            let locked = crate::evolve::check_lock_file(
                &catalog,
                &source.lock,
                &source.lock_rel,
                &source.rel,
            );
            Compiled::Sound { catalog, locked }
        }
        Err(failed) => Compiled::Failed(failed),
    }
}
