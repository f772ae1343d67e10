#[errcat::catalog("template_member_listed.yaml")]
pub enum ShopError {}

fn main() {}
