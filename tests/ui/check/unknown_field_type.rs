#[errcat::catalog("unknown_field_type.yaml")]
pub enum ShopError {}

fn main() {}
