//! A finished role-play's CRM writes, on their way into the student's own CRM (the one the crm
//! app at `crm/` shows). During a play the writes go to a workspace of the play's own (so replay
//! is deterministic). When the play ends the student app only queues them — one small JSON
//! document per play under [`INBOX_PREFIX`] — because opening and saving the stored CRM would put
//! the whole storage layer into the student's first download. [`CrmStore::open`] runs queued
//! plays through the same checked workspace methods, all of a play or none of it, and its next
//! successful `save` removes them from the queue; a play the CRM refuses stays queued and is
//! reported.
//!
//! Applying is idempotent: the log entries of a queued play carry its id in their reason
//! (`角色扮演「…」· <id>`), and a play whose id is already in the log is not applied again — so a
//! failure between writing the log and removing the queued document (or two tabs opening the CRM)
//! never puts a play in twice; the document is just removed at the next save.
//!
//! [`CrmStore::open`]: super::persist::CrmStore::open

use serde::{Deserialize, Serialize};

use super::effect::{Bindings, CrmEffect};
use super::workspace::Workspace;
use crate::storage::{Store, StoreError};

/// Where queued plays wait (inside the CRM's prefix, so they count in its stored size).
pub const INBOX_PREFIX: &str = "kefu-sim/crm/inbox/";

/// One finished play's writes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlayRecord {
    /// Which play (e.g. `apple-seller/7/1700000000000`: pack, seed, start); empty in documents
    /// queued before ids existed, which then go by their queue key.
    #[serde(default)]
    pub id: String,
    /// For the audit log, e.g. "角色扮演「卖苹果的三个商贩」".
    pub reason: String,
    /// When the play finished (ms); the writes are logged at this time.
    pub at: i64,
    pub effects: Vec<CrmEffect>,
}

/// Queues `record`; returns its key. Nothing is queued for a play without writes.
pub fn queue_play(store: &dyn Store, record: &PlayRecord) -> Result<Option<String>, StoreError> {
    if record.effects.is_empty() {
        return Ok(None);
    }
    let base = format!("{INBOX_PREFIX}{:013}", record.at.max(0));
    let mut key = base.clone();
    let mut n = 1;
    while store.get(&key)?.is_some() {
        key = format!("{base}-{n}");
        n += 1;
    }
    let text = serde_json::to_string(record).map_err(|e| StoreError::Unavailable(e.to_string()))?;
    store.set(&key, &text)?;
    Ok(Some(key))
}

/// The reason a queued play's log entries carry: its own reason and its id.
pub fn logged_reason(reason: &str, id: &str) -> String {
    format!("{reason} · {id}")
}

