//! Operations (`catalogs/shop.yaml`): one enum per operation with exactly
//! its codes, the catalog enum's API, conversions both ways; a client of
//! an operation keeps an error it does not declare, typed.

mod common;

use errcat::http::StatusCode;
use errcat::{CatalogError, Decoded, FailureKind};

#[errcat::catalog("catalogs/shop.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum ShopError {}

#[test]
fn an_operations_enum_holds_exactly_its_codes() {
    let names = |codes: &[ShopErrorCode]| codes.iter().map(|c| c.as_str()).collect::<Vec<_>>();
    // Its own, a whole category, and `every_operation`'s, in catalog order.
    assert_eq!(
        names(CreateOrderError::CODES),
        [
            "INVALID_PARAMETER",
            "MISSING_FIELD",
            "TOKEN_EXPIRED",
            "INVALID_TOKEN",
            "PAYMENT_DECLINED",
            "CARD_EXPIRED",
            "PRODUCT_NOT_FOUND",
            "OUT_OF_STOCK",
            "RATE_LIMITED",
            "INTERNAL_ERROR",
            "SERVICE_UNAVAILABLE",
        ]
    );
    assert_eq!(
        names(GetProductError::CODES),
        [
            "PRODUCT_NOT_FOUND",
            "RATE_LIMITED",
            "INTERNAL_ERROR",
            "SERVICE_UNAVAILABLE"
        ]
    );
    // `health` declares no error of its own: every operation's are its.
    assert_eq!(
        names(HealthError::CODES),
        ["RATE_LIMITED", "INTERNAL_ERROR", "SERVICE_UNAVAILABLE"]
    );
    assert_eq!(CreateOrderError::OPERATION, Some("create_order"));
    assert_eq!(ShopError::OPERATION, None);
}

#[test]
fn an_operations_error_is_the_catalogs_error() {
    let pairs = [
        (
            CreateOrderError::payment_declined(1200),
            ShopError::payment_declined(1200),
        ),
        (
            CreateOrderError::out_of_stock(2),
            ShopError::out_of_stock(2),
        ),
        (
            CreateOrderError::rate_limited(30),
            ShopError::rate_limited(30),
        ),
        (
            CreateOrderError::token_expired(),
            ShopError::token_expired(),
        ),
    ];
    for (op, catalog) in pairs {
        assert_eq!(op.code(), catalog.code());
        assert_eq!(op.status(), catalog.status());
        assert_eq!(op.category(), catalog.category());
        assert_eq!(op.to_string(), catalog.to_string());
        assert_eq!(format!("{op:?}"), format!("{catalog:?}"));
        assert_eq!(op.headers(), catalog.headers());
        assert_eq!(op.is_retryable(), catalog.is_retryable());
        assert_eq!(
            op.envelope().request_id("r-1").to_body(),
            catalog.envelope().request_id("r-1").to_body()
        );
        assert_eq!(ShopError::from(op.clone()), catalog);
        assert_eq!(CreateOrderError::try_from(catalog), Ok(op));
    }
    // A code the operation does not declare comes back as it was.
    let shipped = ShopError::order_already_shipped();
    assert_eq!(CreateOrderError::try_from(shipped.clone()), Err(shipped));
    // Matched like the catalog's enum, with the same variants.
    let e = CreateOrderError::out_of_stock(3);
    assert!(matches!(e, CreateOrderError::OutOfStock { available: 3 }));
}

#[test]
fn an_operations_enum_decodes_its_codes_and_refuses_the_others() {
    let body = ShopError::payment_declined(99).envelope().to_body();
    let got = CreateOrderError::from_envelope(&body).unwrap();
    assert_eq!(
        got.error,
        Decoded::Known(CreateOrderError::payment_declined(99))
    );
    // A code of the catalog outside the operation is refused, saying why
    // (a client's `Failure` keeps it typed: below).
    let body = ShopError::coupon_expired().envelope().to_body();
    let err = CreateOrderError::from_envelope(&body).unwrap_err();
    assert!(
        err.to_string()
            .contains("not an error of the operation `create_order`"),
        "{err}"
    );
}

