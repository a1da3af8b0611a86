//! The teacher's results app (`teacher/index.html`, `TeacherApp`): verifying students' result files,
//! the class dashboard and its exports. Loading and checking packs is a separate app
//! (`ui::teacher_packs`) so that only that page's wasm carries the checker and its TOML parser.

pub mod app;
pub mod pages;
pub mod route;
pub mod state;
pub mod views;

pub use app::TeacherApp;
