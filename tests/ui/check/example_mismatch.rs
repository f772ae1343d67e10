#[errcat::catalog("example_mismatch.yaml")]
pub enum ShopError {}

fn main() {}
