//! Possible duplicates of a card: the same phone number (however it was written), or the same
//! name at the same organisation. These are warnings, not refusals: two people may share an
//! office phone, and the user decides.

use std::collections::HashMap;

use super::customer::{Customer, Kind};
use super::phone;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateReason {
    Phone,
    NameAndOrganisation,
}

/// An existing card that looks like the same customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub existing: u32,
    pub existing_name: String,
    pub reason: DuplicateReason,
}

impl std::fmt::Display for Duplicate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.reason {
            DuplicateReason::Phone => "电话",
            DuplicateReason::NameAndOrganisation => "名称和单位",
        };
        write!(f, "可能重复:{what}与已有客户「{}」(编号 {})相同", self.existing_name, self.existing)
    }
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

/// The (name, organisation) key, when there is one: an organisation by its name; a person only
/// with a 工作单位 (two 张伟 without one are not assumed to be the same person). One string,
/// name and organisation joined by a line break (`squeeze` leaves none in either), so that both
/// tables are the same `HashMap` type: one copy of its code in the wasm instead of two.
fn name_key(c: &Customer) -> Option<String> {
    let name = squeeze(&c.name);
    let org = squeeze(c.organisation_name());
    if name.is_empty() || (c.kind == Kind::Individual && org.is_empty()) {
        return None;
    }
    Some(format!("{name}\n{org}"))
}

/// Lookup tables over a set of cards, so that checking many new cards (an import) against many
/// existing ones stays linear.
#[derive(Default)]
pub struct DuplicateIndex {
    phones: HashMap<String, Vec<(u32, String)>>,
    names: HashMap<String, Vec<(u32, String)>>,
}

impl DuplicateIndex {
    pub fn of<'a>(cards: impl IntoIterator<Item = &'a Customer>) -> DuplicateIndex {
        let mut index = DuplicateIndex::default();
        for c in cards {
            index.insert(c);
        }
        index
    }

    pub fn insert(&mut self, c: &Customer) {
        let p = phone::normalise(&c.phone);
        if !p.is_empty() {
            self.phones.entry(p).or_default().push((c.id, c.name.clone()));
        }
        if let Some(k) = name_key(c) {
            self.names.entry(k).or_default().push((c.id, c.name.clone()));
        }
    }

    /// The indexed cards `c` may duplicate (each existing card once; a phone match first).
    pub fn find(&self, c: &Customer) -> Vec<Duplicate> {
        let mut out: Vec<Duplicate> = Vec::new();
        let mut add = |hits: Option<&Vec<(u32, String)>>, reason| {
            for (id, name) in hits.into_iter().flatten() {
                if *id != c.id && !out.iter().any(|d| d.existing == *id) {
                    out.push(Duplicate { existing: *id, existing_name: name.clone(), reason });
                }
            }
        };
        let p = phone::normalise(&c.phone);
        if !p.is_empty() {
            add(self.phones.get(&p), DuplicateReason::Phone);
        }
        if let Some(k) = name_key(c) {
            add(self.names.get(&k), DuplicateReason::NameAndOrganisation);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: u32, name: &str, org: &str, phone: &str) -> Customer {
        Customer {
            id,
            organisation: org.into(),
            phone: phone.into(),
            ..Customer::new(Kind::Individual, name)
        }
    }

    #[test]
    fn phones_match_however_written() {
        let index = DuplicateIndex::of(&[person(1, "李秀英", "", "139 1234 5678")]);
        let d = index.find(&person(0, "别人", "", "+86-139-1234-5678"));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].reason, DuplicateReason::Phone);
        assert!(d[0].to_string().contains("李秀英"));
        assert!(index.find(&person(0, "别人", "", "139 1234 5679")).is_empty());
    }

    #[test]
    fn name_and_organisation_match_but_a_bare_name_does_not() {
        let index = DuplicateIndex::of(&[person(1, "张伟", "宏达物流", ""), person(2, "王芳", "", "")]);
        assert_eq!(
            index.find(&person(0, "张 伟", "宏达物流", ""))[0].reason,
            DuplicateReason::NameAndOrganisation
        );
        assert!(index.find(&person(0, "张伟", "新创科技", "")).is_empty());
        assert!(index.find(&person(0, "王芳", "", "")).is_empty());
        let org = DuplicateIndex::of(&[Customer {
            id: 3,
            ..Customer::new(Kind::Organisation, "宏达物流有限公司")
        }]);
        assert_eq!(org.find(&Customer::new(Kind::Organisation, "宏达物流有限公司")).len(), 1);
    }

    #[test]
    fn a_card_is_not_its_own_duplicate_and_each_existing_card_is_reported_once() {
        let a = person(1, "张伟", "宏达物流", "13800138000");
        let index = DuplicateIndex::of(std::slice::from_ref(&a));
        assert!(index.find(&a).is_empty());
        let both = index.find(&person(0, "张伟", "宏达物流", "138-0013-8000"));
        assert_eq!(both.len(), 1);
    }
}
