#[errcat::catalog("unknown_category.yaml")]
pub enum ShopError {}

fn main() {}
