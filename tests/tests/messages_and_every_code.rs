//! Per-response messages and what every code carries, on an OAuth
//! 2.0-shaped catalog (`catalogs/oauth.yaml`). The bodies are RFC 6749's
//! (section 5.2) and RFC 8628's (section 3.5): `error_description` is
//! optional free text of one response, and every error response carries
//! `Cache-Control: no-store` and `Pragma: no-cache`.

mod common;

use errcat::http::StatusCode;
use errcat::{Decoded, Failure, FailureKind};

#[errcat::catalog("catalogs/oauth.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum OAuthError {}

/// RFC 6749 section 5.2's example body, and the same with a description
/// and a URI.
#[test]
fn the_rfc_bodies_decode_with_their_own_description() {
    let got = OAuthError::from_envelope(br#"{"error":"invalid_request"}"#).unwrap();
    assert_eq!(got.error, Decoded::Known(OAuthError::invalid_request(None)));
    assert_eq!(got.message, None);

    let body = br#"{"error": "invalid_grant", "error_description": "The refresh token has expired",
        "error_uri": "https://auth.example.com/errors/invalid_grant"}"#;
    let got = OAuthError::from_envelope(body).unwrap();
    assert_eq!(
        got.error,
        Decoded::Known(OAuthError::invalid_grant(Some(
            "https://auth.example.com/errors/invalid_grant".to_string()
        )))
    );
    assert_eq!(
        got.message.as_deref(),
        Some("The refresh token has expired")
    );

    // RFC 8628's device flow codes.
    for code in [
        "authorization_pending",
        "slow_down",
        "access_denied",
        "expired_token",
    ] {
        let body = format!(r#"{{"error": "{code}"}}"#);
        let got = OAuthError::from_envelope(body.as_bytes()).unwrap();
        assert!(matches!(got.error, Decoded::Known(_)), "{code}");
    }
}

/// `$message?` sends only a response's own message; the code's is its
/// default text (`Display`), never sent.
#[test]
fn a_response_sends_its_own_description_or_none() {
    let e = OAuthError::invalid_grant(None);
    assert_eq!(
        e.to_string(),
        "The provided authorization grant is invalid, expired or revoked."
    );
    let plain = e.to_response();
    assert_eq!(plain.body(), br#"{"error":"invalid_grant"}"#);

    let with = e.clone().with_message("The refresh token has expired");
    assert_eq!(with.to_string(), "The refresh token has expired");
    assert_eq!(with.error(), &e);
    let response = with.to_response();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        response.body(),
        br#"{"error":"invalid_grant","error_description":"The refresh token has expired"}"#
    );
    // The client sees what the server sent, and shows it.
    let f =
        Failure::<OAuthError>::from_parts(response.status(), response.headers(), response.body());
    assert_eq!(f.kind, FailureKind::Known(e));
    assert_eq!(f.message.as_deref(), Some("The refresh token has expired"));
    assert!(
        f.to_string()
            .contains("invalid_grant: The refresh token has expired"),
        "{f}"
    );
}

/// `every_code:` declares the headers and the optional member once; each
/// code sends the headers and takes the member.
#[test]
fn every_code_carries_what_every_code_declares() {
    for code in OAuthErrorCode::ALL {
        let e = OAuthError::from_envelope(format!(r#"{{"error": "{code}"}}"#).as_bytes())
            .unwrap()
            .error;
        let Decoded::Known(e) = e else {
            panic!("{code}")
        };
        let response = e.to_response();
        let h = response.headers();
        assert_eq!(h["cache-control"], "no-store", "{code}");
        assert_eq!(h["pragma"], "no-cache", "{code}");
        // Body-less codes have no content type.
        let has_body = !matches!(
            code,
            OAuthErrorCode::InvalidToken | OAuthErrorCode::InsufficientScope
        );
        assert_eq!(
            h.get("content-type").map(|v| v.to_str().unwrap()),
            has_body.then_some("application/json;charset=UTF-8"),
            "{code}"
        );
    }
    let e = OAuthError::use_dpop_nonce(Some("https://auth.example.com/dpop".to_string()));
    let body: serde_json::Value = serde_json::from_slice(e.to_response().body()).unwrap();
    assert_eq!(body["error_uri"], "https://auth.example.com/dpop");
}

/// A handler answers with its own message through axum; the layer keeps it
/// and adds the request id.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axum_answers_with_the_responses_own_message() {
    use axum::routing::post;
    let app = axum::Router::new()
        .route(
            "/token",
            post(|| async {
                Err::<(), _>(
                    OAuthError::invalid_client(None)
                        .with_message("Unknown client_id `app-7`")
                        .with_status(StatusCode::UNAUTHORIZED)
                        .expect("one of its statuses"),
                )
            }),
        )
        .layer(errcat::axum::ErrorLayer::new(|_| {
            OAuthError::invalid_request(None)
        }));
    let (addr, _stop) = errcat_tests::server::serve_on_loopback(app).await.unwrap();
    let response = common::client()
        .post(format!("http://{addr}/token"))
        .header("x-request-id", "req-5")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert_eq!(response.headers()["x-request-id"], "req-5");
    let f = errcat::reqwest::check::<OAuthError>(response)
        .await
        .unwrap_err();
    assert_eq!(f.status, StatusCode::UNAUTHORIZED);
    assert_eq!(f.message.as_deref(), Some("Unknown client_id `app-7`"));
    assert_eq!(f.kind, FailureKind::Known(OAuthError::invalid_client(None)));
}

/// A code with several statuses answers with its default, or with another
/// of them when the response says so; any other is refused.
#[test]
fn a_code_answers_with_one_of_its_statuses() {
    let e = OAuthError::use_dpop_nonce(None);
    assert_eq!(e.status(), Some(StatusCode::BAD_REQUEST));
    assert_eq!(
        OAuthErrorCode::UseDpopNonce.statuses(),
        [StatusCode::BAD_REQUEST, StatusCode::UNAUTHORIZED]
    );
    assert_eq!(
        OAuthErrorCode::InvalidGrant.statuses(),
        [StatusCode::BAD_REQUEST]
    );
    assert_eq!(e.to_response().status(), StatusCode::BAD_REQUEST);
    let at_resource_server = e.clone().with_status(StatusCode::UNAUTHORIZED).unwrap();
    assert_eq!(at_resource_server.status(), StatusCode::UNAUTHORIZED);
    let response = at_resource_server.to_response();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(response.headers()["cache-control"], "no-store");
    // Decoding accepts it under either status.
    let f =
        Failure::<OAuthError>::from_parts(response.status(), response.headers(), response.body());
    assert_eq!(f.kind, FailureKind::Known(e.clone()));
    // A status the code does not have is refused, the error given back.
    assert_eq!(e.clone().with_status(StatusCode::FORBIDDEN), Err(e));
}

/// Header values name the response's slots (`{$code}`, `{$message}`), and a
/// value inside a quoted-string is escaped (RFC 9110 5.6.4, RFC 6750 3).
#[test]
fn www_authenticate_carries_the_code_and_the_quoted_description() {
    let e = OAuthError::invalid_token();
    let header = |r: &errcat::http::Response<Vec<u8>>| {
        r.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(
        header(&e.to_response()),
        r#"Bearer realm="api", error="invalid_token", error_description="The access token is invalid.""#
    );
    let with = e.with_message(r#"The token "abc\def" expired"#);
    assert_eq!(
        header(&with.to_response()),
        r#"Bearer realm="api", error="invalid_token", error_description="The token \"abc\\def\" expired""#
    );
    // The catalog's example response (docs, mock) says the same.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let c = errcat_core::compile_file(&root.join("catalogs/oauth.yaml"), "oauth.yaml").unwrap();
    let code = c
        .codes
        .iter()
        .find(|c| c.code.value == "invalid_token")
        .unwrap();
    let r = errcat_core::render::response(&c, code, None);
    assert!(r.headers.contains(&(
        "WWW-Authenticate".to_string(),
        r#"Bearer realm="api", error="invalid_token", error_description="The access token is invalid.""#.to_string()
    )), "{:?}", r.headers);
}

/// A resource server's error travels in its challenge alone (RFC 6750
/// section 3, `body: false`): no body, no content type; the client reads
/// the code and the description from the header's parameters.
#[test]
fn a_body_less_error_is_read_from_its_challenge() {
    let e = OAuthError::invalid_token().with_message("The access token expired");
    let response = e.to_response();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(response.body().is_empty());
    assert!(response.headers().get("content-type").is_none());
    let f =
        Failure::<OAuthError>::from_parts(response.status(), response.headers(), response.body());
    assert_eq!(f.kind, FailureKind::Known(OAuthError::invalid_token()));
    assert_eq!(f.message.as_deref(), Some("The access token expired"));

    // RFC 6750's own example, as a server sends it.
    let mut headers = errcat::http::HeaderMap::new();
    headers.insert(
        "www-authenticate",
        r#"Bearer realm="example", error="invalid_token", error_description="The access token expired""#
            .parse()
            .unwrap(),
    );
    let f = Failure::<OAuthError>::from_parts(StatusCode::UNAUTHORIZED, &headers, b"");
    assert_eq!(f.kind, FailureKind::Known(OAuthError::invalid_token()));
    // A code this build does not know is kept; a challenge without `error`
    // (RFC 6750: a request without credentials) is not an error envelope.
    headers.insert(
        "www-authenticate",
        r#"Bearer error="new_code""#.parse().unwrap(),
    );
    let f = Failure::<OAuthError>::from_parts(StatusCode::UNAUTHORIZED, &headers, b"");
    assert_eq!(f.code(), Some("new_code"));
    headers.insert(
        "www-authenticate",
        r#"Bearer realm="example""#.parse().unwrap(),
    );
    let f = Failure::<OAuthError>::from_parts(StatusCode::UNAUTHORIZED, &headers, b"");
    assert!(matches!(f.kind, FailureKind::NotAnEnvelope { .. }), "{f:?}");
    // A body wins over the header.
    let f = Failure::<OAuthError>::from_parts(
        StatusCode::BAD_REQUEST,
        &headers,
        br#"{"error": "invalid_request"}"#,
    );
    assert_eq!(
        f.kind,
        FailureKind::Known(OAuthError::invalid_request(None))
    );
}
