//! The crm app's wasm entry point (`crm/index.html`, built by trunk as `kefu-crm`).

#[cfg(target_arch = "wasm32")]
fn main() {
    kefu_sim::ui::panic_screen::install();
    yew::Renderer::<kefu_sim::ui::crm::CrmApp>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("kefu-crm is a web app: run `make serve` and open http://127.0.0.1:8080/crm/");
    std::process::exit(2);
}
