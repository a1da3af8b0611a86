//! The student app's connections to a school's systems, both optional:
//!
//! - **xAPI** (`xapi_sync`, `xapi_record`, `xapi_send`): when LRS settings are stored
//!   (`lms/#/settings`), the student app adds a hidden frame `lms/#/sync`: the LMS page (`page`,
//!   `hook`; cargo feature `lms`, which plays nothing) replays the plays the student app stored,
//!   queues their statements (built by `results::xapi`) in local storage and posts them to the
//!   Learning Record Store in the background; nothing is lost offline. The LMS page also has the
//!   LRS settings and the result export. The student app's wasm carries none of it.
//! - **SCORM 1.2** (`launch`, `scorm_hook`, `scorm_api`, `scorm_session`): launched by an LMS as
//!   `lms/scorm/index.html?scorm=1&pack=ID` (the student app built with the cargo feature `scorm`,
//!   so the student app's first load does not carry this glue; `index.html` forwards older
//!   launches there), the app plays
//!   that one pack and reports score, status and resume data to the LMS's `window.API` (values
//!   from `results::scorm`); like the student app it adds the sync frame (`../#/sync`).
//!
//! The logic lives in the core; these modules only read the page, call the browser and keep the
//! little state a connection needs.

#[cfg(feature = "lms")]
pub mod hook;
pub mod launch;
#[cfg(feature = "lms")]
pub mod page;
#[cfg(feature = "scorm")]
pub mod scorm_api;
#[cfg(feature = "scorm")]
pub mod scorm_hook;
#[cfg(feature = "scorm")]
pub mod scorm_session;
pub mod xapi_record;
pub mod xapi_send;
pub mod xapi_sync;

use yew::prelude::*;

pub use xapi_record::XapiStatus;

/// What the LMS page's settings page needs to know about the LRS connection (a context).
#[derive(Clone, PartialEq, Default)]
pub struct LmsContext {
    /// The statement queue as last seen.
    pub xapi: XapiStatus,
    /// Records the stored plays and tries to send what is due now (after the settings changed).
    pub flush: Callback<()>,
}
