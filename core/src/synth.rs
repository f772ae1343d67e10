//! Synthetic catalogs of any size with realistic variety, for benchmarks
//! and scale tests: several categories and channels, detail fields of every
//! type, named types, headers, message placeholders and examples.

use std::fmt::Write as _;

pub mod shapes;

const CATEGORIES: &[(&str, u16)] = &[
    ("authentication_error", 401),
    ("authorization_error", 403),
    ("validation_error", 400),
    ("resource_error", 404),
    ("conflict_error", 409),
    ("rate_limit_error", 429),
    ("server_error", 500),
    ("unavailable_error", 503),
];

/// The YAML text of a valid catalog with `n` codes.
pub fn catalog(n: usize) -> String {
    let mut s = String::with_capacity(n * 420 + 2048);
    s.push_str(
        "name: synthetic\ntitle: Synthetic API\nenvelopes:\n  http:\n    error:\n      type: $category\n      code: $code\n      message: $message\n      details: $details\n      request_id: $request_id\n    meta:\n      timestamp: $timestamp\n  events:\n    kind: error\n    code: $code\n    message: $message\n    details: $details\ncategories:\n",
    );
    for (name, status) in CATEGORIES {
        let _ = writeln!(
            s,
            "  {name}:\n    title: {name} errors\n    status: {status}"
        );
    }
    s.push_str("  event_error:\n    title: Event errors\n    channel: events\n");
    s.push_str(
        "types:\n  FieldError:\n    description: One invalid field.\n    fields:\n      field: string\n      message: string\n      value: json?\n  Plan:\n    enum: [free, standard, enterprise]\ncodes:\n",
    );
    for i in 0..n {
        let category = if i % 10 == 9 {
            "event_error"
        } else {
            CATEGORIES[i % CATEGORIES.len()].0
        };
        let _ = writeln!(s, "  SYNTHETIC_ERROR_{i:05}:\n    category: {category}");
        match i % 5 {
            0 => {
                let _ = write!(
                    s,
                    "    message: \"Resource {{resource_id}} failed at step {{step}}\"\n    description: Synthetic code {i} with object details.\n    resolution:\n      - Retry later\n      - Contact support\n    details:\n      resource_id: string\n      step: u32\n      total: u64\n      delta: i64\n      ratio: number\n      active: bool\n      at: timestamp\n      link: url\n      extra: json\n      tags: \"[string]\"\n      counts: \"{{string: u32}}\"\n      plan: Plan\n      note: string?\n"
                );
                if category != "event_error" {
                    s.push_str("    headers:\n      Retry-After: \"{step}\"\n      X-Resource: \"res-{resource_id}\"\n");
                }
                let _ = write!(
                    s,
                    "    example:\n      details:\n        resource_id: res_{i}\n        step: {step}\n        total: 123456789\n        delta: -5\n        ratio: 0.5\n        active: true\n        at: \"2024-01-15T10:30:00Z\"\n        link: https://example.com/r/{i}\n        extra: {{any: [1, 2]}}\n        tags: [a, b]\n        counts: {{a: 1, b: 2}}\n        plan: standard\n",
                    step = i % 7
                );
            }
            1 => {
                s.push_str("    message: Invalid request parameters\n    details: \"[FieldError]\"\n    example:\n      details:\n        - field: name\n          message: Name is required\n        - field: age\n          message: Must be positive\n          value: -1\n");
            }
            2 => {
                s.push_str("    message: Limit reached\n    retryable: true\n    details:\n      limit: u32\n      reset_at: timestamp\n");
                if category != "event_error" {
                    s.push_str("    headers:\n      X-RateLimit-Limit: \"{limit}\"\n      X-RateLimit-Reset: \"{reset_at:unix}\"\n");
                }
                s.push_str("    example:\n      details:\n        limit: 100\n        reset_at: \"2024-01-15T11:00:00Z\"\n");
            }
            3 => {
                let _ = write!(
                    s,
                    "    message: Plain failure number {i}\n    description: A code without details.\n"
                );
            }
            _ => {
                s.push_str("    message: Deprecated failure\n    deprecated: Use another code instead\n    details:\n      id: string\n    example:\n      details:\n        id: abc\n");
            }
        }
    }
    s
}

/// A catalog of `n` codes with `operations` operations, each with ten
/// codes of its own (HTTP codes, taken in turn) and the three that every
/// operation shares.
pub fn catalog_with_operations(n: usize, operations: usize) -> String {
    let mut s = catalog(n);
    let http: Vec<usize> = (0..n).filter(|i| i % 10 != 9).collect();
    if http.is_empty() || operations == 0 {
        return s;
    }
    let shared: Vec<String> = http
        .iter()
        .take(3)
        .map(|i| format!("SYNTHETIC_ERROR_{i:05}"))
        .collect();
    let _ = writeln!(
        s,
        "every_operation:\n  errors: [{}]\noperations:",
        shared.join(", ")
    );
    for k in 0..operations {
        let own: Vec<String> = (0..10)
            .map(|j| format!("SYNTHETIC_ERROR_{:05}", http[(k * 10 + j) % http.len()]))
            .filter(|c| !shared.contains(c))
            .collect();
        let _ = writeln!(
            s,
            "  operation_{k}:\n    method: POST\n    path: /things/{k}\n    errors: [{}]",
            own.join(", ")
        );
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn synthetic_catalogs_are_valid() {
        let text = super::catalog(50);
        let c = crate::compile_str("synthetic.yaml", text.as_bytes()).unwrap_or_else(|d| {
            panic!(
                "{}",
                d.iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert_eq!(c.codes.len(), 50);
    }

    #[test]
    fn synthetic_operations_are_valid() {
        let text = super::catalog_with_operations(100, 10);
        let c = crate::compile_str("synthetic.yaml", text.as_bytes())
            .unwrap_or_else(|d| panic!("{}", d[0]));
        assert_eq!(c.operations.len(), 10);
        assert!(
            c.operations
                .iter()
                .all(|o| (10..=13).contains(&o.codes.len()))
        );
    }

    #[test]
    fn ten_thousand_codes_load() {
        let text = super::catalog(10_000);
        let c = crate::compile_str("synthetic.yaml", text.as_bytes())
            .unwrap_or_else(|d| panic!("{}", d[0]));
        assert_eq!(c.codes.len(), 10_000);
    }
}
