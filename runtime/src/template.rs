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
