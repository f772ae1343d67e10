// The code table the generated methods read is not reachable from the
// user's module: only the documented API is.
#[errcat::catalog("../../../catalog/hook0.yaml")]
pub enum Hook0Error {}

fn main() {
    let _ = Hook0ErrorCode::__ERRCAT_META;
    let _ = __ERRCAT_META;
    let _ = Hook0ErrorCode::ALL;
}
