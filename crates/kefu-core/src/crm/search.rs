//! Search, filter and sort over the customer list, built for 10 000 cards and a filter per
//! keystroke: each card's searchable text (name, phone in both written and digit-only form,
//! organisation, needs) is lower-cased once into an index, and a query that only adds characters
//! to the previous one filters the previous result instead of every card.

use std::cmp::Ordering;

use super::customer::Customer;
use super::man::{Man, ManClass};
use super::phone;
use super::state::{State, StateSet};
use super::workspace::Workspace;

/// A set of MAN combinations (bits 0..8, see [`Man::index`]) plus bit 8 for "not assessed".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ManSet(u16);

const UNASSESSED: u16 = 1 << 8;

impl ManSet {
    /// The empty set; a filter treats it as "any".
    pub const EMPTY: ManSet = ManSet(0);

    pub fn with(self, man: Man) -> ManSet {
        ManSet(self.0 | 1 << man.index())
    }

    /// Every combination of a class (e.g. the six 可以接触 ones).
    pub fn with_class(self, class: ManClass) -> ManSet {
        Man::all().filter(|m| m.class() == class).fold(self, ManSet::with)
    }

    pub fn with_unassessed(self) -> ManSet {
        ManSet(self.0 | UNASSESSED)
    }

    pub fn contains(self, man: Option<Man>) -> bool {
        match man {
            Some(m) => self.0 & 1 << m.index() != 0,
            None => self.0 & UNASSESSED != 0,
        }
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Creation order.
    #[default]
    Id,
    /// By name (Unicode order: a pinyin table would cost the wasm more than it is worth here).
    Name,
    State,
    /// By MAN class, then combination; unassessed last.
    Man,
    Revenue,
    NetProfit,
    Purchases,
}

/// What the customer list shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// Words that must all appear in the name, phone, organisation or needs (case-insensitive;
    /// a phone typed with spaces or dashes matches however it was stored).
    pub text: String,
    pub states: StateSet,
    pub man: ManSet,
    pub sort: SortKey,
    pub descending: bool,
}

impl Query {
    fn terms(&self) -> Vec<String> {
        self.text
            .split_whitespace()
            .map(|t| {
                let looks_like_phone = t.chars().any(|c| c.is_ascii_digit())
                    && t.chars().all(|c| c.is_ascii_digit() || "+-()\u{FF08}\u{FF09}\u{FF0B}".contains(c));
                if looks_like_phone {
                    phone::normalise(t)
                } else {
                    t.to_lowercase()
                }
            })
            .filter(|t| !t.is_empty())
            .collect()
    }
}

/// The searchable text of one card.
fn haystack(c: &Customer) -> String {
    let mut h = String::with_capacity(c.name.len() + c.phone.len() * 2 + c.needs.len() + 24);
    for part in [&c.name, &c.phone, &phone::normalise(&c.phone), &c.organisation, &c.needs] {
        h.push_str(&part.to_lowercase());
        h.push('\u{1}');
    }
    h
}

/// A search index over one revision of a workspace.
#[derive(Default)]
pub struct SearchIndex {
    revision: Option<u64>,
    entries: Vec<(String, State, Option<Man>)>,
    /// The last query (text and filters) and its unsorted matches, as positions in `entries`.
    last: Option<(Vec<String>, StateSet, ManSet, Vec<u32>)>,
}

impl SearchIndex {
    pub fn new() -> SearchIndex {
        SearchIndex::default()
    }

    /// Rebuilds the index if the workspace changed since it was built.
    pub fn sync(&mut self, ws: &Workspace) {
        if self.revision == Some(ws.revision()) {
            return;
        }
        self.entries = ws.customers().iter().map(|c| (haystack(c), c.state, c.man)).collect();
        self.revision = Some(ws.revision());
        self.last = None;
    }

