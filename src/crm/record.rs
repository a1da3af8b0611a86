//! A finished role-play's CRM writes, copied into the student's own CRM (the one the crm app at
//! `crm/` shows). During the play the writes go to a workspace of the play's own (so replay is
//! deterministic); when the play ends the same effects run again, through the same checked
//! workspace methods, on the stored workspace, and it is saved. All or nothing: if any write is
//! refused or the stored CRM needs repair first, nothing is written and the reason is returned.

use std::rc::Rc;

use super::effect::{Bindings, CrmEffect};
use super::persist::CrmStore;
use crate::storage::Store;

/// Runs `effects` on the CRM stored in `store` at time `now`, logging `reason` (e.g.
/// "角色扮演「卖苹果的三个商贩」"), and saves it. Returns the ids of the cards the play stands for.
pub fn record_play(
    store: Rc<dyn Store>,
    effects: &[CrmEffect],
    reason: &str,
    now: i64,
) -> Result<Vec<u32>, String> {
    if effects.is_empty() {
        return Ok(vec![]);
    }
    let (mut repo, ws, notices) = CrmStore::open(store, now);
    if repo.needs_repair() {
        let why: Vec<String> = notices.iter().map(|n| n.to_string()).collect();
        return Err(format!(
            "客户管理中的数据需要先修复(请打开「客户管理」处理),本次练习的客户资料没有写入。{}",
            why.join(" ")
        ));
    }
    let mut next = ws.clone();
    let mut bindings = Bindings::default();
    for e in effects {
        e.apply(&mut next, &mut bindings, now, reason)
            .map_err(|err| format!("本次练习的客户资料没有写入:{err}"))?;
    }
    repo.save(&next).map_err(|n| format!("本次练习的客户资料没有写入:{n}"))?;
    Ok(bindings.0.values().copied().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crm::{Field, Kind, State};
    use crate::storage::memory::MemoryStore;
    use indexmap::IndexMap;

    fn create(name: &str) -> CrmEffect {
        let fields: IndexMap<Field, String> = [(Field::Name, name.to_string())].into_iter().collect();
        CrmEffect::Create { customer: "lady".into(), kind: Kind::Individual, fields }
    }

    #[test]
    fn writes_reach_the_stored_crm_and_refusals_write_nothing() {
        let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
        let ok = [create("老太太"), CrmEffect::MoveState { customer: "lady".into(), to: State::Actual }];
        let ids = record_play(store.clone(), &ok, "角色扮演「卖苹果的三个商贩」", 5).unwrap();
        let (_, ws, _) = CrmStore::open(store.clone(), 6);
        let card = ws.customer(ids[0]).unwrap();
        assert_eq!((card.name.as_str(), card.state), ("老太太", State::Actual));
        assert!(ws.history_of(ids[0]).all(|e| e.reason.contains("卖苹果") || e.reason.is_empty()));

        // Loyal straight from potential is refused by the lifecycle: the whole play is left out.
        let bad = [create("王老师"), CrmEffect::MoveState { customer: "lady".into(), to: State::Loyal }];
        let err = record_play(store.clone(), &bad, "r", 7).unwrap_err();
        assert!(err.contains("没有写入"), "{err}");
        let (_, after, _) = CrmStore::open(store, 8);
        assert_eq!(after.customers().len(), 1);
    }
}
