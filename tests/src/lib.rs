//! The seed catalogs compiled through the macro, shared by the tests and the
//! `seeds` example.

#![deny(warnings, missing_docs)]

/// The Hexabase KaaS API's errors.
pub mod hexabase {
    /// An error of the Hexabase KaaS API.
    #[errcat::catalog("../catalog/hexabase.yaml")]
    #[derive(Clone, PartialEq)]
    pub enum HexabaseError {}
}

/// The Hook0 API's errors.
pub mod hook0 {
    /// An error of the Hook0 API.
    #[errcat::catalog("../catalog/hook0.yaml")]
    #[derive(Debug, Clone, PartialEq)]
    pub enum Hook0Error {}
}

pub mod server;
