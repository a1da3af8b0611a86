//! The app's reducer over a real store: resume after a "reload" (a new state on the same store),
//! history on finishing, and the bad cases — full storage, corrupt saves, a pack that changed.

use kefu_core::testing;

use std::rc::Rc;

use kefu_core::engine::Saves;
use kefu_core::engine::{Current, LoadedPack};
use kefu_core::storage::{MemoryStore, Store};
use kefu_sim::ui::student::state::{Action, AppState, Screen};
use yew::Reducible;

fn app(store: Rc<dyn Store>, pack: Rc<LoadedPack>) -> Rc<AppState> {
    Rc::new(AppState::with_packs(vec![pack], Rc::new(Saves::new(store))))
}

fn node(s: &AppState) -> Option<String> {
    match &s.screen {
        Screen::Playing { session, .. } => match session.current() {
            Current::Choose { node, .. } => Some(node.id.clone()),
            Current::Exercise { activity, .. } => Some(activity.id.clone()),
            Current::Finished => None,
        },
        _ => None,
    }
}

fn open(s: Rc<AppState>) -> Rc<AppState> {
    s.reduce(Action::Open { pack_id: "sample".into(), seed: 7, now: 1 })
}

#[test]
fn a_reload_mid_play_offers_to_resume_at_the_same_node() {
    let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
    let pack = testing::load("sample.toml", testing::SAMPLE);
    let s = open(app(store.clone(), pack.clone()));
    let s = s.reduce(Action::Choose { choice: "probe".into(), now: 2 });
    assert!(matches!(&s.screen, Screen::Playing { feedback: Some(_), .. }));
    let s = s.reduce(Action::Continue);
    let here = node(&s).unwrap();
    assert_eq!(here, "offer");

    // "Reload": a fresh app state on the same store.
    let s2 = open(app(store.clone(), pack.clone()));
    assert!(matches!(&s2.screen, Screen::AskResume { play, .. } if play.answers.len() == 1));
    let s2 = s2.reduce(Action::Resume { now: 3 });
    assert_eq!(node(&s2).as_deref(), Some("offer"));

    // Finishing writes the history and drops the progress.
    let s2 = s2.reduce(Action::Choose { choice: "praise".into(), now: 4 });
    let s2 = s2.reduce(Action::Continue);
    let s2 = s2.reduce(Action::Choose { choice: "invite".into(), now: 5 });
    assert!(matches!(&s2.screen, Screen::Playing { session, .. } if session.is_finished()));
    let saves = Saves::new(store.clone());
    let mut notices = vec![];
    let history = saves.history(6, &mut notices);
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].1.play.answers.len(), 3);
    assert!(saves.unfinished().is_empty());
    assert!(notices.is_empty());
    // A new open starts fresh, no resume question.
    assert!(matches!(open(app(store, pack)).screen, Screen::Playing { .. }));
}

#[test]
fn a_full_store_keeps_the_play_going_and_says_so() {
    let pack = testing::load("sample.toml", testing::SAMPLE);
    let store: Rc<dyn Store> = Rc::new(MemoryStore::with_quota(50));
    let s = open(app(store.clone(), pack));
    let s = s.reduce(Action::Choose { choice: "probe".into(), now: 2 });
    assert_eq!(s.notices.len(), 1, "{:?}", s.notices);
    assert!(s.notices[0].contains("存储空间已满"));
    assert!(matches!(&s.screen, Screen::Playing { feedback: Some(_), .. }));
    assert!(store.keys("").unwrap().is_empty());
}

#[test]
fn corrupt_progress_is_backed_up_and_a_new_play_starts() {
    let pack = testing::load("sample.toml", testing::SAMPLE);
    let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
    store.set("kefu-sim/progress/sample", "{\"schema\":1,\"data\":{\"play\":42}}").unwrap();
    let s = open(app(store.clone(), pack));
    assert!(matches!(s.screen, Screen::Playing { .. }));
    assert_eq!(s.notices.len(), 1);
    assert!(s.notices[0].contains("已备份"), "{}", s.notices[0]);
    let backups = store.keys("kefu-sim/recovery/").unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(store.get(&backups[0]).unwrap().unwrap(), "{\"schema\":1,\"data\":{\"play\":42}}");
}

#[test]
fn progress_on_a_changed_pack_is_refused_then_set_aside() {
    let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
    let old = testing::load("sample.toml", testing::SAMPLE);
    let s = open(app(store.clone(), old));
    let _ = s.reduce(Action::Choose { choice: "probe".into(), now: 2 });
    let new = testing::load("sample.toml", &testing::SAMPLE.replace("我要酸的。", "我想要酸的。"));
    let s = open(app(store.clone(), new)).reduce(Action::Resume { now: 3 });
    let Screen::Broken { message, .. } = &s.screen else { panic!("a changed pack must not resume") };
    assert!(message.contains("内容不同"), "{message}");
    let s = s.reduce(Action::Restart { seed: 9, now: 4 });
    assert!(matches!(&s.screen, Screen::Playing { session, .. } if session.play().answers.is_empty()));
    let aside = store.keys("kefu-sim/recovery/").unwrap();
    assert_eq!(aside, vec!["kefu-sim/recovery/4/kefu-sim/progress/sample".to_string()]);
    assert!(store.get("kefu-sim/progress/sample").unwrap().is_none());
}

#[test]
fn an_unbackupable_corrupt_value_is_never_overwritten() {
    let pack = testing::load("sample.toml", testing::SAMPLE);
    let corrupt = "x".repeat(60);
    let mem = MemoryStore::with_quota(60 + "kefu-sim/progress/sample".len() + 5);
    mem.set("kefu-sim/progress/sample", &corrupt).unwrap();
    let store: Rc<dyn Store> = Rc::new(mem);
    let s = open(app(store.clone(), pack));
    assert!(s.notices[0].contains("暂不写入"), "{:?}", s.notices);
    let s = s.reduce(Action::Choose { choice: "probe".into(), now: 2 });
    assert_eq!(store.get("kefu-sim/progress/sample").unwrap().unwrap(), corrupt);
    assert_eq!(s.notices.len(), 2);
}
