//! The class dashboard: from the verified results only (never a flagged one), per student the
//! best attempt's score per skill, how many packs they finished and the time they spent; per
//! skill the distribution of the class for a chart; and the choices most students got wrong
//! (see `mistakes.rs`).

use std::rc::Rc;

use crate::engine::{LoadedPack, PackRef, Play};

use super::file::ResultPlay;
use super::import::Import;
use super::mistakes::{common_mistakes, missed_items, MissedItem, Mistake};
use super::student::Student;
use super::verify::Verified;

/// A gap between two answers longer than this counts as this long: a student who left the tab
/// open overnight did not practise all night.
pub const IDLE_CAP_MS: i64 = 10 * 60 * 1000;
/// Width of a histogram bucket in percent; the last bucket also holds 100%.
pub const BUCKET_WIDTH: u32 = 10;

/// A pack some verified result was made on (one column group of the table).
#[derive(Debug, Clone, PartialEq)]
pub struct PackColumn {
    pub pack: PackRef,
    pub title: String,
    /// Skill ids and names, in the pack's order.
    pub dims: Vec<(String, String)>,
    /// How many students finished it.
    pub students: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkillScore {
    pub score: i64,
    pub max: i64,
}

impl SkillScore {
    /// Score as a whole percent of the maximum (negative scores count as 0); `None` when the play
    /// could not earn anything in this skill.
    pub fn percent(&self) -> Option<u32> {
        (self.max > 0).then(|| (self.score.clamp(0, self.max) * 100 / self.max) as u32)
    }
}

/// A student's results on one pack: the best attempt's scores, and effort over all attempts.
#[derive(Debug, Clone, PartialEq)]
pub struct PackResult {
    pub attempts: usize,
    pub percent: u32,
    pub grade: String,
    /// In the pack's skill order.
    pub dims: Vec<SkillScore>,
    /// Time spent over all attempts, in ms.
    pub time_ms: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StudentRow {
    pub student: Student,
    /// One entry per [`Dashboard::packs`] column; `None` where the student has no verified result.
    pub packs: Vec<Option<PackResult>>,
    /// How many of the dashboard's packs the student finished.
    pub completed: usize,
    pub time_ms: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bucket {
    /// Percent range, both ends included.
    pub from: u32,
    pub to: u32,
    pub count: usize,
}

/// The class's distribution in one skill of one pack.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillStats {
    /// Index into [`Dashboard::packs`].
    pub pack: usize,
    pub dim: String,
    pub name: String,
    /// Students counted (those whose best attempt could earn points in this skill).
    pub students: usize,
    pub mean_percent: u32,
    pub buckets: Vec<Bucket>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    pub packs: Vec<PackColumn>,
    pub students: Vec<StudentRow>,
    pub skills: Vec<SkillStats>,
    pub mistakes: Vec<Mistake>,
    pub missed_items: Vec<MissedItem>,
}

/// Time spent on a play: from start through each answer to the finish, each gap capped at
/// [`IDLE_CAP_MS`] (times come from the student's clock; a gap that runs backwards counts 0).
pub fn active_time(play: &Play, finished: i64) -> i64 {
    let mut prev = play.started;
    let mut total = 0i64;
    for t in play.answers.iter().map(|a| a.at).chain(std::iter::once(finished)) {
        total = total.saturating_add(t.saturating_sub(prev).clamp(0, IDLE_CAP_MS));
        prev = prev.max(t);
    }
    total
}

/// Student numbers in natural order: all-digit numbers by value, then the rest alphabetically.
fn number_order(s: &str) -> (bool, usize, &str, &str) {
    let digits = s.bytes().all(|b| b.is_ascii_digit());
    let value = if digits { s.trim_start_matches('0') } else { s };
    (!digits, if digits { value.len() } else { 0 }, value, s)
}

/// One counted result, as the dashboard reads it.
pub struct Counted<'a> {
    pub student: &'a Student,
    pub play: &'a ResultPlay,
    pub verified: &'a Verified,
}

impl Dashboard {
    /// The dashboard of an import's counted results (verified, duplicates once).
    pub fn of_import(import: &Import) -> Dashboard {
        let counted: Vec<Counted> =
            import.counted().map(|(student, play, verified)| Counted { student, play, verified }).collect();
        Dashboard::build(&counted)
    }

