//! The student app (`index.html`): the course's role-plays on the home page, a play with feedback on
//! every step, the debrief and the history of finished plays. Built with the cargo feature `scorm`
//! it is the SCORM page (`lms/scorm/`, glue in `ui::scorm`); the LMS page (`ui::lms`) reuses its
//! routes.

pub mod app;
pub mod export_link;
pub mod pack_loader;
pub mod pages;
pub mod route;
pub mod state;
#[cfg(not(target_arch = "wasm32"))]
pub mod static_home;
pub mod warm_up;

pub use app::App;

/// The id of the element holding the static first page (`static_home`); the app removes it when it
/// starts (`main.rs`).
pub const STATIC_HOME_ID: &str = "static-home";
