//! Importing a class's result files at once. Every play of every file becomes a [`Row`] with its
//! verdict; a file that cannot be read is one row saying where it is broken, and never stops the
//! files after it. A play that arrives twice (the same file picked twice, or exported alone and
//! again with "all") is shown each time but marked as a duplicate and counted once. A play whose
//! pack, seed, start time and every answer (with its time) equal a play of another student is a
//! copy — a classmate's file with the name and number changed: both rows are marked and neither is
//! counted, since a file alone cannot say who copied whom (docs/results.md, "What verification
//! proves").

use std::rc::Rc;

use crate::engine::LoadedPack;

use super::file::ResultPlay;
use super::parse::parse;
use super::student::Student;
use super::verify::{verify, Verdict, Verified};

/// One imported play (or one unreadable file).
#[derive(Debug, Clone)]
pub struct Row {
    /// The file's name, as picked.
    pub file: String,
    /// Which play of the file (0-based); `None` when the file as a whole could not be read.
    pub index: Option<usize>,
    pub student: Option<Student>,
    pub play: Option<ResultPlay>,
    pub verdict: Verdict,
    /// The earlier row this one repeats (same student, pack, seed, answers and claimed scores).
    pub duplicate_of: Option<usize>,
    /// Another student's row with the very same play (pack, seed, start time, answers and their
    /// times): one of the two files is a copy of the other.
    pub copy_of: Option<usize>,
    /// The teacher's marks of its free-text answers (only rows of a class record have any).
    pub marks: Vec<super::marking::Mark>,
}

impl Row {
    /// Whether this row feeds the class dashboard: verified, and not a repeat.
    pub fn counts(&self) -> bool {
        self.verdict.is_verified() && self.duplicate_of.is_none() && self.copy_of.is_none()
    }
}

/// How an import went, for the line above the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub files: usize,
    pub rows: usize,
    pub verified: usize,
    /// Rows whose verdict is anything but verified (duplicates and copies excluded).
    pub flagged: usize,
    pub duplicates: usize,
    /// Rows marked as a copy of (or copied by) another student's play.
    pub copies: usize,
}

/// The rows of every file imported so far. Files can be added in several batches; duplicates are
/// found across batches.
#[derive(Debug, Clone, Default)]
pub struct Import {
    pub rows: Vec<Row>,
    files: usize,
}

/// What makes two rows the same result. Answer times are left out: the same choices on the same
/// seed are the same play, and scoring it twice would weigh one student double.
fn same_result(a: (&Student, &ResultPlay), b: (&Student, &ResultPlay)) -> bool {
    let (x, y) = (a.1, b.1);
    a.0.number == b.0.number
        && x.pack.pack_ref() == y.pack.pack_ref()
        && x.seed == y.seed
        && x.claimed == y.claimed
        && x.answers.len() == y.answers.len()
        && x.answers
            .iter()
            .zip(&y.answers)
            .all(|(p, q)| p.activity == q.activity && p.node == q.node && p.input == q.input)
}

/// The same play under two student numbers: the same pack, seed and start time, and every answer
/// the same, at the same time. Two students cannot make that by chance (the seed and start time
/// are drawn and clocked when each play starts); one file was made from the other.
fn same_play(a: (&Student, &ResultPlay), b: (&Student, &ResultPlay)) -> bool {
    let (x, y) = (a.1, b.1);
    a.0.number != b.0.number
        && x.pack.pack_ref() == y.pack.pack_ref()
        && x.seed == y.seed
        && x.started == y.started
        && x.answers.len() == y.answers.len()
        && x.answers
            .iter()
            .zip(&y.answers)
            .all(|(p, q)| p.at == q.at && p.activity == q.activity && p.node == q.node && p.input == q.input)
}

impl Import {
    pub fn new() -> Import {
        Import::default()
    }

    /// Reads, verifies and adds one file.
    pub fn add_file(&mut self, packs: &[Rc<LoadedPack>], name: &str, bytes: &[u8]) {
        self.files += 1;
        let parsed = match parse(bytes) {
            Ok(p) => p,
            Err(m) => {
                self.rows.push(Row {
                    file: name.to_string(),
                    index: None,
                    student: None,
                    play: None,
                    verdict: Verdict::Malformed(m),
                    duplicate_of: None,
                    copy_of: None,
                    marks: vec![],
                });
                return;
            }
        };
        for (i, play) in parsed.plays.into_iter().enumerate() {
            let row = match play {
                Err(m) => Row {
                    file: name.to_string(),
                    index: Some(i),
                    student: Some(parsed.student.clone()),
                    play: None,
                    verdict: Verdict::Malformed(m),
                    duplicate_of: None,
                    copy_of: None,
                    marks: vec![],
                },
                Ok(play) => {
                    // The first earlier row with the same result (rows are a class's worth: a
                    // linear scan is fast enough and keeps hashing code out of the wasm).
                    let duplicate_of = self.rows.iter().position(|r| {
                        r.duplicate_of.is_none()
                            && matches!((&r.student, &r.play), (Some(s), Some(p)) if same_result((s, p), (&parsed.student, &play)))
                    });
                    // A repeat replays to the same verdict (replay is deterministic): reuse it.
                    let verdict = match duplicate_of {
                        Some(j) => self.rows[j].verdict.clone(),
                        None => verify(packs, &play),
                    };
                    // Another student's identical play: mark both (the first one found).
                    let copy_of = self.rows.iter().position(|r| {
                        r.duplicate_of.is_none()
                            && matches!((&r.student, &r.play), (Some(s), Some(p)) if same_play((s, p), (&parsed.student, &play)))
                    });
                    let me = self.rows.len();
                    if let Some(j) = copy_of {
                        self.rows[j].copy_of.get_or_insert(me);
                    }
                    Row {
                        file: name.to_string(),
                        index: Some(i),
                        student: Some(parsed.student.clone()),
                        play: Some(play),
                        verdict,
                        duplicate_of,
                        copy_of,
                        marks: vec![],
                    }
                }
            };
            self.rows.push(row);
        }
    }

    /// Reads, verifies and adds many files; `(name, bytes)` each.
    pub fn add_files<'a>(
        &mut self,
        packs: &[Rc<LoadedPack>],
        files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    ) {
        for (name, bytes) in files {
            self.add_file(packs, name, bytes);
        }
    }

    /// The results that count: verified and not repeated.
    pub fn counted(&self) -> impl Iterator<Item = (&Student, &ResultPlay, &Verified)> {
        self.rows
            .iter()
            .filter(|r| r.counts())
            .filter_map(|r| Some((r.student.as_ref()?, r.play.as_ref()?, r.verdict.verified()?)))
    }

    pub fn summary(&self) -> Summary {
        let duplicates = self.rows.iter().filter(|r| r.duplicate_of.is_some()).count();
        let copies = self.rows.iter().filter(|r| r.duplicate_of.is_none() && r.copy_of.is_some()).count();
        let verified = self.rows.iter().filter(|r| r.counts()).count();
        Summary {
            files: self.files,
            rows: self.rows.len(),
            verified,
            flagged: self.rows.len() - duplicates - copies - verified,
            duplicates,
            copies,
        }
    }
}

/// Imports a batch of `(name, bytes)` files in one go.
pub fn import<'a>(packs: &[Rc<LoadedPack>], files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Import {
    let mut out = Import::new();
    out.add_files(packs, files);
    out
}
