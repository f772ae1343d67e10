#[errcat::catalog("invalid_header_name.yaml")]
pub enum ShopError {}

fn main() {}
