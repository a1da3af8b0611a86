//! Teacher marking of free-text answers with the pack's rubric (issues 14 and 17): the built-in
//! qicai-plan carries rubrics; marks are checked against them, stored with the class (schema 2,
//! migrated from 1), kept over another tab's changes, carried by the export and in the results CSV.

use std::rc::Rc;

use proptest::prelude::*;

use kefu_core::engine::LoadedPack;
use kefu_core::results::class_record::{self, from_export, update};
use kefu_core::results::marking::{self, check_mark, free_texts, value, Draft, MarkRef};
use kefu_core::results::{import, results_csv, ClassRecord, Range, ResultFile, ResultPlay};
use kefu_core::storage::versioned::{encode, load, Loaded};
use kefu_core::storage::{MemoryStore, Store};
use kefu_core::testing::class_gen::T0;
use kefu_core::testing::plays::{best, student};

fn qicai() -> (Vec<Rc<LoadedPack>>, Rc<LoadedPack>) {
    let packs = kefu_core::testing::builtin_packs();
    let q = packs.iter().find(|p| p.pack.meta.id == "qicai-plan").expect("qicai-plan is built in").clone();
    (packs, q)
}

fn class_with_qicai(packs: &[Rc<LoadedPack>], q: &Rc<LoadedPack>) -> ClassRecord {
    let play = ResultPlay::of_session(&best(q, 7), T0);
    let bytes = ResultFile::new(student(1), vec![play], 0).to_json().into_bytes();
    let mut c = ClassRecord::new("c1", "一班", 0);
    c.add_import(&import(packs, [("qicai.json", bytes.as_slice())]), 1);
    assert_eq!(c.entries.len(), 1);
    c
}

fn at(field: &str, criterion: &str) -> MarkRef {
    MarkRef { activity: "plan".into(), field: field.into(), criterion: criterion.into() }
}

#[test]
fn qicai_plan_gives_every_free_text_answer_a_rubric() {
    let (_, q) = qicai();
    let play = ResultPlay::of_session(&best(&q, 7), T0);
    let texts = free_texts(&q.pack, &play.answers);
    let fields: Vec<&str> = texts.iter().map(|t| t.field.as_str()).collect();
    assert_eq!(fields, ["preface", "target_analysis", "schedule"]);
    assert!(texts.iter().all(|t| !t.rubric.is_empty() && !t.text.is_empty()));
    assert!(check_mark(&q.pack, &at("preface", "purpose"), 2).is_ok());
    assert!(check_mark(&q.pack, &at("preface", "purpose"), 3).is_err(), "no such level");
    assert!(check_mark(&q.pack, &at("goal", "purpose"), 1).is_err(), "an option field has no rubric");
    assert!(check_mark(&q.pack, &at("preface", "nope"), 0).is_err());
}

#[test]
fn marks_are_stored_with_the_class_and_in_the_results_csv() {
    let (packs, q) = qicai();
    let store = MemoryStore::new();
    let c = class_with_qicai(&packs, &q);
    class_record::save_class(&store, &c).unwrap();
    // Before marking, the CSV says the answers are not judged yet (not 0 points).
    let csv = String::from_utf8(results_csv(&c.open(&packs).as_import(Range::all()))).unwrap();
    assert!(csv.lines().nth(1).unwrap().contains("\"未评\""), "{csv}");
    let key = c.entries[0].key.clone();
    let mut d = Draft::new(&key, &[]);
    d.set(at("preface", "purpose"), Some(2));
    d.set(at("schedule", "follow_up"), Some(1));
    let (saved, ok) = update(&store, "c1", 10, |r| r.save_marks(&d, 10)).unwrap();
    assert!(ok);
    assert_eq!(saved.entries[0].marks.len(), 2);
    // Read back: the marks are there, and the CSV has the total and each criterion.
    let again = class_record::list(&store, 11, &mut vec![]).remove(0);
    assert_eq!(value(&again.entries[0].marks, &at("preface", "purpose")), Some(2));
    let view = again.open(&packs);
    let csv = String::from_utf8(results_csv(&view.as_import(Range::all()))).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].contains("\"教师评分\",\"评分明细\""), "{}", lines[0]);
    let max = marking::total(&q.pack, &again.entries[0].play.answers, &[]).max;
    assert_eq!(max, 15, "2+2 + 2+2+2 + 2+2+1");
    assert!(lines[1].contains(&format!("\"3/{max}\"")), "{}", lines[1]);
    assert!(lines[1].contains("preface·编制目的: 2/2"), "{}", lines[1]);
    assert!(lines[1].contains("preface·编制背景: 未评"), "{}", lines[1]);
}

#[test]
fn a_schema_1_class_is_migrated_with_no_marks() {
    let (packs, q) = qicai();
    let c = class_with_qicai(&packs, &q);
    // A schema-1 document as the previous app wrote it: entries without `marks`.
    let mut v1 = serde_json::to_value(&c).unwrap();
    for e in v1["entries"].as_array_mut().unwrap() {
        e.as_object_mut().unwrap().remove("marks");
    }
    let text = format!("{{\"schema\":1,\"data\":{v1}}}");
    let store = MemoryStore::new();
    store.set("kefu-sim/class/c1", &text).unwrap();
    let got = match load::<ClassRecord>(&store, "kefu-sim/class/c1", 0).unwrap() {
        Loaded::Found(r) => r,
        other => panic!("{other:?}"),
    };
    assert_eq!(got, c);
    assert!(got.entries[0].marks.is_empty());
    // Written back, it is schema 2.
    assert!(encode(&got).starts_with("{\"schema\":2,"));
}

