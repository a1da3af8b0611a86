//! The panic screen (`ui::panic_screen`): shown, it replaces the page with the Chinese message, a
//! reload link and a download link whose file holds every `kefu-sim/` key. (A real panic aborts the
//! test runner's instance too, so the test calls the screen the hook shows.)

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn the_panic_screen_downloads_every_stored_key() {
    let window = web_sys::window().unwrap();
    let storage = window.local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    storage.set_item("kefu-sim/history/1-a-2", "{\"schema\":1}").unwrap();
    storage.set_item("kefu-sim/crm/log/00000", "苹果").unwrap();
    storage.set_item("someone-else", "x").unwrap();
    let document = window.document().unwrap();
    let body = document.body().unwrap();

    kefu_sim::ui::panic_screen::show("boom <b>not markup</b>").unwrap();
    assert!(document.query_selector("[data-panic-screen]").unwrap().is_some());
    assert!(body.text_content().unwrap().contains("页面出错了"));
    let message = document.query_selector("[data-panic-message]").unwrap().unwrap();
    assert_eq!(message.text_content().unwrap(), "boom <b>not markup</b>");
    let reload = document.query_selector("[data-panic-reload]").unwrap().unwrap();
    assert_eq!(reload.get_attribute("href").unwrap(), window.location().href().unwrap());
    let link: web_sys::HtmlAnchorElement =
        document.query_selector("[data-panic-download]").unwrap().unwrap().dyn_into().unwrap();
    assert!(link.href().starts_with("blob:"), "{}", link.href());
    assert_eq!(link.download(), kefu_sim::ui::panic_screen::DATA_FILE);

    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str(&link.href())).await.unwrap().dyn_into().unwrap();
    let text = JsFuture::from(response.text().unwrap()).await.unwrap().as_string().unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let keys: Vec<&String> = v["keys"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["kefu-sim/crm/log/00000", "kefu-sim/history/1-a-2"]);
    assert_eq!(v["keys"]["kefu-sim/crm/log/00000"], "苹果");

    // The screen is a layer over the page: take it away again for the tests after this one.
    let screen = document.query_selector("[data-panic-screen]").unwrap().unwrap();
    screen.parent_element().unwrap().remove();
    storage.clear().unwrap();
}
