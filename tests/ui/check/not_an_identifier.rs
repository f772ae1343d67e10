#[errcat::catalog("not_an_identifier.yaml")]
pub enum ShopError {}

fn main() {}
