//! SCORM 1.2, for schools whose LMS (Moodle, Chamilo, …) takes SCORM packages: the manifest of a
//! package and the runtime values the app reports to the LMS (score, status, resume data). The zip
//! of a built `dist/` is written by the `scorm` CLI (crates/kefu-cli), so deflate stays native.

pub mod manifest;
pub mod runtime;
pub mod suspend;

pub use manifest::{manifest, sco_items, ScoItem, DEFAULT_LAUNCH};
pub use runtime::{commit_values, lesson_status, score_raw, Commit, LessonStatus};
pub use suspend::{decode, encode, SuspendError, SUSPEND_MAX};
