#[errcat::catalog("breaking.yaml")]
#[derive(Debug)]
pub enum ShopError {}

fn main() {
    // The API is generated in full: no cascade here.
    let _ = ShopError::out_of_stock("sku-1", errcat::Timestamp::UNIX_EPOCH).status();
}
