//! The SCORM page's glue (`lms/scorm/index.html`, [`App::Scorm`](crate::ui::app::App): the student
//! app built with the cargo feature `scorm`). An LMS launches `lms/scorm/index.html?scorm=1&pack=ID`
//! (`launch`); the app plays that one pack and reports score, status and resume data to the LMS's
//! `window.API` (`api`, `session`, `hook`; values from `results::scorm`). Like the student app it
//! adds the xAPI sync frame. Kept off the student app's first load.

// The glue is built only with the feature `scorm`; reading the launch URL is tested natively.
#[cfg(feature = "scorm")]
pub mod api;
#[cfg(feature = "scorm")]
pub mod hook;
pub mod launch;
#[cfg(feature = "scorm")]
pub mod session;
