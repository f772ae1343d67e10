//! Envelopes as real APIs nest them: a list of errors per response
//! (JSON:API, `catalogs/jsonapi.yaml`) and the code inside the array
//! element a literal selects (Google's AIP-193, `catalogs/aip193.yaml`).
//! The bodies are the published ones:
//! - JSON:API: "Error Codes" and "Multiple Errors" of
//!   <https://jsonapi.org/examples/#error-objects>;
//! - AIP-193: the `RESOURCE_AVAILABILITY` example of
//!   <https://google.aip.dev/193> and the `API_KEY_INVALID` example of
//!   <https://cloud.google.com/apis/design/errors>.

mod common;

use errcat::http::{HeaderMap, StatusCode};
use errcat::{Decoded, Errors, Failure, FailureKind};

#[errcat::catalog("catalogs/jsonapi.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum JsonApiError {}

#[errcat::catalog("catalogs/aip193.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum GoogleError {}

const JSONAPI_CODES: &str = r#"{
  "jsonapi": { "version": "1.1" },
  "errors": [
    {
      "code":   "123",
      "source": { "pointer": "/data/attributes/firstName" },
      "title":  "Value is too short",
      "detail": "First name must contain at least three characters."
    },
    {
      "code":   "225",
      "source": { "pointer": "/data/attributes/password" },
      "title": "Passwords must contain a letter, number, and punctuation character.",
      "detail": "The password provided is missing a punctuation character."
    },
    {
      "code":   "226",
      "source": { "pointer": "/data/attributes/password" },
      "title": "Password and password confirmation do not match."
    }
  ]
}"#;

const JSONAPI_NO_CODES: &str = r#"{
  "errors": [
    {
      "status": "403",
      "source": { "pointer": "/data/attributes/secretPowers" },
      "detail": "Editing secret powers is not authorized on Sundays."
    },
    {
      "status": "422",
      "source": { "pointer": "/data/attributes/volume" },
      "detail": "Volume does not, in fact, go to 11."
    },
    {
      "status": "500",
      "source": { "pointer": "/data/attributes/reputation" },
      "title": "The backend responded with an error",
      "detail": "Reputation service not responding after three requests."
    }
  ]
}"#;

fn pointer(p: &str) -> Option<Source> {
    Some(Source {
        pointer: Some(p.to_string()),
        parameter: None,
        header: None,
    })
}

