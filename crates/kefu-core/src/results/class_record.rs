//! The teacher's class record (issue 17): imported results kept in the browser across visits, in
//! classes the teacher names, added to over the term.
//!
//! One versioned document per class at `kefu-sim/class/<id>` (docs/storage.md). A class keeps only
//! results that verified when imported, each once: a result's [`result_key`] is the same for the
//! same play however often it is imported (the rule of `import.rs`: student number, pack, seed,
//! answers and claimed scores, not the times). A newer attempt of the same student is another key
//! and is kept beside the older one; [`ClassView`] shows each student's best and latest.
//!
//! Nothing stored is trusted: opening a class replays every result again ([`ClassRecord::open`]),
//! and so does importing an exported record ([`from_export`]). Changes go through [`update`], which
//! reads the stored class afresh before changing it, so a second tab's additions are not lost.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::engine::LoadedPack;
use crate::pack::PackSummary;
use crate::storage::versioned::{load, load_all, save, Loaded, Versioned};
use crate::storage::{Notice, Store, StoreError};
use crate::util::fnv::fnv1a_64;

use super::dashboard::{Counted, Dashboard};
use super::file::ResultPlay;
use super::import::{Import, Row};
use super::marking::{valid_marks, Draft, Mark};
use super::student::Student;
use super::verify::{verify, Verdict};

/// Prefix of the classes' keys; the rest is the class id.
pub const CLASSES: &str = "kefu-sim/class/";
/// The `format` of an exported class record file.
pub const EXPORT_FORMAT: &str = "kefu-sim-class";
/// The schema of an exported class record file: 2 since entries carry the teacher's marks (an
/// older app refuses the file instead of dropping the marks; schema 1 files are still read).
pub const EXPORT_SCHEMA: u32 = 2;
/// Longest class name accepted, in characters.
pub const CLASS_NAME_MAX: usize = 40;

/// One stored result: who, which play, from which file and when it was imported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// [`result_key`] of the student and play.
    pub key: String,
    /// The file's name, as picked.
    pub file: String,
    /// When it was imported (ms since the Unix epoch, the teacher's clock).
    pub imported: i64,
    pub student: Student,
    pub play: ResultPlay,
    /// The teacher's marks of the play's free-text answers (`marking.rs`); schema 2.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<Mark>,
}

/// A class: its name and results, in the order they were imported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassRecord {
    pub id: String,
    pub name: String,
    pub created: i64,
    pub entries: Vec<Entry>,
}

impl Versioned for ClassRecord {
    const SCHEMA: u32 = 2;

    /// 1 → 2: entries gain `marks` (teacher marking), empty for every old entry.
    fn migrate(from: u32, data: serde_json::Value) -> Result<serde_json::Value, String> {
        match from {
            1 => Ok(migrate_v1(data)),
            _ => Err(format!("没有从第 {from} 版班级记录升级的方法")),
        }
    }
}

/// Schema 1 → 2: every entry gets an empty `marks` list (nothing else changes).
fn migrate_v1(mut data: serde_json::Value) -> serde_json::Value {
    if let Some(entries) = data.get_mut("entries").and_then(|e| e.as_array_mut()) {
        for e in entries.iter_mut().filter_map(|e| e.as_object_mut()) {
            e.entry("marks").or_insert_with(|| serde_json::Value::Array(vec![]));
        }
    }
    data
}

/// What makes two imports the same result (see `import::same_result`): the student number, the
/// pack, the seed, the answers without their times and the claimed scores.
pub fn result_key(student: &Student, play: &ResultPlay) -> String {
    let answers: Vec<_> = play.answers.iter().map(|a| (&a.activity, &a.node, &a.input)).collect();
    let what = (&student.number, play.pack.pack_ref(), play.seed, answers, &play.claimed);
    let text = serde_json::to_string(&what).unwrap_or_default();
    // Two hashes of different halves make an accidental collision within a class negligible.
    let (a, b) = text.as_bytes().split_at(text.len() / 2);
    format!("{:016x}{:016x}", fnv1a_64(text.as_bytes()), fnv1a_64(&[b, a].concat()))
}

/// A date range over the plays' finish times (ms); `None` is open-ended. `from` is included and
/// `to` is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Range {
    pub from: Option<i64>,
    pub to: Option<i64>,
}

