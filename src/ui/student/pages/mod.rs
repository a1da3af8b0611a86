//! Pages, one per route.

pub mod history;
pub mod home;
pub mod play;
// The LRS settings and the export page live on the LMS page (lms/index.html) only.
#[cfg(feature = "lms")]
pub mod export;
#[cfg(feature = "lms")]
pub mod settings;
