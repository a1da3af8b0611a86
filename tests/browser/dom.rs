//! Browser DOM test: the real app mounted in headless Chromium lists every built-in pack with its
//! `data-pack` hook, starts a play on click, and saves progress to local storage after a choice.

use gloo_timers::future::TimeoutFuture;
use std::rc::Rc;

use kefu_sim::library;
use kefu_sim::ui::student::app::{AppProps, PacksProp};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

async fn settle() {
    // Yew renders on its scheduler; give it a few turns.
    for _ in 0..5 {
        TimeoutFuture::new(10).await;
    }
}

fn query(root: &web_sys::Element, sel: &str) -> Vec<web_sys::HtmlElement> {
    let list = root.query_selector_all(sel).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok()).collect()
}

#[wasm_bindgen_test]
async fn home_lists_packs_and_a_click_starts_a_play_that_is_saved() {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    window.location().set_hash("#/").unwrap();
    let doc = window.document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    // The packs are handed in: the test runner's server has no `packs/` folder to fetch from
    // (fetching is covered by the end-to-end tests on the built dist/).
    let packs = library::builtin();
    let props = AppProps { store: None, packs: Some(PacksProp(Rc::new(packs.clone()))) };
    yew::Renderer::<kefu_sim::ui::student::App>::with_root_and_props(root.clone(), props).render();
    settle().await;

    assert!(!packs.is_empty(), "at least one built-in pack");
    for p in &packs {
        let sel = format!("[data-pack=\"{}\"]", p.pack.meta.id);
        assert_eq!(query(&root, &sel).len(), 1, "{sel}");
    }
    let first = &packs[0].pack.meta.id;
    query(&root, &format!("[data-pack=\"{first}\"]"))[0].click();
    settle().await;
    let nodes = query(&root, "[data-node]");
    assert_eq!(nodes.len(), 1, "one current step");
    let choices = query(&root, "[data-choice]");
    assert!(!choices.is_empty());
    choices[0].click();
    settle().await;
    assert_eq!(query(&root, "[data-feedback]").len(), 1);
    assert!(query(&root, "[data-choice]").is_empty(), "no choices while feedback is shown");
    let saved =
        window.local_storage().unwrap().unwrap().get_item(&format!("kefu-sim/progress/{first}")).unwrap();
    let is_progress = saved.as_deref().is_some_and(|s| s.contains("\"answers\""));
    // A one-step pack would finish instead and go to the history.
    let finished = query(&root, "[data-continue]").len() == 1 && saved.is_none();
    assert!(is_progress || finished, "progress saved: {saved:?}");
}
