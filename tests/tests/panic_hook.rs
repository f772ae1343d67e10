//! `errcat::axum::quiet_panic_hook`: a panic the layer catches (and logs)
//! does not reach the panic hook; any other panic still does. Its own test
//! binary: the panic hook is global.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

#[tokio::test]
async fn the_hook_stays_quiet_only_for_panics_the_layer_catches() {
    use errcat::axum::ErrorLayer;
    use errcat_tests::hook0::Hook0Error;
    let heard = Arc::new(AtomicUsize::new(0));
    let h = heard.clone();
    // The hook before: counts what reaches it.
    std::panic::set_hook(Box::new(move |_| {
        h.fetch_add(1, Ordering::SeqCst);
    }));
    errcat::axum::quiet_panic_hook();
    let app = axum::Router::new()
        .route(
            "/boom",
            axum::routing::get(|| async {
                if true {
                    panic!("caught by the layer");
                }
                "never"
            }),
        )
        .layer(ErrorLayer::new(|_| {
            Hook0Error::internal_server_error("inc")
        }));
    let (addr, _stop) = errcat_tests::server::serve_on_loopback(app).await.unwrap();
    for _ in 0..3 {
        let res = common::client()
            .get(format!("http://{addr}/boom"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 500);
    }
    assert_eq!(
        heard.load(Ordering::SeqCst),
        0,
        "the layer's panics stay quiet"
    );
    // A panic outside any layer reaches the hook.
    let outside = std::thread::spawn(|| panic!("not in a request")).join();
    assert!(outside.is_err());
    assert_eq!(heard.load(Ordering::SeqCst), 1);
}
