//! Saves bytes as a download (a result file, a CSV): a Blob, an object URL and a click on a
//! temporary `<a download>`. Nothing leaves the browser.

use wasm_bindgen::JsCast;

/// Offers `bytes` as a file named `name` of type `mime`. Errors are for a notice.
pub fn save(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let failed =
        |e: wasm_bindgen::JsValue| format!("无法保存文件「{name}」({})", e.as_string().unwrap_or_default());
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let document = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(failed)?.dyn_into().map_err(|e| failed(e.into()))?;
    a.set_href(&url);
    a.set_download(name);
    let body = gloo::utils::body();
    body.append_child(&a).map_err(failed)?;
    a.click();
    a.remove();
    // The browser has started reading the blob; free it once the download surely has it.
    gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
