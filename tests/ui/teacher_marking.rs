//! The teacher's marking in the results reducer (issues 14 and 17), over a memory store shared by
//! two "tabs" (two states): a student's row opens their plays; a level chosen is a draft until
//! saved; saved marks are there on the next visit and in the class's results CSV; another tab's
//! change reloads the class without dropping this tab's unsaved marks, naming the criteria it
//! marked differently.

use std::rc::Rc;

use kefu_core::engine::LoadedPack;
use kefu_core::results::marking::{value, MarkRef};
use kefu_core::results::{results_csv, ResultFile, ResultPlay};
use kefu_core::storage::{MemoryStore, Store};
use kefu_core::testing::plays::{best, student};
use kefu_sim::ui::teacher::state::{Action, TeacherState};
use yew::Reducible;

fn qicai() -> Rc<LoadedPack> {
    kefu_core::testing::builtin_packs().into_iter().find(|p| p.pack.meta.id == "qicai-plan").unwrap()
}

fn at(criterion: &str) -> MarkRef {
    MarkRef { activity: "plan".into(), field: "preface".into(), criterion: criterion.into() }
}

/// A class with one 七彩阳光 result, and its result key.
fn class(store: Rc<dyn Store>, q: &Rc<LoadedPack>) -> (Rc<TeacherState>, String) {
    let s = Rc::new(TeacherState::new(store, vec![], 1));
    let s = s.reduce(Action::NewClass { name: "一班".into(), now: 2 });
    let play = ResultPlay::of_session(&best(q, 3), 1_700_000_000_000);
    let file = ResultFile::new(student(1), vec![play], 1).to_json().into_bytes();
    let s = s.reduce(Action::ImportResults {
        files: vec![("q.json".into(), file)],
        fetched: vec![q.clone()],
        errors: vec![],
        now: 3,
    });
    let key = s.class.as_ref().unwrap().record.entries[0].key.clone();
    (s, key)
}

/// Another tab (or the next visit): a fresh state on the same store with the class chosen.
fn other_tab(store: Rc<dyn Store>, q: &Rc<LoadedPack>, now: i64) -> Rc<TeacherState> {
    let s = Rc::new(TeacherState::new(store, vec![], now));
    let id = s.classes[0].id.clone();
    s.reduce(Action::SelectClass { id, fetched: vec![q.clone()], errors: vec![] })
}

fn stored_mark(s: &TeacherState, key: &str, a: &MarkRef) -> Option<u32> {
    let e = s.class.as_ref().unwrap().record.entries.iter().find(|e| e.key == key).unwrap();
    value(&e.marks, a)
}

#[test]
fn a_mark_is_a_draft_until_saved_then_kept_and_in_the_csv() {
    let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
    let q = qicai();
    let (s, key) = class(store.clone(), &q);
    let s = s.reduce(Action::OpenStudent(Some(student(1).number)));
    assert_eq!(s.open_student.as_deref(), Some(student(1).number.as_str()));
    let s = s.reduce(Action::Mark { entry: key.clone(), at: at("purpose"), points: Some(2) });
    // A level the rubric does not have is ignored.
    let s = s.reduce(Action::Mark { entry: key.clone(), at: at("background"), points: Some(7) });
    assert_eq!(s.draft(&key).unwrap().changes.len(), 1);
    assert_eq!(stored_mark(&s, &key, &at("purpose")), None, "not stored before saving");
    let s = s.reduce(Action::SaveMarks { entry: key.clone(), now: 9 });
    assert!(s.draft(&key).is_none());
    assert_eq!(stored_mark(&s, &key, &at("purpose")), Some(2));
    // The next visit has it, and the class's results CSV shows it.
    let next = other_tab(store, &q, 20);
    assert_eq!(stored_mark(&next, &key, &at("purpose")), Some(2));
    let csv = String::from_utf8(results_csv(&next.class_import)).unwrap();
    assert!(csv.contains("\"2/15\"") && csv.contains("preface·编制目的: 2/2"), "{csv}");
}

#[test]
fn another_tabs_change_reloads_without_losing_unsaved_marks() {
    let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
    let q = qicai();
    let (mine, key) = class(store.clone(), &q);
    let mine = mine.reduce(Action::Mark { entry: key.clone(), at: at("purpose"), points: Some(1) });
    // The other tab marks the same criterion differently and another one, and saves.
    let other = other_tab(store.clone(), &q, 5);
    let other = other.reduce(Action::Mark { entry: key.clone(), at: at("purpose"), points: Some(2) });
    let other = other.reduce(Action::Mark { entry: key.clone(), at: at("background"), points: Some(2) });
    let _ = other.reduce(Action::SaveMarks { entry: key.clone(), now: 6 });
    // This tab hears the storage event.
    let mine = mine.reduce(Action::StorageChanged { now: 7 });
    assert_eq!(stored_mark(&mine, &key, &at("background")), Some(2), "reloaded");
    assert_eq!(mine.draft(&key).unwrap().shown(&at("purpose")), Some(1), "unsaved mark kept");
    assert_eq!(mine.conflicts, vec![(key.clone(), at("purpose"))]);
    assert!(mine.class_message.as_deref().unwrap().contains("已标出"));
    // Saving after being told: this tab's mark, the other tab's other mark kept.
    let mine = mine.reduce(Action::SaveMarks { entry: key.clone(), now: 8 });
    assert!(mine.conflicts.is_empty());
    assert_eq!(stored_mark(&mine, &key, &at("purpose")), Some(1));
    assert_eq!(stored_mark(&mine, &key, &at("background")), Some(2));
    // A reload with nothing unsaved just reloads.
    let mine = mine.reduce(Action::StorageChanged { now: 9 });
    assert!(mine.drafts.is_empty());
}
