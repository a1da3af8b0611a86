//! How many customers are in each lifecycle state and each MAN combination (the CRM's dashboard).

use super::customer::Customer;
use super::man::{Man, ManClass};
use super::state::State;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub total: usize,
    /// Indexed by [`State::index`].
    pub by_state: [usize; 6],
    /// Indexed by [`Man::index`].
    pub by_man: [usize; 8],
    pub unassessed: usize,
}

impl Counts {
    pub fn of<'a>(customers: impl IntoIterator<Item = &'a Customer>) -> Counts {
        let mut n = Counts::default();
        for c in customers {
            n.total += 1;
            n.by_state[c.state.index()] += 1;
            match c.man {
                Some(m) => n.by_man[m.index()] += 1,
                None => n.unassessed += 1,
            }
        }
        n
    }

    pub fn state(&self, s: State) -> usize {
        self.by_state[s.index()]
    }

    pub fn man(&self, m: Man) -> usize {
        self.by_man[m.index()]
    }

    pub fn class(&self, class: ManClass) -> usize {
        Man::all().filter(|m| m.class() == class).map(|m| self.man(m)).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crm::customer::Kind;

    #[test]
    fn counts_add_up() {
        let mk = |state, man| Customer { state, man, ..Customer::new(Kind::Individual, "x") };
        let cards = [
            mk(State::Potential, Some(Man::new(true, true, true))),
            mk(State::Potential, Some(Man::new(true, false, true))),
            mk(State::Loyal, Some(Man::new(false, true, false))),
            mk(State::NonCustomer, Some(Man::new(false, false, false))),
            mk(State::Lost, None),
        ];
        let n = Counts::of(&cards);
        assert_eq!(n.total, 5);
        assert_eq!(n.state(State::Potential), 2);
        assert_eq!(n.by_state.iter().sum::<usize>(), 5);
        assert_eq!(
            (n.class(ManClass::Prospect), n.class(ManClass::Contactable), n.class(ManClass::NonCustomer)),
            (1, 2, 1)
        );
        assert_eq!(n.unassessed, 1);
        assert_eq!(n.man(Man::new(true, false, true)), 1);
    }
}
