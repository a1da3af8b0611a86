//! The CRM in a store: saving writes only the chunks that changed, reopening gives the same
//! workspace, damage is copied to recovery keys and costs at most a chunk, a full store keeps the
//! old data, and 10 000 customers fit the size budget.

use kefu_core::testing::crm_gen;

use std::cell::RefCell;
use std::rc::Rc;

use kefu_core::crm::persist::{chunk_key, CHUNK, LOG_PREFIX};
use kefu_core::crm::{CrmNotice, CrmStore, Field, Workspace};
use kefu_core::storage::{MemoryStore, Notice, Store, StoreError};

/// A store that records which keys were written.
struct Spy {
    inner: MemoryStore,
    writes: RefCell<Vec<String>>,
}

impl Store for Spy {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.writes.borrow_mut().push(key.to_string());
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }
    fn keys(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        self.inner.keys(prefix)
    }
}

fn spy() -> Rc<Spy> {
    Rc::new(Spy { inner: MemoryStore::new(), writes: RefCell::default() })
}

#[test]
fn save_and_reopen_in_chunks_writing_only_what_changed() {
    let store = spy();
    let mut ws = crm_gen::workspace(1500, 3);
    let n = ws.log().len();
    assert!(n > 2 * CHUNK);
    let (mut repo, empty, notices) = CrmStore::open(store.clone(), 0);
    assert!(empty.is_empty() && notices.is_empty());
    repo.save(&ws).unwrap();
    assert_eq!(store.writes.borrow().len(), n.div_ceil(CHUNK));

    let (_, again, notices) = CrmStore::open(store.clone(), 0);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(again, ws);

    store.writes.borrow_mut().clear();
    let id = ws.customers()[5].id;
    ws.set_field(id, Field::Needs, "换成七座车", 9, "").unwrap();
    repo.save(&ws).unwrap();
    assert_eq!(*store.writes.borrow(), vec![chunk_key(n / CHUNK)], "only the last chunk is rewritten");
    assert_eq!(CrmStore::open(store.clone(), 0).1, ws);
}

#[test]
fn a_corrupt_chunk_is_backed_up_costs_only_its_entries_and_needs_a_repair() {
    let store = Rc::new(MemoryStore::new());
    let ws = crm_gen::workspace(1500, 4);
    let (mut repo, _, _) = CrmStore::open(store.clone(), 0);
    repo.save(&ws).unwrap();
    store.set(&chunk_key(1), "{\"schema\":1,\"data\":[[1,2,\"c\"").unwrap();

    let (mut repo, damaged, notices) = CrmStore::open(store.clone(), 77);
    let recovered = notices.iter().find_map(|n| match n {
        CrmNotice::Storage(Notice::Recovered { recovery_key, .. }) => Some(recovery_key.clone()),
        _ => None,
    });
    let recovery_key = recovered.expect("the damaged chunk was copied");
    assert_eq!(store.get(&recovery_key).unwrap().as_deref(), Some("{\"schema\":1,\"data\":[[1,2,\"c\""));
    assert!(
        notices.iter().any(|n| matches!(n, CrmNotice::Skipped { .. })),
        "edits of lost cards are skipped: {notices:?}"
    );
    assert!(damaged.customers().len() >= 1500 - CHUNK && damaged.customers().len() < 1500);
    assert!(repo.needs_repair());
    assert!(repo.save(&damaged).is_err(), "nothing is written before the user agrees");
    assert_eq!(store.get(&chunk_key(1)).unwrap().as_deref(), Some("{\"schema\":1,\"data\":[[1,2,\"c\""));

    repo.repair(&damaged).unwrap();
    let (repo2, reopened, notices) = CrmStore::open(store.clone(), 78);
    assert!(notices.is_empty(), "{notices:?}");
    assert!(!repo2.needs_repair());
    assert_eq!(reopened, damaged);
    for notice in [CrmNotice::Gap { key: "k".into() }, CrmNotice::Skipped { entries: 3 }] {
        assert!(!notice.to_string().is_empty());
    }
}

