//! The teacher app (`teacher/index.html`): loading and checking scenario packs, verifying students' result files, the class dashboard and the exports for LMS and LRS.

pub mod app;
pub mod pages;
pub mod route;
pub mod state;
pub mod views;

pub use app::TeacherApp;