/// Over 127.0.0.1: handlers return their operation's enum; the client of
/// an operation reads its errors typed, and one the operation does not
/// declare as the catalog's error, marked, never lost.
#[tokio::test]
async fn a_client_of_an_operation_reads_its_errors_and_keeps_the_others() {
    use axum::routing::{delete, post};
    async fn create_order() -> Result<(), CreateOrderError> {
        Err(CreateOrderError::out_of_stock(1))
    }
    // A handler that breaks its contract: a catalog error outside it.
    async fn cancel_order() -> Result<(), ShopError> {
        Err(ShopError::coupon_expired())
    }
    let app = axum::Router::new()
        .route("/orders", post(create_order))
        .route("/orders/1", delete(cancel_order));
    let (addr, _stop) = errcat_tests::server::serve_on_loopback(app).await.unwrap();
    let client = common::client();

    let response = client
        .post(format!("http://{addr}/orders"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let failure = errcat::reqwest::check::<CreateOrderError>(response)
        .await
        .unwrap_err();
    assert_eq!(
        failure.kind,
        FailureKind::Known(CreateOrderError::out_of_stock(1))
    );

    let response = client
        .delete(format!("http://{addr}/orders/1"))
        .send()
        .await
        .unwrap();
    let failure = errcat::reqwest::check::<CancelOrderError>(response)
        .await
        .unwrap_err();
    assert_eq!(
        failure.kind,
        FailureKind::Undeclared(ShopError::coupon_expired())
    );
    assert_eq!(failure.code(), Some("COUPON_EXPIRED"));
    assert_eq!(failure.category(), Some("conflict"));
    let shown = failure.to_string();
    assert!(
        shown.contains("COUPON_EXPIRED")
            && shown.contains("not an error of the operation `cancel_order`"),
        "{shown}"
    );
}

#[test]
fn an_undeclared_code_keeps_the_catalogs_retry_advice() {
    let body = ShopError::maintenance().envelope().to_body();
    let f = errcat::Failure::<HealthError>::from_parts(
        StatusCode::SERVICE_UNAVAILABLE,
        &errcat::http::HeaderMap::new(),
        &body,
    );
    assert_eq!(f.kind, FailureKind::Undeclared(ShopError::maintenance()));
    // Its retry advice is the catalog code's.
    assert!(f.is_retryable());
}

/// With utoipa, each operation's enum documents its own statuses only.
#[test]
fn each_operation_documents_only_its_statuses() {
    use utoipa::IntoResponses as _;
    let statuses =
        |r: std::collections::BTreeMap<String, _>| r.into_keys().collect::<Vec<String>>();
    assert_eq!(statuses(HealthError::responses()), ["429", "500", "503"]);
    assert_eq!(
        statuses(GetProductError::responses()),
        ["404", "429", "500", "503"]
    );
    assert_eq!(
        statuses(CreateOrderError::responses()),
        ["400", "401", "402", "404", "409", "429", "500", "503"]
    );
    assert_eq!(
        statuses(CancelOrderError::responses()),
        ["401", "404", "409", "429", "500", "503"]
    );
    // The catalog's enum documents every status of the catalog.
    assert_eq!(
        statuses(ShopError::responses()),
        statuses(CreateOrderError::responses())
    );
    let body = serde_json::to_string(&CancelOrderError::responses()).unwrap();
    assert!(!body.contains("PAYMENT_DECLINED") && body.contains("ORDER_ALREADY_SHIPPED"));
}

/// Creates an order.
#[utoipa::path(post, path = "/orders", responses((status = 201, description = "The order"), CreateOrderError))]
#[allow(dead_code)]
async fn create_order_doc() {}

/// Cancels an order.
#[utoipa::path(delete, path = "/orders/{order_id}", params(("order_id" = String, Path)), responses((status = 204, description = "Cancelled"), CancelOrderError))]
#[allow(dead_code)]
async fn cancel_order_doc() {}

/// Whether the service is up.
#[utoipa::path(get, path = "/health", responses((status = 200, description = "Up"), HealthError))]
#[allow(dead_code)]
async fn health_doc() {}

#[derive(utoipa::OpenApi)]
#[openapi(
    paths(create_order_doc, cancel_order_doc, health_doc),
    components(schemas(ShopError))
)]
struct ShopDoc;

/// A utoipa document of three operations: each path lists its own
/// statuses and codes, every code's schema is one component referred to
/// by `$ref`, the document is valid and no example matches two branches.
#[test]
fn a_utoipa_document_of_operations_refers_to_shared_components() {
    use utoipa::OpenApi as _;
    let doc = serde_json::to_value(ShopDoc::openapi()).unwrap();
    let health = &doc["paths"]["/health"]["get"]["responses"];
    let statuses: Vec<&String> = health.as_object().unwrap().keys().collect();
    assert_eq!(statuses, ["200", "429", "500", "503"]);
    assert!(!health.to_string().contains("PAYMENT_DECLINED"));
    let declined =
        &doc["paths"]["/orders"]["post"]["responses"]["402"]["content"]["application/json"];
    assert_eq!(
        declined["schema"]["oneOf"],
        serde_json::json!([
            {"$ref": "#/components/schemas/code.PAYMENT_DECLINED"},
            {"$ref": "#/components/schemas/code.CARD_EXPIRED"}
        ])
    );
    // One schema per code, not one per operation.
    let text = doc.to_string();
    assert_eq!(text.matches("\"code.RATE_LIMITED\":").count(), 1);
    assert_eq!(
        doc["components"]["schemas"]["code.RATE_LIMITED"]["properties"]["error"]["properties"]["code"]
            ["enum"],
        serde_json::json!(["RATE_LIMITED"])
    );
    common::validate("openapi", &doc, "shop.utoipa.json");
    common::validate("one-of", &doc, "shop.utoipa.json");
}
