/// Errors of the small API.
#[derive(Clone, PartialEq)]
#[allow(clippy::enum_variant_names, clippy::large_enum_variant)]
pub enum SmallError {
    /** Limit of {limit} reached

 - Code: `RATE_LIMITED`
 - HTTP status: 429 Too Many Requests
 - Category: `limits`
 - Channel: `http`
 - Retryable: yes

 Too many requests.

 # Resolution

 - Wait

 # Example

 ```json
 {
   "error": {
     "type": "limits",
     "code": "RATE_LIMITED",
     "message": "Limit of 5 reached",
     "details": {
       "limit": 5,
       "reset_at": "2024-01-15T10:30:00Z",
       "plan": "free",
       "secret": "s"
     }
   },
   "status": 429
 }
 ```*/
    RateLimited {
        /** `limit`

 Wire type: `u32`.*/
        limit: u32,
        /** `reset_at`

 Wire type: `timestamp`.*/
        reset_at: ::errcat::__private::Timestamp,
        /** `plan`

 Wire type: `Plan`.*/
        plan: Plan,
        /** `secret`

 Wire type: `string`. Sensitive: redacted in `Debug` output.*/
        secret: ::errcat::__private::String,
    },
    /** Invalid items

 - Code: `ITEMS_INVALID`
 - HTTP status: 422 Unprocessable Entity
 - Category: `limits`
 - Channel: `http`
 - Retryable: yes

 # Example (synthesized from the schema)

 ```json
 {
   "error": {
     "type": "limits",
     "code": "ITEMS_INVALID",
     "message": "Invalid items",
     "details": []
   },
   "status": 422
 }
 ```*/
    ItemsInvalid(::errcat::__private::Vec<Item>),
    /** Old

 - Code: `OLD`
 - HTTP status: 429 Too Many Requests
 - Category: `limits`
 - Channel: `http`
 - Retryable: yes
 - Deprecated: Use RATE_LIMITED

 # Example (synthesized from the schema)

 ```json
 {
   "error": {
     "type": "limits",
     "code": "OLD",
     "message": "Old"
   },
   "status": 429
 }
 ```*/
    #[deprecated(note = "Use RATE_LIMITED")]
    Old,
    /** Event lost

 - Code: `EVENT_LOST`
 - HTTP status: none (not an HTTP error)
 - Category: `events`
 - Channel: `events`
 - Retryable: no

 # Example (synthesized from the schema)

 ```json
 {
   "kind": "error",
   "code": "EVENT_LOST"
 }
 ```*/
    EventLost,
}
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
#[allow(clippy::enum_variant_names)]
pub enum Plan {
    /// `free`
    #[serde(rename = "free")]
    Free,
    /// `paid`
    #[serde(rename = "paid")]
    Paid,
}
#[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
impl Plan {
    /// The wire value.
    #[must_use]
    #[inline]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Free => "free",
            Self::Paid => "paid",
        }
    }
}
#[automatically_derived]
#[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
impl ::errcat::__private::fmt::Display for Plan {
    fn fmt(
        &self,
        f: &mut ::errcat::__private::fmt::Formatter<'_>,
    ) -> ::errcat::__private::fmt::Result {
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
    /** `id`

 Wire type: `string`.*/
    pub id: ::errcat::__private::String,
    /** `note`

 Wire type: `string?`.*/
    #[serde(
        default,
        skip_serializing_if = "::errcat::__private::core::option::Option::is_none"
    )]
    pub note: ::errcat::__private::Option<::errcat::__private::String>,
}
#[automatically_derived]
#[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
impl ::errcat::__private::fmt::Debug for Item {
    fn fmt(
        &self,
        f: &mut ::errcat::__private::fmt::Formatter<'_>,
    ) -> ::errcat::__private::fmt::Result {
        f.debug_struct("Item").field("id", &self.id).field("note", &self.note).finish()
    }
}
/// The codes of the `small` catalog, without details: [`SmallError::code`] returns one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(clippy::enum_variant_names)]
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
#[allow(clippy::enum_variant_names)]
pub enum SmallErrorCategory {
    /** Limits

 Wire name: `limits`.*/
    Limits,
    /** Events

 Wire name: `events`.*/
    Events,
}
/// The channels (envelopes) of the `small` catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(clippy::enum_variant_names)]
pub enum SmallErrorChannel {
    /// HTTP responses.
    Http,
    /// The non-HTTP channel `events`.
    Events,
}
/** The errors of the operation `upload_items` (`POST /items`). Upload items

 Its codes: `ITEMS_INVALID`. It converts into [`SmallError`] (`From`), and back with `TryFrom`. A code it lacks is added to the operation's `errors:` in the catalog.*/
