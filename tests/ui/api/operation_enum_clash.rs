// The operation `item` would get the enum `ItemError`, which the catalog's
// type already is: one error at its line, and the rest of the expansion
// stands (the catalog enum and the other operation's enum), no cascade.
#[errcat::catalog("operation_enum_clash.yaml")]
#[derive(Debug)]
pub enum ClashError {}

fn main() {
    let _ = ClashError::gone();
    let _ = ListItemsError::bad_item(vec![ItemError { field: "f".into() }]);
}
