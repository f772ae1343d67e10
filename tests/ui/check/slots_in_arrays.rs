#[errcat::catalog("slots_in_arrays.yaml")]
pub enum ShapeError {}

fn main() {}
