//! The LMS and LRS glue over a real store: statements are queued as a play goes on (each exactly
//! once, whatever is recorded again), nothing is queued without settings or a student, the LMS
//! page's sync records the stored plays that moved since the LRS was set up, and a SCORM launch
//! resumes from `cmi.suspend_data` without asking.

use kefu_core::testing;

use std::rc::Rc;

use kefu_core::engine::Saves;
use kefu_core::engine::{Current, Debrief, LoadedPack, Session};
use kefu_core::results::pass::passed;
use kefu_core::results::scorm;
use kefu_core::results::student::Student;
use kefu_core::results::xapi::{Delivery, LrsSettings, Queue};
use kefu_core::storage::{Loaded, MemoryStore, Store};
use kefu_sim::ui::lms::xapi_record::{record, status};
use kefu_sim::ui::lms::XapiStatus;
use kefu_sim::ui::student::state::{Action, AppState, Screen};
use serde_json::Value;
use yew::Reducible;

fn app(store: Rc<dyn Store>, pack: Rc<LoadedPack>) -> Rc<AppState> {
    Rc::new(AppState::with_packs(vec![pack], Rc::new(Saves::new(store))))
}

fn session(s: &AppState) -> &Session {
    match &s.screen {
        Screen::Playing { session, .. } => session,
        _ => panic!("no play open"),
    }
}

fn node(s: &AppState) -> Option<String> {
    match session(s).current() {
        Current::Choose { node, .. } => Some(node.id.clone()),
        _ => None,
    }
}

fn configure(store: &dyn Store) {
    LrsSettings::new(
        "http://127.0.0.1:1/xAPI/",
        "key",
        "secret",
        "https://school.example",
        "https://kefu.example",
    )
    .unwrap()
    .save(store)
    .unwrap();
}

fn queued(store: &dyn Store) -> Vec<Value> {
    let Loaded::Found(q) = Queue::load(store, 0).unwrap() else { return vec![] };
    q.entries.iter().map(|e| serde_json::from_str(&e.statement).unwrap()).collect()
}

fn verb(s: &Value) -> &str {
    s["verb"]["id"].as_str().unwrap().rsplit('/').next().unwrap()
}

#[test]
fn statements_are_queued_as_the_play_goes_on_each_once() {
    let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
    let pack = testing::load("sample.toml", testing::SAMPLE);
    let s = app(store.clone(), pack).reduce(Action::Open { pack_id: "sample".into(), seed: 7, now: 1 });

    // No LRS configured: nothing is recorded.
    assert_eq!(record(store.as_ref(), session(&s), 1), XapiStatus::default());
    assert!(queued(store.as_ref()).is_empty());

    configure(store.as_ref());
    Student::new("张三", "2023001").unwrap().save(store.as_ref()).unwrap();
    let mut counts = vec![record(store.as_ref(), session(&s), 1).pending];
    counts.push(record(store.as_ref(), session(&s), 1).pending);
    let mut s = s;
    for choice in ["probe", "praise", "invite"] {
        s = s.reduce(Action::Choose { choice: choice.into(), now: 10 }).reduce(Action::Continue);
        counts.push(record(store.as_ref(), session(&s), 11).pending);
    }
    assert!(session(&s).is_finished());
    // A step adds its answer; the last one also completion and pass/fail; recording twice adds nothing.
    assert_eq!(counts, vec![1, 1, 2, 3, 6]);

    let list = queued(store.as_ref());
    let verbs: Vec<&str> = list.iter().map(verb).collect();
    let pass = passed(&session(&s).loaded().pack, Debrief::of(session(&s)).percent).unwrap();
    let last = if pass { "passed" } else { "failed" };
    assert_eq!(verbs, vec!["launched", "answered", "answered", "answered", "completed", last]);
    let responses: Vec<&str> = list
        .iter()
        .filter(|x| verb(x) == "answered")
        .map(|x| x["result"]["response"].as_str().unwrap())
        .collect();
    assert_eq!(responses, vec!["probe", "praise", "invite"]);
    for x in &list {
        assert_eq!(x["actor"]["account"]["name"], "2023001");
        assert_eq!(x["actor"]["account"]["homePage"], "https://school.example");
    }
    let percent = Debrief::of(session(&s)).percent;
    assert_eq!(list[4]["result"]["score"]["scaled"].as_f64().unwrap(), f64::from(percent) / 100.0);

    // Once the LRS took them, recording the same play again queues nothing.
    let Loaded::Found(mut q) = Queue::load(store.as_ref(), 12).unwrap() else { panic!("queue stored") };
    let ids: Vec<String> = q.entries.iter().map(|e| e.id.clone()).collect();
    q.apply(&ids, &Delivery::Sent, 12);
    q.save(store.as_ref()).unwrap();
    let after = record(store.as_ref(), session(&s), 13);
    assert_eq!((after.configured, after.pending, after.error.as_str()), (true, 0, ""));
    assert_eq!(status(store.as_ref(), 14), after);
}

