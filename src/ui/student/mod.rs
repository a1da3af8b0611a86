//! The student app (`index.html`): the course's role-plays on the home page, a play with feedback on
//! every step, the debrief and the history of finished plays. Built with the cargo feature `lms` it
//! is the LMS page (`lms/`): SCORM launches, the LRS settings, the xAPI sync frame and the result
//! export (`lms`, `export`), kept off the student's first load.

pub mod app;
#[cfg(feature = "lms")]
pub mod export;
pub mod export_link;
pub mod lms;
pub mod pack_loader;
pub mod pages;
pub mod route;
pub mod state;

pub use app::App;
