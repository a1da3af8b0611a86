//! kefu-sim (客服实训): the browser app of the classroom role-play and CRM simulator for the course
//! 客户服务与管理. Everything that is not the browser lives in the `kefu-core` crate; this crate is
//! the thin Yew layer over it ([`ui`]: six apps, one per page, declared in `ui::app`) and the
//! built-in packs ([`library`]) that `build.rs` checks and compiles with the core's checker.

pub mod library;
pub mod ui;

// The LMS page and the SCORM page are two builds of the `kefu-sim` bin (`ui::app::App`); one wasm
// cannot be both.
#[cfg(all(feature = "lms", feature = "scorm"))]
compile_error!("the cargo features `lms` and `scorm` build two different pages: enable at most one");
