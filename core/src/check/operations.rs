//! Operations: a name that can become a type, a method and a path template
//! an HTTP API can have (both or neither, each pair once), and errors that
//! name the catalog's HTTP codes and categories, each once.

use std::collections::HashMap;

use super::*;
use crate::model::{METHODS, Operation};

pub(crate) fn check_operations(catalog: &Catalog, cx: &mut Diagnostics) {
    let mut routes: HashMap<(String, String), &Loc> = HashMap::new();
    for op in &catalog.operations {
        check_name(op, cx);
        check_route(op, &mut routes, cx);
        check_errors(
            catalog,
            &op.errors,
            &format!("operation `{}`", op.name.value),
            cx,
        );
        for e in &op.errors {
            if catalog.every_operation.iter().any(|s| s.value == e.value) {
                cx.push(
                    Diagnostic::new(
                        &e.loc,
                        format!("`{}` is already an error of every operation", e.value),
                    )
                    .hint("remove it here: `every_operation:` gives it to every operation"),
                );
            }
        }
    }
    check_errors(catalog, &catalog.every_operation, "`every_operation`", cx);
}

fn check_name(op: &Operation, cx: &mut Diagnostics) {
    let name = &op.name.value;
    let ok = name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !ok {
        cx.push(
            Diagnostic::new(
                &op.name.loc,
                format!("operation name `{name}` is not snake_case"),
            )
            .hint(format!(
                "name it like a Rust function, such as `{}`",
                names::snake(name)
            )),
        );
    }
}

/// Method and path: both or neither, valid, and no other operation's.
fn check_route<'a>(
    op: &'a Operation,
    routes: &mut HashMap<(String, String), &'a Loc>,
    cx: &mut Diagnostics,
) {
    let (method, path) = match (&op.method, &op.path) {
        (Some(m), Some(p)) => (m, p),
        (None, None) => return,
        (Some(m), None) | (None, Some(m)) => {
            cx.push(
                Diagnostic::new(
                    &m.loc,
                    format!(
                        "operation `{}` has a method or a path, not both",
                        op.name.value
                    ),
                )
                .hint("give it both (`method: POST`, `path: /events`), or neither"),
            );
            return;
        }
    };
    if !METHODS.contains(&method.value.as_str()) {
        let upper = method.value.to_ascii_uppercase();
        let hint = match METHODS.contains(&upper.as_str()) {
            true => format!("write it in capitals: `{upper}`"),
            false => format!("one of {}", METHODS.join(", ")),
        };
        cx.push(
            Diagnostic::new(
                &method.loc,
                format!("`{}` is not an HTTP method", method.value),
            )
            .hint(hint),
        );
    }
    if let Err(why) = path_template(&path.value) {
        cx.push(
            Diagnostic::new(&path.loc, format!("`{}` is not a path template: {why}", path.value))
                .hint("write a path such as `/events/{id}`: it starts with `/`, and `{name}` marks a parameter"),
        );
    }
    let key = (method.value.to_ascii_uppercase(), path.value.clone());
    if let Some(first) = routes.get(&key) {
        cx.push(
            Diagnostic::new(
                &path.loc,
                format!("another operation is `{} {}` already", key.0, key.1),
            )
            .hint("each method and path is one operation; merge their errors")
            .note("the other", first),
        );
    } else {
        routes.insert(key, &path.loc);
    }
}

/// An OpenAPI path template: `/`, then segments with `{name}` parameters.
fn path_template(path: &str) -> Result<(), &'static str> {
    if !path.starts_with('/') {
        return Err("it does not start with `/`");
    }
    if path.contains(|c: char| c.is_whitespace() || c == '?' || c == '#') {
        return Err("it has a space, a query or a fragment");
    }
    let mut open = false;
    let mut name = 0;
    for c in path.chars() {
        match c {
            '{' if open => return Err("a `{` inside a parameter"),
            '{' => (open, name) = (true, 0),
            '}' if !open || name == 0 => return Err("a `}` without a parameter"),
            '}' => open = false,
            c if open && !(c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.') => {
                return Err("a parameter name with other than letters, digits, `_`, `-`, `.`");
            }
            _ => name += 1,
        }
    }
    match open {
        true => Err("a parameter left open"),
        false => Ok(()),
    }
}

