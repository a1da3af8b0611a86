//! The MAN rule of seed 004 (寻求潜在客户的“MAN”原则): Money (购买能力), Authority (购买决定权) and
//! Need (需求) are each present (capital letter) or absent (small letter); each of the 8
//! combinations has a class and an action. The table below is the seed's, word for word, and
//! [`Man::assess`] only looks it up, so the rule lives in one place.

use serde::{Deserialize, Serialize};

/// One MAN assessment: which of the three conditions the customer meets. Serialized as the
/// seed's notation (`"M+a+N"`), which is also how pack files write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Man {
    pub money: bool,
    pub authority: bool,
    pub need: bool,
}

vocabulary! {
    /// The class seed 004 gives a combination.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ManClass {
        /// 有望客户 (M+A+N).
        Prospect = "有望客户",
        /// 可以接触 (six combinations).
        Contactable = "可以接触",
        /// 非客户 (m+a+n).
        NonCustomer = "非客户",
    }
}

vocabulary! {
    /// What the seed says to do with a combination.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ManAction {
        /// 理想的销售对象
        IdealTarget = "理想的销售对象",
        /// 配上熟练的销售技术,有成功的希望
        SkilledSelling = "配上熟练的销售技术,有成功的希望",
        /// 设法找到具有A之人(有决定权的人)
        FindAuthority = "设法找到具有A之人(有决定权的人)",
        /// 需调查其业务状况、信用条件等给予融资
        OfferFinancing = "需调查其业务状况、信用条件等给予融资",
        /// 应长期观察、培养,使之具备另一条件
        Cultivate = "应长期观察、培养,使之具备另一条件",
        /// 停止接触
        StopContact = "停止接触",
    }
}

/// Seed 004's table, in its order: (M, A, N) → class, action.
pub const MAN_TABLE: [(Man, ManClass, ManAction); 8] = [
    (Man::new(true, true, true), ManClass::Prospect, ManAction::IdealTarget),
    (Man::new(true, true, false), ManClass::Contactable, ManAction::SkilledSelling),
    (Man::new(true, false, true), ManClass::Contactable, ManAction::FindAuthority),
    (Man::new(false, true, true), ManClass::Contactable, ManAction::OfferFinancing),
    (Man::new(false, false, true), ManClass::Contactable, ManAction::Cultivate),
    (Man::new(false, true, false), ManClass::Contactable, ManAction::Cultivate),
    (Man::new(true, false, false), ManClass::Contactable, ManAction::Cultivate),
    (Man::new(false, false, false), ManClass::NonCustomer, ManAction::StopContact),
];

impl Man {
    pub const fn new(money: bool, authority: bool, need: bool) -> Man {
        Man { money, authority, need }
    }

    /// All 8 combinations in the seed's order.
    pub fn all() -> impl Iterator<Item = Man> {
        MAN_TABLE.iter().map(|row| row.0)
    }

    /// This combination's class and action, from [`MAN_TABLE`].
    pub fn assess(self) -> (ManClass, ManAction) {
        let row = MAN_TABLE.iter().find(|row| row.0 == self).expect("MAN_TABLE covers all 8 combinations");
        (row.1, row.2)
    }

    pub fn class(self) -> ManClass {
        self.assess().0
    }

    pub fn action(self) -> ManAction {
        self.assess().1
    }

    /// A dense index 0..8 (bit 2 = M, bit 1 = A, bit 0 = N), for bit sets and counters.
    pub fn index(self) -> usize {
        (self.money as usize) << 2 | (self.authority as usize) << 1 | self.need as usize
    }

    pub fn from_index(i: usize) -> Man {
        Man::new(i & 4 != 0, i & 2 != 0, i & 1 != 0)
    }

    /// The seed's notation, e.g. `M+a+N`.
    pub fn code(self) -> String {
        let c = |on: bool, up: char, low: char| if on { up } else { low };
        format!("{}+{}+{}", c(self.money, 'M', 'm'), c(self.authority, 'A', 'a'), c(self.need, 'N', 'n'))
    }

