//! The play engine: starts a play of a pack from a seed, offers the choices whose conditions hold,
//! applies the chosen one, and replays stored plays deterministically (DESIGN contract).

mod answer_json;
pub mod answer_key;
pub mod bounds;
pub mod crm_link;
pub mod debrief;
pub mod error;
pub mod exercise;
pub mod play;
pub mod rng;
pub mod saves;
pub mod session;

pub use crate::pack::{LoadedPack, PackRef};
pub use debrief::{Debrief, DimScore};
pub use error::EngineError;
pub use play::{Answer, Input, Play};
pub use saves::{DimSummary, Draft, HistoryEntry, Saves};
pub use session::{Chosen, Current, Event, GradedExercise, Session};
