//! Object details read in one pass into the fields generated code names.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, IgnoredAny, MapAccess, Visitor};

use super::key::Key;

/// The fields of object details, read in one pass: a list
/// `(Option<A>, (Option<B>, ()))` that generated code destructures, each
/// type inferred from the variant's field.
#[doc(hidden)]
pub trait FieldSet<'de>: Default {
    /// Reads the value of field `i`; a field named twice is an error.
    fn visit<M: MapAccess<'de>>(&mut self, i: usize, map: &mut M) -> Result<(), M::Error>;
}

impl<'de> FieldSet<'de> for () {
    fn visit<M: MapAccess<'de>>(&mut self, _: usize, map: &mut M) -> Result<(), M::Error> {
        map.next_value::<IgnoredAny>().map(drop)
    }
}

impl<'de, H: serde::Deserialize<'de>, T: FieldSet<'de>> FieldSet<'de> for (Option<H>, T) {
    fn visit<M: MapAccess<'de>>(&mut self, i: usize, map: &mut M) -> Result<(), M::Error> {
        match i {
            0 if self.0.is_none() => self.0 = Some(map.next_value()?),
            // Parsers disagree on which of two counts: neither does.
            0 => return Err(de::Error::custom("duplicate field")),
            _ => self.1.visit(i - 1, map)?,
        }
        Ok(())
    }
}

/// Reads object details (`null` counts as `{}`) in one pass into `F`, a
/// list `(Option<A>, (Option<B>, ()))` of the fields `names`, in that
/// order; other keys are skipped.
pub fn fields<'de, D: de::Deserializer<'de>, F: FieldSet<'de>>(
    details: D,
    names: &'static [&'static str],
) -> Result<F, D::Error> {
    details.deserialize_any(FieldsVisitor(names, PhantomData))
}

/// A field read by [`fields`]; absent counts as `null`, so optional fields
/// may be left out.
pub fn field<T: de::DeserializeOwned, E: de::Error>(value: Option<T>, name: &str) -> Result<T, E> {
    match value {
        Some(v) => Ok(v),
        None => T::deserialize(serde_json::Value::Null)
            .map_err(|e| E::custom(format_args!("field `{name}`: {e}"))),
    }
}

/// Skips details a code does not have.
pub fn skip<'de, D: de::Deserializer<'de>>(details: D) -> Result<(), D::Error> {
    details.deserialize_ignored_any(IgnoredAny).map(drop)
}

struct FieldsVisitor<'n, F>(&'n [&'n str], PhantomData<F>);

impl<'de, F: FieldSet<'de>> Visitor<'de> for FieldsVisitor<'_, F> {
    type Value = F;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("details to be an object")
    }
    fn visit_unit<E: de::Error>(self) -> Result<F, E> {
        Ok(F::default())
    }
    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<F, M::Error> {
        let mut fields = F::default();
        let mut next = 0;
        while let Some(i) = map.next_key_seed(Key {
            names: self.0,
            next,
        })? {
            next = i.map_or(next, |i| i + 1);
            match i {
                Some(i) => fields
                    .visit(i, &mut map)
                    .map_err(|e| de::Error::custom(format_args!("field `{}`: {e}", self.0[i])))?,
                None => map.next_value::<IgnoredAny>().map(drop)?,
            }
        }
        Ok(fields)
    }
}