impl Range {
    pub fn all() -> Range {
        Range::default()
    }

    pub fn contains(&self, ms: i64) -> bool {
        self.from.is_none_or(|f| ms >= f) && self.to.is_none_or(|t| ms < t)
    }
}

/// What adding results did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Added {
    pub added: usize,
    /// Results already in the class (or twice in what was added), counted once.
    pub duplicates: usize,
}

/// Results taken out of a class, to put back with [`ClassRecord::restore`].
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    pub class: String,
    /// Each removed entry with the position it had.
    pub entries: Vec<(usize, Entry)>,
}

/// Why a class name was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameError {
    Empty,
    TooLong,
}

impl std::fmt::Display for NameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NameError::Empty => write!(f, "请填写班级名称"),
            NameError::TooLong => write!(f, "班级名称最多 {CLASS_NAME_MAX} 个字"),
        }
    }
}

/// A trimmed class name, or why it is refused.
pub fn class_name(name: &str) -> Result<String, NameError> {
    let name = name.trim();
    if name.is_empty() {
        Err(NameError::Empty)
    } else if name.chars().count() > CLASS_NAME_MAX {
        Err(NameError::TooLong)
    } else {
        Ok(name.to_string())
    }
}

/// A class id not used by `taken`: `c` and the time in base 36 (then `-2`, `-3`…). Ids are only
/// ASCII letters, digits and `-`, so they are safe in keys, hooks and URLs.
pub fn new_id(taken: &[String], now: i64) -> String {
    let mut n = now.unsigned_abs();
    let mut digits = vec![];
    loop {
        digits.push(b"0123456789abcdefghijklmnopqrstuvwxyz"[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.reverse();
    let base = format!("c{}", String::from_utf8(digits).unwrap_or_default());
    let mut id = base.clone();
    let mut i = 2;
    while taken.contains(&id) {
        id = format!("{base}-{i}");
        i += 1;
    }
    id
}

impl ClassRecord {
    pub fn new(id: &str, name: &str, created: i64) -> ClassRecord {
        ClassRecord { id: id.into(), name: name.into(), created, entries: vec![] }
    }

    pub fn key(&self) -> String {
        class_key(&self.id)
    }

    fn has(&self, key: &str) -> bool {
        self.entries.iter().any(|e| e.key == key)
    }

    /// Adds one result unless the class has it already; true when added.
    pub fn add(&mut self, file: &str, student: &Student, play: &ResultPlay, now: i64) -> bool {
        let key = result_key(student, play);
        if self.has(&key) {
            return false;
        }
        self.entries.push(Entry {
            key,
            file: file.into(),
            imported: now,
            student: student.clone(),
            play: play.clone(),
            marks: vec![],
        });
        true
    }

    /// Applies a marking draft to the entry it is for (read afresh by [`update`]); false when the
    /// entry is no longer in the class. The draft's marks were checked against the rubric.
    pub fn save_marks(&mut self, draft: &Draft, now: i64) -> bool {
        match self.entries.iter_mut().find(|e| e.key == draft.entry) {
            Some(e) => {
                draft.apply_to(&mut e.marks, now);
                true
            }
            None => false,
        }
    }

    /// Adds the results of an import that count (verified; each once).
    pub fn add_import(&mut self, import: &Import, now: i64) -> Added {
        self.add_rows(&import.rows, now)
    }

    /// Adds the verified rows of `rows` (an import's latest batch), each once. Rows the import
    /// marked as copies of another student's play are not kept (they are not counted either).
    pub fn add_rows(&mut self, rows: &[Row], now: i64) -> Added {
        let mut out = Added::default();
        for row in rows.iter().filter(|r| r.verdict.is_verified() && r.copy_of.is_none()) {
            let (Some(s), Some(p)) = (&row.student, &row.play) else { continue };
            if self.add(&row.file, s, p, now) {
                out.added += 1;
            } else {
                out.duplicates += 1;
            }
        }
        out
    }

    /// Takes out every entry `pred` selects.
    pub fn remove_where(&mut self, pred: impl Fn(&Entry) -> bool) -> Removed {
        let mut removed = vec![];
        let mut kept = vec![];
        for (i, e) in std::mem::take(&mut self.entries).into_iter().enumerate() {
            if pred(&e) {
                removed.push((i, e));
            } else {
                kept.push(e);
            }
        }
        self.entries = kept;
        Removed { class: self.id.clone(), entries: removed }
    }

    /// Takes out the results imported from the file `name`.
    pub fn remove_file(&mut self, name: &str) -> Removed {
        self.remove_where(|e| e.file == name)
    }

    /// Takes out every result of the student with this number.
    pub fn remove_student(&mut self, number: &str) -> Removed {
        self.remove_where(|e| e.student.number == number)
    }

    /// Puts removed entries back where they were (those re-imported since are not doubled).
    pub fn restore(&mut self, removed: Removed) {
        for (i, e) in removed.entries {
            if !self.has(&e.key) {
                let at = i.min(self.entries.len());
                self.entries.insert(at, e);
            }
        }
    }

    /// The distinct file names, in import order.
    pub fn files(&self) -> Vec<String> {
        let mut out: Vec<String> = vec![];
        for e in &self.entries {
            if !out.contains(&e.file) {
                out.push(e.file.clone());
            }
        }
        out
    }

    /// Replays every result against `packs` (nothing stored is trusted).
    pub fn open(&self, packs: &[Rc<LoadedPack>]) -> ClassView {
        let verdicts = self.entries.iter().map(|e| verify(packs, &e.play)).collect();
        ClassView { record: self.clone(), verdicts }
    }

    /// The record as one JSON file to move to another computer.
    pub fn to_export(&self) -> String {
        let file = ExportFile { format: EXPORT_FORMAT.into(), schema: EXPORT_SCHEMA, record: self.clone() };
        serde_json::to_string(&file).unwrap_or_default()
    }

    /// The download name of [`ClassRecord::to_export`].
    pub fn export_name(&self) -> String {
        let raw = format!("班级记录-{}.json", self.name);
        raw.chars().map(|c| if "\\/:*?\"<>|".contains(c) || c.is_control() { '_' } else { c }).collect()
    }
}

/// A class with each result replayed.
#[derive(Debug, Clone)]
pub struct ClassView {
    pub record: ClassRecord,
    /// One per entry, in the same order.
    pub verdicts: Vec<Verdict>,
}

/// A student's best and latest result on one pack.
#[derive(Debug, Clone, PartialEq)]
pub struct BestLatest {
    pub pack_id: String,
    pub pack_title: String,
    pub attempts: usize,
    /// Index into the record's entries.
    pub best: usize,
    pub latest: usize,
    pub best_percent: u32,
    pub latest_percent: u32,
}

impl ClassView {
    /// The verified entries whose play finished within `range`.
    pub fn counted(&self, range: Range) -> Vec<(usize, Counted<'_>)> {
        self.record
            .entries
            .iter()
            .zip(&self.verdicts)
            .enumerate()
            .filter(|(_, (e, _))| range.contains(e.play.finished))
            .filter_map(|(i, (e, v))| {
                Some((i, Counted { student: &e.student, play: &e.play, verified: v.verified()? }))
            })
            .collect()
    }

    /// The class dashboard (best attempt per student and pack) over `range`.
    pub fn dashboard(&self, range: Range) -> Dashboard {
        let counted: Vec<Counted> = self.counted(range).into_iter().map(|(_, c)| c).collect();
        Dashboard::build(&counted)
    }

    /// The counted results within `range` as an import's rows (one file per entry), for the
    /// results CSV and the rows table.
    pub fn as_import(&self, range: Range) -> Import {
        let mut out = Import::new();
        for (e, v) in self.record.entries.iter().zip(&self.verdicts) {
            if range.contains(e.play.finished) && v.is_verified() {
                out.rows.push(Row {
                    file: e.file.clone(),
                    index: Some(0),
                    student: Some(e.student.clone()),
                    play: Some(e.play.clone()),
                    verdict: v.clone(),
                    duplicate_of: None,
                    copy_of: None,
                    marks: e.marks.clone(),
                });
            }
        }
        out
    }

    /// The entries of a student (by number), by finish time.
    pub fn plays_of(&self, number: &str) -> Vec<usize> {
        let mut out: Vec<usize> = (0..self.record.entries.len())
            .filter(|&i| self.record.entries[i].student.number == number)
            .collect();
        crate::util::order::sort_by_key(&mut out, |&i| self.record.entries[i].play.finished);
        out
    }

    /// A student's best (highest percent, the later on a tie) and latest verified result per
    /// pack id within `range`, in the order the packs were first played.
    pub fn best_latest(&self, number: &str, range: Range) -> Vec<BestLatest> {
        let mut out: Vec<BestLatest> = vec![];
        for (i, c) in self.counted(range) {
            if c.student.number != number {
                continue;
            }
            let (percent, finished) = (c.verified.debrief.percent, c.play.finished);
            let entries = &self.record.entries;
            match out.iter_mut().find(|b| b.pack_id == c.play.pack.id) {
                None => out.push(BestLatest {
                    pack_id: c.play.pack.id.clone(),
                    pack_title: c.verified.session.loaded().pack.meta.title.clone(),
                    attempts: 1,
                    best: i,
                    latest: i,
                    best_percent: percent,
                    latest_percent: percent,
                }),
                Some(b) => {
                    b.attempts += 1;
                    if (percent, finished) >= (b.best_percent, entries[b.best].play.finished) {
                        b.best = i;
                        b.best_percent = percent;
                    }
                    if finished >= entries[b.latest].play.finished {
                        b.latest = i;
                        b.latest_percent = percent;
                    }
                }
            }
        }
        out
    }
}

/// The built-in packs of `catalog` that the record's results were made on and `have` lacks (to
/// fetch before opening it), in catalog order.
pub fn needed_packs(
    catalog: &[PackSummary],
    have: &[Rc<LoadedPack>],
    record: &ClassRecord,
) -> Vec<PackSummary> {
    catalog
        .iter()
        .filter(|s| record.entries.iter().any(|e| e.play.pack.id == s.id && e.play.pack.hash == s.hash))
        .filter(|s| !have.iter().any(|p| p.hash == s.hash && p.pack.meta.id == s.id))
        .cloned()
        .collect()
}

/// [`needed_packs`] for an exported class record file (none when it cannot be read: importing it
/// reports why).
pub fn needed_for_export(catalog: &[PackSummary], have: &[Rc<LoadedPack>], text: &str) -> Vec<PackSummary> {
    match serde_json::from_str::<ExportFile>(text) {
        Ok(f) => needed_packs(catalog, have, &f.record),
        Err(_) => vec![],
    }
}

/// The first ms of a day given as `YYYY-MM-DD` (a date input's value), in China time (UTC+8).
pub fn day_start(date: &str) -> Option<i64> {
    let mut parts = date.trim().splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from 1970-01-01 (Howard Hinnant's days_from_civil).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400_000 - 8 * 3_600_000)
}

pub fn class_key(id: &str) -> String {
    format!("{CLASSES}{id}")
}

#[derive(Serialize, Deserialize)]
struct ExportFile {
    format: String,
    schema: u32,
    record: ClassRecord,
}

/// What importing an exported class record gave.
#[derive(Debug, Clone)]
pub struct FromExport {
    /// The record with the results that verified again, under id `id` (given by the caller).
    pub record: ClassRecord,
    /// Results refused, with the reason (`Verdict::label`).
    pub refused: Vec<(Entry, &'static str)>,
}

/// Reads an exported class record and verifies every result again; only those that replay to
/// their claimed scores are kept (each once). The record gets the id `id`.
pub fn from_export(text: &str, packs: &[Rc<LoadedPack>], id: &str) -> Result<FromExport, String> {
    let file: ExportFile =
        serde_json::from_str(text).map_err(|e| format!("不是班级记录文件,或文件已损坏({e})"))?;
    if file.format != EXPORT_FORMAT {
        return Err("不是班级记录文件".into());
    }
    if file.schema == 0 || file.schema > EXPORT_SCHEMA {
        return Err(format!("班级记录文件来自更新版本的应用(第 {} 版)", file.schema));
    }
    let name = class_name(&file.record.name).map_err(|e| e.to_string())?;
    let mut record = ClassRecord::new(id, &name, file.record.created);
    let mut refused = vec![];
    for e in file.record.entries {
        match verify(packs, &e.play) {
            Verdict::Verified(v) => {
                // The key is computed again: a stored key is not trusted either.
                if !record.add(&e.file, &e.student, &e.play, e.imported) {
                    continue;
                }
                // Marks are kept where they fit the rubric of the pack the play was made on.
                if let Some(last) = record.entries.last_mut() {
                    last.marks = valid_marks(&v.session.loaded().pack, &e.marks);
                }
            }
            v => refused.push((e, v.label())),
        }
    }
    Ok(FromExport { record, refused })
}

/// Every stored class, by id. A class that cannot be read is set aside (copied to a recovery key
/// and removed) and reported once in `notices`; the other classes are listed.
pub fn list(store: &dyn Store, now: i64, notices: &mut Vec<Notice>) -> Vec<ClassRecord> {
    load_all(store, CLASSES, now, notices, load::<ClassRecord>)
}

/// Writes a class (a full store leaves the stored class as it was: `StoreError::Quota`).
pub fn save_class(store: &dyn Store, record: &ClassRecord) -> Result<(), StoreError> {
    save(store, &record.key(), record)
}

/// Deletes a class; returns it for an undo (put back with [`save_class`]).
pub fn delete_class(store: &dyn Store, id: &str, now: i64) -> Result<Option<ClassRecord>, StoreError> {
    let key = class_key(id);
    let old = match load::<ClassRecord>(store, &key, now)? {
        Loaded::Found(c) => Some(c),
        _ => None,
    };
    store.remove(&key)?;
    Ok(old)
}

/// Why a change to a stored class was not made.
#[derive(Debug, Clone, PartialEq)]
pub enum UpdateError {
    /// The class is no longer stored (deleted in another tab).
    Gone,
    /// The stored class cannot be read; it was left as it is (see the notice).
    Unreadable(Notice),
    Store(StoreError),
}

impl std::fmt::Display for UpdateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UpdateError::Gone => write!(f, "这个班级已被删除(可能在另一个标签页中)"),
            UpdateError::Unreadable(n) => write!(f, "{n}"),
            UpdateError::Store(e) => write!(f, "{e}"),
        }
    }
}

/// Reads the stored class `id` afresh, applies `change` and writes it back; returns the class as
/// written and what `change` returned. Nothing is written when the class cannot be read.
pub fn update<R>(
    store: &dyn Store,
    id: &str,
    now: i64,
    change: impl FnOnce(&mut ClassRecord) -> R,
) -> Result<(ClassRecord, R), UpdateError> {
    let key = class_key(id);
    let mut record = match load::<ClassRecord>(store, &key, now).map_err(UpdateError::Store)? {
        Loaded::Found(c) => c,
        Loaded::Missing => return Err(UpdateError::Gone),
        Loaded::Unreadable { reason, recovery_key: Some(recovery_key) } => {
            return Err(UpdateError::Unreadable(Notice::Recovered { key, recovery_key, reason }))
        }
        Loaded::Unreadable { reason, recovery_key: None } => {
            return Err(UpdateError::Unreadable(Notice::Untouchable { key, reason }))
        }
    };
    let out = change(&mut record);
    save_class(store, &record).map_err(UpdateError::Store)?;
    Ok((record, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_fresh_and_safe() {
        let a = new_id(&[], 1_700_000_000_000);
        assert!(a.starts_with('c') && a.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
        let b = new_id(std::slice::from_ref(&a), 1_700_000_000_000);
        assert_eq!(b, format!("{a}-2"));
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(class_name("  23级客服1班 ").unwrap(), "23级客服1班");
        assert_eq!(class_name(" "), Err(NameError::Empty));
        assert_eq!(class_name(&"班".repeat(41)), Err(NameError::TooLong));
    }

    #[test]
    fn days_start_at_midnight_china_time() {
        assert_eq!(day_start("1970-01-01"), Some(-8 * 3_600_000));
        // 2023-11-14 22:13:20 UTC is 2023-11-15 06:13:20 in China.
        let d = day_start("2023-11-15").unwrap();
        assert!(d <= 1_700_000_000_000 && 1_700_000_000_000 < d + 86_400_000);
        assert_eq!(crate::util::time::datetime(d, 480), "2023-11-15 00:00");
        assert_eq!(day_start("2023-13-01"), None);
        assert_eq!(day_start(""), None);
    }

    #[test]
    fn ranges_include_from_and_exclude_to() {
        let r = Range { from: Some(10), to: Some(20) };
        assert!(r.contains(10) && r.contains(19) && !r.contains(20) && !r.contains(9));
        assert!(Range::all().contains(i64::MIN));
    }
}
