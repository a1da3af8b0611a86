//! The six apps are declared once (`ui::app::App`); everything that builds them must agree with
//! that table: the Cargo bins and features, each page's `index.html` (which bin and feature trunk
//! builds there, and where its stylesheet is), and the post-build list of nested trunk builds.

use std::collections::BTreeSet;
use std::path::Path;

use kefu_sim::ui::app::App;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The value of `attr="…"` in `text`, if present.
fn attr<'a>(text: &'a str, attr: &str) -> Option<&'a str> {
    let start = text.find(&format!("{attr}=\""))? + attr.len() + 2;
    Some(&text[start..start + text[start..].find('"')?])
}

#[test]
fn the_cargo_bins_and_features_are_the_apps() {
    let manifest = read("Cargo.toml");
    let mut bins = BTreeSet::new();
    for block in manifest.split("[[bin]]").skip(1) {
        let name = block.lines().find_map(|l| l.strip_prefix("name = ")).expect("a bin has a name");
        bins.insert(name.trim_matches('"').to_string());
    }
    let apps: BTreeSet<String> = App::ALL.iter().map(|a| a.bin().to_string()).collect();
    assert_eq!(bins, apps, "each app's bin is a [[bin]] of the app crate, and no other bin is");
    let features = manifest.split("[features]").nth(1).expect("the app crate has features");
    for app in App::ALL {
        if let Some(f) = app.feature() {
            assert!(features.contains(&format!("\n{f} = [")), "feature {f} of {app:?} is declared");
        }
    }
}

#[test]
fn every_page_builds_its_app() {
    for app in App::ALL {
        let page = format!("{}index.html", app.dir());
        let html = read(&page);
        let rust = html.lines().find(|l| l.contains("data-trunk") && l.contains(r#"rel="rust""#));
        let rust = rust.unwrap_or_else(|| panic!("{page} has a trunk rust link"));
        assert_eq!(attr(rust, "data-bin"), Some(app.bin()), "{page} builds the bin of {app:?}");
        assert_eq!(
            attr(rust, "data-cargo-features"),
            app.feature(),
            "{page} builds with the feature of {app:?}"
        );
        let manifest = attr(rust, "href").unwrap_or("Cargo.toml");
        assert_eq!(manifest, app.site_path("Cargo.toml"), "{page} names the manifest from its folder");
        let css = html.lines().find(|l| l.contains(r#"rel="css""#)).and_then(|l| attr(l, "href"));
        assert_eq!(css, Some(app.site_path("assets/style.css").as_str()), "{page}'s stylesheet");
    }
}

#[test]
fn the_post_build_script_builds_every_other_app() {
    let script = read("scripts/trunk-post-build.sh");
    let line = script.lines().find(|l| l.starts_with("for app in ")).expect("the post-build loop");
    let listed: Vec<&str> =
        line["for app in ".len()..].split(';').next().unwrap().split_whitespace().collect();
    let expected: Vec<&str> =
        App::ALL.iter().filter(|a| **a != App::Student).map(|a| a.dir().trim_end_matches('/')).collect();
    assert_eq!(
        listed, expected,
        "trunk builds index.html itself and every other app after it, in the table's order"
    );
}

#[test]
fn every_entry_point_installs_the_panic_screen_before_it_mounts() {
    let mut files = vec!["src/main.rs".to_string()];
    for e in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/bin")).unwrap() {
        files.push(format!("src/bin/{}", e.unwrap().file_name().to_string_lossy()));
    }
    for f in files {
        let text = read(&f);
        let mounts: Vec<usize> = text.match_indices("yew::Renderer::").map(|(i, _)| i).collect();
        assert!(!mounts.is_empty(), "{f} mounts no app");
        for m in mounts {
            let before = &text[..m];
            let fn_start = before.rfind("fn main()").expect("inside main");
            assert!(
                before[fn_start..].contains("panic_screen::install();"),
                "{f}: no panic hook before the mount"
            );
        }
    }
}

#[test]
fn the_panic_screen_offers_every_stored_key_and_a_reload() {
    use kefu_sim::ui::panic_screen::{data_json, SCREEN_HTML};
    for hook in ["data-panic-screen", "data-panic-download", "data-panic-reload", "data-panic-message"] {
        assert!(SCREEN_HTML.contains(hook), "{hook}");
        assert!(read("docs/ui-hooks.md").contains(hook), "{hook} is documented");
    }
    assert!(SCREEN_HTML.contains("下载我的数据") && SCREEN_HTML.contains("重新加载"));
    let entries =
        [("kefu-sim/b", "2"), ("other-app/x", "no"), ("kefu-sim/a", "{\"schema\":1,\"data\":\"苹果\"}")]
            .map(|(k, v)| (k.to_string(), v.to_string()));
    let v: serde_json::Value = serde_json::from_str(&data_json(entries, 7)).unwrap();
    assert_eq!(v["app"], "kefu-sim");
    assert_eq!(v["saved"], 7);
    let keys: Vec<&String> = v["keys"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["kefu-sim/a", "kefu-sim/b"]);
    assert_eq!(v["keys"]["kefu-sim/a"], "{\"schema\":1,\"data\":\"苹果\"}");
}

#[test]
fn size_limits_and_their_messages() {
    use kefu_sim::ui::limits::{timed_out, CRM_IMPORT, FETCH_TIMEOUT_MS, PACK, RESULT};
    assert_eq!((PACK.bytes, RESULT.bytes, CRM_IMPORT.bytes), (4 << 20, 4 << 20, 20 << 20));
    assert_eq!(FETCH_TIMEOUT_MS, 30_000);
    assert_eq!(PACK.check("a.toml", 4 << 20), Ok(()));
    let e = PACK.check("a.toml", (4 << 20) + 1).unwrap_err();
    assert!(e.contains("「a.toml」") && e.contains("4 MB") && e.contains("场景包"), "{e}");
    let e = CRM_IMPORT.check("客户.csv", 25 << 20).unwrap_err();
    assert!(e.contains("25 MB") && e.contains("20 MB"), "{e}");
    assert!(RESULT.check("x.json", 5 << 20).unwrap_err().contains("成绩文件"));
    assert!(timed_out("https://x/p.toml").contains("30 秒"));
    // Every file pick and fetch names its limit.
    for (f, limit) in [
        ("src/ui/crm/pages/io.rs", "limits::CRM_IMPORT"),
        ("src/ui/teacher/pages/results.rs", "limits::RESULT"),
        ("src/ui/teacher_packs/page.rs", "limits::PACK"),
        ("src/ui/pack_fetch.rs", "limits::PACK"),
    ] {
        assert!(read(f).contains(limit), "{f} reads without {limit}");
    }
    assert!(read("src/ui/lms/xapi_send.rs").contains("AbortController"));
}
