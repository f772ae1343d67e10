#[errcat::catalog("catalog/does_not_exist.yaml")]
pub enum ShopError {}

fn main() {}
