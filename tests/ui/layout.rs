//! The architecture, checked:
//! - kefu-core's dependency tree (from `cargo metadata`) holds no web crate, so the compiler keeps
//!   the core pure; its sources do not name the app crate either;
//! - inside the core, modules depend one way only (the order in kefu-core's `lib.rs` and the README):
//!   a module whose code (not its unit tests) imports one above it fails here;
//! - the README's layout names folders that exist, and it opens with the two commands.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Crates that bind to the browser: never in the core's tree.
const WEB_CRATES: &[&str] = &["yew", "gloo", "web-sys", "js-sys", "wasm-bindgen"];

/// kefu-core's modules from bottom to top: each may use only those before it. `testing` (fixtures
/// for the test crates) sits above them all.
const CORE_ORDER: &[&str] = &["util", "storage", "crm", "pack", "engine", "results", "testing"];

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// The names of every package kefu-core depends on (normal and build dependencies, any target),
/// transitively, from `cargo metadata`'s resolved graph.
fn core_dependency_names() -> BTreeSet<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(workspace())
        .output()
        .expect("cargo metadata runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: HashMap<&str, &str> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap()))
        .collect();
    let nodes: HashMap<&str, &serde_json::Value> =
        meta["resolve"]["nodes"].as_array().unwrap().iter().map(|n| (n["id"].as_str().unwrap(), n)).collect();
    let core =
        names.iter().find(|(_, n)| **n == "kefu-core").map(|(id, _)| *id).expect("kefu-core is a member");
    let (mut seen, mut todo) = (BTreeSet::new(), vec![core]);
    while let Some(id) = todo.pop() {
        for dep in nodes[id]["deps"].as_array().unwrap() {
            // Dev-dependencies (test tools) are not part of what the core links.
            let linked =
                dep["dep_kinds"].as_array().unwrap().iter().any(|k| k["kind"].as_str() != Some("dev"));
            let pkg = dep["pkg"].as_str().unwrap();
            if linked && seen.insert(names[pkg].to_string()) {
                todo.push(pkg);
            }
        }
    }
    seen
}

#[test]
fn the_core_depends_on_no_web_crate() {
    let deps = core_dependency_names();
    assert!(deps.contains("serde") && deps.contains("toml"), "the tree was read: {deps:?}");
    let web: Vec<&&str> = WEB_CRATES.iter().filter(|c| deps.contains(**c)).collect();
    assert!(web.is_empty(), "kefu-core depends on {web:?}");
}

/// The core modules that `source` names through `crate::…` (uses, paths, macros).
fn crate_refs(source: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or("");
        for (i, _) in code.match_indices("crate::") {
            let before = code[..i].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
                continue;
            }
            let rest = &code[i + "crate::".len()..];
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

#[test]
fn core_modules_depend_only_on_modules_below_them() {
    let src = workspace().join("crates/kefu-core/src");
    let mut offenders = vec![];
    let mut checked = 0;
    for (level, module) in CORE_ORDER.iter().enumerate() {
        let mut files = vec![];
        rust_files(&src.join(module), &mut files);
        assert!(!files.is_empty(), "crates/kefu-core/src/{module}/ exists");
        for f in files {
            checked += 1;
            let text = std::fs::read_to_string(&f).unwrap();
            // A module's own unit tests may use anything (the fixtures in `testing` above all).
            let code = text.split("#[cfg(test)]").next().unwrap();
            for used in crate_refs(code) {
                let Some(used_level) = CORE_ORDER.iter().position(|m| *m == used) else {
                    offenders.push(format!("{}: crate::{used} is not a core module", f.display()));
                    continue;
                };
                if used_level > level {
                    offenders.push(format!("{}: `{module}` uses `{used}`, which is above it", f.display()));
                }
            }
        }
    }
    assert!(checked >= 80, "the core's files were found ({checked})");
    assert!(offenders.is_empty(), "imports against the module order:\n{}", offenders.join("\n"));
}

#[test]
fn the_order_check_sees_uses() {
    let refs = crate_refs(
        "use crate::pack::Pack;\nlet x = crate::util::order::sort_by(v);\n// crate::ui in a comment",
    );
    assert_eq!(refs.into_iter().collect::<Vec<_>>(), ["pack", "util"]);
    assert!(crate_refs("$crate::x; kefu_crate::y").is_empty());
}

#[test]
fn the_core_sources_name_no_web_crate_or_app() {
    let mut files = vec![];
    rust_files(&workspace().join("crates/kefu-core/src"), &mut files);
    let mut offenders = vec![];
    for f in &files {
        for line in std::fs::read_to_string(f).unwrap().lines() {
            let code = line.split("//").next().unwrap_or("");
            let web =
                WEB_CRATES.iter().map(|c| c.replace('-', "_")).any(|c| code.contains(&format!("{c}::")));
            if web || code.contains("kefu_sim") {
                offenders.push(format!("{}: {}", f.display(), line.trim()));
            }
        }
    }
    assert!(offenders.is_empty(), "core files name the web or the app:\n{}", offenders.join("\n"));
}

#[test]
fn the_documented_layout_exists() {
    let root = workspace();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let head: String = readme.lines().take(6).collect::<Vec<_>>().join("\n");
    assert!(head.contains("make serve") && head.contains("make test"), "README opens with the two commands");
    let layout = readme.split("## Layout").nth(1).expect("the README has a Layout section");
    let block = layout.split("```").nth(1).expect("the layout is a code block");
    // An indented line names a path inside the last unindented one.
    let (mut paths, mut parent) = (0, PathBuf::new());
    for line in block.lines() {
        let Some(path) = line.split_whitespace().next() else { continue };
        if !(path.contains('/') || path.contains('.')) {
            continue;
        }
        let full = if line.starts_with(' ') { parent.join(path) } else { root.join(path) };
        if !line.starts_with(' ') {
            parent = full.clone();
        }
        paths += 1;
        assert!(full.exists(), "README's layout names {}, which does not exist", full.display());
    }
    assert!(paths >= 10, "the layout lists the tree ({paths} paths)");
    for p in [".ci/run", "Makefile", "Trunk.toml", "docs/ui-hooks.md", "docs/benchmarks.md"] {
        assert!(root.join(p).exists(), "{p} is missing");
    }
}