    /// The ids of the cards matching `q`, sorted. Call [`SearchIndex::sync`] first.
    pub fn run(&mut self, ws: &Workspace, q: &Query) -> Vec<u32> {
        self.sync(ws);
        let terms = q.terms();
        let matches = |i: usize| {
            let (h, state, man) = &self.entries[i];
            (q.states.is_empty() || q.states.contains(*state))
                && (q.man.is_empty() || q.man.contains(*man))
                && terms.iter().all(|t| h.contains(t.as_str()))
        };
        // Narrowing: same filters, and every old term is a prefix-extension of a new one in
        // order (typing more letters), so the new matches are a subset of the old ones.
        let narrowed = match &self.last {
            Some((old, states, man, hits))
                if *states == q.states
                    && *man == q.man
                    && old.len() <= terms.len()
                    && old.iter().zip(&terms).all(|(o, n)| n.contains(o.as_str())) =>
            {
                Some(hits.iter().copied().filter(|i| matches(*i as usize)).collect::<Vec<u32>>())
            }
            _ => None,
        };
        let hits = narrowed
            .unwrap_or_else(|| (0..self.entries.len()).filter(|i| matches(*i)).map(|i| i as u32).collect());
        self.last = Some((terms, q.states, q.man, hits.clone()));
        let customers = ws.customers();
        let mut found: Vec<&Customer> = hits.iter().map(|i| &customers[*i as usize]).collect();
        sort(&mut found, q.sort, q.descending);
        found.into_iter().map(|c| c.id).collect()
    }
}

fn man_rank(m: Option<Man>) -> (u8, usize) {
    match m {
        Some(m) => (m.class() as u8, 7 - m.index()),
        None => (9, 0),
    }
}

/// Sorts cards by `key`; ties keep creation order (the sort is stable and ids ascend).
pub fn sort(cards: &mut [&Customer], key: SortKey, descending: bool) {
    // One comparator and one sort call: each `sort_by` closure would be its own copy of the sort.
    crate::util::order::sort_by(cards, |a, b| compare(a, b, key));
    if descending {
        // Reverse, then restore creation order among ties.
        cards.reverse();
        let mut start = 0;
        for end in 1..=cards.len() {
            if end == cards.len() || compare(cards[start], cards[end], key).is_ne() {
                cards[start..end].reverse();
                start = end;
            }
        }
    }
}

