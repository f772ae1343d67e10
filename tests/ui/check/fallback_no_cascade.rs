#[errcat::catalog("fallback_no_cascade.yaml")]
#[derive(Clone, PartialEq)]
pub enum ShopError {}

fn status_of(e: &ShopError) -> Option<errcat::http::StatusCode> {
    e.status()
}

fn code_of(e: &ShopError) -> ShopErrorCode {
    e.code()
}

fn main() {
    let _ = (status_of, code_of);
}
