//! The client against hostile servers on 127.0.0.1: waits a server asks
//! for that overflow or never end, bodies that stall or trickle, codes of
//! another channel, huge codes and messages, and sensitive values in every
//! place a client prints. Each server is a raw TCP loop that answers one
//! canned response per connection and stops with the test's runtime.

mod common;

use std::net::SocketAddr;
use std::time::Duration;

use errcat::reqwest::ClientError;
use errcat::{DEFAULT_MAX_WAIT, Decision, DecodeError, Failure, FailureKind};
use errcat_tests::hexabase::HexabaseError;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

#[errcat::catalog("catalogs/sensitive.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum VaultError {}

/// How the canned response is sent.
#[derive(Clone, Copy)]
enum Send {
    /// All at once.
    Whole,
    /// The head and the first 10 bytes of a body whose `Content-Length`
    /// is the whole body's, then nothing until the client goes away.
    Stall,
    /// Chunked, one byte every 100 ms.
    Trickle,
}

/// A server on 127.0.0.1 answering every connection with `status`,
/// `headers` and `body`, sent as `how`.
async fn serve(status: u16, headers: &[(&str, &str)], body: &str, how: Send) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let mut head = format!("HTTP/1.1 {status} X\r\ncontent-type: application/json\r\n");
    for (n, v) in headers {
        head.push_str(&format!("{n}: {v}\r\n"));
    }
    match how {
        Send::Trickle => head.push_str("transfer-encoding: chunked\r\n\r\n"),
        _ => head.push_str(&format!("content-length: {}\r\n\r\n", body.len())),
    }
    let body = body.as_bytes().to_vec();
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let (head, body) = (head.clone(), body.clone());
            tokio::spawn(async move {
                let mut request = [0u8; 4096];
                let _ = socket.read(&mut request).await;
                let _ = socket.write_all(head.as_bytes()).await;
                match how {
                    Send::Whole => {
                        let _ = socket.write_all(&body).await;
                    }
                    Send::Stall => {
                        let _ = socket.write_all(&body[..10.min(body.len())]).await;
                        // Until the client closes (a read of 0), at most 60 s.
                        let _ = tokio::time::timeout(
                            Duration::from_secs(60),
                            socket.read(&mut request),
                        )
                        .await;
                    }
                    Send::Trickle => {
                        for b in body.iter().take(600) {
                            let chunk = format!("1\r\n{}\r\n", char::from(*b));
                            if socket.write_all(chunk.as_bytes()).await.is_err() {
                                return;
                            }
                            tokio::time::sleep(Duration::from_millis(100)).await;
                        }
                    }
                }
            });
        }
    });
    addr
}

use common::runner;

fn now() -> errcat::Timestamp {
    "2024-01-15T10:30:00Z".parse().unwrap()
}

/// Hexabase's rate limit, known or not, with `retry_after` as given.
fn rate_limited(code: &str, retry_after: &str) -> String {
    format!(
        r#"{{"error":{{"code":"{code}","message":"Too many requests","details":{{"limit":100,"window":"1m","retry_after":{retry_after}}}}},"meta":{{"request_id":"r1"}}}}"#
    )
}

#[tokio::test]
async fn waits_that_overflow_or_never_end_give_up_with_a_reason() {
    let client = common::client();
    // A known code whose `retry_after` does not fit its u32 is kept as an
    // unknown one, and classified by its prefix (`RATE_`), whose advice
    // reads the same detail; an unknown code the same.
    for (code, value) in [
        ("RATE_LIMIT_EXCEEDED", "1e300"),
        ("RATE_LIMIT_EXCEEDED", "2e19"),
        ("RATE_LIMIT_EXCEEDED", "18446744073709551615"),
        ("RATE_LIMIT_EXCEEDED", "4294967295"),
        ("RATE_QUOTA_NEWER", "1e300"),
        ("RATE_QUOTA_NEWER", "1.7976931348623157e308"),
        ("RATE_QUOTA_NEWER", "18446744073709551616"),
    ] {
        let addr = serve(429, &[], &rate_limited(code, value), Send::Whole).await;
        let url = format!("http://{addr}/");
        let (retry, waits) = runner();
        let result = retry
            .send::<HexabaseError, _, _>(|| client.get(&url).send())
            .await;
        match result {
            Err(e @ ClientError::WaitTooLong { .. }) => {
                let ClientError::WaitTooLong {
                    wait,
                    max,
                    ref failure,
                } = e
                else {
                    unreachable!()
                };
                assert!(wait > DEFAULT_MAX_WAIT, "{code} {value}: {wait:?}");
                assert_eq!(max, DEFAULT_MAX_WAIT);
                assert_eq!(failure.code(), Some(code));
                assert!(
                    e.to_string().contains("gave up: the server asks to wait"),
                    "{e}"
                );
            }
            other => panic!("{code} {value}: {other:?}"),
        }
        assert!(waits.lock().unwrap().is_empty(), "{code} {value}: slept");
        // The decision alone, at every attempt: no panic, never a sleep.
        let failure = Failure::<HexabaseError>::from_parts(
            errcat::http::StatusCode::TOO_MANY_REQUESTS,
            &errcat::http::HeaderMap::new(),
            rate_limited(code, value).as_bytes(),
        );
        for attempt in 1..3 {
            assert!(
                matches!(failure.decide(attempt, now()), Decision::WaitTooLong(_)),
                "{code} {value}"
            );
        }
    }
}

