#[errcat::catalog("naming_rule.yaml")]
pub enum ShopError {}

fn main() {}
