//! The checked form: what the pipeline hands every consumer.
//!
//! A [`Checked`] catalog is one the checks passed (or one recovery
//! repaired until they pass), with every default resolved and every
//! catalog-wide name decided once by [`crate::resolve`]: each code's
//! variant and constructor, status, statuses, category, channel and
//! inherited members and headers, and each operation's codes. Only the
//! pipeline makes one ([`crate::compile_file`] and the recovering
//! variants), so a function that takes `&Checked` cannot be handed a
//! model that was never checked. Every consumer takes it: the expansion
//! and the derive (through `valid`, which adds the names that
//! depend on the user's item), the renderers, the example engine, the lock
//! and the diff, the hand-written equivalent. It reads as the model
//! through `Deref`; there is no way to change it.

use std::ops::Deref;

use crate::model::Catalog;

/// A checked and resolved catalog (see the module's documentation).
#[derive(Debug, Clone, PartialEq)]
pub struct Checked(Catalog);

impl Checked {
    /// Wraps a catalog the pipeline has resolved and checked.
    pub(crate) fn new(catalog: Catalog) -> Checked {
        Checked(catalog)
    }

    /// A catalog taken as checked without checking it: for tests that
    /// prove the consumers refuse, without a panic, what the checks would
    /// have refused.
    #[doc(hidden)]
    pub fn unchecked(catalog: Catalog) -> Checked {
        Checked(catalog)
    }

    /// The model, to take apart (a recovered catalog, a test's edit).
    pub fn into_inner(self) -> Catalog {
        self.0
    }
}

impl Deref for Checked {
    type Target = Catalog;
    fn deref(&self) -> &Catalog {
        &self.0
    }
}