/// Errors name HTTP codes or categories, each once.
fn check_errors(catalog: &Catalog, errors: &[Spanned<String>], what: &str, cx: &mut Diagnostics) {
    let mut seen: HashMap<&str, &Loc> = HashMap::new();
    for e in errors {
        if let Some(first) = seen.insert(&e.value, &e.loc) {
            cx.push(
                Diagnostic::new(&e.loc, format!("{what} lists `{}` twice", e.value))
                    .hint("list it once")
                    .note("also here", first),
            );
            continue;
        }
        let codes = crate::resolve::named_codes(catalog, &e.value);
        if codes.is_empty() {
            let names: Vec<&str> = catalog
                .codes
                .iter()
                .map(|c| c.code.value.as_str())
                .chain(catalog.categories.iter().map(|c| c.name.value.as_str()))
                .collect();
            cx.push(
                Diagnostic::new(
                    &e.loc,
                    format!("{what} lists `{}`, which is no code or category", e.value),
                )
                .hint(suggest(&e.value, &names)),
            );
        } else if let Some(c) = codes
            .iter()
            .map(|&i| &catalog.codes[i])
            .find(|c| c.resolved.status.is_none())
            && catalog.codes.iter().any(|x| x.code.value == e.value)
        {
            cx.push(
                Diagnostic::new(&e.loc, format!("`{}` is a code of the `{}` channel, which an HTTP operation does not answer", e.value, c.resolved.channel))
                    .hint("list the operation's HTTP codes; a code of another channel is sent there"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    fn ops(text: &str) -> Vec<String> {
        let base = BASE.replace("codes:\n", &format!("{text}codes:\n"));
        let d = diags_full(&format!(
            "{base}  AUTH_X: {{category: auth, message: m}}\n  SOCK_X: {{category: sock, message: m}}\n"
        ));
        d.into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn operations_name_http_codes_and_categories_once() {
        assert_eq!(
            ops(
                "every_operation: {errors: [AUTH_X]}\noperations:\n  get_item: {method: GET, path: \"/items/{id}\", errors: [auth]}\n"
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            ops("operations:\n  get_item: {errors: [AUTH_Y, AUTH_X, AUTH_X, SOCK_X]}\n"),
            [
                "operation `get_item` lists `AUTH_Y`, which is no code or category",
                "operation `get_item` lists `AUTH_X` twice",
                "`SOCK_X` is a code of the `ws` channel, which an HTTP operation does not answer",
            ]
        );
        assert_eq!(
            ops("every_operation: {errors: [AUTH_X]}\noperations:\n  a: {errors: [AUTH_X]}\n"),
            ["`AUTH_X` is already an error of every operation"]
        );
    }

    #[test]
    fn routes_are_valid_and_distinct() {
        assert_eq!(
            ops(
                "operations:\n  a: {method: get, path: items}\n  B: {method: POST}\n  c: {method: GET, path: \"/x/{id\"}\n  d: {method: GET, path: \"/x/{}\"}\n"
            ),
            [
                "`get` is not an HTTP method",
                "`items` is not a path template: it does not start with `/`",
                "operation name `B` is not snake_case",
                "operation `B` has a method or a path, not both",
                "`/x/{id` is not a path template: a parameter left open",
                "`/x/{}` is not a path template: a `}` without a parameter",
            ]
        );
        assert_eq!(
            ops("operations:\n  a: {method: GET, path: /x}\n  b: {method: GET, path: /x}\n"),
            ["another operation is `GET /x` already"]
        );
    }
}