fn compare(a: &Customer, b: &Customer, key: SortKey) -> Ordering {
    match key {
        SortKey::Id => a.id.cmp(&b.id),
        SortKey::Name => a.name.cmp(&b.name),
        SortKey::State => a.state.cmp(&b.state),
        SortKey::Man => man_rank(a.man).cmp(&man_rank(b.man)),
        SortKey::Revenue => a.revenue.cmp(&b.revenue),
        SortKey::NetProfit => a.net_profit().cmp(&b.net_profit()),
        SortKey::Purchases => a.purchases.cmp(&b.purchases),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crm::customer::Kind;

    fn ws() -> Workspace {
        let mut ws = Workspace::new();
        let cards = [
            (
                "李秀英",
                "139 1234 5678",
                "",
                "孩子每天喝奶",
                State::Potential,
                Some(Man::new(true, true, true)),
                0,
            ),
            (
                "王建国",
                "13800138000",
                "宏达物流",
                "更换旧车",
                State::Target,
                Some(Man::new(true, false, true)),
                5000,
            ),
            ("Anna Lee", "", "七彩阳光", "绘本", State::Actual, None, 1200),
            (
                "王芳",
                "010-6552-1234",
                "",
                "亲子阅读",
                State::Actual,
                Some(Man::new(false, false, false)),
                1200,
            ),
        ];
        for (name, phone, org, needs, state, man, revenue) in cards {
            let c = Customer {
                phone: phone.into(),
                organisation: org.into(),
                needs: needs.into(),
                state,
                man,
                revenue,
                ..Customer::new(Kind::Individual, name)
            };
            ws.create(c, 1, "").unwrap();
        }
        ws
    }

    fn names(ws: &Workspace, ids: &[u32]) -> Vec<String> {
        ids.iter().map(|id| ws.customer(*id).unwrap().name.clone()).collect()
    }

    #[test]
    fn text_matches_name_phone_organisation_and_needs() {
        let ws = ws();
        let mut idx = SearchIndex::new();
        let run = |idx: &mut SearchIndex, t: &str| {
            names(&ws, &idx.run(&ws, &Query { text: t.into(), ..Query::default() }))
        };
        assert_eq!(run(&mut idx, "王"), ["王建国", "王芳"]);
        assert_eq!(run(&mut idx, "宏达"), ["王建国"]);
        assert_eq!(run(&mut idx, "喝奶"), ["李秀英"]);
        assert_eq!(run(&mut idx, "anna"), ["Anna Lee"]);
        assert_eq!(run(&mut idx, "+86 139-1234"), ["李秀英"]);
        assert_eq!(run(&mut idx, "65521234"), ["王芳"]);
        assert_eq!(run(&mut idx, "王 阅读"), ["王芳"]);
        assert_eq!(run(&mut idx, "").len(), 4);
        assert!(run(&mut idx, "不存在").is_empty());
    }

    #[test]
    fn narrowing_gives_the_same_result_as_a_fresh_search() {
        let ws = ws();
        let mut typed = SearchIndex::new();
        for prefix in ["王", "王芳", "王", "", "1", "13", "138"] {
            let q = Query { text: prefix.into(), ..Query::default() };
            assert_eq!(typed.run(&ws, &q), SearchIndex::new().run(&ws, &q), "{prefix}");
        }
    }

    #[test]
    fn filters_by_state_and_man() {
        let ws = ws();
        let mut idx = SearchIndex::new();
        let q = Query { states: StateSet::of(&[State::Actual]), ..Query::default() };
        assert_eq!(names(&ws, &idx.run(&ws, &q)), ["Anna Lee", "王芳"]);
        let q = Query { man: ManSet::EMPTY.with_class(ManClass::Contactable), ..Query::default() };
        assert_eq!(names(&ws, &idx.run(&ws, &q)), ["王建国"]);
        let q = Query {
            man: ManSet::EMPTY.with_unassessed().with_class(ManClass::NonCustomer),
            ..Query::default()
        };
        assert_eq!(names(&ws, &idx.run(&ws, &q)), ["Anna Lee", "王芳"]);
    }

    #[test]
    fn sorting_with_stable_ties_both_ways() {
        let ws = ws();
        let mut idx = SearchIndex::new();
        let q = |sort, descending| Query { sort, descending, ..Query::default() };
        assert_eq!(
            names(&ws, &idx.run(&ws, &q(SortKey::Revenue, true))),
            ["王建国", "Anna Lee", "王芳", "李秀英"]
        );
        assert_eq!(
            names(&ws, &idx.run(&ws, &q(SortKey::Revenue, false))),
            ["李秀英", "Anna Lee", "王芳", "王建国"]
        );
        assert_eq!(
            names(&ws, &idx.run(&ws, &q(SortKey::Man, false))),
            ["李秀英", "王建国", "王芳", "Anna Lee"]
        );
        assert_eq!(
            names(&ws, &idx.run(&ws, &q(SortKey::Id, true))),
            ["王芳", "Anna Lee", "王建国", "李秀英"]
        );
    }

    #[test]
    fn the_index_follows_workspace_changes() {
        let mut ws = ws();
        let mut idx = SearchIndex::new();
        let q = Query { text: "张".into(), ..Query::default() };
        assert!(idx.run(&ws, &q).is_empty());
        ws.create(Customer::new(Kind::Individual, "张三"), 2, "").unwrap();
        assert_eq!(idx.run(&ws, &q).len(), 1);
    }
}
