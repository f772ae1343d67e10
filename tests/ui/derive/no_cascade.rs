// The derive over a catalog with mistakes in some codes: the build shows
// the catalog's errors, and the user code that uses the derived API does
// not add any.
use errcat::ErrorCatalog;

#[derive(Debug, ErrorCatalog)]
#[catalog(path = "../check/no_cascade.yaml")]
pub enum ShopError {
    AuthExpired { expired_at: errcat::Timestamp },
    RateLimited { limit: u32 },
    Gone,
}

fn main() {
    let e = ShopError::gone();
    let _: ShopErrorCode = e.code();
    let _ = (e.status(), e.category(), e.is_retryable(), e.headers(), e.to_string());
    let _ = ShopError::rate_limited(3u32).code().as_str();
}
