//! A Kubernetes-style catalog: the `Status` envelope with literals and the
//! status as a number, CamelCase reasons as codes, and an optional
//! `retryAfterSeconds` that becomes `Retry-After` only when present.

#[errcat::catalog("catalogs/kubernetes.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum K8sError {}

#[test]
fn status_envelope() {
    let e = K8sError::not_found("web", "pods");
    assert_eq!(e.to_string(), r#"pods "web" not found"#);
    let v = serde_json::to_value(&e).unwrap();
    assert_eq!(
        v,
        serde_json::json!({
            "kind": "Status", "apiVersion": "v1", "status": "Failure",
            "message": "pods \"web\" not found", "reason": "NotFound",
            "details": {"name": "web", "kind": "pods"}, "code": 404
        })
    );
}

#[test]
fn an_optional_field_header_is_sent_only_when_present() {
    let with = K8sError::too_many_requests(Some(5u32));
    let headers = with.headers();
    assert_eq!(headers.len(), 1);
    assert_eq!(headers[0].0, "retry-after");
    assert_eq!(headers[0].1, "5");
    assert!(K8sError::too_many_requests(None).headers().is_empty());
    let timeout = K8sError::server_timeout(None, None);
    assert!(timeout.headers().is_empty());
    assert_eq!(
        K8sError::server_timeout(Some(2u32), None).headers()[0].1,
        "2"
    );
    // Absent optional details are omitted on the wire.
    let v = serde_json::to_value(K8sError::too_many_requests(None)).unwrap();
    assert_eq!(v["details"], serde_json::json!({}));
}
