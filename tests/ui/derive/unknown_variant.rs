use errcat::ErrorCatalog;

#[derive(Debug, ErrorCatalog)]
#[catalog(path = "shop.yaml")]
pub enum ShopError {
    AuthExpird,
    #[catalog(code = "RATE_LIMITD")]
    Limited,
}

fn main() {}
