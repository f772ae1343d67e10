use errcat::ErrorCatalog;

#[derive(Debug, ErrorCatalog)]
#[catalog(path = "shop.yaml", exhaustive)]
pub enum ShopError {
    AuthExpired,
}

fn main() {}
