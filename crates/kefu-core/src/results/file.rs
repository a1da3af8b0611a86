//! The result file a student exports and a teacher imports (DESIGN contract "Result files",
//! documented in docs/results.md). It holds what is needed to replay each play — pack id, version
//! and content hash, seed, answers — and what the student's app showed: the claimed scores and
//! grade. The teacher's app trusts none of the claims: it replays the answers and compares.

use serde::{Deserialize, Serialize};

use crate::engine::HistoryEntry;
use crate::engine::{Answer, Debrief, PackRef, Play, Session};

use super::student::Student;

/// The value of `format`: tells a result file from any other JSON.
pub const FORMAT: &str = "kefu-sim-result";
/// The schema this build writes (and the newest it reads).
pub const RESULT_SCHEMA: u32 = 1;
/// The app's version, written into every file for the teacher's information.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// One exported file: one student, one or more plays.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultFile {
    pub format: String,
    pub schema: u32,
    /// The version of the app that wrote the file.
    pub app: String,
    /// When the file was written (ms since the Unix epoch).
    pub exported: i64,
    pub student: Student,
    pub plays: Vec<ResultPlay>,
}

/// The pack a play was made on, with its title so that a teacher who lacks it sees which it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultPack {
    pub id: String,
    pub version: u32,
    pub hash: String,
    #[serde(default)]
    pub title: String,
}

impl ResultPack {
    pub fn pack_ref(&self) -> PackRef {
        PackRef { id: self.id.clone(), version: self.version, hash: self.hash.clone() }
    }
}

/// One finished play and the scores the student's app showed for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultPlay {
    pub pack: ResultPack,
    pub seed: u64,
    /// When the play started and finished (ms since the Unix epoch, the student's clock).
    pub started: i64,
    pub finished: i64,
    /// Every answer in order, with the time it was given.
    pub answers: Vec<Answer>,
    pub claimed: Claimed,
}

/// The scores as the student's debrief showed them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claimed {
    pub dims: Vec<ClaimedDim>,
    pub percent: u32,
    /// The grade label (empty when the pack has no grades).
    #[serde(default)]
    pub grade: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimedDim {
    pub id: String,
    pub name: String,
    pub score: i64,
    pub max: i64,
}

impl Claimed {
    pub fn of(d: &Debrief) -> Claimed {
        Claimed {
            dims: d
                .dims
                .iter()
                .map(|x| ClaimedDim { id: x.id.clone(), name: x.name.clone(), score: x.score, max: x.max })
                .collect(),
            percent: d.percent,
            grade: d.grade.as_ref().map(|g| g.label.clone()).unwrap_or_default(),
        }
    }
}

impl ResultPlay {
    /// The play record to replay.
    pub fn play(&self) -> Play {
        Play {
            pack: self.pack.pack_ref(),
            seed: self.seed,
            answers: self.answers.clone(),
            started: self.started,
        }
    }

    /// The result of a session (normally a finished one), with its debrief's scores.
    pub fn of_session(session: &Session, finished: i64) -> ResultPlay {
        let play = session.play();
        let r = play.pack.clone();
        ResultPlay {
            pack: ResultPack {
                id: r.id,
                version: r.version,
                hash: r.hash,
                title: session.loaded().pack.meta.title.clone(),
            },
            seed: play.seed,
            started: play.started,
            finished,
            answers: play.answers.clone(),
            claimed: Claimed::of(&Debrief::of(session)),
        }
    }

    /// The result of a play from the student's history, with the scores it showed then.
    pub fn of_history(e: &HistoryEntry) -> ResultPlay {
        let r = e.play.pack.clone();
        ResultPlay {
            pack: ResultPack { id: r.id, version: r.version, hash: r.hash, title: e.title.clone() },
            seed: e.play.seed,
            started: e.play.started,
            finished: e.finished,
            answers: e.play.answers.clone(),
            claimed: Claimed {
                dims: e
                    .dims
                    .iter()
                    .map(|x| ClaimedDim {
                        id: x.id.clone(),
                        name: x.name.clone(),
                        score: x.score,
                        max: x.max,
                    })
                    .collect(),
                percent: e.percent,
                grade: e.grade.clone(),
            },
        }
    }
}

impl ResultFile {
    /// A file of `plays` (one for "export this play", all finished ones for "export all").
    pub fn new(student: Student, plays: Vec<ResultPlay>, exported: i64) -> ResultFile {
        ResultFile {
            format: FORMAT.into(),
            schema: RESULT_SCHEMA,
            app: APP_VERSION.into(),
            exported,
            student,
            plays,
        }
    }

    /// The file's text: compact JSON (a pretty printer would add a second copy of every
    /// serializer to the wasm; a curious teacher can open it in any JSON viewer).
    pub fn to_json(&self) -> String {
        // Cannot fail (no map has non-string keys); no `expect`, whose message formatting
        // would pull the error's Debug code into the wasm.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A download name: `成绩-<学号>-<姓名>-<pack id or 全部>.json`, with characters that file
    /// systems refuse replaced by `_`.
    pub fn file_name(&self) -> String {
        let what = match self.plays.as_slice() {
            [one] => format!("{}-{}", one.pack.id, one.seed),
            _ => "全部".to_string(),
        };
        let raw = format!("成绩-{}-{}-{what}.json", self.student.number, self.student.name);
        raw.chars().map(|c| if "\\/:*?\"<>|".contains(c) || c.is_control() { '_' } else { c }).collect()
    }
}
