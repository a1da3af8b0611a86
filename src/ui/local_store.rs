//! The browser's local storage as a [`Store`] (wasm only). Writes that exceed the origin's quota
//! throw a `QuotaExceededError`; the browser then keeps the previous value, which is what the
//! trait promises. This talks to `web_sys::Storage` directly rather than through gloo's `Storage`
//! trait, because gloo stores every value as JSON (we store our own versioned envelopes) and its
//! `raw()` panics when the browser has storage disabled.

use wasm_bindgen::JsCast;

use kefu_core::storage::{Store, StoreError};

pub struct LocalStore;

fn raw() -> Result<web_sys::Storage, StoreError> {
    // gloo's `raw()` panics when storage is disabled; ask the window ourselves instead.
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| StoreError::Unavailable("本地存储被浏览器禁用".into()))
}

fn classify(e: wasm_bindgen::JsValue) -> StoreError {
    let name = e.dyn_ref::<web_sys::DomException>().map(|d| d.name()).unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StoreError::Quota
    } else {
        StoreError::Unavailable(format!("{e:?}"))
    }
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        raw()?.get_item(key).map_err(classify)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        raw()?.set_item(key, value).map_err(classify)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        raw()?.remove_item(key).map_err(classify)
    }

    fn keys(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        let s = raw()?;
        let n = s.length().map_err(classify)?;
        let mut out: Vec<String> =
            (0..n).filter_map(|i| s.key(i).ok().flatten()).filter(|k| k.starts_with(prefix)).collect();
        // The shared index sort: a `sort()` of its own would be one more copy of the sort.
        kefu_core::util::order::sort_by(&mut out, |a, b| a.cmp(b));
        Ok(out)
    }
}
