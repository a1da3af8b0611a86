//! The student app (`index.html`): the course's role-plays on the home page, a play with feedback on
//! every step, the debrief and the history of finished plays; with an LRS configured, its xAPI
//! statements go to the school's Learning Record Store (`lms`).

pub mod app;
pub mod export;
pub mod lms;
pub mod pack_loader;
pub mod pages;
pub mod route;
pub mod state;

pub use app::App;
