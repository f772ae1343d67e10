#[errcat::catalog("unknown_key.yaml")]
pub enum ShopError {}

fn main() {}
