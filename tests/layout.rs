//! The architecture, checked: the core modules never touch the browser or the UI, and the UI is the
//! only place that does. A core file that imports yew, web-sys, gloo, js-sys or wasm-bindgen (or
//! `crate::ui`) fails here, so the core stays testable with plain `cargo test`.

use std::path::{Path, PathBuf};

/// Code that may use the browser: the Yew UI, the apps' wasm entry points, and the browser store.
const WEB_ALLOWED: &[&str] = &[
    "src/ui/",
    "src/main.rs",
    "src/bin/crm.rs",
    "src/bin/teacher.rs",
    "src/bin/teacher-packs.rs",
    "src/storage/browser.rs",
];
const WEB_CRATES: &[&str] = &["yew", "web_sys", "gloo", "js_sys", "wasm_bindgen"];

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

/// The web crates and UI paths that `source` refers to (in `use`, paths, or attributes).
fn web_uses(source: &str) -> Vec<String> {
    let mut found = vec![];
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or("");
        for name in WEB_CRATES {
            let used = code.match_indices(name).any(|(i, _)| {
                let before = code[..i].chars().next_back();
                let after = code[i + name.len()..].chars().next();
                !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                    && (after == Some(':') || code[i + name.len()..].starts_with("::"))
            });
            if used {
                found.push(format!("{name}: {}", line.trim()));
            }
        }
        if code.contains("crate::ui") {
            found.push(format!("crate::ui: {}", line.trim()));
        }
    }
    found
}

#[test]
fn the_core_has_no_web_or_ui_dependency() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![];
    rust_files(&root.join("src"), &mut files);
    let mut checked = 0;
    let mut offenders = vec![];
    for f in &files {
        let rel = f.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        if WEB_ALLOWED.iter().any(|a| rel.starts_with(a)) {
            continue;
        }
        checked += 1;
        for u in web_uses(&std::fs::read_to_string(f).unwrap()) {
            offenders.push(format!("{rel}: {u}"));
        }
    }
    assert!(checked >= 20, "the core was found ({checked} files)");
    assert!(offenders.is_empty(), "core files use the web or the UI:\n{}", offenders.join("\n"));
}

#[test]
fn the_detector_sees_web_uses() {
    assert_eq!(web_uses("use yew::prelude::*;").len(), 1);
    assert_eq!(web_uses("let w = web_sys::window();").len(), 1);
    assert_eq!(web_uses("use crate::ui::state;").len(), 1);
    assert!(web_uses("// yew:: in a comment").is_empty());
    assert!(web_uses("let my_yew::x = 1; fn gloop() {}").is_empty());
}

#[test]
fn the_documented_top_level_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for p in [
        "Cargo.toml",
        "README.md",
        "Makefile",
        "Trunk.toml",
        "index.html",
        ".ci/run",
        "src/lib.rs",
        "src/main.rs",
        "src/bin/packcheck.rs",
        "scenarios",
        "docs/pack-format.md",
        "docs/diagnostics.md",
        "docs/storage.md",
        "docs/ui-hooks.md",
        "docs/benchmarks.md",
    ] {
        assert!(root.join(p).exists(), "{p} is missing");
    }
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let head: String = readme.lines().take(6).collect::<Vec<_>>().join("\n");
    assert!(head.contains("make serve") && head.contains("make test"), "README opens with the two commands");
}