#[tokio::test]
async fn a_retry_after_header_is_capped_and_configurable() {
    let client = common::client();
    let body = r#"{"error":{"type":"server_error","code":"SERVER_ON_FIRE","message":"m"}}"#;
    for value in ["18446744073709551615", "99999999999999999999999999", "3601"] {
        let addr = serve(503, &[("retry-after", value)], body, Send::Whole).await;
        let url = format!("http://{addr}/");
        let (retry, waits) = runner();
        let got = retry
            .send::<errcat_tests::hook0::Hook0Error, _, _>(|| client.get(&url).send())
            .await;
        assert!(
            matches!(got, Err(ClientError::WaitTooLong { .. })),
            "{value}: {got:?}"
        );
        assert!(waits.lock().unwrap().is_empty());
    }
    // Under a longer maximum, 3601 s is waited for (recorded, not slept).
    let addr = serve(503, &[("retry-after", "3601")], body, Send::Whole).await;
    let url = format!("http://{addr}/");
    let (retry, waits) = runner();
    let retry = retry.max_wait(Duration::from_secs(7200));
    let got = retry
        .send::<errcat_tests::hook0::Hook0Error, _, _>(|| client.get(&url).send())
        .await;
    assert!(matches!(got, Err(ClientError::Failure(_))), "{got:?}");
    assert_eq!(*waits.lock().unwrap(), vec![Duration::from_secs(3601); 2]);
    // Negative and non-numeric waits are ignored: the backoff applies.
    for value in ["-5", "soon", "1.5"] {
        let addr = serve(503, &[("retry-after", value)], body, Send::Whole).await;
        let url = format!("http://{addr}/");
        let (retry, waits) = runner();
        let _ = retry
            .send::<errcat_tests::hook0::Hook0Error, _, _>(|| client.get(&url).send())
            .await;
        assert_eq!(
            *waits.lock().unwrap(),
            vec![Duration::from_secs(1), Duration::from_secs(2)],
            "{value}"
        );
    }
}

#[tokio::test]
async fn a_body_that_stalls_or_trickles_times_out() {
    // No timeout on the client itself: the limit is errcat's.
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let body = rate_limited("RATE_LIMIT_EXCEEDED", "5");
    for how in [Send::Stall, Send::Trickle] {
        let addr = serve(429, &[], &body, how).await;
        let response = client.get(format!("http://{addr}/")).send().await.unwrap();
        let limit = Duration::from_millis(300);
        let got = errcat::reqwest::check_within::<HexabaseError>(response, 1 << 20, limit).await;
        let failure = got.unwrap_err();
        assert_eq!(failure.kind, FailureKind::TimedOut { limit });
        assert_eq!(failure.status, 429);
        assert!(
            failure.to_string().contains("body not read within 300ms"),
            "{failure}"
        );
        // And under `Retry`, which reads with its own limit.
        let (retry, _) = runner();
        let retry = retry.body_timeout(limit);
        let url = format!("http://{addr}/");
        let got = retry
            .send::<HexabaseError, _, _>(|| client.get(&url).send())
            .await;
        match got {
            Err(ClientError::Failure(f)) => assert_eq!(f.kind, FailureKind::TimedOut { limit }),
            other => panic!("{other:?}"),
        }
    }
}

