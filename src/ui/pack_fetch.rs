//! Fetches a built-in pack's compiled body (`packs/ID-HASH.bin`, written into `dist/` by
//! `packcheck --emit`) and checks it against its catalog entry before it is used. The student app
//! fetches a pack when it is first opened; the teacher app fetches those it verifies results of,
//! and fetches pack sources a teacher gives by URL ([`fetch_bytes`]).

use kefu_core::engine::LoadedPack;
use kefu_core::pack::PackSummary;

use crate::ui::app::App;
#[cfg(target_arch = "wasm32")]
use crate::ui::app::PACKS_DIR;

/// Fetches and decodes the pack `summary` names from the site's packs folder, as seen from a page of
/// the app `from`.
#[cfg(target_arch = "wasm32")]
pub async fn fetch(summary: &PackSummary, from: App) -> Result<LoadedPack, String> {
    let bytes = fetch_bytes(&from.site_path(&format!("{PACKS_DIR}{}", summary.file_name()))).await?;
    let pack = kefu_core::pack::summary::decode_file(&bytes, summary)?;
    Ok(LoadedPack { pack, hash: summary.hash.clone() })
}

/// The bytes at `url` (relative to the page, or absolute), or a Chinese message saying why not.
#[cfg(target_arch = "wasm32")]
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let failed = |e: wasm_bindgen::JsValue| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_default();
        format!("无法下载 {url}({why})")
    };
    let window = web_sys::window().ok_or("没有浏览器窗口")?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(failed)?;
    let response: web_sys::Response = response.dyn_into().map_err(failed)?;
    if !response.ok() {
        return Err(format!("下载 {url} 失败(HTTP {})", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(failed)?).await.map_err(failed)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Natively there is nothing to fetch from: native tests preload their packs.
#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch(summary: &PackSummary, _from: App) -> Result<LoadedPack, String> {
    Err(format!("场景包「{}」没有预先载入", summary.id))
}

#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    Err(format!("无法下载 {url}(没有网络)"))
}
