#[errcat::catalog("success_status_without_literal.yaml")]
pub enum SlackError {}

fn main() {}
