#[errcat::catalog("wrong_type.yaml")]
pub enum ShopError {}

fn main() {}
