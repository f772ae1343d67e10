// A catalog with mistakes in five codes (an unknown category, a bad
// status, a wrong placeholder, a bad example, misspelt keys): the build
// shows those mistakes and nothing from the user code below, which uses
// every code.

#[errcat::catalog("no_cascade.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum ShopError {}

fn main() {
    let ts: errcat::Timestamp = "2024-01-15T10:30:00Z".parse().unwrap();
    let all = [
        ShopError::auth_expired(ts),
        ShopError::rate_limited(10u32),
        ShopError::out_of_stock(vec![Item { id: "a".into() }]),
        ShopError::bad_item(Item { id: "b".into() }),
        ShopError::late(5u32),
        ShopError::gone(),
        ShopError::typo(),
    ];
    for e in &all {
        let _: ShopErrorCode = e.code();
        let _: Option<errcat::http::StatusCode> = e.status();
        let _: ShopErrorCategory = e.category();
        let _: bool = e.is_retryable();
        let _ = e.headers();
        let _ = e.to_string();
        let _ = serde_json::to_string(&e.envelope().request_id("r"));
        let _ = e.code().as_str().parse::<ShopErrorCode>();
    }
    match &all[1] {
        ShopError::RateLimited { limit } => assert_eq!(*limit, 10),
        ShopError::Late { minutes } => assert_eq!(*minutes, 5),
        _ => {}
    }
    let _ = ShopError::from_envelope(br#"{"error":{"code":"GONE","message":"Gone"}}"#);
    let _ = ShopErrorCategory::Limits.title();
    let _ = ShopErrorCode::ALL.len();
}
