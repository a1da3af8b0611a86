//! The teacher's packs app's wasm entry point (`teacher/packs/index.html`, built by trunk as
//! `kefu-teacher-packs`): the only app that links the pack checker.

#[cfg(target_arch = "wasm32")]
fn main() {
    kefu_sim::ui::panic_screen::install();
    yew::Renderer::<kefu_sim::ui::teacher_packs::PacksApp>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "kefu-teacher-packs is a web app: run `make serve` and open http://127.0.0.1:8080/teacher/packs/"
    );
    std::process::exit(2);
}
