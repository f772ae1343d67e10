#[errcat::catalog("timestamps.yaml")]
pub enum BookingError {}

fn main() {}
