//! The teacher's two apps: the results app (`teacher/index.html`, `TeacherApp`: verifying students'
//! result files, the class dashboard and the exports for LMS and LRS) and the packs app
//! (`teacher/packs/index.html`, `PacksApp`: loading and checking scenario packs). They are apart so
//! that only the packs page's wasm carries the checker and its TOML parser.

pub mod app;
pub mod packs_app;
pub mod packs_state;
pub mod pages;
pub mod route;
pub mod state;
pub mod views;

pub use app::TeacherApp;
pub use packs_app::PacksApp;
