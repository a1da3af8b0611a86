//! Fetches a built-in pack's compiled body (`packs/ID-HASH.bin`, written into `dist/` by
//! `packcheck --emit`) and checks it against its catalog entry before it is used. The student app
//! fetches a pack when it is first opened; the teacher app fetches those it verifies results of.

use crate::engine::LoadedPack;
use crate::pack::PackSummary;

/// Fetches and decodes the pack `summary` names from the folder `dir` (a URL relative to the page,
/// e.g. `"packs/"` or `"../packs/"`).
#[cfg(target_arch = "wasm32")]
pub async fn fetch(summary: &PackSummary, dir: &str) -> Result<LoadedPack, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let url = format!("{dir}{}", summary.file_name());
    let failed = |e: wasm_bindgen::JsValue| format!("无法下载 {url}({})", e.as_string().unwrap_or_default());
    let window = web_sys::window().ok_or("没有浏览器窗口")?;
    let response = JsFuture::from(window.fetch_with_str(&url)).await.map_err(failed)?;
    let response: web_sys::Response = response.dyn_into().map_err(failed)?;
    if !response.ok() {
        return Err(format!("下载 {url} 失败(HTTP {})", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(failed)?).await.map_err(failed)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let pack = crate::pack::summary::decode_file(&bytes, summary)?;
    Ok(LoadedPack { pack, hash: summary.hash.clone() })
}

/// Natively there is nothing to fetch from: native tests preload their packs.
#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch(summary: &PackSummary, _dir: &str) -> Result<LoadedPack, String> {
    Err(format!("场景包「{}」没有预先载入", summary.id))
}
