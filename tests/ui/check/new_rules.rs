#[errcat::catalog("new_rules.yaml")]
pub enum OAuthError {}

fn main() {}
