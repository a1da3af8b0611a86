//! Fetches a built-in pack's compiled body (`packs/ID-HASH.bin`, written into `dist/` by
//! `packcheck --emit`) and checks it against its catalog entry before it is used. The student app
//! fetches a pack when it is first opened; the teacher app fetches those it verifies results of,
//! and fetches pack sources a teacher gives by URL ([`fetch_bytes`]).

use kefu_core::engine::LoadedPack;
use kefu_core::pack::PackSummary;

use crate::ui::app::App;
#[cfg(target_arch = "wasm32")]
use crate::ui::app::PACKS_DIR;
#[cfg(target_arch = "wasm32")]
use crate::ui::limits;
use crate::ui::limits::Limit;

/// Fetches and decodes the pack `summary` names from the site's packs folder, as seen from a page of
/// the app `from`.
#[cfg(target_arch = "wasm32")]
pub async fn fetch(summary: &PackSummary, from: App) -> Result<LoadedPack, String> {
    let bytes =
        fetch_bytes(&from.site_path(&format!("{PACKS_DIR}{}", summary.file_name())), limits::PACK).await?;
    let pack = kefu_core::pack::summary::decode_file(&bytes, summary)?;
    Ok(LoadedPack { pack, hash: summary.hash.clone() })
}

/// The bytes at `url` (relative to the page, or absolute), at most `limit` of them, or a Chinese
/// message saying why not. The request is aborted after [`limits::FETCH_TIMEOUT_MS`]; a response
/// whose `Content-Length` is over the limit is refused before its body is read, and one without it
/// is read in chunks and aborted as soon as it goes over.
#[cfg(target_arch = "wasm32")]
pub async fn fetch_bytes(url: &str, limit: Limit) -> Result<Vec<u8>, String> {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    let failed = |e: JsValue| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_default();
        format!("无法下载 {url}({why})")
    };
    let window = web_sys::window().ok_or("没有浏览器窗口")?;
    let controller = web_sys::AbortController::new().map_err(failed)?;
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let expired = Rc::new(Cell::new(false));
    let timer = {
        let (controller, expired) = (controller.clone(), expired.clone());
        gloo::timers::callback::Timeout::new(limits::FETCH_TIMEOUT_MS, move || {
            expired.set(true);
            controller.abort();
        })
    };
    let read = async {
        let response = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(failed)?;
        let response: web_sys::Response = response.dyn_into().map_err(failed)?;
        if !response.ok() {
            return Err(format!("下载 {url} 失败(HTTP {})", response.status()));
        }
        let declared = response
            .headers()
            .get("content-length")
            .ok()
            .flatten()
            .and_then(|v| v.trim().parse::<u64>().ok());
        if let Some(len) = declared {
            limit.check(url, len)?;
        }
        let Some(body) = response.body() else { return Ok(vec![]) };
        let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
        let mut out: Vec<u8> = Vec::with_capacity(declared.unwrap_or(0).min(limit.bytes) as usize);
        loop {
            let chunk = JsFuture::from(reader.read()).await.map_err(failed)?;
            if js_sys::Reflect::get(&chunk, &"done".into()).map_err(failed)?.as_bool().unwrap_or(true) {
                break;
            }
            let value =
                js_sys::Uint8Array::new(&js_sys::Reflect::get(&chunk, &"value".into()).map_err(failed)?);
            let total = out.len() as u64 + u64::from(value.length());
            if total > limit.bytes {
                controller.abort();
                return Err(limit.check(url, total).unwrap_err());
            }
            out.extend(value.to_vec());
        }
        Ok(out)
    };
    let result = read.await;
    drop(timer); // cancels the timeout
    result.map_err(|e| if expired.get() { limits::timed_out(url) } else { e })
}

/// Natively there is nothing to fetch from: native tests preload their packs.
#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch(summary: &PackSummary, _from: App) -> Result<LoadedPack, String> {
    Err(format!("场景包「{}」没有预先载入", summary.id))
}

#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch_bytes(url: &str, _limit: Limit) -> Result<Vec<u8>, String> {
    Err(format!("无法下载 {url}(没有网络)"))
}
