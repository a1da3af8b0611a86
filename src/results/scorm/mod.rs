//! SCORM 1.2, for schools whose LMS (Moodle, Chamilo, …) takes SCORM packages: the manifest of a
//! package, the runtime values the app reports to the LMS (score, status, resume data), and —
//! natively only — the zip writer used by `src/bin/scorm.rs` to package a built `dist/`.

pub mod manifest;
#[cfg(not(target_arch = "wasm32"))]
pub mod package;
pub mod runtime;
pub mod suspend;

pub use manifest::{manifest, sco_items, ScoItem, DEFAULT_LAUNCH};
pub use runtime::{commit_values, lesson_status, score_raw, Commit, LessonStatus};
pub use suspend::{decode, encode, SuspendError, SUSPEND_MAX};
