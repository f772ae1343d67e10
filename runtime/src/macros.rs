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
