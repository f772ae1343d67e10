/// `Plan`, a detail type of the `small` catalog.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    ::errcat::__private::serde::Serialize,
    ::errcat::__private::serde::Deserialize
)]
#[serde(crate = "::errcat::__private::serde")]
pub enum Plan {
    /// `free`
    #[serde(rename = "free")]
    Free,
    /// `paid`
    #[serde(rename = "paid")]
    Paid,
}
impl Plan {
    /// The wire value.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Free => "free",
            Self::Paid => "paid",
        }
    }
}
impl ::errcat::__private::core::fmt::Display for Plan {
    fn fmt(
        &self,
        f: &mut ::errcat::__private::core::fmt::Formatter<'_>,
    ) -> ::errcat::__private::core::fmt::Result {
        f.write_str(self.as_str())
    }
}
/// One item.
#[derive(
    Clone,
    PartialEq,
    ::errcat::__private::serde::Serialize,
    ::errcat::__private::serde::Deserialize
)]
#[serde(crate = "::errcat::__private::serde")]
pub struct Item {
    /// `id`
    ///
    /// Wire type: `string`.
    pub id: ::errcat::__private::std::string::String,
    /// `note`
    ///
    /// Wire type: `string?`.
    #[serde(
        default,
        skip_serializing_if = "::errcat::__private::core::option::Option::is_none"
    )]
    pub note: ::errcat::__private::core::option::Option<
        ::errcat::__private::std::string::String,
    >,
}
impl ::errcat::__private::core::fmt::Debug for Item {
    fn fmt(
        &self,
        f: &mut ::errcat::__private::core::fmt::Formatter<'_>,
    ) -> ::errcat::__private::core::fmt::Result {
        f.debug_struct("Item").field("id", &self.id).field("note", &self.note).finish()
    }
}
/// Errors of the small API.
#[derive(Clone, PartialEq)]
pub enum SmallError {
    /// Limit of {limit} reached
    ///
    /// - Code: `RATE_LIMITED`
    /// - HTTP status: 429 Too Many Requests
    /// - Category: `limits`
    /// - Channel: `http`
    /// - Retryable: yes
    ///
    /// Too many requests.
    ///
    /// # Resolution
    ///
    /// - Wait
    ///
    /// # Example
    ///
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "RATE_LIMITED",
    ///     "details": {
    ///       "limit": 5,
    ///       "plan": "free",
    ///       "reset_at": "2024-01-15T10:30:00Z",
    ///       "secret": "s"
    ///     },
    ///     "message": "Limit of 5 reached",
    ///     "type": "limits"
    ///   },
    ///   "status": 429
    /// }
    /// ```
    RateLimited {
        /// `limit`
        ///
        /// Wire type: `u32`.
        limit: u32,
        /// `reset_at`
        ///
        /// Wire type: `timestamp`.
        reset_at: ::errcat::__private::jiff::Timestamp,
        /// `plan`
        ///
        /// Wire type: `Plan`.
        plan: Plan,
        /// `secret`
        ///
        /// Wire type: `string`. Sensitive: redacted in `Debug` output.
        secret: ::errcat::__private::std::string::String,
    },
    /// Invalid items
    ///
    /// - Code: `ITEMS_INVALID`
    /// - HTTP status: 422 Unprocessable Entity
    /// - Category: `limits`
    /// - Channel: `http`
    /// - Retryable: yes
    ///
    /// # Example
    ///
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "ITEMS_INVALID",
    ///     "message": "Invalid items",
    ///     "type": "limits"
    ///   },
    ///   "status": 422
    /// }
    /// ```
    ItemsInvalid(::errcat::__private::std::vec::Vec<Item>),
    /// Old
    ///
    /// - Code: `OLD`
    /// - HTTP status: 429 Too Many Requests
    /// - Category: `limits`
    /// - Channel: `http`
    /// - Retryable: yes
    ///
    /// # Example
    ///
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "OLD",
    ///     "message": "Old",
    ///     "type": "limits"
    ///   },
    ///   "status": 429
    /// }
    /// ```
    #[deprecated(note = "Use RATE_LIMITED")]
    Old,
    /// Event lost
    ///
    /// - Code: `EVENT_LOST`
    /// - HTTP status: none (not an HTTP error)
    /// - Category: `events`
    /// - Channel: `events`
    /// - Retryable: no
    ///
    /// # Example
    ///
    /// ```json
    /// {
    ///   "code": "EVENT_LOST",
    ///   "kind": "error"
    /// }
    /// ```
    EventLost,
}
/// The codes of the `small` catalog, without details: [`SmallError::code`] returns one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SmallErrorCode {
    /// `RATE_LIMITED` (429 Too Many Requests): Limit of {limit} reached
    RateLimited,
    /// `ITEMS_INVALID` (422 Unprocessable Entity): Invalid items
    ItemsInvalid,
    /// `OLD` (429 Too Many Requests): Old
    #[deprecated(note = "Use RATE_LIMITED")]
    Old,
    /// `EVENT_LOST` (none (not an HTTP error)): Event lost
    EventLost,
}
/// The categories of the `small` catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SmallErrorCategory {
    /// Limits
    ///
    /// Wire name: `limits`.
    Limits,
    /// Events
    ///
    /// Wire name: `events`.
    Events,
}
/// The channels (envelopes) of the `small` catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SmallErrorChannel {
    /// HTTP responses.
    Http,
    /// The non-HTTP channel `events`.
    Events,
}
const _: &[u8] = ::errcat::__private::core::include_bytes!(
    ::errcat::__private::core::concat!(::errcat::__private::core::env!("CARGO_MANIFEST_DIR"),
    "/snapshots/small.yaml")
);
#[allow(deprecated)]
impl SmallError {
    /// Creates [`SmallError::RateLimited`]: `RATE_LIMITED`, "Limit of {limit} reached".
    #[must_use]
    pub fn rate_limited(
        limit: impl ::errcat::__private::core::convert::Into<u32>,
        reset_at: impl ::errcat::__private::core::convert::Into<
            ::errcat::__private::jiff::Timestamp,
        >,
        plan: impl ::errcat::__private::core::convert::Into<Plan>,
        secret: impl ::errcat::__private::core::convert::Into<
            ::errcat::__private::std::string::String,
        >,
    ) -> Self {
        Self::RateLimited {
            limit: limit.into(),
            reset_at: reset_at.into(),
            plan: plan.into(),
            secret: secret.into(),
        }
    }
    /// Creates [`SmallError::ItemsInvalid`]: `ITEMS_INVALID`, "Invalid items".
    #[must_use]
    pub fn items_invalid(
        details: impl ::errcat::__private::core::convert::Into<
            ::errcat::__private::std::vec::Vec<Item>,
        >,
    ) -> Self {
        Self::ItemsInvalid(details.into())
    }
    /// Creates [`SmallError::Old`]: `OLD`, "Old".
    #[deprecated(note = "Use RATE_LIMITED")]
    #[must_use]
    pub fn old() -> Self {
        Self::Old
    }
    /// Creates [`SmallError::EventLost`]: `EVENT_LOST`, "Event lost".
    #[must_use]
    pub fn event_lost() -> Self {
        Self::EventLost
    }
    /// This error's code.
    #[must_use]
    pub const fn code(&self) -> SmallErrorCode {
        match self {
            Self::RateLimited { .. } => SmallErrorCode::RateLimited,
            Self::ItemsInvalid { .. } => SmallErrorCode::ItemsInvalid,
            Self::Old { .. } => SmallErrorCode::Old,
            Self::EventLost { .. } => SmallErrorCode::EventLost,
        }
    }
    /// The HTTP status; `None` on non-HTTP channels.
    #[must_use]
    pub const fn status(
        &self,
    ) -> ::errcat::__private::core::option::Option<
        ::errcat::__private::http::StatusCode,
    > {
        self.code().status()
    }
    /// The category.
    #[must_use]
    pub const fn category(&self) -> SmallErrorCategory {
        self.code().category()
    }
    /// The channel (envelope) this error is sent on.
    #[must_use]
    pub const fn channel(&self) -> SmallErrorChannel {
        self.code().channel()
    }
    /// Whether retrying may succeed.
    #[must_use]
    pub const fn is_retryable(&self) -> bool {
        self.code().is_retryable()
    }
    /// Headers to send with this error, such as `Retry-After`.
    #[must_use]
    pub fn headers(
        &self,
    ) -> ::errcat::__private::std::vec::Vec<
        (::errcat::__private::http::HeaderName, ::errcat::__private::http::HeaderValue),
    > {
        #[allow(unused_variables)]
        match self {
            Self::RateLimited { limit, reset_at, .. } => {
                let mut __h = ::errcat::__private::std::vec::Vec::with_capacity(2usize);
                if let ::errcat::__private::core::option::Option::Some(__v) = ::errcat::__private::header_value(
                    ::errcat::__private::std::format!("{}", limit),
                ) {
                    __h.push((
                        ::errcat::__private::http::HeaderName::from_static(
                            "retry-after",
                        ),
                        __v,
                    ));
                }
                if let ::errcat::__private::core::option::Option::Some(__v) = ::errcat::__private::header_value(
                    ::errcat::__private::std::format!("{}", reset_at.as_second()),
                ) {
                    __h.push((
                        ::errcat::__private::http::HeaderName::from_static("x-reset"),
                        __v,
                    ));
                }
                __h
            }
            _ => ::errcat::__private::std::vec::Vec::new(),
        }
    }
    /// The wire envelope, to add a request id or timestamp to and serialize.
    #[must_use]
    pub fn envelope(&self) -> ::errcat::Envelope<'_, Self> {
        ::errcat::Envelope::new(self)
    }
    /// Reads an error body (client side). Codes this catalog does not
    /// know are kept as [`errcat::UnknownError`](::errcat::UnknownError).
    pub fn from_envelope(
        body: &[u8],
    ) -> ::errcat::__private::core::result::Result<
        ::errcat::Received<Self>,
        ::errcat::DecodeError,
    > {
        ::errcat::__private::decode(body)
    }
}
#[allow(deprecated)]
impl SmallErrorCode {
    /// Every code, in catalog order.
    pub const ALL: &'static [Self] = &[
        Self::RateLimited,
        Self::ItemsInvalid,
        Self::Old,
        Self::EventLost,
    ];
    const __ERRCAT_TEMPLATE_0: &'static ::errcat::__private::Template = &::errcat::__private::Template::Object(
        &[
            (
                "error",
                ::errcat::__private::Template::Object(
                    &[
                        (
                            "type",
                            ::errcat::__private::Template::Slot(
                                ::errcat::__private::Slot::Category,
                            ),
                        ),
                        (
                            "code",
                            ::errcat::__private::Template::Slot(
                                ::errcat::__private::Slot::Code,
                            ),
                        ),
                        (
                            "message",
                            ::errcat::__private::Template::Slot(
                                ::errcat::__private::Slot::Message,
                            ),
                        ),
                        (
                            "details",
                            ::errcat::__private::Template::Slot(
                                ::errcat::__private::Slot::Details,
                            ),
                        ),
                    ],
                ),
            ),
            (
                "status",
                ::errcat::__private::Template::Slot(::errcat::__private::Slot::Status),
            ),
            (
                "meta",
                ::errcat::__private::Template::Object(
                    &[
                        (
                            "request_id",
                            ::errcat::__private::Template::Slot(
                                ::errcat::__private::Slot::RequestId,
                            ),
                        ),
                        (
                            "timestamp",
                            ::errcat::__private::Template::Slot(
                                ::errcat::__private::Slot::Timestamp,
                            ),
                        ),
                    ],
                ),
            ),
        ],
    );
    const __ERRCAT_TEMPLATE_1: &'static ::errcat::__private::Template = &::errcat::__private::Template::Object(
        &[
            ("kind", ::errcat::__private::Template::Str("error")),
            (
                "code",
                ::errcat::__private::Template::Slot(::errcat::__private::Slot::Code),
            ),
        ],
    );
    /// The wire code.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::RateLimited => "RATE_LIMITED",
            Self::ItemsInvalid => "ITEMS_INVALID",
            Self::Old => "OLD",
            Self::EventLost => "EVENT_LOST",
        }
    }
    /// The HTTP status; `None` on non-HTTP channels.
    #[must_use]
    pub const fn status(
        self,
    ) -> ::errcat::__private::core::option::Option<
        ::errcat::__private::http::StatusCode,
    > {
        match self {
            Self::RateLimited => {
                match ::errcat::__private::http::StatusCode::from_u16(429u16) {
                    ::errcat::__private::core::result::Result::Ok(s) => {
                        ::errcat::__private::core::option::Option::Some(s)
                    }
                    ::errcat::__private::core::result::Result::Err(_) => {
                        ::errcat::__private::core::option::Option::None
                    }
                }
            }
            Self::ItemsInvalid => {
                match ::errcat::__private::http::StatusCode::from_u16(422u16) {
                    ::errcat::__private::core::result::Result::Ok(s) => {
                        ::errcat::__private::core::option::Option::Some(s)
                    }
                    ::errcat::__private::core::result::Result::Err(_) => {
                        ::errcat::__private::core::option::Option::None
                    }
                }
            }
            Self::Old => {
                match ::errcat::__private::http::StatusCode::from_u16(429u16) {
                    ::errcat::__private::core::result::Result::Ok(s) => {
                        ::errcat::__private::core::option::Option::Some(s)
                    }
                    ::errcat::__private::core::result::Result::Err(_) => {
                        ::errcat::__private::core::option::Option::None
                    }
                }
            }
            Self::EventLost => ::errcat::__private::core::option::Option::None,
        }
    }
    /// The category.
    #[must_use]
    pub const fn category(self) -> SmallErrorCategory {
        match self {
            Self::RateLimited => SmallErrorCategory::Limits,
            Self::ItemsInvalid => SmallErrorCategory::Limits,
            Self::Old => SmallErrorCategory::Limits,
            Self::EventLost => SmallErrorCategory::Events,
        }
    }
    /// Whether retrying may succeed.
    #[must_use]
    pub const fn is_retryable(self) -> bool {
        match self {
            Self::RateLimited => true,
            Self::ItemsInvalid => true,
            Self::Old => true,
            Self::EventLost => false,
        }
    }
    /// The channel (envelope) of this code.
    #[must_use]
    pub const fn channel(self) -> SmallErrorChannel {
        match self {
            Self::RateLimited => SmallErrorChannel::Http,
            Self::ItemsInvalid => SmallErrorChannel::Http,
            Self::Old => SmallErrorChannel::Http,
            Self::EventLost => SmallErrorChannel::Events,
        }
    }
    const fn template(self) -> &'static ::errcat::__private::Template {
        match self {
            Self::RateLimited => Self::__ERRCAT_TEMPLATE_0,
            Self::ItemsInvalid => Self::__ERRCAT_TEMPLATE_0,
            Self::Old => Self::__ERRCAT_TEMPLATE_0,
            Self::EventLost => Self::__ERRCAT_TEMPLATE_1,
        }
    }
}
#[allow(deprecated)]
impl ::errcat::__private::core::str::FromStr for SmallErrorCode {
    type Err = ::errcat::UnknownCode;
    fn from_str(s: &str) -> ::errcat::__private::core::result::Result<Self, Self::Err> {
        match s {
            "RATE_LIMITED" => {
                ::errcat::__private::core::result::Result::Ok(Self::RateLimited)
            }
            "ITEMS_INVALID" => {
                ::errcat::__private::core::result::Result::Ok(Self::ItemsInvalid)
            }
            "OLD" => ::errcat::__private::core::result::Result::Ok(Self::Old),
            "EVENT_LOST" => {
                ::errcat::__private::core::result::Result::Ok(Self::EventLost)
            }
            _ => {
                ::errcat::__private::core::result::Result::Err(
                    ::errcat::UnknownCode(
                        ::errcat::__private::std::string::ToString::to_string(s),
                    ),
                )
            }
        }
    }
}
impl ::errcat::__private::core::fmt::Display for SmallErrorCode {
    fn fmt(
        &self,
        f: &mut ::errcat::__private::core::fmt::Formatter<'_>,
    ) -> ::errcat::__private::core::fmt::Result {
        f.write_str(self.as_str())
    }
}
#[allow(deprecated)]
impl ::errcat::CatalogCode for SmallErrorCode {
    const ALL: &'static [Self] = SmallErrorCode::ALL;
    const TEMPLATES: &'static [&'static ::errcat::__private::Template] = &[
        Self::__ERRCAT_TEMPLATE_0,
        Self::__ERRCAT_TEMPLATE_1,
    ];
    fn as_str(self) -> &'static str {
        SmallErrorCode::as_str(self)
    }
    fn status(
        self,
    ) -> ::errcat::__private::core::option::Option<
        ::errcat::__private::http::StatusCode,
    > {
        SmallErrorCode::status(self)
    }
    fn category_name(self) -> &'static str {
        SmallErrorCode::category(self).as_str()
    }
    fn channel_name(self) -> &'static str {
        SmallErrorCode::channel(self).as_str()
    }
    fn is_retryable(self) -> bool {
        SmallErrorCode::is_retryable(self)
    }
    fn template(self) -> &'static ::errcat::__private::Template {
        SmallErrorCode::template(self)
    }
    fn from_wire(code: &str) -> ::errcat::__private::core::option::Option<Self> {
        code.parse().ok()
    }
}
impl SmallErrorCategory {
    /// Every category, in catalog order.
    pub const ALL: &'static [Self] = &[Self::Limits, Self::Events];
    /// The wire name.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Limits => "limits",
            Self::Events => "events",
        }
    }
    /// The human title.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Self::Limits => "Limits",
            Self::Events => "Events",
        }
    }
}
impl ::errcat::__private::core::fmt::Display for SmallErrorCategory {
    fn fmt(
        &self,
        f: &mut ::errcat::__private::core::fmt::Formatter<'_>,
    ) -> ::errcat::__private::core::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl SmallErrorChannel {
    /// Every channel, `http` first.
    pub const ALL: &'static [Self] = &[Self::Http, Self::Events];
    /// The channel's name in the catalog.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Http => "http",
            Self::Events => "events",
        }
    }
}
#[allow(deprecated)]
impl ::errcat::__private::core::fmt::Display for SmallError {
    fn fmt(
        &self,
        f: &mut ::errcat::__private::core::fmt::Formatter<'_>,
    ) -> ::errcat::__private::core::fmt::Result {
        match self {
            Self::RateLimited { limit, .. } => {
                f.write_str("Limit of ")?;
                ::errcat::__private::core::fmt::Display::fmt(limit, f)?;
                f.write_str(" reached")?;
                ::errcat::__private::core::result::Result::Ok(())
            }
            Self::ItemsInvalid(..) => {
                f.write_str("Invalid items")?;
                ::errcat::__private::core::result::Result::Ok(())
            }
            Self::Old { .. } => {
                f.write_str("Old")?;
                ::errcat::__private::core::result::Result::Ok(())
            }
            Self::EventLost { .. } => {
                f.write_str("Event lost")?;
                ::errcat::__private::core::result::Result::Ok(())
            }
        }
    }
}
#[allow(deprecated)]
impl ::errcat::__private::core::fmt::Debug for SmallError {
    fn fmt(
        &self,
        f: &mut ::errcat::__private::core::fmt::Formatter<'_>,
    ) -> ::errcat::__private::core::fmt::Result {
        match self {
            Self::RateLimited { limit, reset_at, plan, secret } => {
                f.debug_struct("RateLimited")
                    .field("limit", limit)
                    .field("reset_at", reset_at)
                    .field("plan", plan)
                    .field(
                        "secret",
                        &::errcat::__private::core::format_args!("<redacted>"),
                    )
                    .finish()
            }
            Self::ItemsInvalid(__d) => f.debug_tuple("ItemsInvalid").field(__d).finish(),
            Self::Old => f.write_str("OLD"),
            Self::EventLost => f.write_str("EVENT_LOST"),
        }
    }
}
impl ::errcat::__private::std::error::Error for SmallError {}
#[allow(deprecated)]
impl ::errcat::CatalogError for SmallError {
    type Code = SmallErrorCode;
    fn code(&self) -> SmallErrorCode {
        SmallError::code(self)
    }
    fn headers(
        &self,
    ) -> ::errcat::__private::std::vec::Vec<
        (::errcat::__private::http::HeaderName, ::errcat::__private::http::HeaderValue),
    > {
        SmallError::headers(self)
    }
    fn static_message(&self) -> ::errcat::__private::core::option::Option<&'static str> {
        match self {
            Self::ItemsInvalid { .. } => {
                ::errcat::__private::core::option::Option::Some("Invalid items")
            }
            Self::Old { .. } => ::errcat::__private::core::option::Option::Some("Old"),
            Self::EventLost { .. } => {
                ::errcat::__private::core::option::Option::Some("Event lost")
            }
            _ => ::errcat::__private::core::option::Option::None,
        }
    }
    fn has_details(&self) -> bool {
        match self {
            Self::RateLimited { .. } => true,
            Self::ItemsInvalid(..) => true,
            Self::Old => false,
            Self::EventLost => false,
        }
    }
    fn serialize_details<__S: ::errcat::__private::serde::Serializer>(
        &self,
        __s: __S,
    ) -> ::errcat::__private::core::result::Result<__S::Ok, __S::Error> {
        #[allow(unused_imports)]
        use ::errcat::__private::serde::ser::SerializeMap as _;
        match self {
            Self::RateLimited { limit, reset_at, plan, secret } => {
                let mut __m = __s
                    .serialize_map(
                        ::errcat::__private::core::option::Option::Some(4usize),
                    )?;
                __m.serialize_entry("limit", limit)?;
                __m.serialize_entry("reset_at", reset_at)?;
                __m.serialize_entry("plan", plan)?;
                __m.serialize_entry("secret", secret)?;
                __m.end()
            }
            Self::ItemsInvalid(__d) => {
                ::errcat::__private::serde::Serialize::serialize(__d, __s)
            }
            Self::Old => __s.serialize_unit(),
            Self::EventLost => __s.serialize_unit(),
        }
    }
    fn from_wire_parts(
        code: SmallErrorCode,
        __details: ::errcat::__private::core::option::Option<
            ::errcat::__private::serde_json::Value,
        >,
    ) -> ::errcat::__private::core::result::Result<
        Self,
        ::errcat::__private::serde_json::Error,
    > {
        #[allow(unused_variables)]
        let __details = __details;
        match code {
            SmallErrorCode::RateLimited => {
                let mut __m = ::errcat::__private::object(__details)?;
                ::errcat::__private::core::result::Result::Ok(Self::RateLimited {
                    limit: ::errcat::__private::field(&mut __m, "limit")?,
                    reset_at: ::errcat::__private::field(&mut __m, "reset_at")?,
                    plan: ::errcat::__private::field(&mut __m, "plan")?,
                    secret: ::errcat::__private::field(&mut __m, "secret")?,
                })
            }
            SmallErrorCode::ItemsInvalid => {
                ::errcat::__private::core::result::Result::Ok(
                    Self::ItemsInvalid(::errcat::__private::value(__details)?),
                )
            }
            SmallErrorCode::Old => {
                ::errcat::__private::core::result::Result::Ok(Self::Old)
            }
            SmallErrorCode::EventLost => {
                ::errcat::__private::core::result::Result::Ok(Self::EventLost)
            }
        }
    }
}
impl ::errcat::__private::serde::Serialize for SmallError {
    fn serialize<__S: ::errcat::__private::serde::Serializer>(
        &self,
        __s: __S,
    ) -> ::errcat::__private::core::result::Result<__S::Ok, __S::Error> {
        ::errcat::__private::serialize_envelope(&::errcat::Envelope::new(self), __s)
    }
}
