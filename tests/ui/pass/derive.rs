#![deny(warnings)]

use errcat::ErrorCatalog;

#[derive(Debug, Clone, PartialEq, ErrorCatalog)]
#[catalog(path = "../derive/shop.yaml", exhaustive)]
pub enum ShopError {
    AuthExpired,
    #[catalog(code = "RATE_LIMITED")]
    TooMany { limit: u32, retry_after: u32 },
}

fn main() {
    let e = ShopError::too_many(5u32, 30u32);
    assert_eq!(e.code().as_str(), "RATE_LIMITED");
    assert_eq!(e.status().map(|s| s.as_u16()), Some(429));
}
