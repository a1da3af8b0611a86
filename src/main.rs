//! The wasm entry point: mounts the app. Nothing else lives here.

#[cfg(all(target_arch = "wasm32", not(feature = "lms")))]
fn main() {
    kefu_sim::ui::panic_screen::install();
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
