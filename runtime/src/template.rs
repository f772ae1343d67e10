//! Envelope templates, as the macro writes them into generated code. The
//! slot list mirrors `errcat_core::model::Slot`: the core runs at compile
//! time on the host and this crate at run time, so neither depends on the
//! other.

/// What a template slot is filled with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The wire code.
    Code,
    /// The message.
    Message,
    /// The response's own message, when it has one (`$message?`).
    OptionalMessage,
    /// The details; omitted for codes without details.
    Details,
    /// The category's wire name.
    Category,
    /// The HTTP status number; omitted on non-HTTP channels.
    Status,
    /// The request id of the context; omitted when absent.
    RequestId,
    /// The timestamp of the context; omitted when absent.
    Timestamp,
}

/// A JSON template with slots, as a `static` tree.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Template {
    /// An object; an object whose members are all omitted is omitted too.
    Object(&'static [(&'static str, Template)]),
    /// An array.
    Array(&'static [Template]),
    /// A literal string.
    Str(&'static str),
    /// A literal signed integer.
    I64(i64),
    /// A literal unsigned integer.
    U64(u64),
    /// A literal float.
    F64(f64),
    /// A literal boolean.
    Bool(bool),
    /// `null`.
    Null,
    /// A slot.
    Slot(Slot),
    /// A member declared by the catalog (`$param`, `$doc_url`).
    Member(&'static str),
}

impl Template {
    /// Whether a slot or a member is anywhere in this node.
    pub(crate) fn has_slots(&self) -> bool {
        match self {
            Template::Slot(_) | Template::Member(_) => true,
            Template::Object(members) => members.iter().any(|(_, v)| v.has_slots()),
            Template::Array(items) => items.iter().any(Template::has_slots),
            _ => false,
        }
    }

    /// Whether this node is a literal that picks an object out among an
    /// array's elements (a string, number or boolean).
    pub(crate) fn is_selector(&self) -> bool {
        matches!(
            self,
            Template::Str(_)
                | Template::I64(_)
                | Template::U64(_)
                | Template::F64(_)
                | Template::Bool(_)
        )
    }

    /// The element of this array when it is a list of errors: one object
    /// with slots and no literal to select it by (the checker's rule).
    pub(crate) fn list_element(&self) -> Option<&'static [(&'static str, Template)]> {
        let Template::Array(items) = *self else {
            return None;
        };
        match items {
            [item @ Template::Object(members)]
                if item.has_slots() && !members.iter().any(|(_, v)| v.is_selector()) =>
            {
                Some(members)
            }
            _ => None,
        }
    }

    /// The scalar literals of this template outside its arrays (`ok:
    /// false`), which decoding checks when errors travel on a success
    /// status (the macro's `Template::literal_count`).
    pub(crate) fn literal_count(&self) -> usize {
        match self {
            Template::Object(members) => members
                .iter()
                .map(|(_, v)| {
                    if v.is_selector() {
                        1
                    } else {
                        v.literal_count()
                    }
                })
                .sum(),
            _ => 0,
        }
    }

    /// Whether `value` equals this literal.
    pub(crate) fn matches(&self, value: &serde_json::Value) -> bool {
        use serde_json::Value;
        match (self, value) {
            (Template::Str(s), Value::String(v)) => s == v,
            (Template::Bool(b), Value::Bool(v)) => b == v,
            (Template::U64(n), Value::Number(v)) => v.as_u64() == Some(*n),
            (Template::I64(n), Value::Number(v)) => v.as_i64() == Some(*n),
            (Template::F64(n), Value::Number(v)) => v.as_f64() == Some(*n),
            _ => false,
        }
    }
}
