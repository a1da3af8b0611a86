//! The teacher's packs and results reducers over a memory store: a broken pack's full report, storing, replacing
//! and removing packs (and the student app seeing them), and an import whose flagged files are
//! never counted. Also: the template pack for authors passes the checker.

use kefu_core::testing;
use kefu_core::testing::plays;

use std::rc::Rc;

use kefu_core::engine::Saves;
use kefu_core::pack::store::{self as packs, Installed};
use kefu_core::pack::{compile, Code, PackSummary};
use kefu_core::results::class_record::Range;
use kefu_core::results::{ResultFile, ResultPlay, Student};
use kefu_core::storage::{MemoryStore, Store};
use kefu_sim::ui::student::state::{Action as StudentAction, AppState, Screen};
use kefu_sim::ui::teacher::state::{Action, Pending, TeacherState};
use kefu_sim::ui::teacher_packs::state::{PackReport, PacksAction, PacksState};
use yew::Reducible;

const FIXTURE: &str = include_str!("../e2e/fixtures/teacher-pack.toml");
const BROKEN: &str = include_str!("../e2e/fixtures/broken-pack.toml");

fn teacher(store: Rc<dyn Store>, catalog: Vec<PackSummary>) -> Rc<PacksState> {
    Rc::new(PacksState::new(store, catalog, 1))
}

fn give(s: Rc<PacksState>, file: &str, text: &str) -> Rc<PacksState> {
    s.reduce(PacksAction::PackSource { file: file.into(), bytes: text.as_bytes().to_vec() })
}

#[test]
fn a_broken_pack_reports_every_diagnostic_and_stores_nothing() {
    let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
    let s = give(teacher(store.clone(), vec![]), "broken-pack.toml", BROKEN);
    let Some(PackReport::Broken { file, diagnostics }) = &s.report else { panic!("must be broken") };
    assert_eq!(file, "broken-pack.toml");
    // The same report packcheck prints for this file.
    assert_eq!(diagnostics, &compile("broken-pack.toml", BROKEN.as_bytes()).diagnostics);
    let codes: Vec<Code> = diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, [Code::E003, Code::E008, Code::E009]);
    assert!(diagnostics.iter().all(|d| !d.source_line.is_empty() && d.line > 0 && d.col > 0));
    assert!(s.installed.is_empty());
    assert!(store.keys("kefu-sim/pack/").unwrap().is_empty());
}

#[test]
fn packs_are_stored_replaced_by_newer_versions_refused_otherwise_and_removed() {
    let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
    let s = give(teacher(store.clone(), vec![]), "a.toml", FIXTURE);
    assert!(
        matches!(&s.report, Some(PackReport::Installed { outcome: Installed::New(p), .. }) if p.id == "e2e-greeting")
    );
    assert_eq!(s.installed.len(), 1);

    // A new app state on the same store (a reload) lists it.
    assert_eq!(teacher(store.clone(), vec![]).installed.len(), 1);

    let v2 = FIXTURE.replace("version = 1", "version = 2");
    let s = give(s, "b.toml", &v2);
    assert!(
        matches!(&s.report, Some(PackReport::Installed { outcome: Installed::Replaced { old: 1, new }, .. }) if new.version == 2)
    );
    let s = give(s, "a.toml", FIXTURE);
    let Some(PackReport::Refused { message, .. }) = &s.report else { panic!("an older version is refused") };
    assert!(message.contains("第 1 版"), "{message}");
    assert_eq!(s.installed[0].summary.version, 2);

    // The student app lists it after the built-in ones and can play it.
    let builtin = kefu_sim::library::index();
    let mut notices = vec![];
    let local = packs::playable(store.as_ref(), &builtin, 1, &mut notices);
    let app =
        AppState::new(builtin.clone(), vec![], Rc::new(Saves::new(store.clone()))).with_local(local, notices);
    assert_eq!(app.catalog.len(), builtin.len() + 1);
    assert_eq!(app.local.as_slice(), ["e2e-greeting"]);
    let app = Rc::new(app).reduce(StudentAction::Open { pack_id: "e2e-greeting".into(), seed: 5, now: 2 });
    assert!(matches!(&app.screen, Screen::Playing { .. }));

    let s = s.reduce(PacksAction::RemovePack { id: "e2e-greeting".into() });
    assert!(s.installed.is_empty());
    assert!(s.report.is_none(), "the report of a removed pack is gone");
    assert!(packs::playable(store.as_ref(), &builtin, 1, &mut vec![]).is_empty());
}

#[test]
fn a_pack_with_a_built_in_id_is_refused() {
    let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
    let builtin = kefu_sim::library::index();
    let text = FIXTURE.replace("e2e-greeting", &builtin[0].id);
    let s = give(teacher(store, builtin.clone()), "x.toml", &text);
    let Some(PackReport::Refused { message, .. }) = &s.report else { panic!("refused") };
    assert!(message.contains(&builtin[0].id), "{message}");
}

