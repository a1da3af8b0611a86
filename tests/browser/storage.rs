//! Browser tests (headless Chromium, wasm-bindgen-test): the local-storage store against the real
//! `localStorage`, including a genuine quota overflow, and saved plays surviving a "reload".

use std::rc::Rc;

use kefu_core::engine::Saves;
use kefu_core::storage::{Store, StoreError};
use kefu_sim::ui::local_store::LocalStore;
use wasm_bindgen_test::*;

fn clear() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
}

#[wasm_bindgen_test]
fn local_store_reads_writes_lists_and_removes() {
    clear();
    let s = LocalStore;
    assert_eq!(s.get("kefu-sim/a").unwrap(), None);
    s.set("kefu-sim/b", "2").unwrap();
    s.set("kefu-sim/a", "苹果").unwrap();
    s.set("other", "x").unwrap();
    assert_eq!(s.get("kefu-sim/a").unwrap().as_deref(), Some("苹果"));
    assert_eq!(s.keys("kefu-sim/").unwrap(), vec!["kefu-sim/a", "kefu-sim/b"]);
    s.remove("kefu-sim/a").unwrap();
    assert_eq!(s.keys("kefu-sim/").unwrap(), vec!["kefu-sim/b"]);
}

#[wasm_bindgen_test]
fn over_quota_is_reported_and_keeps_the_old_value() {
    clear();
    let s = LocalStore;
    s.set("kefu-sim/keep", "old").unwrap();
    // Chromium allows about 5 M UTF-16 units per origin; 6 M cannot fit.
    let huge = "x".repeat(6 * 1024 * 1024);
    assert_eq!(s.set("kefu-sim/keep", &huge), Err(StoreError::Quota));
    assert_eq!(s.get("kefu-sim/keep").unwrap().as_deref(), Some("old"));
    clear();
}

#[wasm_bindgen_test]
fn corrupt_progress_in_local_storage_is_backed_up_not_lost() {
    clear();
    let store: Rc<dyn Store> = Rc::new(LocalStore);
    store.set("kefu-sim/progress/apple-seller", "{broken").unwrap();
    let saves = Saves::new(store.clone());
    let mut notices = vec![];
    assert!(saves.progress("apple-seller", 123, &mut notices).is_none());
    assert_eq!(notices.len(), 1);
    assert_eq!(
        store.get("kefu-sim/recovery/123/kefu-sim/progress/apple-seller").unwrap().as_deref(),
        Some("{broken")
    );
    clear();
}
