#[errcat::catalog("empty_file.yaml")]
pub enum ShopError {}

fn main() {}
