// A handler of an operation constructs a code its operation does not
// declare: `cancel_order` has no `PAYMENT_DECLINED`.
#[errcat::catalog("../../catalogs/shop.yaml")]
#[derive(Debug)]
pub enum ShopError {}

fn cancel_order(paid: bool) -> Result<(), CancelOrderError> {
    if !paid {
        return Err(CancelOrderError::payment_declined(1200));
    }
    Err(CancelOrderError::order_already_shipped())
}

fn main() {
    let _ = cancel_order(false);
}
