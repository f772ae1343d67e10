// A response of several errors needs a list of errors in the envelope.
#[errcat::catalog("../../../catalog/hook0.yaml")]
#[derive(Debug)]
pub enum Hook0Error {}

fn main() {
    let _ = errcat::Errors::new(Hook0Error::invalid_token());
}
