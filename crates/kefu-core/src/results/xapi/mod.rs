//! xAPI (Experience API 1.0.3): statements built from a play, a persisted queue of unsent ones,
//! and the LRS settings and request building. The HTTP call itself belongs to the UI; everything
//! here is a pure function or a stored document, tested natively.

pub mod lrs;
pub mod queue;
pub mod statements;

pub use lrs::{classify, request, Delivery, LrsRequest, LrsSettings, SettingsError, LRS_SETTINGS_KEY};
pub use queue::{Queue, Queued, QUEUE_KEY};
pub use statements::{activity_iri, registration, statements, Profile};
