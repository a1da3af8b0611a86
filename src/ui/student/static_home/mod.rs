//! The student's first page as static HTML, written at build time (`examples/static_home.rs`, run
//! by trunk's post-build hook): the home page the app would render for a first visit, every
//! built-in pack with its hooks (`data-pack`…), plus a small script (`boot.js`) that marks
//! unfinished plays and starts the play app when the student needs it, and a manifest
//! (`app-HASH.json`) naming the app's JS and wasm.
//!
//! Why: the student app's wasm is ≈ 250 KB gzip, while the list of packs a first visit shows is a
//! few KB of HTML. The page now loads only the HTML, the stylesheet, the script and the manifest;
//! the script adds `<link rel=prefetch>` for the app's JS and wasm (compiled once the page has loaded), so the
//! page itself references nothing of the app and the app arrives while the student reads (issue 16). The markup is the
//! Yew `App` itself rendered to a string (server-side rendering), so it cannot drift from what the
//! app renders.
//!
//! This module is the pure part: it rewrites trunk's `index.html` around that markup. Native only.

use kefu_core::util::fnv::fnv1a_64;

use super::STATIC_HOME_ID;

/// The script that starts the app (see its header comment).
pub const BOOT_JS: &str = include_str!("boot.js");

/// What the page's script needs to know, all from the app's own constants.
pub struct BootConfig<'a> {
    /// Storage key prefixes whose presence means the home page needs the app (packs a teacher
    /// loaded, LRS settings): the static page cannot show them.
    pub app_keys: &'a [&'a str],
    /// The key prefix of unfinished plays (`kefu-sim/progress/ID`).
    pub progress: &'a str,
    /// The mark on a pack with an unfinished play.
    pub badge: &'a str,
}

/// The static page, the name of the script file it loads, and the app manifest (name and text).
#[derive(Debug)]
pub struct StaticHome {
    pub index_html: String,
    pub boot_file: String,
    pub manifest_file: String,
    pub manifest: String,
}

/// Rewrites trunk's `index.html` of the student app: its wasm loader script and preloads become the
/// boot script and a manifest naming the app's files (content-addressed like trunk's own files, so a
/// cached copy never names files a newer build removed), and `app_html` (the rendered home page)
/// goes into the body.
/// Errors name what was not found, so a trunk upgrade that changes its output fails the build
/// loudly instead of shipping a page that never starts.
pub fn build(trunk_index: &str, app_html: &str, config: &BootConfig) -> Result<StaticHome, String> {
    // The loader, not any other module script (`trunk serve` adds its live-reload script).
    let (start, end) = module_scripts(trunk_index)
        .find(|&(s, e)| trunk_index[s..e].contains("module_or_path"))
        .ok_or("trunk's loader <script type=\"module\"> not found in index.html")?;
    let loader = &trunk_index[start..end];
    let js = quoted_after(loader, "from '").ok_or("the loader imports no JS file")?;
    let wasm = quoted_after(loader, "module_or_path: '").ok_or("the loader loads no wasm file")?;
    let mut head = format!("{}{}", &trunk_index[..start], &trunk_index[end..]);
    for rel in ["<link rel=\"modulepreload\"", "<link rel=\"preload\""] {
        while let Some((s, e)) = tag_span(&head, rel, ">") {
            head.replace_range(s..e, "");
        }
    }
    let boot_file = format!("boot-{:016x}.js", fnv1a_64(BOOT_JS.as_bytes()));
    let manifest = format!("{{\"js\":\"{}\",\"wasm\":\"{}\"}}\n", json(js), json(wasm));
    let manifest_file = format!("app-{:016x}.json", fnv1a_64(manifest.as_bytes()));
    let script = format!("<script type=\"module\" src=\"./{boot_file}\"></script>\n");
    let head_end = head.find("</head>").ok_or("no </head> in index.html")?;
    head.insert_str(head_end, &script);
    let body_end = head.rfind("</body>").ok_or("no </body> in index.html")?;
    let page = format!(
        "<div id=\"{STATIC_HOME_ID}\" data-app=\"./{manifest_file}\" data-app-keys=\"{}\" \
         data-progress=\"{}\" data-badge=\"{}\">{app_html}</div>\n",
        attr(&config.app_keys.join(" ")),
        attr(config.progress),
        attr(config.badge),
    );
    head.insert_str(body_end, &page);
    Ok(StaticHome { index_html: head, boot_file, manifest_file, manifest })
}

/// The byte range of the first `open`…`close` in `s`, both included.
fn tag_span(s: &str, open: &str, close: &str) -> Option<(usize, usize)> {
    let start = s.find(open)?;
    let end = start + open.len() + s[start + open.len()..].find(close)? + close.len();
    Some((start, end))
}

