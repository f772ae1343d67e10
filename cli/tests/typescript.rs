//! `errcat ts` compiled with the real TypeScript compiler (`tsc --strict`,
//! installed from `tests/ts/package-lock.json` by `npm ci`) together with
//! a client program, which node then runs over every seed example.

#[path = "../../tests/support/seeds.rs"]
mod seeds;

use std::path::PathBuf;
use std::process::Command;

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("node runs");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{cmd:?}:\n{text}");
    text
}

#[test]
fn the_typescript_module_compiles_strictly_and_parses_every_seed_example() {
    let root = seeds::repo_root();
    let tsc = root.join("tests/ts/node_modules/typescript/bin/tsc");
    assert!(
        tsc.exists(),
        "TypeScript is not installed: run `npm ci --prefix tests/ts`"
    );
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("ts-check");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut examples = String::new();
    for (name, seed) in [
        ("hook0", "hook0-error-codes.md"),
        ("hexabase", "hexabase-kaas-error-codes.md"),
    ] {
        let rel = format!("catalog/{name}.yaml");
        let catalog = errcat_core::compile_file(&root.join(&rel), &rel).unwrap();
        std::fs::write(
            dir.join(format!("{name}.ts")),
            errcat_core::render::typescript::module(&catalog).expect("no clash"),
        )
        .unwrap();
        let bodies: Vec<serde_json::Value> =
            seeds::seed(seed).into_iter().map(|s| s.example).collect();
        examples.push_str(&format!(
            "export const {name}Examples: unknown[] = {};\n",
            serde_json::to_string(&bodies).unwrap()
        ));
    }
    for name in ["jsonapi", "aip193", "oauth"] {
        let rel = format!("tests/catalogs/{name}.yaml");
        let catalog = errcat_core::compile_file(&root.join(&rel), &rel).unwrap();
        std::fs::write(
            dir.join(format!("{name}.ts")),
            errcat_core::render::typescript::module(&catalog).expect("no clash"),
        )
        .unwrap();
        let pairs: Vec<serde_json::Value> = catalog
            .codes
            .iter()
            .map(|c| {
                let body = errcat_core::render::example(&catalog, c).to_value();
                serde_json::json!([c.code.value, body])
            })
            .collect();
        examples.push_str(&format!(
            "export const {name}Examples: [string, unknown][] = {};\n",
            serde_json::to_string(&pairs).unwrap()
        ));
    }
    std::fs::write(dir.join("examples.ts"), examples).unwrap();
    std::fs::copy(root.join("tests/ts/check.ts"), dir.join("check.ts")).unwrap();
    std::fs::write(
        dir.join("tsconfig.json"),
        r#"{"compilerOptions": {"strict": true, "target": "ES2020", "module": "commonjs", "outDir": "out", "types": [], "noUnusedLocals": true}, "files": ["check.ts"]}"#,
    )
    .unwrap();
    run(Command::new("node")
        .arg(&tsc)
        .arg("-p")
        .arg(dir.join("tsconfig.json")));
    let out = run(Command::new("node").arg(dir.join("out/check.js")));
    assert!(out.starts_with("ok: 64 seed examples known"), "{out}");
    assert!(out.contains(", 21 shaped examples known"), "{out}");
}
