#[errcat::catalog("members.yaml")]
pub enum ShopError {}

fn main() {}