#[test]
fn without_a_student_nothing_is_queued_and_the_status_says_why() {
    let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
    configure(store.as_ref());
    let pack = testing::load("sample.toml", testing::SAMPLE);
    let s = app(store.clone(), pack).reduce(Action::Open { pack_id: "sample".into(), seed: 7, now: 1 });
    let st = record(store.as_ref(), session(&s), 2);
    assert!(st.configured);
    assert_eq!(st.pending, 0);
    assert!(st.error.contains("学号"), "{}", st.error);
    assert!(queued(store.as_ref()).is_empty());
}

#[test]
fn a_scorm_launch_resumes_from_suspend_data_without_asking() {
    let pack = testing::load("sample.toml", testing::SAMPLE);
    let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
    let s =
        app(store.clone(), pack.clone()).reduce(Action::Open { pack_id: "sample".into(), seed: 7, now: 1 });
    let s = s.reduce(Action::Choose { choice: "probe".into(), now: 2 }).reduce(Action::Continue);
    let data = scorm::encode(&pack, session(&s).play()).unwrap();

    // Another browser (an empty store): the LMS's data is all there is.
    let launch = |store: Rc<dyn Store>, suspend: Option<String>, pack_id: &str| {
        app(store, pack.clone()).reduce(Action::Launch { pack_id: pack_id.into(), suspend, seed: 99, now: 5 })
    };
    let r = launch(Rc::new(MemoryStore::new()), Some(data.clone()), "sample");
    assert_eq!(session(&r).play(), session(&s).play(), "the same play, not a new one");
    assert_eq!(node(&r).as_deref(), Some("offer"));
    assert!(r.notices.is_empty());

    // A fresh attempt, and damaged data: a new play (the damaged case says so).
    let fresh = launch(Rc::new(MemoryStore::new()), None, "sample");
    assert_eq!((session(&fresh).play().seed, session(&fresh).play().answers.len()), (99, 0));
    assert!(fresh.notices.is_empty());
    let damaged = launch(Rc::new(MemoryStore::new()), Some(format!("x{data}")), "sample");
    assert_eq!(session(&damaged).play().answers.len(), 0);
    assert_eq!(damaged.notices.len(), 1, "{:?}", damaged.notices);
    let unknown = launch(Rc::new(MemoryStore::new()), None, "nope");
    assert!(matches!(unknown.screen, Screen::Idle));
    assert!(unknown.notices[0].contains("nope"));

    // A finished play relaunches on its debrief.
    let done = s.reduce(Action::Choose { choice: "praise".into(), now: 3 }).reduce(Action::Continue);
    let done = done.reduce(Action::Choose { choice: "invite".into(), now: 4 });
    let data = scorm::encode(&pack, session(&done).play()).unwrap();
    let again = launch(Rc::new(MemoryStore::new()), Some(data), "sample");
    assert!(session(&again).is_finished());
}

#[test]
fn the_sync_records_stored_plays_that_moved_since_the_lrs_was_set_up() {
    use kefu_sim::ui::lms::xapi_sync::{due_plays, forget_since, since};
    let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
    let pack = testing::load("sample.toml", testing::SAMPLE);
    let saves = Rc::new(Saves::new(store.clone()));
    let state = Rc::new(AppState::with_packs(vec![pack.clone()], saves.clone()));

    // A play finished at 30 (before the LRS was set up at 40), then one in progress at 50.
    let mut s = state.reduce(Action::Open { pack_id: "sample".into(), seed: 7, now: 1 });
    for (choice, at) in [("probe", 10), ("praise", 20), ("invite", 30)] {
        s = s.reduce(Action::Choose { choice: choice.into(), now: at }).reduce(Action::Continue);
    }
    assert!(session(&s).is_finished());
    let old_key = format!("kefu-sim/history/{}", s.finished_key.clone().expect("saved in the history"));
    assert_eq!(since(store.as_ref(), 40), 40, "the start is stored when missing");
    assert_eq!(since(store.as_ref(), 99), 40, "and kept");
    let s = s
        .reduce(Action::Again { seed: 7, now: 45 })
        .reduce(Action::Choose { choice: "probe".into(), now: 50 });
    let due = due_plays(&saves, 40, &[], 60, &mut vec![]);
    assert_eq!(due.len(), 1, "only the play that moved since");
    assert_eq!((due[0].0.as_deref(), &due[0].1), (None, session(&s).play()));

    // Finished after the start: listed with its key until this page recorded it.
    let s = s.reduce(Action::Continue).reduce(Action::Choose { choice: "praise".into(), now: 51 });
    let s = s.reduce(Action::Continue).reduce(Action::Choose { choice: "invite".into(), now: 52 });
    let key = format!("kefu-sim/history/{}", s.finished_key.clone().unwrap());
    let due = due_plays(&saves, 40, &[], 60, &mut vec![]);
    assert_eq!(due.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>(), vec![Some(key.clone())]);
    assert!(due_plays(&saves, 40, &[key], 60, &mut vec![]).is_empty());

    // Switched off and on again: the old plays stay unsent.
    forget_since(store.as_ref());
    assert_eq!(since(store.as_ref(), 70), 70);
    assert!(due_plays(&saves, 70, &[], 80, &mut vec![]).is_empty());
    assert!(due_plays(&saves, 0, &[], 80, &mut vec![])
        .iter()
        .any(|(k, _)| k.as_deref() == Some(old_key.as_str())));
}