#[test]
fn a_play_on_a_replaced_pack_is_refused_when_opened() {
    let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
    let saves = || Rc::new(Saves::new(store.clone()));
    let v1 = testing::load("a.toml", FIXTURE);
    let app = Rc::new(AppState::with_packs(vec![v1], saves()));
    let app = app.reduce(StudentAction::Open { pack_id: "e2e-greeting".into(), seed: 5, now: 2 });
    let _ = app.reduce(StudentAction::Choose { choice: "warm".into(), now: 3 });
    let v2 = testing::load("b.toml", &FIXTURE.replace("version = 1", "version = 2"));
    let app = Rc::new(AppState::with_packs(vec![v2], saves()));
    let app = app.reduce(StudentAction::Open { pack_id: "e2e-greeting".into(), seed: 6, now: 4 });
    let Screen::Broken { message, .. } = &app.screen else { panic!("no resume question for a changed pack") };
    assert!(message.contains("第 1 版") && message.contains("第 2 版"), "{message}");
}

#[test]
fn an_import_counts_verified_results_only() {
    let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
    // The pack is loaded on the packs page; the results page (another app) reads it from storage.
    give(teacher(store.clone(), vec![]), "a.toml", FIXTURE);
    let s = Rc::new(TeacherState::new(store, vec![], 1));
    assert_eq!(s.installed.len(), 1);
    let pack = testing::load("a.toml", FIXTURE);
    let session = plays::best(&pack, 11);
    let play = ResultPlay::of_session(&session, 1_700_000_100_000);
    let good = ResultFile::new(Student::new("张三", "1").unwrap(), vec![play.clone()], 1);
    // Another student's own play (the same play under another number would be a copy), tampered.
    let mut tampered = ResultPlay::of_session(&plays::best(&pack, 12), 1_700_000_200_000);
    tampered.claimed.dims[0].score -= 1;
    let bad = ResultFile::new(Student::new("李四", "2").unwrap(), vec![tampered], 1);
    let s = s.reduce(Action::ImportResults {
        files: vec![
            ("good.json".into(), good.to_json().into_bytes()),
            ("bad.json".into(), bad.to_json().into_bytes()),
            ("junk.json".into(), b"[1,2".to_vec()),
        ],
        fetched: vec![],
        errors: vec![],
        now: 5,
    });
    let sum = s.import.summary();
    assert_eq!((sum.files, sum.rows, sum.verified, sum.flagged), (3, 3, 1, 2));
    assert_eq!(s.dashboard.students.len(), 1);
    assert_eq!(s.dashboard.students[0].student.number, "1");
    // A second batch with the same good file: shown, counted once.
    let s = s.reduce(Action::ImportResults {
        files: vec![("again.json".into(), good.to_json().into_bytes())],
        fetched: vec![],
        errors: vec!["网络错误".into()],
        now: 6,
    });
    let sum = s.import.summary();
    assert_eq!((sum.files, sum.verified, sum.duplicates), (4, 1, 1));
    assert_eq!(s.notices, ["网络错误"]);
    let s = s.reduce(Action::ClearResults);
    assert_eq!(s.import.summary().rows, 0);
    assert!(s.dashboard.students.is_empty());
}

fn files(list: &[(&str, &ResultFile)]) -> Vec<(String, Vec<u8>)> {
    list.iter().map(|(n, f)| (n.to_string(), f.to_json().into_bytes())).collect()
}

