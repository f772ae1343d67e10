//! Keys matched against the names a template or a code expects, without
//! allocating. Bodies list their keys in the order the catalog writes them,
//! so the name after the last one matched is tried first.

use std::fmt;

use serde::de::{self, DeserializeSeed, Visitor};

use crate::template::Template;

/// Something with a name to match a key against.
pub(super) trait Named {
    fn name(&self) -> &str;
}

impl Named for &str {
    fn name(&self) -> &str {
        self
    }
}

impl Named for (&'static str, Template) {
    fn name(&self) -> &str {
        self.0
    }
}

/// `a == b`, inline: keys are short, and a call to `memcmp` costs more
/// than comparing them.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a == b
}

/// A key's index among `names`; `next` is where the last match left off.
pub(super) struct Key<'n, T> {
    pub names: &'n [T],
    pub next: usize,
}

impl<T: Named> Key<'_, T> {
    fn find(&self, k: &str) -> Option<usize> {
        match self.names.get(self.next) {
            Some(n) if same(n.name(), k) => Some(self.next),
            _ => self.names.iter().position(|n| same(n.name(), k)),
        }
    }
}

impl<'de, T: Named> DeserializeSeed<'de> for Key<'_, T> {
    type Value = Option<usize>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Option<usize>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de, T: Named> Visitor<'de> for Key<'_, T> {
    type Value = Option<usize>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, k: &str) -> Result<Option<usize>, E> {
        Ok(self.find(k))
    }
}