fn text(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn every_error_of_a_jsonapi_list_is_read() {
    let got = JsonApiError::from_envelope(JSONAPI_CODES.as_bytes()).unwrap();
    let errors: Vec<_> = got.errors().cloned().collect();
    assert_eq!(
        errors,
        [
            Decoded::Known(JsonApiError::value_too_short(
                text("First name must contain at least three characters."),
                pointer("/data/attributes/firstName"),
                None,
            )),
            Decoded::Known(JsonApiError::password_too_weak(
                text("The password provided is missing a punctuation character."),
                pointer("/data/attributes/password"),
                None,
            )),
            Decoded::Known(JsonApiError::password_mismatch(
                None,
                pointer("/data/attributes/password"),
                None,
            )),
        ]
    );
    assert_eq!(
        got.more[1].message.as_deref(),
        Some("Password and password confirmation do not match.")
    );
}

/// JSON:API's `code` is optional: elements without one are kept, each an
/// unknown error with its status, message and members.
#[test]
fn list_elements_without_a_code_are_kept() {
    let got = JsonApiError::from_envelope(JSONAPI_NO_CODES.as_bytes()).unwrap();
    assert_eq!(got.more.len(), 2);
    let details: Vec<String> = got
        .errors()
        .map(|e| match e {
            Decoded::Unknown(u) => {
                assert_eq!(u.code, "");
                u.members
                    .iter()
                    .find(|(n, _)| n == "detail")
                    .unwrap()
                    .1
                    .get()
                    .to_string()
            }
            Decoded::Known(e) => panic!("{e:?}"),
        })
        .collect();
    assert_eq!(details[1], r#""Volume does not, in fact, go to 11.""#);
    assert_eq!(
        got.more[1].message.as_deref(),
        Some("The backend responded with an error")
    );
}

/// JSON:API's rule for the status of several errors: the one they share,
/// else 400 for 4xx, 500 when any is 5xx.
#[test]
fn several_errors_answer_with_the_most_general_status() {
    let short = || JsonApiError::value_too_short(None, pointer("/data/attributes/firstName"), None);
    let mismatch = JsonApiError::password_mismatch(None, None, text("e-2"));
    let mut same = Errors::new(short());
    same.push(mismatch.clone());
    assert_eq!(same.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let mut client = same.clone();
    client.push(JsonApiError::secret_powers_locked(None, None, None));
    assert_eq!(client.status(), StatusCode::BAD_REQUEST);
    let mut server = client.clone();
    server.push(JsonApiError::reputation_unavailable(None, None, None));
    assert_eq!(server.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(server.len(), 4);

    // Headers merged: each name once, as the first error that names it
    // gives it.
    let headers: Vec<(String, String)> = server
        .headers()
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_str().unwrap().to_string()))
        .collect();
    let pair = |n: &str, v: &str| (n.to_string(), v.to_string());
    assert_eq!(
        headers,
        [
            pair("retry-after", "86400"),
            pair("x-locked", "secret-powers")
        ]
    );

    let response = server.envelope().request_id("req-9").to_response();
    assert_eq!(response.headers()["retry-after"], "86400");
    assert_eq!(response.headers().get_all("retry-after").iter().count(), 1);
    assert_eq!(response.status(), 500);
    assert_eq!(
        response.headers()["content-type"],
        "application/vnd.api+json"
    );
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["meta"]["request_id"], "req-9");
    assert_eq!(body["errors"].as_array().unwrap().len(), 4);
    assert_eq!(body["errors"][1]["status"], "422");
    assert_eq!(body["errors"][1]["id"], "e-2");
    assert_eq!(body["errors"][3]["status"], "500");

    // Decoding reads every error encoding wrote; the request id is the
    // response's.
    let back = JsonApiError::from_envelope(response.body()).unwrap();
    let errors: Vec<_> = back.errors().cloned().collect();
    let sent: Vec<_> = server.iter().cloned().map(Decoded::Known).collect();
    assert_eq!(errors, sent);
    assert_eq!(back.request_id.as_deref(), Some("req-9"));
    assert!(back.more.iter().all(|r| r.request_id.is_none()));
}

/// One error of a list catalog is a list of one.
#[test]
fn one_error_is_a_list_of_one() {
    let e = JsonApiError::password_mismatch(None, None, None);
    let body = serde_json::to_string(&e.envelope()).unwrap();
    assert_eq!(
        body,
        r#"{"errors":[{"status":"422","code":"226","title":"Password and password confirmation do not match."}]}"#
    );
    let back = JsonApiError::from_envelope(body.as_bytes()).unwrap();
    assert_eq!(back.error, Decoded::Known(e));
    assert!(back.more.is_empty());
}

/// The axum integration answers several errors, and the client's failure
/// gives every one of them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axum_answers_a_list_and_the_client_reads_it_whole() {
    use axum::routing::post;
    let app = axum::Router::new()
        .route(
            "/users",
            post(|| async {
                let mut errors = Errors::new(JsonApiError::value_too_short(
                    text("First name must contain at least three characters."),
                    pointer("/data/attributes/firstName"),
                    None,
                ));
                errors.push(JsonApiError::password_mismatch(None, None, None));
                Err::<(), _>(errors)
            }),
        )
        .layer(errcat::axum::ErrorLayer::new(|_| {
            JsonApiError::reputation_unavailable(None, None, None)
        }));
    let (addr, _stop) = errcat_tests::server::serve_on_loopback(app).await.unwrap();
    let response = common::client()
        .post(format!("http://{addr}/users"))
        .header("x-request-id", "req-1")
        .send()
        .await
        .unwrap();
    let failure = errcat::reqwest::check::<JsonApiError>(response)
        .await
        .unwrap_err();
    assert_eq!(failure.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(failure.request_id.as_deref(), Some("req-1"));
    let FailureKind::Known(first) = &failure.kind else {
        panic!("{failure:?}")
    };
    assert_eq!(first.code(), JsonApiErrorCode::ValueTooShort);
    assert_eq!(failure.more.len(), 1);
    assert_eq!(failure.more[0].status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        failure.more[0].kind,
        FailureKind::Known(JsonApiError::password_mismatch(None, None, None))
    );
    assert!(
        failure.to_string().ends_with("and 1 more error(s)"),
        "{failure}"
    );
}

const AIP193_RESOURCE: &str = r#"{
  "error": {
    "code": 429,
    "message": "The zone 'us-east1-a' does not have enough resources available to fulfill the request. Try a different zone, or try again later.",
    "status": "RESOURCE_EXHAUSTED",
    "details": [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        "reason": "RESOURCE_AVAILABILITY",
        "domain": "compute.googleapis.com",
        "metadata": {
          "zone": "us-east1-a",
          "vmType": "e2-medium",
          "attachment": "local-ssd=3,nvidia-t4=2",
          "zonesWithCapacity": "us-central1-f,us-central1-c"
        }
      },
      {
        "@type": "type.googleapis.com/google.rpc.LocalizedMessage",
        "locale": "en-US",
        "message": "An <e2-medium> VM instance with <local-ssd=3,nvidia-t4=2> is currently unavailable in the <us-east1-a> zone. Consider trying your request in the <us-central1-f,us-central1-c> zone(s), which currently has/have capacity to accommodate your request. Alternatively, you can try your request again with a different VM hardware configuration or at a later time. For more information, see the troubleshooting documentation."
      },
      {
        "@type": "type.googleapis.com/google.rpc.Help",
        "links": [
          {
            "description": "Additional information on this error",
            "url": "https://cloud.google.com/compute/docs/resource-error"
          }
        ]
      }
    ]
  }
}"#;

