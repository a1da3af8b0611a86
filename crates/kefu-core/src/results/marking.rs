//! Teacher marking of free-text answers (issues 14 and 17): where a pack gives a free-text plan
//! field a rubric (`pack::rubric`), the teacher marks each criterion of a student's answer at one
//! of its levels. Marks are stored with the class (`class_record::Entry::marks`), travel in the
//! exported class record and are in the results CSV.
//!
//! A mark names its criterion by ids (activity, field, criterion) and holds the level's points;
//! the play's pack is fixed by its content hash, so the rubric a mark was given against cannot
//! change under it. Marks are checked against that rubric before they are stored or imported.
//!
//! Marking happens in a [`Draft`] until the teacher saves it, so that a reload caused by another
//! tab never silently discards or overwrites this tab's unsaved marks: the draft is kept, and
//! [`Draft::conflicts`] names the criteria that the other tab marked differently meanwhile.

use serde::{Deserialize, Serialize};

use crate::engine::play::{Answer, Input};
use crate::pack::rubric::{rubric_max, Criterion};
use crate::pack::{ActivityBody, FieldInput, Pack};

/// Which criterion of which free-text field: (activity id, field id, criterion id).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct MarkRef {
    pub activity: String,
    pub field: String,
    pub criterion: String,
}

/// One criterion marked: the points of the level the teacher chose, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    #[serde(flatten)]
    pub at: MarkRef,
    pub points: u32,
    /// When it was marked (ms since the Unix epoch, the teacher's clock).
    pub marked: i64,
}

/// A free-text answer of a play, with its field's rubric (empty when the pack gives none).
#[derive(Debug, Clone, PartialEq)]
pub struct FreeText<'p> {
    pub activity: String,
    pub activity_title: String,
    pub field: String,
    pub label: String,
    /// What the student wrote (empty when the field was left empty).
    pub text: String,
    pub rubric: &'p [Criterion],
}

/// Every free-text field the play answered, in answer order.
pub fn free_texts<'p>(pack: &'p Pack, answers: &[Answer]) -> Vec<FreeText<'p>> {
    let mut out = vec![];
    for a in answers {
        let Input::Plan(map) = &a.input else { continue };
        let Some(act) = pack.activity(&a.activity) else { continue };
        let ActivityBody::Plan(plan) = &act.body else { continue };
        for f in plan.fields.iter().filter(|f| f.input == FieldInput::Text) {
            out.push(FreeText {
                activity: act.id.clone(),
                activity_title: act.title.clone(),
                field: f.id.clone(),
                label: f.label.clone(),
                text: map.get(&f.id).map(|x| x.text.clone()).unwrap_or_default(),
                rubric: &f.rubric,
            });
        }
    }
    out
}

/// The criterion a mark refers to, if the pack has it.
pub fn criterion<'p>(pack: &'p Pack, at: &MarkRef) -> Option<&'p Criterion> {
    let ActivityBody::Plan(plan) = &pack.activity(&at.activity)?.body else { return None };
    let f = plan.fields.iter().find(|f| f.id == at.field && f.input == FieldInput::Text)?;
    f.rubric.iter().find(|c| c.id == at.criterion)
}

/// `Ok` when `points` is a level of the criterion `at` in `pack`; else why not (Chinese).
pub fn check_mark(pack: &Pack, at: &MarkRef, points: u32) -> Result<(), String> {
    let c = criterion(pack, at)
        .ok_or_else(|| format!("场景包没有评分标准「{}/{}/{}」", at.activity, at.field, at.criterion))?;
    match c.level(points) {
        Some(_) => Ok(()),
        None => Err(format!("评分标准「{}」没有 {points} 分这一级", c.text)),
    }
}

/// The marks in `marks` that fit `pack`'s rubrics, each criterion once (the last one wins).
pub fn valid_marks(pack: &Pack, marks: &[Mark]) -> Vec<Mark> {
    let mut out: Vec<Mark> = vec![];
    for m in marks.iter().filter(|m| check_mark(pack, &m.at, m.points).is_ok()) {
        out.retain(|o| o.at != m.at);
        out.push(m.clone());
    }
    out
}

/// The marked points of a play and what its rubrics allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Total {
    pub points: u32,
    /// Every rubric criterion of the play's free-text answers at its top level.
    pub max: u32,
    pub marked: usize,
    pub criteria: usize,
}

/// The marking total of a play's free-text answers (marks that fit no criterion are left out).
pub fn total(pack: &Pack, answers: &[Answer], marks: &[Mark]) -> Total {
    let mut t = Total::default();
    for ft in free_texts(pack, answers) {
        t.max += rubric_max(ft.rubric);
        t.criteria += ft.rubric.len();
        for c in ft.rubric {
            let at =
                MarkRef { activity: ft.activity.clone(), field: ft.field.clone(), criterion: c.id.clone() };
            if let Some(m) = marks.iter().rev().find(|m| m.at == at && c.level(m.points).is_some()) {
                t.points += m.points;
                t.marked += 1;
            }
        }
    }
    t
}

