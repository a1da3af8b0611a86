//! Browser tests (headless Chromium, wasm-bindgen-test): the CRM's storage in the real
//! `localStorage` — saved and reopened, a damaged chunk copied to a recovery key and reported
//! while the rest is read, and a save that exceeds the quota reported without losing what was
//! stored before. Through the app's reducer, as the UI uses it.

use std::rc::Rc;

use kefu_core::crm::persist::{chunk_key, CHUNK};
use kefu_core::crm::{Customer, Field, Kind, State, Workspace};
use kefu_core::storage::Store;
use kefu_sim::ui::crm::state::{Action, CrmState};
use kefu_sim::ui::local_store::LocalStore;
use wasm_bindgen_test::*;
use yew::Reducible;

fn clear() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
}

fn store() -> Rc<dyn Store> {
    Rc::new(LocalStore)
}

fn create(s: Rc<CrmState>, name: &str, now: i64) -> Rc<CrmState> {
    let card =
        Customer { phone: format!("1380013{:04}", now % 10_000), ..Customer::new(Kind::Individual, name) };
    s.reduce(Action::Create { card: Box::new(card), now })
}

#[wasm_bindgen_test]
fn saved_customers_are_there_after_reopening() {
    clear();
    let s = Rc::new(CrmState::open(store(), 1));
    let s = create(s, "王阿姨", 2);
    let s =
        s.reduce(Action::SetField { id: 1, field: Field::Needs, text: "每天一瓶鲜奶".into(), now: 3 });
    let s = s.reduce(Action::Move { id: 1, to: State::Target, reason: "需求明确".into(), now: 4 });
    assert!(s.notices.is_empty(), "{:?}", s.notices);
    assert!(LocalStore.get(&chunk_key(0)).unwrap().is_some(), "written to local storage");

    let again = CrmState::open(store(), 5);
    assert!(again.notices.is_empty() && !again.needs_repair);
    assert_eq!(*again.ws(), *s.ws(), "the reopened workspace is the saved one");
    let c = again.ws().customer(1).cloned().unwrap();
    assert_eq!((c.name.as_str(), c.needs.as_str(), c.state), ("王阿姨", "每天一瓶鲜奶", State::Target));
    clear();
}

#[wasm_bindgen_test]
fn a_damaged_chunk_is_backed_up_reported_and_the_rest_is_read() {
    clear();
    // More than one chunk: the first is full and stays readable.
    let mut ws = Workspace::new();
    for i in 0..CHUNK + 10 {
        ws.create(Customer::new(Kind::Individual, &format!("客户{i}")), i as i64, "").unwrap();
    }
    let (mut repo, _, _) = kefu_core::crm::CrmStore::open(store(), 0);
    repo.save(&ws).unwrap();
    let last = chunk_key(1);
    let broken = "{这不是 JSON";
    LocalStore.set(&last, broken).unwrap();

    let s = Rc::new(CrmState::open(store(), 777));
    assert!(s.needs_repair);
    assert_eq!(s.notices.len(), 1, "{:?}", s.notices);
    assert!(s.notices[0].contains(&last), "{}", s.notices[0]);
    assert_eq!(s.ws().customers().len(), CHUNK, "the readable chunk's customers are kept");
    let recovery = format!("kefu-sim/recovery/777/{last}");
    assert_eq!(LocalStore.get(&recovery).unwrap().as_deref(), Some(broken), "the damaged text is kept");

    // Until the user agrees, nothing is written over the damaged key.
    let s = create(s, "新客户", 800);
    assert_eq!(LocalStore.get(&last).unwrap().as_deref(), Some(broken));
    let s = s.reduce(Action::Repair);
    assert!(!s.needs_repair);
    let again = CrmState::open(store(), 900);
    assert!(again.notices.is_empty(), "{:?}", again.notices);
    assert_eq!(again.ws().customers().len(), CHUNK + 1);
    assert_eq!(LocalStore.get(&recovery).unwrap().as_deref(), Some(broken), "the backup outlives the repair");
    clear();
}

/// Fills local storage until a write is refused (Chromium allows about 5 M UTF-16 units per
/// origin); returns the filler keys.
fn fill_storage() -> Vec<String> {
    let mut keys = Vec::new();
    let mut size = 1 << 20;
    while size >= 64 {
        let key = format!("filler/{}", keys.len());
        if LocalStore.set(&key, &"x".repeat(size)).is_ok() {
            keys.push(key);
        } else {
            size /= 2;
        }
    }
    keys
}

#[wasm_bindgen_test]
fn a_save_over_the_quota_is_reported_and_nothing_is_lost() {
    clear();
    let s = create(Rc::new(CrmState::open(store(), 1)), "李老师", 2);
    let stored = LocalStore.get(&chunk_key(0)).unwrap();
    let filler = fill_storage();
    let needs = "想给学生订课间奶,需要学校同意".repeat(8);
    let s = s.reduce(Action::SetField { id: 1, field: Field::Needs, text: needs.clone(), now: 3 });
    assert_eq!(s.notices.len(), 1, "{:?}", s.notices);
    assert!(s.notices[0].contains("存储空间已满"), "{}", s.notices[0]);
    assert_eq!(s.ws().customer(1).unwrap().needs, needs, "the edit is kept in memory");
    assert_eq!(LocalStore.get(&chunk_key(0)).unwrap(), stored, "the stored chunk is unchanged");
    let again = CrmState::open(store(), 4);
    assert!(again.notices.is_empty());
    assert_eq!(again.ws().customer(1).unwrap().needs, "", "the previous save is intact");

    // Once there is room again, the next save writes everything that was pending.
    for k in filler {
        LocalStore.remove(&k).unwrap();
    }
    let s = s.reduce(Action::SetField { id: 1, field: Field::Note, text: "班主任".into(), now: 5 });
    let again = CrmState::open(store(), 6);
    assert!(again.notices.is_empty(), "{:?}", again.notices);
    assert_eq!(*again.ws(), *s.ws(), "nothing was lost");
    assert_eq!(again.ws().customer(1).unwrap().needs, needs);
    clear();
}