/// Applies every queued play to `ws`, oldest first. Returns the keys applied and, for each play
/// that could not be, its key and the reason (it stays queued; nothing of it is applied).
pub fn apply_queued(store: &dyn Store, ws: &mut Workspace) -> (Vec<String>, Vec<(String, String)>) {
    let (mut done, mut refused) = (Vec::new(), Vec::new());
    let mut keys = store.keys(INBOX_PREFIX).unwrap_or_default();
    crate::util::order::sort_by(&mut keys, |a, b| a.cmp(b));
    for key in keys {
        let record = match store.get(&key) {
            Ok(Some(text)) => serde_json::from_str::<PlayRecord>(&text).map_err(|e| format!("无法读取:{e}")),
            Ok(None) => continue,
            Err(e) => Err(e.to_string()),
        };
        let applied = record.and_then(|r| {
            let id = if r.id.is_empty() { &key[INBOX_PREFIX.len()..] } else { r.id.as_str() };
            let reason = logged_reason(&r.reason, id);
            if ws.log().iter().any(|e| e.reason == reason) {
                // In the log already (stored, but the queue entry was not removed): only drop it.
                return Ok(None);
            }
            let mut next = ws.clone();
            let mut bindings = Bindings::default();
            for e in &r.effects {
                e.apply(&mut next, &mut bindings, r.at, &reason).map_err(|err| err.to_string())?;
            }
            Ok(Some(next))
        });
        match applied {
            Ok(next) => {
                if let Some(next) = next {
                    *ws = next;
                }
                done.push(key);
            }
            Err(reason) => refused.push((key, reason)),
        }
    }
    (done, refused)
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use indexmap::IndexMap;

    use super::*;
    use crate::crm::persist::{CrmNotice, CrmStore};
    use crate::crm::{Field, Kind, State};
    use crate::storage::memory::MemoryStore;

    fn create(name: &str) -> CrmEffect {
        let fields: IndexMap<Field, String> = [(Field::Name, name.to_string())].into_iter().collect();
        CrmEffect::Create { customer: "lady".into(), kind: Kind::Individual, fields }
    }

    fn record(at: i64, effects: Vec<CrmEffect>) -> PlayRecord {
        PlayRecord {
            reason: "角色扮演「卖苹果的三个商贩」".into(), at, effects, ..Default::default()
        }
    }

    #[test]
    fn a_queued_play_joins_the_crm_once() {
        let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
        let moved = CrmEffect::MoveState { customer: "lady".into(), to: State::Actual };
        let key = queue_play(store.as_ref(), &record(5, vec![create("老太太"), moved])).unwrap().unwrap();
        let again = queue_play(store.as_ref(), &record(5, vec![create("老太太")])).unwrap().unwrap();
        assert_ne!(key, again, "two plays finished in the same millisecond keep both");
        assert_eq!(queue_play(store.as_ref(), &record(6, vec![])).unwrap(), None);

        let (mut repo, ws, notices) = CrmStore::open(store.clone(), 10);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(repo.queued(), 2);
        assert_eq!(ws.customers().len(), 2);
        assert_eq!(ws.customers()[0].state, State::Actual);
        assert!(ws.log().iter().all(|e| e.reason.is_empty() || e.reason.contains("卖苹果")));
        repo.save(&ws).unwrap();
        assert!(store.keys(INBOX_PREFIX).unwrap().is_empty(), "saved plays leave the queue");
        assert_eq!(repo.queued(), 0);
        let (_, reopened, _) = CrmStore::open(store, 11);
        assert_eq!(reopened, ws, "applied exactly once");
    }

    #[test]
    fn a_play_stored_but_still_queued_is_not_applied_twice() {
        let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
        let key = queue_play(store.as_ref(), &record(5, vec![create("老太太")])).unwrap().unwrap();
        let text = store.get(&key).unwrap().unwrap();
        let (mut repo, ws, _) = CrmStore::open(store.clone(), 10);
        repo.save(&ws).unwrap();
        // The chunk was written but removing the queued document failed: it is still there.
        store.set(&key, &text).unwrap();
        let (mut repo, again, notices) = CrmStore::open(store.clone(), 11);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(again.customers().len(), 1, "the play is in once");
        assert_eq!(again, ws);
        repo.save(&again).unwrap();
        assert!(store.keys(INBOX_PREFIX).unwrap().is_empty(), "and the stale entry is dropped");
        // Two different plays with the same reason and time are both applied.
        queue_play(store.as_ref(), &PlayRecord { id: "p/1/5".into(), ..record(5, vec![create("甲")]) })
            .unwrap();
        queue_play(store.as_ref(), &PlayRecord { id: "p/2/5".into(), ..record(5, vec![create("乙")]) })
            .unwrap();
        let (_, both, _) = CrmStore::open(store, 12);
        assert_eq!(both.customers().len(), 3);
    }

    #[test]
    fn a_play_the_crm_refuses_stays_queued_and_is_reported() {
        let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
        // Potential straight to loyal is not an allowed move: none of the play is applied.
        let loyal = CrmEffect::MoveState { customer: "lady".into(), to: State::Loyal };
        queue_play(store.as_ref(), &record(5, vec![create("王老师"), loyal])).unwrap();
        let (mut repo, ws, notices) = CrmStore::open(store.clone(), 10);
        assert!(ws.customers().is_empty());
        assert!(matches!(&notices[..], [CrmNotice::Queued { .. }]), "{notices:?}");
        assert!(notices[0].to_string().contains("没有写入客户管理"));
        repo.save(&ws).unwrap();
        assert_eq!(store.keys(INBOX_PREFIX).unwrap().len(), 1, "kept for the user to see");
    }
}
