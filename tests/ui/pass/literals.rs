#![deny(warnings, missing_docs)]
//! Numeric and boolean fields take their own type: literals infer, with no
//! suffix, while strings keep taking `&str` and `String`.

/// A shop.
#[errcat::catalog("literals.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum ShopError {}

fn main() {
    let w = ShopError::widths(1, 2, 3, 99, -1, -2, -3, -4);
    assert_eq!(
        w,
        ShopError::Widths { a: 1, b: 2, c: 3, d: 99, e: -1, f: -2, g: -3, h: -4 }
    );
    let o = ShopError::others(9.5, true, Some(10), None, "widget");
    assert_eq!(o, ShopError::others(9.5, true, Some(10), None, String::from("widget")));
    let _ = ShopError::others(1.0, false, None, Some(0.5), String::new());
    assert_eq!(ShopError::count(7), ShopError::Count(7));
}
