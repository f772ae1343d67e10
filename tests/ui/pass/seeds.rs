#![deny(warnings, missing_docs)]
//! Both seed catalogs compile warning-free.

/// Hexabase.
#[errcat::catalog("../../../catalog/hexabase.yaml")]
#[derive(Clone, PartialEq)]
pub enum HexabaseError {}

/// Hook0.
#[errcat::catalog("../../../catalog/hook0.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum Hook0Error {}

fn main() {
    assert_eq!(Hook0Error::invalid_token().code().as_str(), "INVALID_TOKEN");
    assert_eq!(HexabaseErrorCode::ALL.len(), 36);
}
