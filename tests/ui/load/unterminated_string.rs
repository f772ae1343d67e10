#[errcat::catalog("unterminated_string.yaml")]
pub enum ShopError {}

fn main() {}