#[test]
fn a_missing_chunk_is_a_gap() {
    let store = Rc::new(MemoryStore::new());
    let ws = crm_gen::workspace(1500, 5);
    let (mut repo, _, _) = CrmStore::open(store.clone(), 0);
    repo.save(&ws).unwrap();
    store.remove(&chunk_key(0)).unwrap();
    let (repo, _, notices) = CrmStore::open(store.clone(), 0);
    assert!(notices.contains(&CrmNotice::Gap { key: chunk_key(0) }), "{notices:?}");
    assert!(repo.needs_repair());
}

#[test]
fn a_full_store_keeps_what_was_saved() {
    let mut ws = Workspace::new();
    ws.load_sample(kefu_core::crm::SampleChoice::IfEmpty, 1).unwrap();
    let store = Rc::new(MemoryStore::with_quota(30_000));
    let (mut repo, _, _) = CrmStore::open(store.clone(), 0);
    repo.save(&ws).unwrap();
    let before = store.get(&chunk_key(0)).unwrap();
    for i in 0..300 {
        let id = ws.customers()[i % 12].id;
        ws.set_field(id, Field::Note, &format!("{}{i}", "很长的备注".repeat(20)), 2, "").unwrap();
    }
    let err = repo.save(&ws).unwrap_err();
    assert!(
        matches!(err, CrmNotice::Storage(Notice::SaveFailed { error: StoreError::Quota, .. })),
        "{err:?}"
    );
    assert!(err.to_string().contains("存储空间已满"));
    assert_eq!(store.get(&chunk_key(0)).unwrap(), before);
}

#[test]
fn unreadable_data_that_cannot_be_backed_up_is_never_overwritten() {
    let store = Rc::new(MemoryStore::with_quota(200));
    store
        .set(&chunk_key(0), "{not json at all, and long enough that its copy does not fit in the quota}")
        .unwrap();
    let (mut repo, ws, notices) = CrmStore::open(store.clone(), 5);
    assert!(matches!(&notices[0], CrmNotice::Storage(Notice::Untouchable { .. })), "{notices:?}");
    assert!(repo.repair(&ws).is_err());
    assert!(repo.save(&ws).is_err());
    assert!(store.get(&chunk_key(0)).unwrap().unwrap().starts_with("{not json"));
}

#[test]
fn ten_thousand_customers_fit_the_size_budget() {
    let store = Rc::new(MemoryStore::new());
    let ws = crm_gen::workspace(10_000, 2024);
    let (mut repo, _, _) = CrmStore::open(store.clone(), 0);
    repo.save(&ws).unwrap();
    let units = repo.used();
    assert_eq!(units, store.used());
    assert!(units <= 2_500_000, "{units} UTF-16 units");
    assert!(store.keys(LOG_PREFIX).unwrap().len() >= 10, "split across keys");
}

#[test]
fn two_tabs_never_overwrite_each_others_cards() {
    let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
    let (mut tab_a, mut ws_a, _) = CrmStore::open(store.clone(), 1);
    let (mut tab_b, mut ws_b, _) = CrmStore::open(store.clone(), 1);
    let mut cards = crm_gen::cards(2, 5);
    ws_a.create(cards.remove(0), 10, "").unwrap();
    tab_a.save(&ws_a).unwrap();
    ws_b.create(cards.remove(0), 11, "").unwrap();
    let refused = tab_b.save(&ws_b).unwrap_err();
    assert!(matches!(refused, CrmNotice::Conflict { stored: 1, expected: 0 }), "{refused:?}");
    assert!(refused.to_string().contains("另一个标签页"));
    let (_, reopened, _) = CrmStore::open(store, 12);
    assert_eq!(reopened, ws_a, "tab A's card is still there");
}
