//! Storage faults: damaged values are set aside exactly once and reported; nothing is lost or
//! duplicated by reading.

use std::rc::Rc;

use kefu_core::engine::saves::HISTORY;
use kefu_core::engine::Saves;
use kefu_core::storage::memory::MemoryStore;
use kefu_core::storage::versioned::RECOVERY_PREFIX;
use kefu_core::storage::{Notice, Store};

#[test]
fn a_damaged_finished_play_is_moved_to_recovery_once_and_reported_once() {
    let store = Rc::new(MemoryStore::new());
    let key = format!("{HISTORY}000000000000042-sample-7");
    store.set(&key, "{\"schema\":1,\"data\":{broken").unwrap();
    let saves = Saves::new(store.clone());
    let mut reported = vec![];
    for now in [100, 200, 300] {
        let mut notices = vec![];
        assert!(saves.history(now, &mut notices).is_empty());
        reported.push(notices);
    }
    let recovered: Vec<String> = store.keys(RECOVERY_PREFIX).unwrap();
    assert_eq!(recovered, vec![format!("{RECOVERY_PREFIX}100/{key}")], "one copy, however often it is read");
    assert_eq!(store.get(&recovered[0]).unwrap().as_deref(), Some("{\"schema\":1,\"data\":{broken"));
    assert_eq!(store.get(&key).unwrap(), None, "moved, not copied");
    assert!(matches!(reported[0].as_slice(), [Notice::Recovered { .. }]), "{:?}", reported[0]);
    assert!(reported[1].is_empty() && reported[2].is_empty());
}

#[test]
fn damaged_progress_is_moved_too() {
    let store = Rc::new(MemoryStore::new());
    let key = Saves::progress_key("sample");
    store.set(&key, "not json").unwrap();
    let saves = Saves::new(store.clone());
    let mut notices = vec![];
    assert_eq!(saves.progress("sample", 5, &mut notices), None);
    assert_eq!(saves.progress("sample", 6, &mut notices), None);
    assert_eq!(notices.len(), 1);
    assert_eq!(store.keys(RECOVERY_PREFIX).unwrap().len(), 1);
}

#[test]
fn crm_imports_over_20_mb_are_refused_before_parsing() {
    use kefu_core::crm::{import::MAX_IMPORT_BYTES, preview_csv, preview_json, Workspace};
    let ws = Workspace::new();
    let mut csv = "名称,电话\n".to_string();
    while csv.len() <= MAX_IMPORT_BYTES {
        csv.push_str("王老师,13800000000\n");
    }
    for p in [
        preview_csv(&ws, csv.as_bytes()),
        preview_json(&ws, &format!("[{}]", "{}".repeat(MAX_IMPORT_BYTES / 2))),
    ] {
        assert!(p.rows.is_empty());
        assert_eq!(p.errors.len(), 1, "one clear message, not a row per line");
        assert!(p.errors[0].reason.contains("20 MB"), "{}", p.errors[0].reason);
    }
    // Just under the cap is read.
    assert!(!preview_csv(&ws, "名称,电话\n王老师,13800000000\n".as_bytes()).rows.is_empty());
}
