#[errcat::catalog("unknown_placeholder.yaml")]
pub enum ShopError {}

fn main() {}
