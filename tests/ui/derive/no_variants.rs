use errcat::ErrorCatalog;

// A derive maps variants to codes; with no variant there is nothing to map.
#[derive(Debug, ErrorCatalog)]
#[catalog(path = "shop.yaml")]
pub enum ShopError {}

fn main() {}