#[test]
fn a_draft_survives_another_tabs_marks_and_saving_merges_over_them() {
    let (packs, q) = qicai();
    let store = MemoryStore::new();
    let c = class_with_qicai(&packs, &q);
    class_record::save_class(&store, &c).unwrap();
    let key = c.entries[0].key.clone();
    // This tab starts marking; another tab marks two criteria and saves.
    let mut mine = Draft::new(&key, &[]);
    mine.set(at("preface", "purpose"), Some(1));
    let mut other = Draft::new(&key, &[]);
    other.set(at("preface", "purpose"), Some(2));
    other.set(at("preface", "background"), Some(2));
    let (stored, _) = update(&store, "c1", 5, |r| r.save_marks(&other, 5)).unwrap();
    // The reload names the conflict and keeps this tab's change.
    assert_eq!(mine.conflicts(&stored.entries[0].marks), vec![at("preface", "purpose")]);
    mine.rebase(&stored.entries[0].marks);
    assert!(mine.is_dirty());
    let (saved, _) = update(&store, "c1", 6, |r| r.save_marks(&mine, 6)).unwrap();
    let m = &saved.entries[0].marks;
    assert_eq!(value(m, &at("preface", "purpose")), Some(1), "the teacher's choice here, after being told");
    assert_eq!(value(m, &at("preface", "background")), Some(2), "the other tab's mark is kept");
}

#[test]
fn the_export_carries_the_marks_and_drops_those_that_fit_no_rubric() {
    let (packs, q) = qicai();
    let mut c = class_with_qicai(&packs, &q);
    let key = c.entries[0].key.clone();
    let mut d = Draft::new(&key, &[]);
    d.set(at("target_analysis", "needs"), Some(2));
    d.set(at("target_analysis", "made_up"), Some(1));
    assert!(c.save_marks(&d, 3));
    let got = from_export(&c.to_export(), &packs, "c2").unwrap();
    let m = &got.record.entries[0].marks;
    assert_eq!(m.len(), 1);
    assert_eq!(value(m, &at("target_analysis", "needs")), Some(2));
    // A schema-1 export (no marks) is still read.
    let v1 = c.to_export().replace("\"schema\":2", "\"schema\":1");
    assert!(from_export(&v1, &packs, "c3").is_ok());
    assert!(from_export(&c.to_export().replace("\"schema\":2", "\"schema\":3"), &packs, "c4").is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the teacher clicks, what is saved is what the draft showed, and criteria the draft
    /// did not touch keep their stored marks.
    #[test]
    fn saving_a_draft_stores_what_it_showed(
        stored in proptest::collection::vec((0usize..4, 0u32..3), 0..4),
        clicks in proptest::collection::vec((0usize..4, proptest::option::of(0u32..3)), 0..12),
    ) {
        let crit = |i: usize| at("preface", ["a", "b", "c", "d"][i]);
        let mut base = vec![];
        for (i, p) in &stored {
            marking::apply(&mut base, &crit(*i), Some(*p), 1);
        }
        let mut d = Draft::new("k", &base);
        for (i, p) in &clicks {
            d.set(crit(*i), *p);
        }
        let mut saved = base.clone();
        d.apply_to(&mut saved, 2);
        for i in 0..4 {
            prop_assert_eq!(value(&saved, &crit(i)), d.shown(&crit(i)));
            if !clicks.iter().any(|(j, _)| *j == i) {
                prop_assert_eq!(value(&saved, &crit(i)), value(&base, &crit(i)));
            }
        }
        prop_assert_eq!(d.is_dirty(), saved.iter().map(|m| (&m.at, m.points)).collect::<std::collections::BTreeSet<_>>()
            != base.iter().map(|m| (&m.at, m.points)).collect::<std::collections::BTreeSet<_>>());
    }
}

/// The stored form as the schema-1 app wrote it (tests/fixtures/storage/class-record-v1.json, one
/// 七彩阳光 result): it loads, with no marks, and is written back as schema 2.
#[test]
fn the_schema_1_fixture_loads() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/storage/class-record-v1.json");
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.starts_with("{\"schema\":1,") && !text.contains("\"marks\""));
    let store = MemoryStore::new();
    store.set("kefu-sim/class/c1", text.trim_end()).unwrap();
    let Loaded::Found(got) = load::<ClassRecord>(&store, "kefu-sim/class/c1", 0).unwrap() else {
        panic!("the schema-1 class record does not load")
    };
    assert_eq!((got.id.as_str(), got.entries.len()), ("c1", 1));
    assert!(got.entries[0].marks.is_empty());
    assert!(encode(&got).starts_with("{\"schema\":2,"));
    assert!(store.keys("kefu-sim/recovery/").unwrap().is_empty(), "nothing set aside");
}