#[tokio::test]
async fn a_server_that_never_answers_is_given_up_on() {
    // Accepts, reads the request, and answers nothing until the client
    // goes (at most 60 s).
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let deadline = Duration::from_secs(60);
                let _ = tokio::time::timeout(deadline, async {
                    while socket.read(&mut buf).await.is_ok_and(|n| n > 0) {}
                })
                .await;
            });
        }
    });
    // No timeout on the client itself: the limit is errcat's.
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let (retry, waits) = runner();
    let limit = Duration::from_millis(300);
    let url = format!("http://{addr}/");
    let got = retry
        .response_timeout(limit)
        .send::<HexabaseError, _, _>(|| client.get(&url).send())
        .await;
    match got {
        Err(e @ ClientError::NoResponse { .. }) => {
            assert_eq!(e.to_string(), "no response within 300ms");
        }
        other => panic!("{other:?}"),
    }
    assert!(waits.lock().unwrap().is_empty());
}

#[tokio::test]
async fn a_huge_mismatched_value_is_not_printed_whole() {
    let huge = "x".repeat(100_000);
    let body = format!(
        r#"{{"error":{{"code":"RATE_LIMIT_EXCEEDED","message":"m","details":{{"limit":"{huge}","window":"1m","retry_after":5}}}}}}"#
    );
    let e = HexabaseError::from_envelope(body.as_bytes()).unwrap_err();
    assert!(e.to_string().len() < 600, "{} bytes", e.to_string().len());
}

#[tokio::test]
async fn a_code_of_another_channel_is_not_a_known_http_error() {
    let client = common::client();
    // Hexabase's WebSocket code, in its HTTP envelope and in its own.
    for body in [
        r#"{"error":{"code":"WS_AUTH_REQUIRED","message":"Authentication required"},"meta":{"request_id":"r1"}}"#,
        r#"{"type":"error","error":{"code":"WS_AUTH_REQUIRED","message":"Authentication required"}}"#,
    ] {
        let addr = serve(401, &[], body, Send::Whole).await;
        let response = client.get(format!("http://{addr}/")).send().await.unwrap();
        let failure = errcat::reqwest::check::<HexabaseError>(response)
            .await
            .unwrap_err();
        match &failure.kind {
            FailureKind::Unknown { error, mismatch } => {
                assert_eq!(error.code, "WS_AUTH_REQUIRED");
                let why = mismatch.as_deref().unwrap();
                assert!(
                    why.contains("`websocket` channel, which is not sent over HTTP"),
                    "{why}"
                );
            }
            other => panic!("{body}: {other:?}"),
        }
        // Its category is still known by its prefix.
        assert_eq!(failure.category(), Some("websocket"));
    }
    // Decoding a body of unknown origin (a WebSocket frame) still knows it.
    let frame = br#"{"type":"error","error":{"code":"WS_AUTH_REQUIRED","message":"Authentication required"}}"#;
    let got = HexabaseError::from_envelope(frame).unwrap();
    assert!(matches!(got.error, errcat::Decoded::Known(_)), "{got:?}");
}

#[tokio::test]
async fn duplicate_envelope_keys_are_refused_over_the_wire() {
    let client = common::client();
    let body =
        r#"{"error":{"code":"RATE_LIMIT_EXCEEDED","code":"AUTH_TOKEN_EXPIRED","message":"m"}}"#;
    let addr = serve(429, &[], body, Send::Whole).await;
    let response = client.get(format!("http://{addr}/")).send().await.unwrap();
    let failure = errcat::reqwest::check::<HexabaseError>(response)
        .await
        .unwrap_err();
    assert_eq!(failure.kind, FailureKind::Ambiguous { key: "code" });
    assert_eq!(failure.code(), None);
    assert!(
        failure.to_string().contains("names `code` twice"),
        "{failure}"
    );
    // Not retried by its code (there is none); by status, 429 is.
    assert!(failure.is_retryable());
}

