//! The teacher's packs app (`teacher/packs/index.html`, [`App::TeacherPacks`](crate::ui::app::App)):
//! loading a pack file, the checker's report, and storing a valid pack for the students of this
//! browser. The only app whose wasm carries the checker and its TOML parser.

pub mod app;
pub mod page;
pub mod share;
pub mod state;

pub use app::PacksApp;