#[test]
fn the_sync_reports_a_damaged_play_once_and_sets_it_aside_once() {
    use kefu_sim::ui::lms::xapi_sync::due_plays;
    let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
    store.set("kefu-sim/history/000000000000042-sample-7", "{damaged").unwrap();
    let saves = Saves::new(store.clone());
    let mut notices = vec![];
    assert!(due_plays(&saves, 0, &[], 60, &mut notices).is_empty());
    assert!(due_plays(&saves, 0, &[], 70, &mut notices).is_empty());
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(store.keys("kefu-sim/recovery/").unwrap().len(), 1);
}

#[test]
fn an_unreadable_or_newer_queue_is_never_replaced_by_an_empty_one() {
    use kefu_core::results::xapi::queue::QUEUE_KEY;
    let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
    configure(store.as_ref());
    Student::new("张三", "2023001").unwrap().save(store.as_ref()).unwrap();
    let newer = r#"{"schema":9,"data":{"entries":[{"id":"x","statement":"{}","future":1}]}}"#;
    store.set(QUEUE_KEY, newer).unwrap();
    let pack = testing::load("sample.toml", testing::SAMPLE);
    let s = app(store.clone(), pack).reduce(Action::Open { pack_id: "sample".into(), seed: 7, now: 1 });
    for now in 2..5 {
        let st = record(store.as_ref(), session(&s), now);
        assert!(st.error.contains("无法读取"), "{st:?}");
        assert_eq!(st.pending, 0);
    }
    kefu_sim::ui::lms::xapi_send::wake(store.as_ref(), 9);
    assert_eq!(store.get(QUEUE_KEY).unwrap().as_deref(), Some(newer), "left as it was");
    assert_eq!(store.keys("kefu-sim/recovery/").unwrap().len(), 1, "copied once");
}

#[test]
fn a_finished_play_recorded_for_good_stays_done_after_a_reload() {
    use kefu_sim::ui::lms::xapi_record::{done, record_play};
    use kefu_sim::ui::lms::xapi_sync::due_plays;
    let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
    configure(store.as_ref());
    Student::new("张三", "2023001").unwrap().save(store.as_ref()).unwrap();
    let pack = testing::load("sample.toml", testing::SAMPLE);
    let saves = Rc::new(Saves::new(store.clone()));
    let mut s = Rc::new(AppState::with_packs(vec![pack], saves.clone())).reduce(Action::Open {
        pack_id: "sample".into(),
        seed: 7,
        now: 1,
    });
    for (choice, at) in [("probe", 10), ("praise", 20), ("invite", 30)] {
        s = s.reduce(Action::Choose { choice: choice.into(), now: at }).reduce(Action::Continue);
    }
    let key = format!("kefu-sim/history/{}", s.finished_key.clone().unwrap());
    assert_eq!(due_plays(&saves, 0, &done(store.as_ref(), 40), 40, &mut vec![]).len(), 1);
    let st = record_play(store.as_ref(), session(&s), Some(&key), 40);
    assert!(st.error.is_empty() && st.pending > 0, "{st:?}");
    // A new page load reads the done list back from storage: nothing is due again.
    assert_eq!(done(store.as_ref(), 50), vec![key]);
    assert!(due_plays(&saves, 0, &done(store.as_ref(), 50), 50, &mut vec![]).is_empty());
}
