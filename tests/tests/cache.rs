//! Several uses of one catalog in a crate: the second is served by the
//! expansion cache (its text handed to the compiler's lexer) and must behave
//! exactly like the first.

mod first {
    /// Errors of the Hook0 API.
    #[errcat::catalog("../catalog/hook0.yaml")]
    #[derive(Clone, PartialEq)]
    pub enum Hook0Error {}
}

// The same item as above, byte for byte: the cache key includes the item.
mod second {
    /// Errors of the Hook0 API.
    #[errcat::catalog("../catalog/hook0.yaml")]
    #[derive(Clone, PartialEq)]
    pub enum Hook0Error {}
}

#[test]
fn a_cached_expansion_behaves_like_the_fresh_one() {
    use std::str::FromStr;

    let a: Vec<&str> = first::Hook0ErrorCode::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    let b: Vec<&str> = second::Hook0ErrorCode::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    assert_eq!(a, b);
    assert_eq!(a.len(), 28);
    for (x, y) in first::Hook0ErrorCode::ALL
        .iter()
        .zip(second::Hook0ErrorCode::ALL)
    {
        assert_eq!(x.status(), y.status());
        assert_eq!(x.category().as_str(), y.category().as_str());
        assert_eq!(x.is_retryable(), y.is_retryable());
        assert_eq!(second::Hook0ErrorCode::from_str(x.as_str()).ok(), Some(*y));
    }
    let reset = "2024-01-15T11:30:00Z".parse::<errcat::Timestamp>().unwrap();
    let e1 = first::Hook0Error::rate_limit_exceeded(1000u32, 3600u32, reset, 1800u32);
    let e2 = second::Hook0Error::rate_limit_exceeded(1000u32, 3600u32, reset, 1800u32);
    assert_eq!(
        serde_json::to_string(&e1.envelope().request_id("req_1")).unwrap(),
        serde_json::to_string(&e2.envelope().request_id("req_1")).unwrap()
    );
    assert_eq!(e1.to_string(), e2.to_string());
    assert_eq!(format!("{e1:?}"), format!("{e2:?}"));
    assert_eq!(e1.headers(), e2.headers());
}
