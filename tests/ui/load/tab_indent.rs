#[errcat::catalog("tab_indent.yaml")]
pub enum ShopError {}

fn main() {}