#[test]
fn a_class_record_keeps_imports_across_visits_each_once_with_undo_and_export() {
    let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
    give(teacher(store.clone(), vec![]), "a.toml", FIXTURE);
    let pack = testing::load("a.toml", FIXTURE);
    let one = |n: &str, seed| {
        let play = ResultPlay::of_session(&plays::best(&pack, seed), 1_700_000_100_000 + seed as i64);
        ResultFile::new(Student::new(&format!("学生{n}"), n).unwrap(), vec![play], 1)
    };
    let (f1, f2, f3) = (one("1", 11), one("2", 12), one("3", 13));
    let s = Rc::new(TeacherState::new(store.clone(), vec![], 1));
    let s = s.reduce(Action::NewClass { name: " ".into(), now: 2 });
    assert!(s.classes.is_empty() && s.class_message.is_some());
    let s = s.reduce(Action::NewClass { name: "一班".into(), now: 2 });
    let first = s.class_id().unwrap().to_string();
    let s = s.reduce(Action::ImportResults {
        files: files(&[("1.json", &f1), ("2.json", &f2)]),
        fetched: vec![],
        errors: vec![],
        now: 3,
    });
    assert_eq!(s.class.as_ref().unwrap().record.entries.len(), 2);
    assert_eq!(s.class_dashboard.students.len(), 2);

    // Next visit: the class is there; the same file again is not counted twice.
    let s = Rc::new(TeacherState::new(store.clone(), vec![], 10));
    assert_eq!(s.classes.len(), 1);
    let s = s.reduce(Action::SelectClass { id: first.clone(), fetched: vec![], errors: vec![] });
    assert_eq!(s.class_dashboard.students.len(), 2);
    let s = s.reduce(Action::ImportResults {
        files: files(&[("1-again.json", &f1)]),
        fetched: vec![],
        errors: vec![],
        now: 11,
    });
    assert_eq!(s.class.as_ref().unwrap().record.entries.len(), 2);
    assert!(s.class_message.as_deref().unwrap().contains("已有 1 条"));

    // A second class gets a third file.
    let s = s.reduce(Action::NewClass { name: "二班".into(), now: 12 });
    let s = s.reduce(Action::ImportResults {
        files: files(&[("3.json", &f3)]),
        fetched: vec![],
        errors: vec![],
        now: 13,
    });
    assert_eq!(s.classes.len(), 2);
    assert_eq!(s.class_dashboard.students.len(), 1);

    // Remove a student with confirmation, then undo.
    let s = s.reduce(Action::SelectClass { id: first.clone(), fetched: vec![], errors: vec![] });
    let s = s.reduce(Action::Ask(Pending::Student("2".into())));
    let s = s.reduce(Action::Cancel);
    assert_eq!(s.class_dashboard.students.len(), 2);
    let s = s.reduce(Action::Ask(Pending::Student("2".into())));
    let s = s.reduce(Action::Confirm { now: 14 });
    assert_eq!(s.class_dashboard.students.len(), 1);
    let s = s.reduce(Action::Undo);
    assert_eq!(s.class_dashboard.students.len(), 2);
    assert!(s.undo.is_empty());

    // Export, delete the class, import it back: the same dashboard.
    let before = s.class_dashboard.clone();
    let text = s.class.as_ref().unwrap().record.to_export();
    let s = s.reduce(Action::Ask(Pending::Class));
    let s = s.reduce(Action::Confirm { now: 15 });
    assert!(s.class.is_none() && s.classes.len() == 1);
    let s = s.reduce(Action::ImportRecord { text, fetched: vec![], errors: vec![], now: 16 });
    assert_eq!(s.classes.len(), 2);
    assert_eq!(*s.class_dashboard, *before);

    // A date range: none of the plays finished after 2030.
    let s = s.reduce(Action::SetRange(Range { from: Some(1_900_000_000_000), to: None }));
    assert!(s.class_dashboard.students.is_empty());
}

#[test]
fn a_damaged_class_is_reported_once_and_the_others_load() {
    let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
    let s = Rc::new(TeacherState::new(store.clone(), vec![], 1));
    let _ = s.reduce(Action::NewClass { name: "一班".into(), now: 2 });
    store.set("kefu-sim/class/zz", "{broken").unwrap();
    let s = TeacherState::new(store.clone(), vec![], 3);
    assert_eq!(s.classes.len(), 1);
    assert_eq!(s.notices.len(), 1);
    assert!(s.notices[0].contains("kefu-sim/recovery/3/kefu-sim/class/zz"), "{}", s.notices[0]);
    assert!(TeacherState::new(store, vec![], 4).notices.is_empty());
}

#[test]
fn the_template_pack_for_authors_passes_the_checker() {
    let text = include_str!("../../docs/template-pack.toml");
    let c = compile("template-pack.toml", text.as_bytes());
    let shown: Vec<String> = c.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(c.diagnostics.is_empty(), "{}", shown.join("\n"));
    let pack = c.pack.unwrap();
    assert!(pack.activities.len() >= 2, "a dialogue and an exercise");
}

#[test]
fn a_copied_file_is_marked_copy_and_not_counted() {
    use kefu_sim::ui::teacher::views::result_rows::verdict_key;
    let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
    give(teacher(store.clone(), vec![]), "a.toml", FIXTURE);
    let s = Rc::new(TeacherState::new(store, vec![], 1));
    let pack = testing::load("a.toml", FIXTURE);
    let play = ResultPlay::of_session(&plays::best(&pack, 11), 1_700_000_100_000);
    let mine = ResultFile::new(Student::new("张三", "1").unwrap(), vec![play.clone()], 1);
    let copied = ResultFile::new(Student::new("李四", "2").unwrap(), vec![play], 2);
    let s = s.reduce(Action::ImportResults {
        files: vec![
            ("mine.json".into(), mine.to_json().into_bytes()),
            ("copied.json".into(), copied.to_json().into_bytes()),
        ],
        fetched: vec![],
        errors: vec![],
        now: 3,
    });
    let keys: Vec<&str> = s.import.rows.iter().map(verdict_key).collect();
    assert_eq!(keys, ["copy", "copy"]);
    let sum = s.import.summary();
    assert_eq!((sum.verified, sum.copies), (0, 2));
    assert!(s.dashboard.students.is_empty(), "neither is counted");
}
