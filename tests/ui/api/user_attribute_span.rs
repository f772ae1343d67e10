// The user's own attributes on the catalog enum keep their spans: an error
// in one points at it, not at the `#[errcat::catalog]` line.
#[errcat::catalog("../../../catalog/hook0.yaml")]
#[derive(Default)]
pub enum Hook0Error {}

fn main() {}
