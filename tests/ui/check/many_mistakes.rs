#[errcat::catalog("many_mistakes.yaml")]
pub enum ShopError {}

fn main() {}
