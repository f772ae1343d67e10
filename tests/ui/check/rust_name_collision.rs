#[errcat::catalog("rust_name_collision.yaml")]
pub enum ShopError {}

fn main() {}
