//! The `packcheck` binary: contract output lines, exit codes 0/1/2, `--json`, folders.

use std::path::Path;
use std::process::Command;

use kefu_core::pack::{compile_dir, PackSummary};

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_packcheck"))
        .args(args)
        // Run where the pack fixtures are, so that paths read as the diagnostics contract shows them.
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../kefu-core"))
        .output()
        .expect("packcheck runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn valid_packs_exit_0_with_a_note() {
    let (code, out, _) = run(&["tests/fixtures/valid/minimal.toml"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("note: tests/fixtures/valid/minimal.toml: ok"), "{out}");
    assert!(out.contains("needs 1..1"), "{out}");
}

#[test]
fn warnings_alone_still_exit_0() {
    let (code, out, _) = run(&["tests/fixtures/diagnostics/W001_unreachable_node.toml"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("tests/fixtures/diagnostics/W001_unreachable_node.toml:29:1: warning[W001]: "),
        "{out}"
    );
}

#[test]
fn errors_exit_1_in_the_contract_format_with_the_source_line() {
    let (code, out, _) = run(&["tests/fixtures/diagnostics/E008_missing_target.toml"]);
    assert_eq!(code, 1);
    let mut lines = out.lines();
    assert_eq!(
        lines.next().unwrap(),
        "tests/fixtures/diagnostics/E008_missing_target.toml:22:8: error[E008]: choice `probe` of node `ask` names node `don`, which does not exist in activity `talk` (did you mean `done`?)"
    );
    assert_eq!(lines.next().unwrap(), "  | goto = \"don\"");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&[]).0, 2);
    assert_eq!(run(&["--frobnicate", "x.toml"]).0, 2);
    let (code, _, err) = run(&["no/such/file.toml"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read no/such/file.toml"), "{err}");
    assert_eq!(run(&["--help"]).0, 0);
}

#[test]
fn folders_and_json() {
    let (code, out, _) =
        run(&["--json", "tests/fixtures/valid", "tests/fixtures/diagnostics/E022_unknown_category.toml"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    let files = v["files"].as_array().unwrap();
    let valid =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../kefu-core/tests/fixtures/valid"))
            .unwrap()
            .count();
    assert_eq!(files.len(), valid + 1);
    let bad = files.last().unwrap();
    assert_eq!(bad["ok"], false);
    assert_eq!(bad["diagnostics"][0]["code"], "E022");
    assert_eq!(bad["diagnostics"][0]["line"], 34);
    assert_eq!(bad["hash"].as_str().unwrap().len(), 64);
    assert_eq!(files[0]["ok"], true);
    assert_eq!(files[0]["bounds"][0]["max"], 1);
}

#[test]
fn emit_writes_every_valid_pack_as_the_app_loads_it() {
    let dir = std::env::temp_dir().join(format!("packcheck-emit-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let d = dir.to_str().unwrap();
    let (code, _, err) =
        run(&["--emit", d, "../../scenarios", "tests/fixtures/diagnostics/E022_unknown_category.toml"]);
    assert_eq!(code, 1, "the broken fixture still fails the run: {err}");
    let scenarios = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios");
    let index: Vec<PackSummary> = compile_dir(&scenarios)
        .unwrap()
        .into_iter()
        .filter_map(|(_, c)| Some(PackSummary::of(&c.pack?, &c.hash)))
        .collect();
    let mut written: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    written.sort();
    let mut expected: Vec<String> = index.iter().map(|s| s.file_name()).collect();
    expected.sort();
    assert_eq!(written, expected, "one file per valid pack, none for the broken one");
    for s in &index {
        let bytes = std::fs::read(dir.join(s.file_name())).unwrap();
        let pack = kefu_core::pack::summary::decode_file(&bytes, s).unwrap();
        assert_eq!(pack.meta.id, s.id);
    }
    assert_eq!(run(&["--emit"]).0, 2, "--emit without a folder is a usage error");
    std::fs::remove_dir_all(&dir).unwrap();
}
