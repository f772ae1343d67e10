#[errcat::catalog("yaml_syntax.yaml")]
pub enum ShopError {}

fn main() {}
