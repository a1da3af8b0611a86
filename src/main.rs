//! The wasm entry point: mounts the app. Nothing else lives here.

#[cfg(all(target_arch = "wasm32", not(feature = "lms")))]
fn main() {
    kefu_sim::ui::panic_screen::install();
    // The static first page (`ui::student::static_home`) gives way to the app; both would show
    // otherwise. Removed in the same task as the first render, so no frame paints an empty page.
    if let Some(page) = gloo::utils::document().get_element_by_id(kefu_sim::ui::student::STATIC_HOME_ID) {
        page.remove();
    }
    yew::Renderer::<kefu_sim::ui::student::App>::new().render();
}

/// The LMS page (`lms/`): LRS settings, the xAPI sync frame and the result export; no play.
#[cfg(all(target_arch = "wasm32", feature = "lms"))]
fn main() {
    kefu_sim::ui::panic_screen::install();
    yew::Renderer::<kefu_sim::ui::lms::page::LmsPage>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("kefu-sim is a web app: run `make serve` and open http://127.0.0.1:8080");
    std::process::exit(2);
}
