#[errcat::catalog("unknown_envelope_slot.yaml")]
pub enum ShopError {}

fn main() {}
