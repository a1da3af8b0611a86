//! The LMS page (`lms/index.html`, [`App::Lms`](crate::ui::app::App), cargo feature `lms`; it plays
//! nothing): where a school's Learning Record Store is set up and the student's plays reach it.
//!
//! - **xAPI** (`xapi_sync`, `xapi_record`, `xapi_send`): when LRS settings are stored
//!   (`lms/#/settings`), the student app adds a hidden frame `lms/#/sync`: this page (`page`, `hook`)
//!   replays the plays the student app stored, queues their statements (built by `results::xapi`)
//!   in local storage and posts them to the Learning Record Store in the background; nothing is
//!   lost offline. The student app's wasm carries none of it.
//! - **Result export** (`export`, `pages::export`): result files of finished plays for the teacher.
//!
//! The logic lives in the core; these modules only read the page, call the browser and keep the
//! little state a connection needs.

// The page itself is built only with the feature `lms` (`App::Lms`); the statement queue and its
// records are plain code, tested natively.
#[cfg(feature = "lms")]
pub mod export;
#[cfg(feature = "lms")]
pub mod hook;
#[cfg(feature = "lms")]
pub mod page;
#[cfg(feature = "lms")]
pub mod pages;
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