/// The marks of a play as one line for the CSV: `label·criterion: points/max` per marked criterion.
pub fn detail(pack: &Pack, answers: &[Answer], marks: &[Mark]) -> String {
    let mut parts = vec![];
    for ft in free_texts(pack, answers) {
        for c in ft.rubric {
            let at =
                MarkRef { activity: ft.activity.clone(), field: ft.field.clone(), criterion: c.id.clone() };
            let got = marks.iter().rev().find(|m| m.at == at && c.level(m.points).is_some());
            let shown = got.map_or("未评".to_string(), |m| format!("{}/{}", m.points, c.max()));
            parts.push(format!("{}·{}: {shown}", ft.field, c.text));
        }
    }
    parts.join("; ")
}

/// Sets (`Some`) or clears (`None`) the mark of `at` in `marks`.
pub fn apply(marks: &mut Vec<Mark>, at: &MarkRef, points: Option<u32>, now: i64) {
    marks.retain(|m| m.at != *at);
    if let Some(points) = points {
        marks.push(Mark { at: at.clone(), points, marked: now });
    }
}

/// The value of `at` in `marks`.
pub fn value(marks: &[Mark], at: &MarkRef) -> Option<u32> {
    marks.iter().rev().find(|m| m.at == *at).map(|m| m.points)
}

/// This tab's unsaved marking of one stored result: what was stored when marking began (`base`)
/// and the teacher's changes since.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    /// The result's key (`class_record::result_key`).
    pub entry: String,
    pub base: Vec<Mark>,
    /// Criterion → the level chosen (`None`: the mark is cleared).
    pub changes: Vec<(MarkRef, Option<u32>)>,
}

impl Draft {
    pub fn new(entry: &str, stored: &[Mark]) -> Draft {
        Draft { entry: entry.to_string(), base: stored.to_vec(), changes: vec![] }
    }

    /// Chooses a level (or clears it); choosing the stored value again drops the change.
    pub fn set(&mut self, at: MarkRef, points: Option<u32>) {
        self.changes.retain(|(a, _)| *a != at);
        if value(&self.base, &at) != points {
            self.changes.push((at, points));
        }
    }

    /// What the teacher sees for `at`: the change, else the stored value.
    pub fn shown(&self, at: &MarkRef) -> Option<u32> {
        match self.changes.iter().find(|(a, _)| a == at) {
            Some((_, p)) => *p,
            None => value(&self.base, at),
        }
    }

    pub fn is_dirty(&self) -> bool {
        !self.changes.is_empty()
    }

    /// The changed criteria that `stored` (the result as stored now) marks differently from when
    /// this draft began: another tab marked them meanwhile, and saving would replace its marks.
    pub fn conflicts(&self, stored: &[Mark]) -> Vec<MarkRef> {
        self.changes
            .iter()
            .filter(|(at, mine)| value(stored, at) != value(&self.base, at) && value(stored, at) != *mine)
            .map(|(at, _)| at.clone())
            .collect()
    }

    /// Follows a reload: the stored marks become the base; changes are kept (unsaved work is never
    /// dropped), except those the stored marks already equal.
    pub fn rebase(&mut self, stored: &[Mark]) {
        self.base = stored.to_vec();
        let base = &self.base;
        self.changes.retain(|(at, p)| value(base, at) != *p);
    }

    /// Applies the changes to `marks` (the stored ones, read afresh).
    pub fn apply_to(&self, marks: &mut Vec<Mark>, now: i64) {
        for (at, p) in &self.changes {
            apply(marks, at, *p, now);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(c: &str) -> MarkRef {
        MarkRef { activity: "plan".into(), field: "preface".into(), criterion: c.into() }
    }

    #[test]
    fn a_draft_keeps_its_changes_over_a_reload_and_names_conflicts() {
        let stored = vec![Mark { at: r("a"), points: 1, marked: 1 }];
        let mut d = Draft::new("k", &stored);
        d.set(r("a"), Some(1));
        assert!(!d.is_dirty(), "choosing the stored level is no change");
        d.set(r("a"), Some(2));
        d.set(r("b"), Some(0));
        assert_eq!(d.shown(&r("a")), Some(2));
        // Another tab marked `a` as 0 meanwhile: a conflict; `b` untouched there: none.
        let other = vec![Mark { at: r("a"), points: 0, marked: 5 }];
        assert_eq!(d.conflicts(&other), vec![r("a")]);
        d.rebase(&other);
        assert_eq!(d.shown(&r("a")), Some(2), "unsaved work is kept");
        assert!(d.conflicts(&other).is_empty(), "after the reload the stored marks are the base");
        let mut saved = other.clone();
        d.apply_to(&mut saved, 9);
        assert_eq!(value(&saved, &r("a")), Some(2));
        assert_eq!(value(&saved, &r("b")), Some(0));
        // After saving, the saved marks are the base; clearing one is a change again.
        d.rebase(&saved);
        assert!(!d.is_dirty());
        d.set(r("b"), None);
        d.apply_to(&mut saved, 10);
        assert_eq!(value(&saved, &r("b")), None);
    }
}
