use errcat::ErrorCatalog;

#[derive(Debug, ErrorCatalog)]
#[catalog(path = "shop.yaml")]
pub enum ShopError {
    // Extra fields on a code without details.
    AuthExpired { extra: String },
    // A wrongly typed field, an extra one, and a missing one.
    RateLimited { limit: String, retry: u32 },
}

fn main() {}