#[tokio::test]
async fn long_codes_and_messages_are_shortened_when_printed() {
    let code = "RATE_".to_string() + &"X".repeat(900_000);
    let message = "m".repeat(100_000);
    let body = format!(r#"{{"error":{{"code":"{code}","message":"{message}","details":{{}}}}}}"#);
    let addr = serve(
        429,
        &[("x-request-id", &"r".repeat(5000))],
        &body,
        Send::Whole,
    )
    .await;
    let response = common::client()
        .get(format!("http://{addr}/"))
        .send()
        .await
        .unwrap();
    let failure = errcat::reqwest::check::<HexabaseError>(response)
        .await
        .unwrap_err();
    assert!(
        failure.code() == Some(code.as_str()),
        "the code is kept whole"
    );
    let shown = failure.to_string();
    assert!(shown.len() < 600, "{} bytes", shown.len());
    assert!(
        shown.contains("(900005 bytes)") && shown.contains("(100000 bytes)"),
        "{shown}"
    );
    // Each of the code, the message and the request id at most 1 KiB,
    // twice for the unknown error's own copy.
    assert!(format!("{failure:?}").len() < 8000);
    let FailureKind::Unknown { error, .. } = &failure.kind else {
        panic!()
    };
    assert!(error.to_string().len() < 600);
}

/// The sensitive values of the test bodies; none may be printed.
const SECRETS: &[&str] = &[
    "SECRET-PIN",
    "SECRET-TIER",
    "SECRET-NUMBER",
    "SECRET-REF",
    "987654321",
];

fn assert_no_secret(what: &str, text: &str) {
    for s in SECRETS {
        assert!(!text.contains(s), "{what} prints {s}: {text}");
    }
}

#[tokio::test]
async fn nothing_sensitive_is_printed_on_the_client_side() {
    let bodies = [
        // A known code whose sensitive fields do not match: a string for
        // the u32 `pin`, an unknown enum value, an integer for the nested
        // `number`, each alone.
        r#"{"error":{"code":"AUTH_PIN_REJECTED","message":"m","details":{"pin":"SECRET-PIN","tier":"free","card":{"last4":"1","number":"n"}}}}"#,
        r#"{"error":{"code":"AUTH_PIN_REJECTED","message":"m","details":{"pin":1,"tier":"SECRET-TIER","card":{"last4":"1","number":"n"}}}}"#,
        r#"{"error":{"code":"AUTH_PIN_REJECTED","message":"m","details":{"pin":1,"tier":"pro","card":{"last4":"1","number":987654321}}}}"#,
        // A known code that matches, with its sensitive member.
        r#"{"error":{"code":"AUTH_PIN_REJECTED","message":"m","details":{"pin":987654321,"tier":"pro","card":{"last4":"1","number":"SECRET-NUMBER"}},"secret_ref":"SECRET-REF"}}"#,
        // An unknown code carrying the same names, nested, and the member.
        r#"{"error":{"code":"AUTH_NEWER","message":"m","details":{"pin":"SECRET-PIN","list":[{"number":"SECRET-NUMBER"}]},"secret_ref":"SECRET-REF"}}"#,
        // An unknown code whose sensitive member is an object.
        r#"{"error":{"code":"NEWER","message":"m","secret_ref":{"deep":"SECRET-REF"}}}"#,
    ];
    let client = common::client();
    for body in bodies {
        // What `from_envelope` gives, and its error.
        match VaultError::from_envelope(body.as_bytes()) {
            Ok(received) => {
                assert_no_secret("Received's Debug", &format!("{received:?}"));
                if let errcat::Decoded::Unknown(u) = &received.error {
                    assert_no_secret("UnknownError's Debug", &format!("{u:?}"));
                    assert_no_secret("UnknownError's Display", &u.to_string());
                    assert_no_secret("RawJson's Debug", &format!("{:?}", u.details));
                    assert_no_secret("members' Debug", &format!("{:?}", u.members));
                }
                if let errcat::Decoded::Known(e) = &received.error {
                    assert_no_secret("the error's Display", &e.to_string());
                }
            }
            Err(e) => {
                assert!(matches!(e, DecodeError::Details { .. }), "{body}: {e}");
                assert_no_secret("DecodeError's Display", &e.to_string());
                assert_no_secret("DecodeError's Debug", &format!("{e:?}"));
                let source = std::error::Error::source(&e).map(ToString::to_string);
                assert_no_secret("DecodeError's source", &source.unwrap_or_default());
            }
        }
        // What the client gives, over the wire.
        let addr = serve(401, &[], body, Send::Whole).await;
        let response = client.get(format!("http://{addr}/")).send().await.unwrap();
        let failure = errcat::reqwest::check::<VaultError>(response)
            .await
            .unwrap_err();
        assert_no_secret("Failure's Display", &failure.to_string());
        assert_no_secret("Failure's Debug", &format!("{failure:?}"));
        assert_no_secret("FailureKind's Debug", &format!("{:?}", failure.kind));
        if let FailureKind::Unknown {
            mismatch: Some(m), ..
        } = &failure.kind
        {
            assert_no_secret("the mismatch", m);
            assert!(m.contains("field `"), "the field is still named: {m}");
        }
        let url = format!("http://{addr}/");
        let (retry, _) = runner();
        let e = retry
            .send::<VaultError, _, _>(|| client.get(&url).send())
            .await
            .unwrap_err();
        assert_no_secret("ClientError's Display", &e.to_string());
        assert_no_secret("ClientError's Debug", &format!("{e:?}"));
    }
}
