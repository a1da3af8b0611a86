//! The play record (DESIGN contract "Plays are deterministic"): which pack, which seed, and what
//! the student answered. Everything else — state, feedback, scores — is derived by replaying it,
//! which is how progress is resumed and how a teacher verifies a result file.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::exercise::FieldAnswer;
pub use crate::pack::PackRef;

/// One thing the student did, in order. Stored flat (the input's variant is a key of its own);
/// Deserialize is written by hand in answer_json.rs, for the same JSON without serde's buffering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    pub activity: String,
    /// The node (dialogue) or step the answer was given at.
    pub node: String,
    #[serde(flatten)]
    pub input: Input,
    /// When it was given (ms since the Unix epoch). Not used by replay; kept for the teacher.
    #[serde(default)]
    pub at: i64,
}

/// What was answered, one variant per activity kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Input {
    /// The id of the dialogue choice taken.
    Choice(String),
    /// `order`: every item id, in the order the student put them.
    Order(Vec<String>),
    /// `classify`: item id → category id.
    Classify(IndexMap<String, String>),
    /// `calc`: step id → the number as typed (kept as text: it is what the student wrote).
    Calc(IndexMap<String, String>),
    /// `plan`: field id → text or picked options.
    Plan(IndexMap<String, FieldAnswer>),
}

/// A play: the pack, the seed and the answers so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Play {
    pub pack: PackRef,
    pub seed: u64,
    pub answers: Vec<Answer>,
    /// When the play started (ms since the Unix epoch).
    #[serde(default)]
    pub started: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_serialize_flat() {
        let a = Answer {
            activity: "talk".into(),
            node: "ask".into(),
            input: Input::Choice("probe".into()),
            at: 5,
        };
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, r#"{"activity":"talk","node":"ask","choice":"probe","at":5}"#);
        assert_eq!(serde_json::from_str::<Answer>(&json).unwrap(), a);
    }
}