    /// Parses the seed's notation: three letters M/m, A/a, N/n in this order, separated by `+`
    /// (also the full-width `+`) or nothing; spaces are ignored.
    pub fn parse(text: &str) -> Result<Man, String> {
        let letters: Vec<char> =
            text.chars().filter(|c| !c.is_whitespace() && *c != '+' && *c != '\u{FF0B}').collect();
        let bad = || format!("「{text}」不是 MAN 写法:应为 M+A+N 这样的三个字母,大写表示具备,小写表示不具备");
        let [m, a, n] = letters[..] else { return Err(bad()) };
        let flag = |c: char, up: char, low: char| match c {
            c if c == up => Ok(true),
            c if c == low => Ok(false),
            _ => Err(bad()),
        };
        Ok(Man::new(flag(m, 'M', 'm')?, flag(a, 'A', 'a')?, flag(n, 'N', 'n')?))
    }
}

impl Serialize for Man {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.code())
    }
}

impl<'de> Deserialize<'de> for Man {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Man::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl std::fmt::Display for Man {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seed's text, transcribed independently of the table, checked against it.
    #[test]
    fn every_combination_has_the_seed_class_and_action() {
        let seed = [
            ("M+A+N", "有望客户", "理想的销售对象"),
            ("M+A+n", "可以接触", "配上熟练的销售技术,有成功的希望"),
            ("M+a+N", "可以接触", "设法找到具有A之人(有决定权的人)"),
            ("m+A+N", "可以接触", "需调查其业务状况、信用条件等给予融资"),
            ("m+a+N", "可以接触", "应长期观察、培养,使之具备另一条件"),
            ("m+A+n", "可以接触", "应长期观察、培养,使之具备另一条件"),
            ("M+a+n", "可以接触", "应长期观察、培养,使之具备另一条件"),
            ("m+a+n", "非客户", "停止接触"),
        ];
        let mut seen = std::collections::BTreeSet::new();
        for (code, class, action) in seed {
            let man = Man::parse(code).unwrap();
            assert_eq!(man.code(), code);
            assert_eq!(man.class().label(), class, "{code}");
            assert_eq!(man.action().label(), action, "{code}");
            seen.insert(man);
        }
        assert_eq!(seen.len(), 8, "the seed lists 8 distinct combinations");
    }

    #[test]
    fn exactly_one_prospect_and_one_non_customer() {
        let count = |c| Man::all().filter(|m| m.class() == c).count();
        assert_eq!(count(ManClass::Prospect), 1);
        assert_eq!(count(ManClass::NonCustomer), 1);
        assert_eq!(count(ManClass::Contactable), 6);
        assert_eq!(Man::new(true, true, true).class(), ManClass::Prospect);
        assert_eq!(Man::new(false, false, false).action(), ManAction::StopContact);
    }

    #[test]
    fn index_round_trips_over_all_combinations() {
        let mut idx: Vec<usize> = Man::all().map(Man::index).collect();
        idx.sort();
        assert_eq!(idx, (0..8).collect::<Vec<_>>());
        for i in 0..8 {
            assert_eq!(Man::from_index(i).index(), i);
        }
    }

    #[test]
    fn parsing_accepts_spacing_and_full_width_plus_and_rejects_the_rest() {
        assert_eq!(Man::parse(" M + a + N ").unwrap(), Man::new(true, false, true));
        assert_eq!(Man::parse("m+A+n").unwrap(), Man::new(false, true, false));
        assert_eq!(Man::parse("MAN").unwrap(), Man::new(true, true, true));
        assert_eq!(Man::parse("M\u{FF0B}a\u{FF0B}n").unwrap(), Man::new(true, false, false));
        for bad in ["", "M+A", "A+M+N", "M+A+N+N", "X+A+N", "m+a+x"] {
            let e = Man::parse(bad).unwrap_err();
            assert!(e.contains("MAN"), "{bad}: {e}");
        }
    }
}