    pub fn build(results: &[Counted]) -> Dashboard {
        // Packs, by id then version. (Sorted by insertion: each `sort` instantiation costs the
        // wasm several kilobytes, and these lists are a class's size.)
        let mut loaded: Vec<Rc<LoadedPack>> = Vec::new();
        for r in results {
            let p = r.verified.session.loaded();
            if !loaded.iter().any(|l| l.pack_ref() == p.pack_ref()) {
                let key = (&p.pack.meta.id, p.pack.meta.version);
                let at = loaded.partition_point(|l| (&l.pack.meta.id, l.pack.meta.version) <= key);
                loaded.insert(at, Rc::clone(p));
            }
        }
        let pack_of = |r: &Counted| {
            let want = r.verified.session.loaded().pack_ref();
            loaded.iter().position(|l| l.pack_ref() == want).expect("every counted pack is listed")
        };

        // Students, in natural number order; the first name seen for a number is kept.
        let mut students: Vec<Student> = Vec::new();
        for r in results {
            if !students.iter().any(|s| s.number == r.student.number) {
                let key = number_order(&r.student.number);
                let at = students.partition_point(|s| number_order(&s.number) <= key);
                students.insert(at, r.student.clone());
            }
        }

        let mut rows: Vec<StudentRow> = students
            .into_iter()
            .map(|student| StudentRow { student, packs: vec![None; loaded.len()], completed: 0, time_ms: 0 })
            .collect();
        // Each student's best attempt per pack (ties: the later one), with effort summed.
        let mut best_finish: Vec<Vec<(u32, i64)>> = vec![vec![(0, i64::MIN); loaded.len()]; rows.len()];
        for r in results {
            let (k, d) = (pack_of(r), &r.verified.debrief);
            let i = rows.iter().position(|row| row.student.number == r.student.number).expect("listed");
            let time = active_time(r.verified.session.play(), r.play.finished);
            let entry = rows[i].packs[k].get_or_insert_with(|| PackResult {
                attempts: 0,
                percent: 0,
                grade: String::new(),
                dims: vec![],
                time_ms: 0,
            });
            entry.attempts += 1;
            entry.time_ms = entry.time_ms.saturating_add(time);
            let key = (d.percent, r.play.finished);
            if entry.attempts == 1 || key >= best_finish[i][k] {
                best_finish[i][k] = key;
                entry.percent = d.percent;
                entry.grade = d.grade.as_ref().map(|g| g.label.clone()).unwrap_or_default();
                entry.dims = d.dims.iter().map(|x| SkillScore { score: x.score, max: x.max }).collect();
            }
        }
        for row in &mut rows {
            row.completed = row.packs.iter().flatten().count();
            row.time_ms = row.packs.iter().flatten().map(|p| p.time_ms).sum();
        }

        let packs: Vec<PackColumn> = loaded
            .iter()
            .enumerate()
            .map(|(k, l)| PackColumn {
                pack: l.pack_ref(),
                title: l.pack.meta.title.clone(),
                dims: l.pack.dimensions.iter().map(|d| (d.id.clone(), d.name.clone())).collect(),
                students: rows.iter().filter(|r| r.packs[k].is_some()).count(),
            })
            .collect();

        let skills = packs
            .iter()
            .enumerate()
            .flat_map(|(k, col)| {
                let rows = &rows;
                col.dims.iter().enumerate().map(move |(j, (dim, name))| {
                    let percents: Vec<u32> = rows
                        .iter()
                        .filter_map(|r| r.packs[k].as_ref())
                        .filter_map(|p| p.dims.get(j).and_then(SkillScore::percent))
                        .collect();
                    skill_stats(k, dim, name, &percents)
                })
            })
            .collect();

        let by_pack: Vec<(usize, &Counted)> = results.iter().map(|r| (pack_of(r), r)).collect();
        Dashboard {
            mistakes: common_mistakes(&by_pack),
            missed_items: missed_items(&by_pack),
            packs,
            students: rows,
            skills,
        }
    }
}

fn skill_stats(pack: usize, dim: &str, name: &str, percents: &[u32]) -> SkillStats {
    let n = 100 / BUCKET_WIDTH;
    let mut buckets: Vec<Bucket> = (0..n)
        .map(|b| Bucket {
            from: b * BUCKET_WIDTH,
            to: if b + 1 == n { 100 } else { (b + 1) * BUCKET_WIDTH - 1 },
            count: 0,
        })
        .collect();
    for &p in percents {
        let b = (p.min(100) / BUCKET_WIDTH).min(n - 1) as usize;
        buckets[b].count += 1;
    }
    let sum: u64 = percents.iter().map(|&p| u64::from(p)).sum();
    let mean_percent = if percents.is_empty() { 0 } else { (sum / percents.len() as u64) as u32 };
    SkillStats {
        pack,
        dim: dim.to_string(),
        name: name.to_string(),
        students: percents.len(),
        mean_percent,
        buckets,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Answer, Input, PackRef};

    fn play(started: i64, ats: &[i64]) -> Play {
        Play {
            pack: PackRef { id: "p".into(), version: 1, hash: "h".into() },
            seed: 1,
            answers: ats
                .iter()
                .map(|&at| Answer {
                    activity: "a".into(),
                    node: "n".into(),
                    input: Input::Choice("c".into()),
                    at,
                })
                .collect(),
            started,
        }
    }

    #[test]
    fn time_spent_caps_idle_gaps_and_ignores_clock_jumps_back() {
        assert_eq!(active_time(&play(1000, &[2000, 5000]), 6000), 5000);
        // An hour's pause counts as the cap.
        assert_eq!(active_time(&play(0, &[1000, 1000 + 3_600_000]), 3_602_000), 1000 + IDLE_CAP_MS + 1000);
        // The clock went back: that gap counts 0, and the next gap runs from the latest time.
        assert_eq!(active_time(&play(10_000, &[4000, 12_000]), 13_000), 3000);
        assert_eq!(active_time(&play(i64::MIN, &[i64::MAX]), i64::MAX), IDLE_CAP_MS);
    }

    #[test]
    fn histogram_buckets_cover_0_to_100() {
        let s = skill_stats(0, "d", "D", &[0, 9, 10, 55, 99, 100, 100]);
        assert_eq!(s.buckets.len(), 10);
        assert_eq!((s.buckets[0].from, s.buckets[0].to, s.buckets[0].count), (0, 9, 2));
        assert_eq!(s.buckets[1].count, 1);
        assert_eq!(s.buckets[5].count, 1);
        assert_eq!((s.buckets[9].from, s.buckets[9].to, s.buckets[9].count), (90, 100, 3));
        assert_eq!(s.buckets.iter().map(|b| b.count).sum::<usize>(), 7);
        assert_eq!(s.mean_percent, (9 + 10 + 55 + 99 + 200) / 7);
        assert_eq!(skill_stats(0, "d", "D", &[]).mean_percent, 0);
    }

    #[test]
    fn natural_student_order() {
        let mut v = vec!["10", "9", "B2", "A1", "0011", "011"];
        v.sort_by_key(|a| number_order(a));
        assert_eq!(v, ["9", "10", "0011", "011", "A1", "B2"]);
    }

    #[test]
    fn skill_percent() {
        assert_eq!(SkillScore { score: 3, max: 4 }.percent(), Some(75));
        assert_eq!(SkillScore { score: -2, max: 4 }.percent(), Some(0));
        assert_eq!(SkillScore { score: 9, max: 4 }.percent(), Some(100));
        assert_eq!(SkillScore { score: 0, max: 0 }.percent(), None);
    }
}
