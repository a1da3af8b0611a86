//! The Yew user interface: six apps over the same core, each its own page and wasm file so that a
//! student's first load carries only what a student uses (wasm has no code loading on demand, and
//! trunk builds one app per page). They share the browser's local storage and these components.
//!
//! - `student`: the role-plays, the debrief and the history (`index.html`, the site's front page);
//! - `crm`: the customer workspace (`crm/index.html`);
//! - `teacher`: verifying results and the class dashboard (`teacher/index.html`), and apart from it
//!   loading and checking packs (`teacher/packs/index.html`, `teacher::packs_app`): only that page
//!   carries the pack checker and its TOML parser (about a quarter of a wasm file).
//! - the LMS page (`lms/index.html`, cargo feature `lms`, `student::lms::page`): the LRS settings,
//!   the student app's hidden xAPI sync frame and the result export; and the SCORM page
//!   (`lms/scorm/index.html`): the student app built with the cargo feature `scorm` (see
//!   `student::lms`).
//!
//! No business logic lives here: each app's one reducer (`state.rs`) calls the core.

pub mod clock;
pub mod components;
pub mod crm;
pub mod download;
pub mod files;
pub mod format;
pub mod hash;
pub mod pack_fetch;
pub mod student;
pub mod teacher;

/// Which app a page belongs to: decides the relative links between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    Student,
    Crm,
    Teacher,
    /// The teacher's packs page (`teacher/packs/`).
    TeacherPacks,
}

impl Area {
    /// The site's root (where `index.html` is) relative to this app's page: the apps live at `./`,
    /// `crm/`, `teacher/` and `teacher/packs/`, so the whole site works from any static host path.
    pub fn root(self) -> &'static str {
        match self {
            Area::Student => "",
            Area::Crm | Area::Teacher => "../",
            Area::TeacherPacks => "../../",
        }
    }
}
