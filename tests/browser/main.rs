//! Browser tests (wasm-bindgen-test in headless Chromium, `make test`'s browser stage): local
//! storage, the DOM of the student app, and the CRM app over real local storage.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod check_bench;
mod crm;
mod dom;
mod panic;
mod storage;
