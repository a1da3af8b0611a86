//! The Yew user interface: six apps over kefu-core, each its own page and wasm file so that a
//! student's first load carries only what a student uses. The apps are declared in [`app::App`];
//! each has a folder here — `student`, `crm`, `teacher`, `teacher_packs`, `lms`, and `scorm` (the
//! SCORM page's glue over the student app) — and they share the browser's local storage
//! (`local_store`, wasm only) and the `components`.
//!
//! No business logic lives here: each app's one reducer (`state.rs`) calls the core.

pub mod app;
pub mod clock;
pub mod components;
pub mod crm;
pub mod deferred_store;
pub mod download;
pub mod files;
pub mod hash;
pub mod limits;
pub mod lms;
#[cfg(target_arch = "wasm32")]
pub mod local_store;
pub mod pack_fetch;
pub mod panic_screen;
pub mod scorm;
pub mod share_link;
pub mod store;
pub mod student;
pub mod teacher;
pub mod teacher_packs;
pub mod use_app;
