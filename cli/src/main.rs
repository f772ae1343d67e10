//! `errcat`: check, dump and render error catalogs with the same core the
//! proc macro uses.

use std::path::Path;
use std::process::ExitCode;

use errcat_core::{Checked, Diagnostic, render};

mod evolve;
mod mock;

const USAGE: &str = "\
usage: errcat <command> [args]
       errcat --version

commands:
  check FILE...        check catalogs; prints every mistake, exits 1 on any
  dump FILE            print the resolved catalog as JSON
  example FILE CODE    print CODE's example in its channel's envelope as JSON
  docs FILE [-o OUT]   print (or write) the catalog's markdown reference
  explain FILE CODE    everything about one code, for a terminal
  json-schema FILE     the JSON Schema (2020-12) of the catalog's wire bodies
  openapi FILE [--merge DOC]
                       an OpenAPI 3.1 document of the catalog's error
                       responses (each operation's in `paths`), or merged
                       into the service's own document DOC (JSON)
  ts FILE              a TypeScript module: typed bodies and parseError()
  diff OLD NEW         classify every change of the wire contract from OLD to
                       NEW (breaking, compatible, documentation); exit 1 on
                       any breaking change
  diff --git REV FILE  the same, OLD being FILE as of the git revision REV
  lock FILE            write FILE's wire contract to its lock file
                       (hook0.yaml -> hook0.lock.yaml), which the macro then
                       holds the catalog to
  mock FILE [--addr A] [--head-timeout SECS]
                       serve every HTTP code's example response at GET /CODE
                       (GET / lists them) on A, default 127.0.0.1:4010;
                       closes connections that send no request head within
                       SECS (default 10); stops within a second of SIGINT
                       or SIGTERM, whatever its connections are doing
  schema               print the JSON Schema of the catalog language
  synth N [OPS]        print a synthetic catalog of N codes, with OPS
                       operations (for benchmarks)
  handwritten FILE     print the hand-written Rust equivalent of a catalog's
                       errors (thiserror, serde derive), for comparisons
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some((command, rest)) = args.split_first() else {
        return Err("no command given".into());
    };
    match (command.as_str(), rest) {
        ("check", files) if !files.is_empty() => Ok(check(files)),
        ("dump", [file]) => Ok(with_catalog(file, |c| {
            print_json(&render::dump(c));
            ExitCode::SUCCESS
        })),
        ("example", [file, code]) => Ok(with_code(file, code, |c, k| {
            // In the order the generated serializer writes.
            println!("{}", render::example(c, k).pretty());
        })),
        ("synth", [n]) => {
            let n: usize = n.parse().map_err(|_| format!("`{n}` is not a number"))?;
            print!("{}", errcat_core::synth::catalog(n));
            Ok(ExitCode::SUCCESS)
        }
        ("synth", [n, ops]) => {
            let n: usize = n.parse().map_err(|_| format!("`{n}` is not a number"))?;
            let ops: usize = ops
                .parse()
                .map_err(|_| format!("`{ops}` is not a number"))?;
            print!("{}", errcat_core::synth::catalog_with_operations(n, ops));
            Ok(ExitCode::SUCCESS)
        }
        ("handwritten", [file]) => Ok(with_catalog(file, |c| {
            print!("{}", errcat_core::handwritten::source(c));
            ExitCode::SUCCESS
        })),
        ("docs", [file]) => Ok(with_catalog(file, |c| {
            print!("{}", render::markdown::reference(c));
            ExitCode::SUCCESS
        })),
        ("docs", [file, flag, out]) if flag == "-o" => Ok(with_catalog(file, |c| {
            match std::fs::write(out, render::markdown::reference(c)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: cannot write {out}: {e}");
                    ExitCode::FAILURE
                }
            }
        })),
        ("explain", [file, code]) => Ok(with_code(file, code, |c, k| {
            print!("{}", render::markdown::explain(c, k));
        })),
        ("json-schema", [file]) => Ok(with_catalog(file, |c| {
            print_json(&render::json_schema::document(c));
            ExitCode::SUCCESS
        })),
        ("openapi", [file]) => Ok(with_catalog(file, |c| {
            print_json(&render::openapi::document(c));
            ExitCode::SUCCESS
        })),
        ("openapi", [file, flag, doc]) if flag == "--merge" => Ok(with_catalog(file, |c| {
            let merged = std::fs::read_to_string(doc)
                .map_err(|e| format!("cannot read {doc}: {e}"))
                .and_then(|t| serde_json::from_str(&t).map_err(|e| format!("{doc}: {e}")))
                .and_then(|d| render::openapi::merge(c, d).map_err(|e| format!("{doc}: {e}")));
            match merged {
                Ok(m) => {
                    print_json(&m);
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        })),
        ("ts", [file]) => Ok(with_catalog(file, |c| {
            match render::typescript::module(c) {
                Ok(module) => {
                    print!("{module}");
                    ExitCode::SUCCESS
                }
                Err(clashes) => {
                    report(&clashes);
                    ExitCode::FAILURE
                }
            }
        })),
        ("diff", [flag, rev, file]) if flag == "--git" => Ok(evolve::diff_git(rev, file)),
        ("diff", [old, new]) => Ok(evolve::diff_files(old, new)),
        ("lock", [file]) => Ok(with_catalog(file, |c| evolve::lock(c, file))),
        ("mock", [file, rest @ ..]) => {
            let (addr, head_timeout) = mock_options(rest)?;
            match errcat_core::compile_file(Path::new(file), file) {
                Ok(catalog) => Ok(mock::run(catalog, addr, head_timeout)),
                Err(diags) => {
                    report(&diags);
                    eprintln!("error: {file}: {} mistake(s)", diags.len());
                    Ok(ExitCode::FAILURE)
                }
            }
        }
        ("schema", []) => {
            print_json(&errcat_core::schema::language_schema());
            Ok(ExitCode::SUCCESS)
        }
        ("--version" | "-V" | "version", []) => {
            println!("errcat {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        ("help" | "--help" | "-h", _) => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        (other, _) => Err(format!("unknown command or wrong arguments: `{other}`")),
    }
}

/// `[--addr HOST:PORT] [--head-timeout SECS]`, in any order.
fn mock_options(args: &[String]) -> Result<(std::net::SocketAddr, std::time::Duration), String> {
    let usage = || "usage: errcat mock FILE [--addr HOST:PORT] [--head-timeout SECS]".to_string();
    let mut addr = mock::DEFAULT_ADDR;
    let mut head_timeout = mock::DEFAULT_HEAD_TIMEOUT;
    let mut rest = args;
    while let [flag, value, tail @ ..] = rest {
        match flag.as_str() {
            "--addr" => addr = value,
            "--head-timeout" => {
                head_timeout = value
                    .parse::<f64>()
                    .ok()
                    .filter(|s| s.is_finite() && *s > 0.0 && *s <= 3600.0)
                    .map(std::time::Duration::from_secs_f64)
                    .ok_or_else(|| {
                        format!("`{value}` is not a number of seconds between 0 and 3600")
                    })?;
            }
            _ => return Err(usage()),
        }
        rest = tail;
    }
    if !rest.is_empty() {
        return Err(usage());
    }
    let addr = addr
        .parse()
        .map_err(|_| format!("`{addr}` is not an address such as 127.0.0.1:4010"))?;
    Ok((addr, head_timeout))
}

fn print_json(value: &serde_json::Value) {
    match serde_json::to_string_pretty(value) {
        Ok(text) => println!("{text}"),
        Err(e) => eprintln!("error: {e}"),
    }
}

pub(crate) fn report(diags: &[Diagnostic]) {
    for d in diags {
        eprintln!("error: {d}\n");
    }
}

fn with_catalog(file: &str, f: impl FnOnce(&Checked) -> ExitCode) -> ExitCode {
    match errcat_core::compile_file(Path::new(file), file) {
        Ok(catalog) => f(&catalog),
        Err(diags) => {
            report(&diags);
            eprintln!("error: {file}: {} mistake(s)", diags.len());
            ExitCode::FAILURE
        }
    }
}

/// Runs `f` on the code `code` of the catalog, or names the closest code.
fn with_code(
    file: &str,
    code: &str,
    f: impl FnOnce(&Checked, &errcat_core::model::Code),
) -> ExitCode {
    with_catalog(file, |c| {
        match c.codes.iter().find(|k| k.code.value == code) {
            Some(k) => {
                f(c, k);
                ExitCode::SUCCESS
            }
            None => {
                let names: Vec<&str> = c.codes.iter().map(|k| k.code.value.as_str()).collect();
                eprintln!(
                    "error: no code `{code}` in {file}; {}",
                    errcat_core::diag::suggest(code, &names)
                );
                ExitCode::FAILURE
            }
        }
    })
}

fn check(files: &[String]) -> ExitCode {
    let mut failed = 0usize;
    for file in files {
        match errcat_core::compile_file(Path::new(file), file) {
            Ok(catalog) => {
                let locked = errcat_core::evolve::lock_diagnostics(&catalog, Path::new(file), file);
                if locked.is_empty() {
                    eprintln!("{file}: ok, {} codes", catalog.codes.len());
                } else {
                    report(&locked);
                    eprintln!(
                        "{file}: {} breaking change(s) against its lock file",
                        locked.len()
                    );
                    failed += 1;
                }
            }
            Err(diags) => {
                report(&diags);
                eprintln!("{file}: {} mistake(s)", diags.len());
                failed += 1;
            }
        }
    }
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
