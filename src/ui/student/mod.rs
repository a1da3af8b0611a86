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
pub mod warm_up;

pub use app::App;
