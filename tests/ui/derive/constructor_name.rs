use errcat::ErrorCatalog;

#[derive(Debug, ErrorCatalog)]
#[catalog(path = "shop.yaml")]
pub enum ShopError {
    #[catalog(code = "AUTH_EXPIRED")]
    Super,
    #[catalog(code = "RATE_LIMITED")]
    Code,
}

fn main() {}
