//! The panic screen. A bug that panics (release builds abort on panic) would otherwise leave a
//! frozen page with no word of what happened. Every app's entry point calls [`install`] before it
//! mounts; the hook replaces the page with a full-page message in Chinese and two links that work
//! without any more Rust running (the wasm instance is dead once the hook returns):
//!
//! - 下载我的数据 (`data-panic-download`): every `kefu-sim/` key of local storage as one JSON file,
//!   prepared as a Blob while the hook runs (`{"app":"kefu-sim","saved":<ms>,"keys":{key: value}}`);
//! - 重新加载 (`data-panic-reload`): a link to the page itself.
//!
//! The root has `data-panic-screen`; the panic message is in `data-panic-message` (as text, never
//! as markup). Running out of memory aborts without a panic and is not caught here.

use kefu_core::storage::versioned::NAMESPACE;

/// The file offered by 下载我的数据.
pub const DATA_FILE: &str = "kefu-sim-我的数据.json";

/// The data file's text: the `kefu-sim/` entries among `entries` (key, value), in key order.
pub fn data_json(entries: impl IntoIterator<Item = (String, String)>, now: i64) -> String {
    let mut keys: Vec<(String, String)> =
        entries.into_iter().filter(|(k, _)| k.starts_with(NAMESPACE)).collect();
    kefu_core::util::order::sort_by(&mut keys, |a, b| a.0.cmp(&b.0));
    let map: serde_json::Map<String, serde_json::Value> =
        keys.into_iter().map(|(k, v)| (k, serde_json::Value::String(v))).collect();
    serde_json::json!({ "app": "kefu-sim", "saved": now, "keys": map }).to_string()
}

/// The page shown after a panic (static markup; the message and the links are filled in by
/// [`show`] through the DOM, never as markup).
/// Styled by `.panic-screen` in assets/style.css (every page loads it): the pages' Content-Security-
/// Policy (`style-src 'self'`) refuses inline styles.
pub const SCREEN_HTML: &str = r#"<div data-panic-screen="" role="alert" class="panic-screen">
<h1>页面出错了</h1>
<p>抱歉,程序遇到了一个内部错误,无法继续运行。你的练习记录和客户资料仍保存在本浏览器中,并没有丢失。</p>
<p>请先点「下载我的数据」保存一份备份,再点「重新加载」。如果问题反复出现,请把下载的文件和下面的错误信息交给老师。</p>
<p><a data-panic-download="">下载我的数据</a><a data-panic-reload="">重新加载</a></p>
<pre data-panic-message=""></pre>
</div>"#;

/// Installs the hook (wasm only; natively a no-op, so tests keep the default hook).
pub fn install() {
    #[cfg(target_arch = "wasm32")]
    std::panic::set_hook(Box::new(|info| {
        // The console still gets the message, for developers.
        web_sys::console::error_1(&info.to_string().into());
        let _ = browser::show(&info.to_string());
    }));
}

#[cfg(target_arch = "wasm32")]
pub use browser::show;

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::{JsCast, JsValue};

    /// Covers the page with the panic screen showing `message` (a fixed layer over the whole
    /// page, appended to the body: the dead app underneath is neither shown nor touched).
    pub fn show(message: &str) -> Result<(), JsValue> {
        let window = web_sys::window().ok_or(JsValue::NULL)?;
        let document = window.document().ok_or(JsValue::NULL)?;
        let body = document.body().ok_or(JsValue::NULL)?;
        let layer = document.create_element("div")?;
        layer.set_inner_html(super::SCREEN_HTML);
        body.append_child(&layer)?;
        if let Some(m) = document.query_selector("[data-panic-message]")? {
            m.set_text_content(Some(message));
        }
        if let Some(a) = document.query_selector("[data-panic-reload]")? {
            a.set_attribute("href", &window.location().href()?)?;
        }
        let Some(a) = document.query_selector("[data-panic-download]")? else { return Ok(()) };
        let a: web_sys::HtmlAnchorElement = a.dyn_into().map_err(JsValue::from)?;
        let mut entries = vec![];
        if let Some(s) = window.local_storage().ok().flatten() {
            for i in 0..s.length().unwrap_or(0) {
                if let Some(k) = s.key(i).ok().flatten() {
                    let v = s.get_item(&k).ok().flatten().unwrap_or_default();
                    entries.push((k, v));
                }
            }
        }
        let text = super::data_json(entries, js_sys::Date::now() as i64);
        let parts = js_sys::Array::of1(&JsValue::from_str(&text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/json");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        // Kept for the page's lifetime: the link must work after the wasm instance is gone.
        a.set_href(&web_sys::Url::create_object_url_with_blob(&blob)?);
        a.set_download(super::DATA_FILE);
        Ok(())
    }
}
