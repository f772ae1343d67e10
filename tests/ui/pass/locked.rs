#![deny(warnings)]
//! A locked catalog changed compatibly compiles.

#[errcat::catalog("locked.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum ShopError {}

fn main() {
    let back = ShopError::from_envelope(br#"{"error":{"code":"UPGRADE_NEEDED","message":"m","details":{"plan":"pro"}}}"#).unwrap();
    assert_eq!(back.error, errcat::Decoded::Known(ShopError::upgrade_required(Plan::Pro)));
}
