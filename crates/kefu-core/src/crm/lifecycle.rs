//! Which state moves are allowed, derived from the definitions of seed 004 (the reasoning is
//! written out in docs/crm.md). A refused move carries a Chinese reason that quotes the
//! definition it breaks, so a student learns why.

use super::man::{Man, ManClass};
use super::state::State;

/// The states a customer in `from` may move to, in display order.
pub fn allowed_moves(from: State) -> &'static [State] {
    use State::*;
    match from {
        // 客户的开发 turns 目标客户 *and* 潜在客户 into 现实客户 (seed 004, 客户的开发), so a
        // potential customer may buy without having been targeted first.
        Potential => &[Target, Actual, NonCustomer],
        // A target can be dropped from the selection again (客户要用动态的眼光来评价).
        Target => &[Potential, Actual, NonCustomer],
        Actual => &[Loyal, Lost],
        // A loyal customer who stops buying on purpose but still buys is an ordinary one again.
        Loyal => &[Actual, Lost],
        // Lost customers are a source of targets (客户名录: 失去的客户) and may buy again.
        Lost => &[Target, Actual, NonCustomer],
        // Only re-qualifying (needs and means found again) brings a non-customer back.
        NonCustomer => &[Potential],
    }
}

/// Checks a move from `from` to `to` for a customer whose MAN assessment is `man`. `Err` holds
/// the reason shown to the user.
pub fn check_move(from: State, to: State, man: Option<Man>) -> Result<(), String> {
    use State::*;
    if from == to {
        return Err(format!("客户已经是{},无需变更", to.label()));
    }
    if to == Target && man.is_some_and(|m| m.class() == ManClass::NonCustomer) {
        return Err("MAN 评估为 m+a+n(非客户,停止接触),不能列为目标客户;请先重新评估 MAN".into());
    }
    if allowed_moves(from).contains(&to) {
        return Ok(());
    }
    Err(match (from, to) {
        (Potential | Target, Loyal) => {
            format!("忠诚客户是持续地、指向性地重复购买的客户,{}还没有购买过:应先成为现实客户", from.label())
        }
        (Potential | Target, Lost) => {
            format!("流失客户是曾经购买、现在不再购买的客户,{}从未购买过,不能记为流失", from.label())
        }
        (Actual | Loyal, Potential | Target) => {
            format!("{}已经购买过,不能退回{};若客户不再购买,应记为流失客户", from.label(), to.label())
        }
        (Actual | Loyal, NonCustomer) => {
            format!("{}已经购买过;若客户不再购买,应先记为流失客户", from.label())
        }
        (Lost, Loyal) => "流失客户需要重新购买(先成为现实客户),才可能成为忠诚客户".into(),
        (Lost, Potential) => {
            "流失客户曾经购买过,不是「还没有产生购买」的潜在客户;要重新开发,请列为目标客户".into()
        }
        (NonCustomer, _) => {
            format!("非客户不能直接变为{}:情况变化后,应先重新评估为潜在客户(用得着、买得起)", to.label())
        }
        _ => format!("不能从{}变为{}", from.label(), to.label()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use State::*;

    #[test]
    fn the_allowed_table_and_check_move_agree_for_every_pair() {
        for from in State::ALL {
            for to in State::ALL {
                let allowed = allowed_moves(from).contains(&to);
                assert_eq!(check_move(from, to, None).is_ok(), allowed, "{from:?} -> {to:?}");
                if !allowed {
                    let why = check_move(from, to, None).unwrap_err();
                    assert!(
                        !why.is_empty() && !why.contains("不能从"),
                        "{from:?}->{to:?} needs a specific reason"
                    );
                }
            }
        }
    }

    #[test]
    fn every_state_can_leave_and_every_state_but_one_can_be_reached() {
        for s in State::ALL {
            assert!(!allowed_moves(s).is_empty(), "{s:?} is a dead end");
            assert!(!allowed_moves(s).contains(&s));
        }
        let reachable: Vec<State> = State::ALL.iter().flat_map(|s| allowed_moves(*s)).copied().collect();
        for s in State::ALL {
            assert!(reachable.contains(&s), "{s:?} unreachable");
        }
    }

    #[test]
    fn buying_is_needed_before_loyalty_or_loss() {
        assert!(check_move(Potential, Loyal, None).unwrap_err().contains("重复购买"));
        assert!(check_move(Target, Lost, None).unwrap_err().contains("从未购买过"));
        assert!(check_move(Actual, Loyal, None).is_ok());
        assert!(check_move(Loyal, Lost, None).is_ok());
        assert!(check_move(Lost, Actual, None).is_ok());
    }

    #[test]
    fn an_m_a_n_customer_cannot_become_a_target() {
        let none = Man::new(false, false, false);
        assert!(check_move(Potential, Target, Some(none)).unwrap_err().contains("m+a+n"));
        assert!(check_move(Potential, Target, Some(Man::new(false, false, true))).is_ok());
        assert!(check_move(Potential, NonCustomer, Some(none)).is_ok());
    }

    #[test]
    fn same_state_is_refused() {
        assert!(check_move(Loyal, Loyal, None).unwrap_err().contains("已经是忠诚客户"));
    }
}
