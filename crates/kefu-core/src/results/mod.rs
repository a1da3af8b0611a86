//! The teacher's side (DESIGN "Result files" contract, docs/results.md): the student's identity,
//! result files, verification of each result by replay, the class dashboard and its CSV export,
//! xAPI statements for an LRS, and SCORM 1.2 for an LMS. Plain Rust with no browser dependency:
//! the UI calls these functions and does the file picking, downloads and HTTP itself.
//!
//! The flow: a student sets a [`Student`] once, exports a [`ResultFile`] of one or all finished
//! plays; the teacher [`import`]s many files against the packs they have, each play gets a
//! [`Verdict`], and only verified plays (each counted once) feed the [`Dashboard`].

pub mod class_record;
pub mod dashboard;
pub mod file;
pub mod import;
pub mod marking;
pub mod mistakes;
pub mod needs;
pub mod parse;
pub mod pass;
pub mod scorm;
pub mod spreadsheet;
pub mod student;
pub mod uuid;
pub mod verify;
pub mod xapi;

pub use class_record::{ClassRecord, ClassView, Range};
pub use dashboard::{Dashboard, PackColumn, PackResult, SkillScore, SkillStats, StudentRow};
pub use file::{Claimed, ClaimedDim, ResultFile, ResultPack, ResultPlay, APP_VERSION, FORMAT, RESULT_SCHEMA};
pub use import::{import, Import, Row, Summary};
pub use mistakes::{MissedItem, Mistake};
pub use needs::needed_packs;
pub use parse::{parse, Malformed, ParsedFile};
pub use spreadsheet::{mistakes_csv, results_csv, students_csv};
pub use student::{Student, StudentError};
pub use verify::{verify, Field, Mismatch, Verdict, Verified};
