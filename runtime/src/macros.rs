//! The `macro_rules!` the generated code expands per integration: each
//! feature's impls when it is on, nothing when it is off, so the proc
//! macro's output is the same whatever features the runtime has.

/// Without the `axum` feature, generated errors get no `IntoResponse`.
#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcat_no_axum {
    ($error:ty) => {};
}

/// Without the `utoipa` feature, generated errors get no `IntoResponses`.
#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcat_no_utoipa {
    ($error:ty, $responses:literal) => {};
}

/// `utoipa::IntoResponses` for a generated error type (expanded by the macros).
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcat_utoipa {
    ($error:ty, $responses:literal) => {
        impl ::errcat::__private::utoipa::IntoResponses for $error {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                ::errcat::__private::utoipa::openapi::RefOr<
                    ::errcat::__private::utoipa::openapi::response::Response,
                >,
            > {
                ::errcat::__private::utoipa_responses($responses)
            }
        }
    };
}

/// `utoipa::ToSchema` for a generated catalog enum: its schema, a `oneOf`
/// of its codes, and the components every code's response refers to.
#[doc(hidden)]
#[macro_export]
#[cfg(feature = "utoipa")]
macro_rules! __errcat_utoipa_schemas {
    ($error:ty, $name:literal, $schema:literal, $components:literal) => {
        impl ::errcat::__private::utoipa::PartialSchema for $error {
            fn schema() -> ::errcat::__private::utoipa::openapi::RefOr<
                ::errcat::__private::utoipa::openapi::schema::Schema,
            > {
                ::errcat::__private::utoipa_schema($schema)
            }
        }
        impl ::errcat::__private::utoipa::ToSchema for $error {
            fn name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed($name)
            }
            fn schemas(
                schemas: &mut ::std::vec::Vec<(
                    ::std::string::String,
                    ::errcat::__private::utoipa::openapi::RefOr<
                        ::errcat::__private::utoipa::openapi::schema::Schema,
                    >,
                )>,
            ) {
                ::errcat::__private::utoipa_components($components, schemas)
            }
        }
    };
}

/// Nothing, without the `utoipa` feature.
#[doc(hidden)]
#[macro_export]
#[cfg(not(feature = "utoipa"))]
macro_rules! __errcat_no_utoipa_schemas {
    ($($t:tt)*) => {};
}
