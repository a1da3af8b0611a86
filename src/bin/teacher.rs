//! The teacher (results) app's wasm entry point (`teacher/index.html`, built by trunk as
//! `kefu-teacher`).

#[cfg(target_arch = "wasm32")]
fn main() {
    kefu_sim::ui::panic_screen::install();
    yew::Renderer::<kefu_sim::ui::teacher::TeacherApp>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("kefu-teacher is a web app: run `make serve` and open http://127.0.0.1:8080/teacher/");
    std::process::exit(2);
}
