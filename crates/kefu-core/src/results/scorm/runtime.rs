//! What the app tells a SCORM 1.2 LMS about a play, as pure functions: the `LMSSetValue` calls to
//! make at each commit. The score is the debrief's percent (0–100, the scale SCORM 1.2 expects);
//! the status follows the pack's grades (see `pass.rs`): passed/failed when the pack has a pass
//! mark, completed when it does not, incomplete while the play goes on. An unfinished play is
//! saved as resume data and the exit is `suspend`, so the LMS relaunches it where it was.

use crate::engine::{Debrief, Session};
use crate::results::pass::passed;
use crate::util::time::cmi_timespan;

use super::suspend::{encode, SuspendError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LessonStatus {
    Passed,
    Failed,
    Completed,
    Incomplete,
}

impl LessonStatus {
    /// The `cmi.core.lesson_status` vocabulary.
    pub fn as_str(self) -> &'static str {
        match self {
            LessonStatus::Passed => "passed",
            LessonStatus::Failed => "failed",
            LessonStatus::Completed => "completed",
            LessonStatus::Incomplete => "incomplete",
        }
    }
}

/// `cmi.core.score.raw`: the debrief's percent.
pub fn score_raw(debrief: &Debrief) -> u32 {
    debrief.percent.min(100)
}

pub fn lesson_status(session: &Session) -> LessonStatus {
    if !session.is_finished() {
        return LessonStatus::Incomplete;
    }
    match passed(&session.loaded().pack, Debrief::of(session).percent) {
        Some(true) => LessonStatus::Passed,
        Some(false) => LessonStatus::Failed,
        None => LessonStatus::Completed,
    }
}

/// The values to set at a commit, in order, and why resume data could not be saved (if so).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    pub values: Vec<(&'static str, String)>,
    /// Set when the play could not be encoded for `cmi.suspend_data`: the LMS then keeps the
    /// status but cannot resume the play (tell the student).
    pub suspend_error: Option<SuspendError>,
}

/// The `LMSSetValue` calls for `session`, `session_ms` after the LMS launched this attempt.
/// Scores are sent only once the play is finished: an LMS grades from `score.raw`, and a partial
/// play's score is not a grade.
pub fn commit_values(session: &Session, session_ms: i64) -> Commit {
    let mut values: Vec<(&'static str, String)> = Vec::new();
    let status = lesson_status(session);
    if session.is_finished() {
        let d = Debrief::of(session);
        values.push(("cmi.core.score.min", "0".into()));
        values.push(("cmi.core.score.max", "100".into()));
        values.push(("cmi.core.score.raw", score_raw(&d).to_string()));
    }
    values.push(("cmi.core.lesson_status", status.as_str().into()));
    // Resume data is kept after the end too, so a relaunch can show the debrief again.
    let suspend_error = match encode(session.loaded(), session.play()) {
        Ok(data) => {
            values.push(("cmi.suspend_data", data));
            None
        }
        Err(e) => Some(e),
    };
    values.push(("cmi.core.exit", if session.is_finished() { "" } else { "suspend" }.into()));
    values.push(("cmi.core.session_time", cmi_timespan(session_ms)));
    Commit { values, suspend_error }
}
