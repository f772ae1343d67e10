//! Envelopes (one JSON template per channel), their slots and the
//! catalog-wide members.

use super::*;

/// An envelope member declared under `members:` and placed by a `$name`
/// slot: a per-error value or a text made from the code.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The member's name, as written after `$`.
    pub name: Spanned<String>,
    /// What fills it.
    pub kind: MemberKind,
}

/// The two kinds of members.
#[derive(Debug, Clone, PartialEq)]
pub enum MemberKind {
    /// A typed value that the codes listing it carry as a field of their
    /// variant (Stripe's `param`), omitted when absent.
    Value(Field),
    /// A text rendered per code from `{code}`, `{category}`, `{status}`
    /// and `{channel}` (a documentation URL); codes may give their own.
    Template {
        /// The catalog's text.
        template: Spanned<String>,
        /// What the member is, for the docs.
        description: Option<String>,
    },
}

/// The wire envelope of one channel.
#[derive(Debug, Clone, PartialEq)]
pub struct Envelope {
    /// Channel name: `http`, or a non-HTTP channel such as `websocket`.
    pub channel: Spanned<String>,
    /// The JSON template.
    pub template: Template,
}

/// A JSON template: literal JSON with `$slot` strings.
#[derive(Debug, Clone, PartialEq)]
pub enum Template {
    /// A JSON object, members in order.
    Object(Vec<(String, Template)>),
    /// A JSON array.
    Array(Vec<Template>),
    /// A literal value (`"error"`, `1`, `true`, ...).
    Literal(serde_json::Value),
    /// A slot filled per error.
    Slot(Spanned<Slot>),
    /// A `$name` that names a declared member.
    Member(Spanned<String>),
    /// A `$name` that names no slot (reported by the checker).
    UnknownSlot(Spanned<String>),
}

/// What a template slot is filled with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Slot {
    /// The wire code.
    Code,
    /// The message, placeholders filled, or the response's own.
    Message,
    /// `$message?`: only a response's own message (OAuth's
    /// `error_description`), omitted when it has none.
    OptionalMessage,
    /// The details value; omitted for codes without details.
    Details,
    /// The category's wire name.
    Category,
    /// The HTTP status as a number; omitted on non-HTTP channels.
    Status,
    /// The request id from the caller's context; omitted when absent.
    RequestId,
    /// The timestamp from the caller's context; omitted when absent.
    Timestamp,
}

impl Slot {
    /// Every slot, in documentation order.
    pub const ALL: [Slot; 8] = [
        Slot::Code,
        Slot::Message,
        Slot::OptionalMessage,
        Slot::Details,
        Slot::Category,
        Slot::Status,
        Slot::RequestId,
        Slot::Timestamp,
    ];

    /// The slot's name as written after `$`.
    pub fn name(self) -> &'static str {
        match self {
            Slot::Code => "code",
            Slot::Message => "message",
            Slot::OptionalMessage => "message?",
            Slot::Details => "details",
            Slot::Category => "category",
            Slot::Status => "status",
            Slot::RequestId => "request_id",
            Slot::Timestamp => "timestamp",
        }
    }

    pub(crate) fn from_name(name: &str) -> Option<Slot> {
        Slot::ALL.into_iter().find(|s| s.name() == name)
    }
}

impl Template {
    /// Whether a slot or a member is anywhere in this node.
    pub fn has_slots(&self) -> bool {
        match self {
            Template::Slot(_) | Template::Member(_) | Template::UnknownSlot(_) => true,
            Template::Object(members) => members.iter().any(|(_, v)| v.has_slots()),
            Template::Array(items) => items.iter().any(Template::has_slots),
            Template::Literal(_) => false,
        }
    }

    /// The literal members that pick this object out among an array's
    /// elements (`"@type": "type.googleapis.com/google.rpc.ErrorInfo"`):
    /// its strings, numbers and booleans. Empty for other nodes.
    pub fn selectors(&self) -> Vec<(&str, &serde_json::Value)> {
        match self {
            Template::Object(members) => members
                .iter()
                .filter_map(|(k, v)| match v {
                    Template::Literal(l) if !l.is_null() => Some((k.as_str(), l)),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The scalar literals of this template outside its arrays (`ok:
    /// false`), which decoding checks when errors travel on a success
    /// status.
    pub fn literal_count(&self) -> usize {
        match self {
            Template::Object(members) => members
                .iter()
                .map(|(_, v)| match v {
                    Template::Literal(l) if !l.is_null() => 1,
                    other => other.literal_count(),
                })
                .sum(),
            _ => 0,
        }
    }

    /// Whether this array is a list of errors: one object element, with
    /// slots and nothing to select it by (JSON:API's `errors`).
    pub fn is_list(&self) -> bool {
        match self {
            Template::Array(items) => {
                matches!(items.as_slice(), [item @ Template::Object(_)]
                    if item.has_slots() && item.selectors().is_empty())
            }
            _ => false,
        }
    }

    /// The key path to this template's list of errors, and the list's
    /// element, if it has one.
    pub fn list(&self) -> Option<(Vec<&str>, &Template)> {
        match self {
            Template::Object(members) => members.iter().find_map(|(k, v)| {
                if v.is_list() {
                    let Template::Array(items) = v else {
                        return None;
                    };
                    return Some((vec![k.as_str()], &items[0]));
                }
                let (mut path, item) = v.list()?;
                path.insert(0, k.as_str());
                Some((path, item))
            }),
            _ => None,
        }
    }
}
