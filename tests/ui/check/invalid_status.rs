#[errcat::catalog("invalid_status.yaml")]
pub enum ShopError {}

fn main() {}
