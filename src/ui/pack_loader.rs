//! Fetches a pack's compiled body (`packs/ID-HASH.bin`, written into `dist/` by `packcheck --emit`)
//! the first time a student opens it, so the first load carries only the pack summaries. A fetched
//! pack is checked against its catalog entry (`pack::summary::decode_file`) before it is used.

use std::rc::Rc;

use crate::engine::LoadedPack;
use crate::pack::PackSummary;
use crate::ui::app::AppHandle;
use crate::ui::clock;
use crate::ui::route::{navigate, Route};
use crate::ui::state::Action;

/// Where the compiled built-in packs are, relative to the page.
pub const PACKS_DIR: &str = "packs/";

/// Fetches and decodes the pack `summary` names from `dir` (a URL relative to the page).
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

/// Loads pack `id` if it is not loaded yet, then runs `then` (with the state handle) once it is.
pub fn ensure_loaded(state: &AppHandle, id: &str, then: impl FnOnce(&AppHandle) + 'static) {
    if state.pack(id).is_some() {
        then(state);
        return;
    }
    let Some(summary) = state.summary(id).cloned() else {
        state.dispatch(Action::LoadFailed {
            id: id.to_string(), error: "目录中没有这个场景包".into()
        });
        return;
    };
    let state = state.clone();
    wasm_bindgen_futures::spawn_local(async move {
        match fetch(&summary, PACKS_DIR).await {
            Ok(pack) => {
                state.dispatch(Action::Loaded { pack: Rc::new(pack) });
                then(&state);
            }
            Err(error) => state.dispatch(Action::LoadFailed { id: summary.id.clone(), error }),
        }
    });
}

/// Opens pack `id` for play (as a click on its `data-pack` entry does): shows the play page at
/// once, fetching the pack first when needed.
pub fn open(state: &AppHandle, id: &str) {
    if state.pack(id).is_none() {
        state.dispatch(Action::Loading { id: id.to_string() });
    }
    navigate(&Route::Play);
    let id_owned = id.to_string();
    ensure_loaded(state, id, move |state| {
        state.dispatch(Action::Open { pack_id: id_owned, seed: clock::new_seed(), now: clock::now() })
    });
}
