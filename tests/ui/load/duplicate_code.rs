#[errcat::catalog("duplicate_code.yaml")]
pub enum ShopError {}

fn main() {}