/// The byte ranges of every `<script type="module">…</script>` in `s`.
fn module_scripts(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let (start, end) = tag_span(&s[from..], "<script type=\"module\">", "</script>")?;
        let span = (from + start, from + end);
        from += end;
        Some(span)
    })
}

/// The text after `prefix` up to the next `'`.
fn quoted_after<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = &s[s.find(prefix)? + prefix.len()..];
    Some(&rest[..rest.find('\'')?])
}

/// `s` escaped for a JSON string (trunk's file names are ASCII; quotes and backslashes are escaped
/// all the same).
fn json(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// `s` escaped for a double-quoted HTML attribute.
fn attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// trunk 0.21's output for the student page (abridged to what `build` reads).
    const TRUNK: &str = r#"<!doctype html>
<html lang="zh-CN">
<head>
  <title>客服实训</title>
  <link rel="stylesheet" href="./style-1.css" integrity="sha384-x"/>
<script type="module">
import init, * as bindings from './kefu-sim-ab.js';
const wasm = await init({ module_or_path: './kefu-sim-ab_bg.wasm' });
window.wasmBindings = bindings;
</script>
<link rel="modulepreload" href="./kefu-sim-ab.js" crossorigin="anonymous" integrity="sha384-y"><link rel="preload" href="./kefu-sim-ab_bg.wasm" crossorigin="anonymous" integrity="sha384-z" as="fetch" type="application/wasm"></head>
<body>
  <noscript>需要 JavaScript</noscript>
</body>
</html>"#;

    const CONFIG: BootConfig =
        BootConfig { app_keys: &["k/pack/", "k/lrs"], progress: "k/progress/", badge: "未完成" };

    #[test]
    fn the_loader_becomes_the_boot_script_and_a_manifest() {
        let page = build(TRUNK, "<main data-pack=\"a\">A</main>", &CONFIG).unwrap();
        let html = &page.index_html;
        assert!(!html.contains("import init"), "{html}");
        assert!(!html.contains("modulepreload") && !html.contains("rel=\"preload\""), "{html}");
        // The page names none of the app's files: only the manifest does.
        assert!(!html.contains("kefu-sim-ab"), "{html}");
        assert_eq!(page.manifest, "{\"js\":\"./kefu-sim-ab.js\",\"wasm\":\"./kefu-sim-ab_bg.wasm\"}\n");
        assert!(page.manifest_file.starts_with("app-") && page.manifest_file.ends_with(".json"));
        assert!(html.contains(&format!("<script type=\"module\" src=\"./{}\">", page.boot_file)), "{html}");
        assert!(html.contains("<link rel=\"stylesheet\" href=\"./style-1.css\""), "the stylesheet stays");
        // The page in the body, after the noscript, with what the script reads.
        let body = &html[html.find("<body>").unwrap()..];
        assert!(body.find("<noscript>").unwrap() < body.find("<div id=\"static-home\"").unwrap());
        assert!(body.contains(&format!(
            "data-app=\"./{}\" data-app-keys=\"k/pack/ k/lrs\" \
             data-progress=\"k/progress/\" data-badge=\"未完成\"><main data-pack=\"a\">A</main></div>",
            page.manifest_file
        )));
        assert!(html.find("</head>").unwrap() < html.find("<body>").unwrap());
    }

    #[test]
    fn the_script_name_follows_its_content() {
        let page = build(TRUNK, "", &CONFIG).unwrap();
        assert!(page.boot_file.starts_with("boot-") && page.boot_file.ends_with(".js"));
        assert_eq!(page.boot_file, build(TRUNK, "other", &CONFIG).unwrap().boot_file);
    }

    #[test]
    fn another_module_script_before_the_loader_stays() {
        let other = "<script type=\"module\">const live = new WebSocket('ws://x');</script>\n";
        let with_other = TRUNK.replace(
            "<script type=\"module\">\nimport init",
            &format!("{other}<script type=\"module\">\nimport init"),
        );
        let page = build(&with_other, "", &CONFIG).unwrap();
        assert!(page.index_html.contains(other.trim_end()), "the other script is kept");
        assert!(!page.index_html.contains("import init"));
    }

    #[test]
    fn a_page_without_trunks_loader_is_an_error() {
        let err = build("<html><head></head><body></body></html>", "", &CONFIG).unwrap_err();
        assert!(err.contains("loader"), "{err}");
    }

    #[test]
    fn attributes_are_escaped() {
        let config = BootConfig { badge: "\"><script>", ..CONFIG };
        let page = build(TRUNK, "", &config).unwrap();
        assert!(page.index_html.contains("data-badge=\"&quot;>&lt;script>\""));
    }
}