const AIP193_API_KEY: &str = r#"{
  "error": {
    "code": 400,
    "message": "API key not valid. Please pass a valid API key.",
    "status": "INVALID_ARGUMENT",
    "details": [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        "reason": "API_KEY_INVALID",
        "domain": "googleapis.com",
        "metadata": {
          "service": "translate.googleapis.com"
        }
      }
    ]
  }
}"#;

fn resource_availability() -> GoogleError {
    GoogleError::resource_availability(
        "us-east1-a".to_string(),
        "e2-medium".to_string(),
        Some("local-ssd=3,nvidia-t4=2".into()),
        Some("us-central1-f,us-central1-c".into()),
    )
}

#[test]
fn the_code_is_read_from_the_element_its_type_selects() {
    let got = GoogleError::from_envelope(AIP193_API_KEY.as_bytes()).unwrap();
    assert_eq!(
        got.error,
        Decoded::Known(GoogleError::api_key_invalid(
            "translate.googleapis.com".to_string()
        ))
    );
    assert!(got.extra.is_empty());

    let got = GoogleError::from_envelope(AIP193_RESOURCE.as_bytes()).unwrap();
    assert_eq!(got.error, Decoded::Known(resource_availability()));
    assert!(got.message.unwrap().starts_with("The zone 'us-east1-a'"));
    // The other elements are kept, to be read.
    let types: Vec<String> = got
        .extra
        .iter()
        .map(|e| {
            let v: serde_json::Value = serde_json::from_str(e.get()).unwrap();
            v["@type"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(
        types,
        [
            "type.googleapis.com/google.rpc.LocalizedMessage",
            "type.googleapis.com/google.rpc.Help"
        ]
    );
}

/// In any order among the other elements, the selected one is found.
#[test]
fn the_selected_element_may_stand_anywhere() {
    let mut body: serde_json::Value = serde_json::from_str(AIP193_RESOURCE).unwrap();
    body["error"]["details"]
        .as_array_mut()
        .unwrap()
        .rotate_left(1);
    let text = serde_json::to_string(&body).unwrap();
    let got = GoogleError::from_envelope(text.as_bytes()).unwrap();
    assert_eq!(got.error, Decoded::Known(resource_availability()));
    assert_eq!(got.extra.len(), 2);

    // Without an ErrorInfo element, there is no code: not an envelope.
    body["error"]["details"]
        .as_array_mut()
        .unwrap()
        .retain(|e| e["@type"] != "type.googleapis.com/google.rpc.ErrorInfo");
    let text = serde_json::to_string(&body).unwrap();
    assert!(matches!(
        GoogleError::from_envelope(text.as_bytes()),
        Err(errcat::DecodeError::NotAnEnvelope)
    ));
}

/// What encoding writes, decoding reads, with the client's view of it.
#[test]
fn a_google_error_round_trips_through_a_response() {
    let e = resource_availability();
    let response = e.to_response();
    assert_eq!(response.status(), 429);
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["error"]["status"], "RESOURCE_EXHAUSTED");
    assert_eq!(
        body["error"]["details"][0]["domain"],
        "compute.googleapis.com"
    );
    assert_eq!(
        body["error"]["details"][0]["metadata"]["vmType"],
        "e2-medium"
    );
    // The code's own Help element follows the ErrorInfo, and comes back in
    // `extra`.
    assert_eq!(
        body["error"]["details"][1]["@type"],
        "type.googleapis.com/google.rpc.Help"
    );
    assert_eq!(
        body["error"]["details"][1]["links"][0]["url"],
        "https://cloud.google.com/compute/docs/resource-error"
    );
    let f =
        Failure::<GoogleError>::from_parts(response.status(), &HeaderMap::new(), response.body());
    assert_eq!(f.kind, FailureKind::Known(e));
    assert_eq!(f.extra.len(), 1);
    assert!(f.advice().is_some(), "RESOURCE_EXHAUSTED is retryable");
    // Codes without elements add none.
    let plain = GoogleError::api_key_invalid("s".to_string()).to_response();
    let body: serde_json::Value = serde_json::from_slice(plain.body()).unwrap();
    assert_eq!(body["error"]["details"].as_array().unwrap().len(), 1);
}

/// The README's example of several errors, byte for byte.
#[test]
fn the_readme_example_of_several_errors_is_what_is_written() {
    let mut errors = Errors::new(JsonApiError::value_too_short(
        Some("First name must contain at least three characters.".into()),
        Some(Source {
            pointer: Some("/data/attributes/firstName".into()),
            parameter: None,
            header: None,
        }),
        None,
    ));
    errors.push(JsonApiError::password_mismatch(None, None, None));
    let response = errors.envelope().request_id("req-9").to_response();
    assert_eq!(response.status(), 422);
    assert_eq!(
        std::str::from_utf8(response.body()).unwrap(),
        concat!(
            r#"{"errors":[{"status":"422","code":"123","title":"Value is too short","#,
            r#""detail":"First name must contain at least three characters.","#,
            r#""source":{"pointer":"/data/attributes/firstName"}},"#,
            r#"{"status":"422","code":"226","title":"Password and password confirmation do not match."}],"#,
            r#""meta":{"request_id":"req-9"}}"#
        )
    );
}

/// `$status` is the status the response answers with: the code's default,
/// or another of its statuses chosen for this response.
#[test]
fn the_status_slot_follows_the_chosen_status() {
    let e = resource_availability();
    let body: serde_json::Value = serde_json::from_slice(e.to_response().body()).unwrap();
    assert_eq!(body["error"]["code"], 429);
    let reply = e
        .clone()
        .with_status(errcat::http::StatusCode::SERVICE_UNAVAILABLE)
        .unwrap();
    let response = reply.to_response();
    assert_eq!(response.status(), 503);
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["error"]["code"], 503);
    let back = GoogleError::from_envelope(response.body()).unwrap();
    assert_eq!(back.error, Decoded::Known(e));
}

/// A list past `MAX_LIST_ERRORS` keeps that many and counts the rest: a
/// hostile list of empty elements cannot cost more memory than its bytes.
#[test]
fn a_long_list_keeps_the_limit_and_counts_the_rest() {
    let n = errcat::MAX_LIST_ERRORS + 5;
    let elements = vec![r#"{"code":"226","title":"t"}"#; n].join(",");
    let body = format!(r#"{{"errors":[{elements}]}}"#);
    let got = JsonApiError::from_envelope(body.as_bytes()).unwrap();
    assert_eq!(got.more.len(), errcat::MAX_LIST_ERRORS - 1);
    assert_eq!(got.omitted, 5);
    let f = Failure::<JsonApiError>::from_parts(
        StatusCode::UNPROCESSABLE_ENTITY,
        &HeaderMap::new(),
        body.as_bytes(),
    );
    assert_eq!(f.omitted, 5);
    assert!(
        f.to_string()
            .ends_with(&format!("and {} more error(s)", n - 1)),
        "{f}"
    );
}

/// A known code whose members do not match, anywhere in a list: `decode`
/// refuses the whole body, and the client keeps that element as an unknown
/// error with the reason, the others as they are.
#[test]
fn a_mismatched_element_of_a_list_is_reported_where_it_is() {
    let body = br#"{"errors": [{"code": "123", "title": "t"}, {"code": "226", "source": 5}]}"#;
    match JsonApiError::from_envelope(body) {
        Err(errcat::DecodeError::Details { code, .. }) => assert_eq!(code, "226"),
        other => panic!("{other:?}"),
    }
    let f = Failure::<JsonApiError>::from_parts(
        StatusCode::UNPROCESSABLE_ENTITY,
        &HeaderMap::new(),
        body,
    );
    assert_eq!(
        f.kind,
        FailureKind::Known(JsonApiError::value_too_short(None, None, None))
    );
    match &f.more[0].kind {
        FailureKind::Unknown { error, mismatch } => {
            assert_eq!(error.code, "226");
            assert!(
                mismatch.as_deref().unwrap().contains("source"),
                "{mismatch:?}"
            );
        }
        other => panic!("{other:?}"),
    }
}
