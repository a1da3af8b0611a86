//! Customer states of seed 004 (客户的状态及流转): 潜在, 目标, 现实, 忠诚, 流失 and 非客户. The
//! allowed moves between them are in `lifecycle.rs`.

use serde::{Deserialize, Serialize};

vocabulary! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum State {
        /// 潜在客户: has a need and a motive, may buy, has not bought yet.
        #[default]
        Potential = "潜在客户",
        /// 目标客户: chosen by the company to be developed into a buying customer.
        Target = "目标客户",
        /// 现实客户: has bought.
        Actual = "现实客户",
        /// 忠诚客户: buys again and again, on purpose.
        Loyal = "忠诚客户",
        /// 流失客户: was a customer, no longer buys.
        Lost = "流失客户",
        /// 非客户: unrelated, hostile, or unable to buy.
        NonCustomer = "非客户",
    }
}

impl State {
    pub fn index(self) -> usize {
        self as usize
    }

    /// Parses a label (`潜在客户`), its short form (`潜在`) or the ASCII key (`potential`).
    pub fn parse(text: &str) -> Result<State, String> {
        let t = text.trim();
        State::ALL
            .into_iter()
            .find(|s| t == s.label() || t == s.short_label() || t.eq_ignore_ascii_case(s.key()))
            .ok_or_else(|| {
                format!("「{t}」不是客户状态:应为潜在客户、目标客户、现实客户、忠诚客户、流失客户或非客户")
            })
    }

    pub fn key(self) -> &'static str {
        match self {
            State::Potential => "potential",
            State::Target => "target",
            State::Actual => "actual",
            State::Loyal => "loyal",
            State::Lost => "lost",
            State::NonCustomer => "non_customer",
        }
    }
}

/// A set of states as a bit mask (for filters: tested per customer per keystroke).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StateSet(u8);

impl StateSet {
    /// The empty set; a filter treats it as "any state".
    pub const EMPTY: StateSet = StateSet(0);

    pub fn of(states: &[State]) -> StateSet {
        StateSet(states.iter().fold(0, |m, s| m | 1 << s.index()))
    }

    pub fn with(self, s: State) -> StateSet {
        StateSet(self.0 | 1 << s.index())
    }

    pub fn contains(self, s: State) -> bool {
        self.0 & 1 << s.index() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_labels_short_labels_and_keys() {
        for s in State::ALL {
            assert_eq!(State::parse(s.label()), Ok(s));
            assert_eq!(State::parse(s.short_label()), Ok(s));
            assert_eq!(State::parse(&s.key().to_uppercase()), Ok(s));
        }
        assert!(State::parse("老客户").unwrap_err().contains("不是客户状态"));
    }

    #[test]
    fn state_sets() {
        let set = StateSet::of(&[State::Loyal, State::Lost]);
        assert!(set.contains(State::Loyal) && set.contains(State::Lost));
        assert!(!set.contains(State::Potential));
        assert!(StateSet::EMPTY.is_empty());
        assert!(StateSet::EMPTY.with(State::Target).contains(State::Target));
    }
}