#[derive(::core::clone::Clone, ::core::cmp::PartialEq)]
#[allow(clippy::enum_variant_names, clippy::large_enum_variant)]
pub enum UploadItemsError {
    /** Invalid items

 - Code: `ITEMS_INVALID`
 - HTTP status: 422 Unprocessable Entity
 - Category: `limits`
 - Channel: `http`
 - Retryable: yes

 # Example (synthesized from the schema)

 ```json
 {
   "error": {
     "type": "limits",
     "code": "ITEMS_INVALID",
     "message": "Invalid items",
     "details": []
   },
   "status": 422
 }
 ```*/
    ItemsInvalid(::errcat::__private::Vec<Item>),
}
const _: &[u8] = ::errcat::__private::core::include_bytes!(
    ::errcat::__private::core::concat!(::errcat::__private::core::env!("CARGO_MANIFEST_DIR"),
    "/snapshots/small.yaml")
);
const _: () = {
    use ::errcat::__private as __p;
    #[allow(unused_imports)]
    use __p::serde::ser::{SerializeSeq as _, SerializeStruct as _};
    const __ERRCAT_TEMPLATE_0: &__p::Template = &__p::Template::Object(
        &[
            (
                "error",
                __p::Template::Object(
                    &[
                        ("type", __p::Template::Slot(__p::Slot::Category)),
                        ("code", __p::Template::Slot(__p::Slot::Code)),
                        ("message", __p::Template::Slot(__p::Slot::Message)),
                        ("details", __p::Template::Slot(__p::Slot::Details)),
                    ],
                ),
            ),
            ("status", __p::Template::Slot(__p::Slot::Status)),
            (
                "meta",
                __p::Template::Object(
                    &[
                        ("request_id", __p::Template::Slot(__p::Slot::RequestId)),
                        ("timestamp", __p::Template::Slot(__p::Slot::Timestamp)),
                    ],
                ),
            ),
        ],
    );
    const __ERRCAT_TEMPLATE_1: &__p::Template = &__p::Template::Object(
        &[
            ("kind", __p::Template::Str("error")),
            ("code", __p::Template::Slot(__p::Slot::Code)),
        ],
    );
    const __ERRCAT_TEMPLATES: &[&__p::Template] = &[
        __ERRCAT_TEMPLATE_0,
        __ERRCAT_TEMPLATE_1,
    ];
    const __ERRCAT_META: &[(&str, u16, u32, u32, bool, bool, bool, &str, &str)] = &[
        ("RATE_LIMITED", 429u16, 0u32, 0u32, true, true, false, "", "RateLimited"),
        (
            "ITEMS_INVALID",
            422u16,
            0u32,
            0u32,
            true,
            true,
            true,
            "Invalid items",
            "ItemsInvalid",
        ),
        ("OLD", 429u16, 0u32, 0u32, true, false, true, "Old", "Old"),
        ("EVENT_LOST", 0u16, 1u32, 1u32, false, false, true, "Event lost", "EventLost"),
    ];
    const __ERRCAT_STATUS: [__p::Option<__p::StatusCode>; 4usize] = {
        let mut __out = [__p::None; 4usize];
        let mut __i = 0;
        while __i < 4usize {
            __out[__i] = __p::status(__ERRCAT_META[__i].1);
            __i += 1;
        }
        __out
    };
    #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
    impl SmallError {
        /// Creates [`SmallError::RateLimited`]: `RATE_LIMITED`, "Limit of {limit} reached".
        #[must_use]
        pub fn rate_limited(
            limit: u32,
            reset_at: impl __p::Into<__p::Timestamp>,
            plan: impl __p::Into<Plan>,
            secret: impl __p::Into<__p::String>,
        ) -> Self {
            Self::RateLimited {
                limit: __p::Into::into(limit),
                reset_at: __p::Into::into(reset_at),
                plan: __p::Into::into(plan),
                secret: __p::Into::into(secret),
            }
        }
        /// Creates [`SmallError::ItemsInvalid`]: `ITEMS_INVALID`, "Invalid items".
        #[must_use]
        pub fn items_invalid(details: impl __p::Into<__p::Vec<Item>>) -> Self {
            Self::ItemsInvalid(__p::Into::into(details))
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
        #[inline]
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
        #[inline]
        pub const fn status(&self) -> __p::Option<__p::StatusCode> {
            self.code().status()
        }
        /// The category.
        #[must_use]
        #[inline]
        pub const fn category(&self) -> SmallErrorCategory {
            self.code().category()
        }
        /// The channel (envelope) this error is sent on.
        #[must_use]
        #[inline]
        pub const fn channel(&self) -> SmallErrorChannel {
            self.code().channel()
        }
        /// Whether retrying may succeed.
        #[must_use]
        #[inline]
        pub const fn is_retryable(&self) -> bool {
            self.code().is_retryable()
        }
        /// Headers to send with this error, such as `Retry-After`.
        #[must_use]
        pub fn headers(&self) -> __p::Vec<(__p::HeaderName, __p::HeaderValue)> {
            ::errcat::CatalogError::headers_for(self, __p::None, __p::None)
        }
        /// The wire envelope, to add a request id or timestamp to and serialize.
        #[must_use]
        pub fn envelope(&self) -> ::errcat::Envelope<'_, Self> {
            ::errcat::Envelope::new(self)
        }
        /// This error, caused by `source`: the cause is logged and is
        /// `Error::source`, and never reaches the wire.
        pub fn caused_by(
            self,
            source: impl __p::Into<::errcat::BoxError>,
        ) -> ::errcat::Caused<Self> {
            ::errcat::Caused::new(self, source)
        }
        /// This error with a message of its own for one response, sent
        /// instead of the code's.
        pub fn with_message(
            self,
            message: impl __p::Into<__p::String>,
        ) -> ::errcat::Reply<Self> {
            ::errcat::Reply::new(self).with_message(message)
        }
        /// This error answered with `status`, one of its code's
        /// statuses; another is refused, and the error comes back.
        pub fn with_status(
            self,
            status: __p::StatusCode,
        ) -> __p::Result<::errcat::Reply<Self>, Self> {
            ::errcat::CatalogError::with_status(self, status)
        }
        /// This error as an HTTP response without request context.
        #[must_use]
        pub fn to_response(&self) -> __p::http::Response<__p::Vec<u8>> {
            ::errcat::CatalogError::to_response(self)
        }
        /// Reads an error body (client side). Codes this catalog does not
        /// know are kept as [`errcat::UnknownError`](::errcat::UnknownError).
        pub fn from_envelope(
            body: &[u8],
        ) -> __p::Result<::errcat::Received<Self>, ::errcat::DecodeError> {
            __p::decode(body)
        }
    }
    #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
    impl SmallErrorCode {
        /// Every code, in catalog order.
        pub const ALL: &'static [Self] = &[
            Self::RateLimited,
            Self::ItemsInvalid,
            Self::Old,
            Self::EventLost,
        ];
        /// The wire code.
        #[must_use]
        #[inline]
        pub const fn as_str(self) -> &'static str {
            __ERRCAT_META[self as usize].0
        }
        /// The HTTP status; `None` on non-HTTP channels.
        #[must_use]
        #[inline]
        pub const fn status(self) -> __p::Option<__p::StatusCode> {
            __ERRCAT_STATUS[self as usize]
        }
        /// Every status the code may answer with, the default first (empty
        /// on non-HTTP channels).
        #[must_use]
        pub fn statuses(self) -> &'static [__p::StatusCode] {
            static __ERRCAT_STATUS_STATIC: [__p::Option<__p::StatusCode>; 4usize] = __ERRCAT_STATUS;
            __ERRCAT_STATUS_STATIC[self as usize].as_slice()
        }
        /// The category.
        #[must_use]
        #[inline]
        pub const fn category(self) -> SmallErrorCategory {
            SmallErrorCategory::ALL[__ERRCAT_META[self as usize].2 as usize]
        }
        /// Whether retrying may succeed.
        #[must_use]
        #[inline]
        pub const fn is_retryable(self) -> bool {
            __ERRCAT_META[self as usize].4
        }
        /// The channel (envelope) of this code.
        #[must_use]
        #[inline]
        pub const fn channel(self) -> SmallErrorChannel {
            SmallErrorChannel::ALL[__ERRCAT_META[self as usize].3 as usize]
        }
    }
    #[automatically_derived]
    #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
    impl __p::core::str::FromStr for SmallErrorCode {
        type Err = ::errcat::UnknownCode;
        fn from_str(s: &str) -> __p::Result<Self, Self::Err> {
            let i = match s {
                "RATE_LIMITED" => 0usize,
                "ITEMS_INVALID" => 1usize,
                "OLD" => 2usize,
                "EVENT_LOST" => 3usize,
                _ => {
                    return __p::Err(
                        ::errcat::UnknownCode(__p::std::string::ToString::to_string(s)),
                    );
                }
            };
            __p::Ok(Self::ALL[i])
        }
    }
    #[automatically_derived]
    #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
    impl __p::fmt::Display for SmallErrorCode {
        fn fmt(&self, f: &mut __p::fmt::Formatter<'_>) -> __p::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    #[automatically_derived]
    #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
    impl __p::Sealed for SmallErrorCode {}
    #[automatically_derived]
    #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
    impl __p::Sealed for SmallError {}
    #[automatically_derived]
    #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
    impl ::errcat::CatalogCode for SmallErrorCode {
        const ALL: &'static [Self] = SmallErrorCode::ALL;
        const TEMPLATES: &'static [&'static __p::Template] = __ERRCAT_TEMPLATES;
        const CONTENT_TYPE: &'static str = "application/json";
        const SENSITIVE: &'static [&'static str] = &["secret"];
        #[inline]
        fn as_str(self) -> &'static str {
            SmallErrorCode::as_str(self)
        }
        #[inline]
        fn status(self) -> __p::Option<__p::StatusCode> {
            SmallErrorCode::status(self)
        }
        #[inline]
        fn statuses(self) -> &'static [__p::StatusCode] {
            SmallErrorCode::statuses(self)
        }
        #[inline]
        fn category_name(self) -> &'static str {
            SmallErrorCode::category(self).as_str()
        }
        #[inline]
        fn channel_name(self) -> &'static str {
            SmallErrorCode::channel(self).as_str()
        }
        #[inline]
        fn is_retryable(self) -> bool {
            SmallErrorCode::is_retryable(self)
        }
        const CATEGORIES: &'static [::errcat::CategoryInfo] = &[
            ::errcat::CategoryInfo {
                name: "limits",
                prefix: __p::None,
                retryable: true,
                retry: __p::None,
            },
            ::errcat::CategoryInfo {
                name: "events",
                prefix: __p::None,
                retryable: false,
                retry: __p::None,
            },
        ];
        fn retry_advice(self) -> __p::Option<&'static ::errcat::RetryAdvice> {
            const __ERRCAT_RETRY: &[__p::Option<::errcat::RetryAdvice>] = &[
                __p::None,
                __p::None,
                __p::None,
                __p::None,
            ];
            __ERRCAT_RETRY[self as usize].as_ref()
        }
        #[inline]
        fn channel_index(self) -> usize {
            __ERRCAT_META[self as usize].3 as usize
        }
        fn from_wire(code: &str) -> __p::Option<Self> {
            code.parse().ok()
        }
    }
    #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
    impl SmallErrorCategory {
        /// Every category, in catalog order.
        pub const ALL: &'static [Self] = &[Self::Limits, Self::Events];
        /// The wire name.
        #[must_use]
        #[inline]
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
    #[automatically_derived]
    #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
    impl __p::fmt::Display for SmallErrorCategory {
        fn fmt(&self, f: &mut __p::fmt::Formatter<'_>) -> __p::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
    impl SmallErrorChannel {
        /// Every channel, `http` first.
        pub const ALL: &'static [Self] = &[Self::Http, Self::Events];
        /// The channel's name in the catalog.
        #[must_use]
        #[inline]
        pub const fn as_str(self) -> &'static str {
            match self {
                Self::Http => "http",
                Self::Events => "events",
            }
        }
    }
    #[automatically_derived]
    #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
    impl __p::fmt::Display for SmallError {
        fn fmt(&self, f: &mut __p::fmt::Formatter<'_>) -> __p::fmt::Result {
            match self {
                Self::RateLimited { limit: __field_limit, .. } => {
                    f.write_str("Limit of ")?;
                    __p::fmt::Display::fmt(__field_limit, f)?;
                    f.write_str(" reached")?;
                    __p::Ok(())
                }
                _ => f.write_str(__ERRCAT_META[self.code() as usize].7),
            }
        }
    }
    #[automatically_derived]
    #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
    impl __p::fmt::Debug for SmallError {
        fn fmt(&self, f: &mut __p::fmt::Formatter<'_>) -> __p::fmt::Result {
            match self {
                Self::RateLimited {
                    limit: __field_limit,
                    reset_at: __field_reset_at,
                    plan: __field_plan,
                    secret: __field_secret,
                } => {
                    f.debug_struct("RateLimited")
                        .field("limit", __field_limit)
                        .field("reset_at", __field_reset_at)
                        .field("plan", __field_plan)
                        .field(
                            "secret",
                            &::errcat::__private::core::format_args!("<redacted>"),
                        )
                        .finish()
                }
                Self::ItemsInvalid(__d) => {
                    f.debug_tuple("ItemsInvalid").field(__d).finish()
                }
                _ => f.write_str(__ERRCAT_META[self.code() as usize].8),
            }
        }
    }
    struct __ErrcatEnvelopeNode0<'a, 'b>(
        &'a ::errcat::Envelope<'b, SmallError>,
        &'b SmallError,
    );
    #[automatically_derived]
    #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
    impl __p::serde::Serialize for __ErrcatEnvelopeNode0<'_, '_> {
        fn serialize<__S: __p::serde::Serializer>(
            &self,
            __s: __S,
        ) -> __p::Result<__S::Ok, __S::Error> {
            let (__env, __e) = (self.0, self.1);
            let __c = __e.code();
            {
                let mut __m = __s
                    .serialize_struct(
                        "Envelope",
                        3usize
                            + <usize as __p::From<
                                bool,
                            >>::from(::errcat::CatalogError::has_details(__e)),
                    )?;
                __m.serialize_field("type", __c.category().as_str())?;
                __m.serialize_field("code", __c.as_str())?;
                __m.serialize_field(
                    "message",
                    &__p::MessageOf(__e, __env.message_for(__e)),
                )?;
                if ::errcat::CatalogError::has_details(__e) {
                    __m.serialize_field("details", &__p::DetailsOf(__e))?;
                } else {
                    __m.skip_field("details")?;
                }
                __m.end()
            }
        }
    }
    struct __ErrcatEnvelopeNode1<'a, 'b>(
        &'a ::errcat::Envelope<'b, SmallError>,
        &'b SmallError,
    );
    #[automatically_derived]
    #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
    impl __p::serde::Serialize for __ErrcatEnvelopeNode1<'_, '_> {
        fn serialize<__S: __p::serde::Serializer>(
            &self,
            __s: __S,
        ) -> __p::Result<__S::Ok, __S::Error> {
            let (__env, __e) = (self.0, self.1);
            let __c = __e.code();
            {
                let mut __m = __s
                    .serialize_struct(
                        "Envelope",
                        <usize as __p::From<
                            bool,
                        >>::from(__env.request_id_value().is_some())
                            + <usize as __p::From<
                                bool,
                            >>::from(__env.timestamp_value().is_some()),
                    )?;
                if let __p::Some(__v) = __env.request_id_value() {
                    __m.serialize_field("request_id", __v)?;
                } else {
                    __m.skip_field("request_id")?;
                }
                if let __p::Some(__v) = __env.timestamp_value() {
                    __m.serialize_field("timestamp", __v)?;
                } else {
                    __m.skip_field("timestamp")?;
                }
                __m.end()
            }
        }
    }
    ::errcat::__private::axum_impls!(SmallError);
    #[automatically_derived]
    #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
    impl __p::std::error::Error for SmallError {}
    #[automatically_derived]
    #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
    impl ::errcat::CatalogError for SmallError {
        type Code = SmallErrorCode;
        type Catalog = Self;
        #[inline]
        fn narrow(error: Self) -> __p::Result<Self, Self> {
            __p::Ok(error)
        }
        #[inline]
        fn code(&self) -> SmallErrorCode {
            SmallError::code(self)
        }
        fn headers_for(
            &self,
            __message: __p::Option<&str>,
            __status: __p::Option<__p::StatusCode>,
        ) -> __p::Vec<(__p::HeaderName, __p::HeaderValue)> {
            match self {
                Self::RateLimited {
                    limit: __field_limit,
                    reset_at: __field_reset_at,
                    ..
                } => {
                    let mut __h = __p::Vec::with_capacity(2usize);
                    __p::header(
                        &mut __h,
                        "retry-after",
                        __p::format!("{}", __field_limit),
                    );
                    __p::header(
                        &mut __h,
                        "x-reset",
                        __p::format!("{}", __field_reset_at.as_second()),
                    );
                    __h
                }
                _ => __p::Vec::new(),
            }
        }
        #[inline]
        fn static_message(&self) -> __p::Option<&'static str> {
            let __row = __ERRCAT_META[SmallError::code(self) as usize];
            if __row.6 { __p::Some(__row.7) } else { __p::None }
        }
        #[inline]
        fn has_details(&self) -> bool {
            __ERRCAT_META[SmallError::code(self) as usize].5
        }
        fn serialize_details<__S: __p::serde::Serializer>(
            &self,
            __s: __S,
        ) -> __p::Result<__S::Ok, __S::Error> {
            match self {
                Self::RateLimited {
                    limit: __field_limit,
                    reset_at: __field_reset_at,
                    plan: __field_plan,
                    secret: __field_secret,
                } => {
                    __p::details_struct(
                        __s,
                        "RateLimited",
                        4usize,
                        |__m| {
                            __m.serialize_field("limit", __field_limit)?;
                            __m.serialize_field("reset_at", __field_reset_at)?;
                            __m.serialize_field("plan", __field_plan)?;
                            __m.serialize_field("secret", __field_secret)
                        },
                    )
                }
                Self::ItemsInvalid(__d) => __p::serde::Serialize::serialize(__d, __s),
                _ => __s.serialize_unit(),
            }
        }
        fn serialize_envelope<__S: __p::serde::Serializer>(
            __env: &::errcat::Envelope<'_, Self>,
            __s: __S,
        ) -> __p::core::result::Result<__S::Ok, __S::Error> {
            let __e = __env.error();
            let __c = __e.code();
            match __c.channel() {
                SmallErrorChannel::Http => {
                    let mut __m = __s
                        .serialize_struct(
                            "Envelope",
                            1usize
                                + <usize as __p::From<
                                    bool,
                                >>::from(__env.status_for(__e).is_some())
                                + <usize as __p::From<
                                    bool,
                                >>::from(
                                    __env.request_id_value().is_some()
                                        || __env.timestamp_value().is_some(),
                                ),
                        )?;
                    __m.serialize_field("error", &__ErrcatEnvelopeNode0(__env, __e))?;
                    if let __p::Some(__v) = __env.status_for(__e) {
                        __m.serialize_field("status", &__v.as_u16())?;
                    } else {
                        __m.skip_field("status")?;
                    }
                    if __env.request_id_value().is_some()
                        || __env.timestamp_value().is_some()
                    {
                        __m.serialize_field("meta", &__ErrcatEnvelopeNode1(__env, __e))?;
                    } else {
                        __m.skip_field("meta")?;
                    }
                    __m.end()
                }
                SmallErrorChannel::Events => {
                    let mut __m = __s.serialize_struct("Envelope", 2usize)?;
                    __m.serialize_field("kind", "error")?;
                    __m.serialize_field("code", __c.as_str())?;
                    __m.end()
                }
            }
        }
        fn from_wire_parts<'__de, __D: __p::serde::Deserializer<'__de>>(
            code: SmallErrorCode,
            __d: __D,
            __m: &mut __p::Members<'_>,
        ) -> __p::Result<Self, __D::Error> {
            __p::Ok(
                match code {
                    SmallErrorCode::RateLimited => {
                        let (
                            __field_limit,
                            (__field_reset_at, (__field_plan, (__field_secret, ()))),
                        ) = __p::fields(__d, &["limit", "reset_at", "plan", "secret"])?;
                        Self::RateLimited {
                            limit: __p::field(__field_limit, "limit")?,
                            reset_at: __p::field(__field_reset_at, "reset_at")?,
                            plan: __p::field(__field_plan, "plan")?,
                            secret: __p::field(__field_secret, "secret")?,
                        }
                    }
                    SmallErrorCode::ItemsInvalid => {
                        Self::ItemsInvalid(__p::serde::Deserialize::deserialize(__d)?)
                    }
                    SmallErrorCode::Old => {
                        __p::skip(__d)?;
                        Self::Old
                    }
                    SmallErrorCode::EventLost => {
                        __p::skip(__d)?;
                        Self::EventLost
                    }
                },
            )
        }
    }
    #[automatically_derived]
    #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
    impl __p::serde::Serialize for SmallError {
        fn serialize<__S: __p::serde::Serializer>(
            &self,
            __s: __S,
        ) -> __p::Result<__S::Ok, __S::Error> {
            <Self as ::errcat::CatalogError>::serialize_envelope(
                &::errcat::Envelope::new(self),
                __s,
            )
        }
    }
    #[allow(non_camel_case_types, dead_code)]
    mod __errcat_codes {
        pub struct RATE_LIMITED;
        pub struct ITEMS_INVALID;
        pub struct OLD;
    }
    const _: () = {
        #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
        impl UploadItemsError {
            /// The operation's codes, in catalog order.
            pub const CODES: &'static [SmallErrorCode] = &[SmallErrorCode::ItemsInvalid];
        }
        #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
        impl UploadItemsError {
            /// Creates [`UploadItemsError::ItemsInvalid`]: `ITEMS_INVALID`, "Invalid items".
            #[must_use]
            pub fn items_invalid(details: impl __p::Into<__p::Vec<Item>>) -> Self {
                Self::ItemsInvalid(__p::Into::into(details))
            }
            /// This error's code.
            #[must_use]
            #[inline]
            pub const fn code(&self) -> SmallErrorCode {
                match self {
                    Self::ItemsInvalid { .. } => SmallErrorCode::ItemsInvalid,
                }
            }
            /// The HTTP status; `None` on non-HTTP channels.
            #[must_use]
            #[inline]
            pub const fn status(&self) -> __p::Option<__p::StatusCode> {
                self.code().status()
            }
            /// The category.
            #[must_use]
            #[inline]
            pub const fn category(&self) -> SmallErrorCategory {
                self.code().category()
            }
            /// The channel (envelope) this error is sent on.
            #[must_use]
            #[inline]
            pub const fn channel(&self) -> SmallErrorChannel {
                self.code().channel()
            }
            /// Whether retrying may succeed.
            #[must_use]
            #[inline]
            pub const fn is_retryable(&self) -> bool {
                self.code().is_retryable()
            }
            /// Headers to send with this error, such as `Retry-After`.
            #[must_use]
            pub fn headers(&self) -> __p::Vec<(__p::HeaderName, __p::HeaderValue)> {
                ::errcat::CatalogError::headers_for(self, __p::None, __p::None)
            }
            /// The wire envelope, to add a request id or timestamp to and serialize.
            #[must_use]
            pub fn envelope(&self) -> ::errcat::Envelope<'_, Self> {
                ::errcat::Envelope::new(self)
            }
            /// This error, caused by `source`: the cause is logged and is
            /// `Error::source`, and never reaches the wire.
            pub fn caused_by(
                self,
                source: impl __p::Into<::errcat::BoxError>,
            ) -> ::errcat::Caused<Self> {
                ::errcat::Caused::new(self, source)
            }
            /// This error with a message of its own for one response, sent
            /// instead of the code's.
            pub fn with_message(
                self,
                message: impl __p::Into<__p::String>,
            ) -> ::errcat::Reply<Self> {
                ::errcat::Reply::new(self).with_message(message)
            }
            /// This error answered with `status`, one of its code's
            /// statuses; another is refused, and the error comes back.
            pub fn with_status(
                self,
                status: __p::StatusCode,
            ) -> __p::Result<::errcat::Reply<Self>, Self> {
                ::errcat::CatalogError::with_status(self, status)
            }
            /// This error as an HTTP response without request context.
            #[must_use]
            pub fn to_response(&self) -> __p::http::Response<__p::Vec<u8>> {
                ::errcat::CatalogError::to_response(self)
            }
            /// Reads an error body (client side). Codes this catalog does not
            /// know are kept as [`errcat::UnknownError`](::errcat::UnknownError);
            /// a code of the catalog that is not one of this operation's is a
            /// mismatch (a client's `Failure` keeps it typed, as
            /// `FailureKind::Undeclared`).
            pub fn from_envelope(
                body: &[u8],
            ) -> __p::Result<::errcat::Received<Self>, ::errcat::DecodeError> {
                __p::decode(body)
            }
        }
        #[automatically_derived]
        #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
        impl __p::fmt::Display for UploadItemsError {
            fn fmt(&self, f: &mut __p::fmt::Formatter<'_>) -> __p::fmt::Result {
                match self {
                    _ => f.write_str(__ERRCAT_META[self.code() as usize].7),
                }
            }
        }
        #[automatically_derived]
        #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
        impl __p::fmt::Debug for UploadItemsError {
            fn fmt(&self, f: &mut __p::fmt::Formatter<'_>) -> __p::fmt::Result {
                match self {
                    Self::ItemsInvalid(__d) => {
                        f.debug_tuple("ItemsInvalid").field(__d).finish()
                    }
                    _ => f.write_str(__ERRCAT_META[self.code() as usize].8),
                }
            }
        }
        struct __ErrcatEnvelopeNode0<'a, 'b>(
            &'a ::errcat::Envelope<'b, UploadItemsError>,
            &'b UploadItemsError,
        );
        #[automatically_derived]
        #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
        impl __p::serde::Serialize for __ErrcatEnvelopeNode0<'_, '_> {
            fn serialize<__S: __p::serde::Serializer>(
                &self,
                __s: __S,
            ) -> __p::Result<__S::Ok, __S::Error> {
                let (__env, __e) = (self.0, self.1);
                let __c = __e.code();
                {
                    let mut __m = __s
                        .serialize_struct(
                            "Envelope",
                            3usize
                                + <usize as __p::From<
                                    bool,
                                >>::from(::errcat::CatalogError::has_details(__e)),
                        )?;
                    __m.serialize_field("type", __c.category().as_str())?;
                    __m.serialize_field("code", __c.as_str())?;
                    __m.serialize_field(
                        "message",
                        &__p::MessageOf(__e, __env.message_for(__e)),
                    )?;
                    if ::errcat::CatalogError::has_details(__e) {
                        __m.serialize_field("details", &__p::DetailsOf(__e))?;
                    } else {
                        __m.skip_field("details")?;
                    }
                    __m.end()
                }
            }
        }
        struct __ErrcatEnvelopeNode1<'a, 'b>(
            &'a ::errcat::Envelope<'b, UploadItemsError>,
            &'b UploadItemsError,
        );
        #[automatically_derived]
        #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
        impl __p::serde::Serialize for __ErrcatEnvelopeNode1<'_, '_> {
            fn serialize<__S: __p::serde::Serializer>(
                &self,
                __s: __S,
            ) -> __p::Result<__S::Ok, __S::Error> {
                let (__env, __e) = (self.0, self.1);
                let __c = __e.code();
                {
                    let mut __m = __s
                        .serialize_struct(
                            "Envelope",
                            <usize as __p::From<
                                bool,
                            >>::from(__env.request_id_value().is_some())
                                + <usize as __p::From<
                                    bool,
                                >>::from(__env.timestamp_value().is_some()),
                        )?;
                    if let __p::Some(__v) = __env.request_id_value() {
                        __m.serialize_field("request_id", __v)?;
                    } else {
                        __m.skip_field("request_id")?;
                    }
                    if let __p::Some(__v) = __env.timestamp_value() {
                        __m.serialize_field("timestamp", __v)?;
                    } else {
                        __m.skip_field("timestamp")?;
                    }
                    __m.end()
                }
            }
        }
        ::errcat::__private::axum_impls!(UploadItemsError);
        #[automatically_derived]
        #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
        impl __p::std::error::Error for UploadItemsError {}
        #[automatically_derived]
        #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
        impl ::errcat::CatalogError for UploadItemsError {
            type Code = SmallErrorCode;
            type Catalog = SmallError;
            const OPERATION: __p::Option<&'static str> = __p::Some("upload_items");
            #[inline]
            fn narrow(error: SmallError) -> __p::Result<Self, SmallError> {
                __p::core::convert::TryFrom::try_from(error)
            }
            #[inline]
            fn code(&self) -> SmallErrorCode {
                UploadItemsError::code(self)
            }
            fn headers_for(
                &self,
                __message: __p::Option<&str>,
                __status: __p::Option<__p::StatusCode>,
            ) -> __p::Vec<(__p::HeaderName, __p::HeaderValue)> {
                __p::Vec::new()
            }
            #[inline]
            fn static_message(&self) -> __p::Option<&'static str> {
                let __row = __ERRCAT_META[UploadItemsError::code(self) as usize];
                if __row.6 { __p::Some(__row.7) } else { __p::None }
            }
            #[inline]
            fn has_details(&self) -> bool {
                __ERRCAT_META[UploadItemsError::code(self) as usize].5
            }
            fn serialize_details<__S: __p::serde::Serializer>(
                &self,
                __s: __S,
            ) -> __p::Result<__S::Ok, __S::Error> {
                match self {
                    Self::ItemsInvalid(__d) => __p::serde::Serialize::serialize(__d, __s),
                    _ => __s.serialize_unit(),
                }
            }
            fn serialize_envelope<__S: __p::serde::Serializer>(
                __env: &::errcat::Envelope<'_, Self>,
                __s: __S,
            ) -> __p::core::result::Result<__S::Ok, __S::Error> {
                let __e = __env.error();
                let __c = __e.code();
                match __c.channel() {
                    SmallErrorChannel::Http => {
                        let mut __m = __s
                            .serialize_struct(
                                "Envelope",
                                1usize
                                    + <usize as __p::From<
                                        bool,
                                    >>::from(__env.status_for(__e).is_some())
                                    + <usize as __p::From<
                                        bool,
                                    >>::from(
                                        __env.request_id_value().is_some()
                                            || __env.timestamp_value().is_some(),
                                    ),
                            )?;
                        __m.serialize_field(
                            "error",
                            &__ErrcatEnvelopeNode0(__env, __e),
                        )?;
                        if let __p::Some(__v) = __env.status_for(__e) {
                            __m.serialize_field("status", &__v.as_u16())?;
                        } else {
                            __m.skip_field("status")?;
                        }
                        if __env.request_id_value().is_some()
                            || __env.timestamp_value().is_some()
                        {
                            __m.serialize_field(
                                "meta",
                                &__ErrcatEnvelopeNode1(__env, __e),
                            )?;
                        } else {
                            __m.skip_field("meta")?;
                        }
                        __m.end()
                    }
                    SmallErrorChannel::Events => {
                        let mut __m = __s.serialize_struct("Envelope", 2usize)?;
                        __m.serialize_field("kind", "error")?;
                        __m.serialize_field("code", __c.as_str())?;
                        __m.end()
                    }
                }
            }
            fn from_wire_parts<'__de, __D: __p::serde::Deserializer<'__de>>(
                code: SmallErrorCode,
                __d: __D,
                __m: &mut __p::Members<'_>,
            ) -> __p::Result<Self, __D::Error> {
                __p::Ok(
                    match code {
                        SmallErrorCode::ItemsInvalid => {
                            Self::ItemsInvalid(
                                __p::serde::Deserialize::deserialize(__d)?,
                            )
                        }
                        _ => {
                            return __p::Err(
                                <__D::Error as __p::serde::de::Error>::custom(
                                    "not an error of the operation `upload_items`",
                                ),
                            );
                        }
                    },
                )
            }
        }
        #[automatically_derived]
        #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
        impl __p::serde::Serialize for UploadItemsError {
            fn serialize<__S: __p::serde::Serializer>(
                &self,
                __s: __S,
            ) -> __p::Result<__S::Ok, __S::Error> {
                <Self as ::errcat::CatalogError>::serialize_envelope(
                    &::errcat::Envelope::new(self),
                    __s,
                )
            }
        }
        #[automatically_derived]
        #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
        impl __p::Sealed for UploadItemsError {}
        #[automatically_derived]
        #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
        impl __p::From<UploadItemsError> for SmallError {
            fn from(error: UploadItemsError) -> SmallError {
                match error {
                    UploadItemsError::ItemsInvalid(__d) => SmallError::ItemsInvalid(__d),
                }
            }
        }
        #[automatically_derived]
        #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
        impl __p::core::convert::TryFrom<SmallError> for UploadItemsError {
            type Error = SmallError;
            fn try_from(error: SmallError) -> __p::Result<UploadItemsError, SmallError> {
                __p::Ok(
                    match error {
                        SmallError::ItemsInvalid(__d) => {
                            UploadItemsError::ItemsInvalid(__d)
                        }
                        __other => return __p::Err(__other),
                    },
                )
            }
        }
        #[allow(non_camel_case_types, dead_code)]
        mod __errcat_operation {
            pub struct upload_items;
        }
        #[allow(deprecated, unreachable_patterns, unused_variables, unused_mut)]
        impl UploadItemsError {
            #[doc(hidden)]
            #[allow(clippy::too_many_arguments)]
            pub fn rate_limited(
                limit: u32,
                reset_at: impl __p::Into<__p::Timestamp>,
                plan: impl __p::Into<Plan>,
                secret: impl __p::Into<__p::String>,
            ) -> Self
            where
                for<'__a> __errcat_codes::RATE_LIMITED: __p::Declared<
                    __errcat_operation::upload_items,
                    &'__a (),
                >,
            {
                <__errcat_codes::RATE_LIMITED as __p::Declared<
                    __errcat_operation::upload_items,
                    &'static (),
                >>::never()
            }
            #[doc(hidden)]
            #[allow(clippy::too_many_arguments)]
            pub fn old() -> Self
            where
                for<'__a> __errcat_codes::OLD: __p::Declared<
                    __errcat_operation::upload_items,
                    &'__a (),
                >,
            {
                <__errcat_codes::OLD as __p::Declared<
                    __errcat_operation::upload_items,
                    &'static (),
                >>::never()
            }
        }
    };
};
