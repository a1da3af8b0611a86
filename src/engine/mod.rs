//! The play engine: starts a play of a pack from a seed, offers the choices whose conditions hold,
//! applies the chosen one, and replays stored plays deterministically (DESIGN contract).

mod answer_json;
pub mod answer_key;
pub mod bounds;
pub mod crm_link;
pub mod debrief;
pub mod error;
pub mod exercise;
pub mod loaded;
pub mod play;
pub mod rng;
pub mod session;

pub use debrief::{Debrief, DimScore};
pub use error::EngineError;
pub use loaded::LoadedPack;
pub use play::{Answer, Input, PackRef, Play};
pub use session::{Chosen, Current, Event, GradedExercise, Session};
