#[errcat::catalog("header_placeholder.yaml")]
pub enum ShopError {}

fn main() {}
