#[errcat::catalog("details_without_slot.yaml")]
pub enum ShopError {}

fn main() {}
