//! Every editable field of a customer card, with one text form per field. That single text form
//! is what CSV and JSON import/export, the audit log (from/to), the stored form, role-play
//! effects and checks all use, so a value means the same thing everywhere.
//!
//! The order of [`Field::ALL`] is part of the stored format (cards are stored positionally, see
//! `stored.rs`): add new fields at the end only. Fields used by organisations only come last so
//! that a person's stored card ends early.

use serde::{Deserialize, Serialize};

use super::customer::{CompetitorAttitude, Customer, Gender, IncidentAttitude, Kind, Level, Member, Role};
use super::man::Man;
use super::phone;
use super::state::State;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Kind,
    Name,
    Segment,
    State,
    Man,
    Phone,
    Address,
    Organisation,
    Gender,
    Age,
    Occupation,
    Income,
    Family,
    Interests,
    Needs,
    Source,
    Purchases,
    Revenue,
    GrossProfit,
    ServiceCost,
    SelectionTime,
    PriceSensitivity,
    CompetitorAttitude,
    IncidentAttitude,
    NextAction,
    Note,
    Industry,
    Size,
    ContactPerson,
    Fax,
    Projects,
    Competitors,
    DecisionGroup,
}

/// A field value that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub reason: String,
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.field.label(), self.reason)
    }
}

/// Finds the value whose label is `text` among `all`.
pub(crate) fn parse_label<T: Copy>(
    text: &str,
    all: &[T],
    label: fn(T) -> &'static str,
    what: &str,
) -> Result<T, String> {
    let labels: Vec<&'static str> = all.iter().map(|v| label(*v)).collect();
    find_label(text, &labels, what).map(|i| all[i])
}

/// The non-generic half of [`parse_label`]: the index of `text` among `labels`.
fn find_label(text: &str, labels: &[&str], what: &str) -> Result<usize, String> {
    labels.iter().position(|l| *l == text).ok_or_else(|| {
        let names: Vec<&str> = labels.iter().copied().filter(|l| !l.is_empty()).collect();
        format!("「{text}」不是有效的{what}:应为{}", names.join("、"))
    })
}

fn parse_u32(text: &str, what: &str) -> Result<u32, String> {
    let t: String = text.chars().filter(|c| *c != ',' && *c != FULL_COMMA).collect();
    t.parse().map_err(|_| format!("「{text}」不是有效的{what}:应为不带小数的非负整数"))
}

fn parse_money(text: &str) -> Result<i64, String> {
    let t: String = text.chars().filter(|c| *c != ',' && *c != FULL_COMMA).collect();
    let t = t.strip_suffix('元').unwrap_or(&t);
    t.parse().map_err(|_| format!("「{text}」不是有效的金额:应为整数(元),可带负号,不带小数"))
}

fn opt<T>(text: &str, f: impl FnOnce(&str) -> Result<T, String>) -> Result<Option<T>, String> {
    if text.is_empty() {
        Ok(None)
    } else {
        f(text).map(Some)
    }
}

fn num_text(v: i64) -> String {
    if v == 0 {
        String::new()
    } else {
        v.to_string()
    }
}

/// Separators of the decision-group text form `决策者:王局长/局长;采购者:李明/采购科长`.
const MEMBER_SEPARATORS: &[char] = &[';', '\u{FF1B}', ':', '\u{FF1A}', '/', '\n'];
/// The full-width comma (,) people type in Chinese input methods, also accepted in numbers.
const FULL_COMMA: char = '\u{FF0C}';

/// The decision group as one line of text (the card form and CSV show it so).
pub fn decision_group_text(members: &[Member]) -> String {
    let items: Vec<String> = members
        .iter()
        .map(|m| {
            if m.title.is_empty() {
                format!("{}:{}", m.role.label(), m.name)
            } else {
                format!("{}:{}/{}", m.role.label(), m.name, m.title)
            }
        })
        .collect();
    items.join(";")
}

pub(crate) fn parse_decision_group(text: &str) -> Result<Vec<Member>, String> {
    let mut out = Vec::new();
    for item in text.split([';', '\u{FF1B}', '\n']).map(str::trim).filter(|s| !s.is_empty()) {
        let Some((role, rest)) = item.split_once([':', '\u{FF1A}']) else {
            return Err(format!("「{item}」应写成「角色:姓名/职务」,例如「决策者:王局长/局长」"));
        };
        let role = parse_label(role.trim(), &Role::ALL, Role::label, "决策角色")?;
        let (name, title) = rest.split_once('/').unwrap_or((rest, ""));
        let (name, title) = (name.trim(), title.trim());
        if name.is_empty() {
            return Err(format!("「{item}」缺少姓名"));
        }
        if name.contains(MEMBER_SEPARATORS) || title.contains(MEMBER_SEPARATORS) {
            return Err(format!("「{item}」的姓名或职务里不能再有 ; : /"));
        }
        out.push(Member { role, name: name.to_string(), title: title.to_string() });
    }
    Ok(out)
}

impl Field {
    pub const ALL: [Field; 33] = [
        Field::Kind,
        Field::Name,
        Field::Segment,
        Field::State,
        Field::Man,
        Field::Phone,
        Field::Address,
        Field::Organisation,
        Field::Gender,
        Field::Age,
        Field::Occupation,
        Field::Income,
        Field::Family,
        Field::Interests,
        Field::Needs,
        Field::Source,
        Field::Purchases,
        Field::Revenue,
        Field::GrossProfit,
        Field::ServiceCost,
        Field::SelectionTime,
        Field::PriceSensitivity,
        Field::CompetitorAttitude,
        Field::IncidentAttitude,
        Field::NextAction,
        Field::Note,
        Field::Industry,
        Field::Size,
        Field::ContactPerson,
        Field::Fax,
        Field::Projects,
        Field::Competitors,
        Field::DecisionGroup,
    ];

    /// The ASCII key used in JSON, pack files and role-play checks.
    pub fn key(self) -> &'static str {
        match self {
            Field::Kind => "kind",
            Field::Name => "name",
            Field::Segment => "segment",
            Field::State => "state",
            Field::Man => "man",
            Field::Phone => "phone",
            Field::Address => "address",
            Field::Organisation => "organisation",
            Field::Gender => "gender",
            Field::Age => "age",
            Field::Occupation => "occupation",
            Field::Income => "income",
            Field::Family => "family",
            Field::Interests => "interests",
            Field::Needs => "needs",
            Field::Source => "source",
            Field::Purchases => "purchases",
            Field::Revenue => "revenue",
            Field::GrossProfit => "gross_profit",
            Field::ServiceCost => "service_cost",
            Field::SelectionTime => "selection_time",
            Field::PriceSensitivity => "price_sensitivity",
            Field::CompetitorAttitude => "competitor_attitude",
            Field::IncidentAttitude => "incident_attitude",
            Field::NextAction => "next_action",
            Field::Note => "note",
            Field::Industry => "industry",
            Field::Size => "size",
            Field::ContactPerson => "contact_person",
            Field::Fax => "fax",
            Field::Projects => "projects",
            Field::Competitors => "competitors",
            Field::DecisionGroup => "decision_group",
        }
    }

    /// Finds a field by its key, its label or one of the label's aliases (import headers).
    pub fn find(name: &str) -> Option<Field> {
        let n = name.trim();
        Field::ALL
            .into_iter()
            .find(|f| n.eq_ignore_ascii_case(f.key()) || n == f.label() || f.aliases().contains(&n))
    }

    /// The position in [`Field::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Used by organisations only (seed 002's key-account data).
    pub fn organisation_only(self) -> bool {
        matches!(
            self,
            Field::Industry
                | Field::Size
                | Field::ContactPerson
                | Field::Fax
                | Field::Projects
                | Field::Competitors
                | Field::DecisionGroup
        )
    }

    /// Used by individuals only.
    pub fn individual_only(self) -> bool {
        matches!(self, Field::Organisation | Field::Gender | Field::Age | Field::Occupation | Field::Income)
    }

    /// The value of this field of `c` in its text form. Zero and "unknown" are empty.
    pub fn get(self, c: &Customer) -> String {
        match self {
            Field::Kind => c.kind.label().into(),
            Field::Name => c.name.clone(),
            Field::Segment => c.segment.clone(),
            Field::State => c.state.label().into(),
            Field::Man => c.man.map(Man::code).unwrap_or_default(),
            Field::Phone => c.phone.clone(),
            Field::Address => c.address.clone(),
            Field::Organisation => c.organisation.clone(),
            Field::Gender => c.gender.label().into(),
            Field::Age => c.age.map(|a| a.to_string()).unwrap_or_default(),
            Field::Occupation => c.occupation.clone(),
            Field::Income => c.income.map(|a| a.to_string()).unwrap_or_default(),
            Field::Family => c.family.clone(),
            Field::Interests => c.interests.clone(),
            Field::Needs => c.needs.clone(),
            Field::Source => c.source.clone(),
            Field::Purchases => num_text(c.purchases.into()),
            Field::Revenue => num_text(c.revenue),
            Field::GrossProfit => num_text(c.gross_profit),
            Field::ServiceCost => num_text(c.service_cost),
            Field::SelectionTime => c.selection_time.label().into(),
            Field::PriceSensitivity => c.price_sensitivity.label().into(),
            Field::CompetitorAttitude => c.competitor_attitude.label().into(),
            Field::IncidentAttitude => c.incident_attitude.label().into(),
            Field::NextAction => c.next_action.clone(),
            Field::Note => c.note.clone(),
            Field::Industry => c.industry.clone(),
            Field::Size => c.size.clone(),
            Field::ContactPerson => c.contact_person.clone(),
            Field::Fax => c.fax.clone(),
            Field::Projects => c.projects.clone(),
            Field::Competitors => c.competitors.clone(),
            Field::DecisionGroup => decision_group_text(&c.decision_group),
        }
    }

    /// Sets this field of `c` from its text form (surrounding spaces ignored). On error `c` is
    /// unchanged. State changes are not checked against the lifecycle here: the workspace does
    /// that before it calls this.
    pub fn set(self, c: &mut Customer, text: &str) -> Result<(), String> {
        let t = text.trim();
        let s = || t.to_string();
        match self {
            Field::Kind => {
                c.kind = parse_label(t, &[Kind::Individual, Kind::Organisation], Kind::label, "客户类型")?
            }
            Field::Name => {
                if t.is_empty() {
                    return Err("名称不能为空".into());
                }
                c.name = s();
            }
            Field::Segment => c.segment = s(),
            Field::State => c.state = State::parse(t)?,
            Field::Man => c.man = opt(t, Man::parse)?,
            Field::Phone => {
                phone::validate(t)?;
                c.phone = s();
            }
            Field::Address => c.address = s(),
            Field::Organisation => c.organisation = s(),
            Field::Gender => {
                c.gender =
                    parse_label(t, &[Gender::Unknown, Gender::Male, Gender::Female], Gender::label, "性别")?
            }
            Field::Age => {
                let age = opt(t, |t| parse_u32(t, "年龄"))?;
                if age.is_some_and(|a| a > 130) {
                    return Err(format!("年龄「{t}」不合理:应在 0 到 130 之间"));
                }
                c.age = age.map(|a| a as u8);
            }
            Field::Occupation => c.occupation = s(),
            Field::Income => c.income = opt(t, |t| parse_u32(t, "月收入"))?,
            Field::Family => c.family = s(),
            Field::Interests => c.interests = s(),
            Field::Needs => c.needs = s(),
            Field::Source => c.source = s(),
            Field::Purchases => c.purchases = opt(t, |t| parse_u32(t, "购买次数"))?.unwrap_or(0),
            Field::Revenue => c.revenue = opt(t, parse_money)?.unwrap_or(0),
            Field::GrossProfit => c.gross_profit = opt(t, parse_money)?.unwrap_or(0),
            Field::ServiceCost => c.service_cost = opt(t, parse_money)?.unwrap_or(0),
            Field::SelectionTime => c.selection_time = parse_label(t, &Level::ALL, Level::label, "挑选时间")?,
            Field::PriceSensitivity => {
                c.price_sensitivity = parse_label(t, &Level::ALL, Level::label, "价格敏感程度")?
            }
            Field::CompetitorAttitude => {
                c.competitor_attitude =
                    parse_label(t, &CompetitorAttitude::ALL, CompetitorAttitude::label, "对竞争产品的态度")?
            }
            Field::IncidentAttitude => {
                c.incident_attitude =
                    parse_label(t, &IncidentAttitude::ALL, IncidentAttitude::label, "对质量问题的态度")?
            }
            Field::NextAction => c.next_action = s(),
            Field::Note => c.note = s(),
            Field::Industry => c.industry = s(),
            Field::Size => c.size = s(),
            Field::ContactPerson => c.contact_person = s(),
            Field::Fax => {
                phone::validate(t)?;
                c.fax = s();
            }
            Field::Projects => c.projects = s(),
            Field::Competitors => c.competitors = s(),
            Field::DecisionGroup => c.decision_group = parse_decision_group(t)?,
        }
        Ok(())
    }

    /// The canonical text of `text` for this field (e.g. `潜在` → `潜在客户`, `1,200` → `1200`):
    /// what [`Field::get`] would show after [`Field::set`].
    pub fn canonical(self, text: &str) -> Result<String, String> {
        let mut c = Customer::new(Kind::Individual, "-");
        self.set(&mut c, text)?;
        Ok(self.get(&c))
    }
}

/// Rebuilds `c` through the text form of every field: trims text, and reports every value that
/// cannot be written and read back (an invalid phone, an empty name, a decision-group member
/// whose name contains a separator …). The id is kept.
pub fn canonical_card(c: &Customer) -> Result<Customer, Vec<FieldError>> {
    let mut out = Customer { id: c.id, ..Customer::default() };
    let mut errors = Vec::new();
    for f in Field::ALL {
        let text = f.get(c);
        if let Err(reason) = f.set(&mut out, &text) {
            errors.push(FieldError { field: f, reason });
        }
    }
    if errors.is_empty() && out.decision_group.len() != c.decision_group.len() {
        errors.push(FieldError { field: Field::DecisionGroup, reason: "成员的姓名不能为空".into() });
    } else if errors.is_empty()
        && out
            .decision_group
            .iter()
            .zip(&c.decision_group)
            .any(|(a, b)| a.name != b.name.trim() || a.title != b.title.trim())
    {
        errors.push(FieldError {
            field: Field::DecisionGroup,
            reason: "成员的姓名或职务里不能有 ; : /".into(),
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_match_serde_names_and_are_unique() {
        let mut keys = std::collections::BTreeSet::new();
        let mut labels = std::collections::BTreeSet::new();
        for f in Field::ALL {
            assert_eq!(serde_json::to_string(&f).unwrap(), format!("\"{}\"", f.key()));
            assert!(keys.insert(f.key()));
            assert!(labels.insert(f.label()), "label {} twice", f.label());
            assert_eq!(Field::find(f.key()), Some(f));
            assert_eq!(Field::find(f.label()), Some(f));
            assert_eq!(f.index(), Field::ALL.iter().position(|g| *g == f).unwrap());
        }
    }

    #[test]
    fn organisation_fields_come_last_so_personal_cards_store_short() {
        let first_org = Field::ALL.iter().position(|f| f.organisation_only()).unwrap();
        assert!(Field::ALL[first_org..].iter().all(|f| f.organisation_only()));
    }

    #[test]
    fn canonical_forms() {
        assert_eq!(Field::State.canonical(" 潜在 ").unwrap(), "潜在客户");
        assert_eq!(Field::Revenue.canonical("1,200").unwrap(), "1200");
        assert_eq!(Field::Revenue.canonical("-300元").unwrap(), "-300");
        assert_eq!(Field::Revenue.canonical("1\u{FF0C}200").unwrap(), "1200");
        assert_eq!(Field::Revenue.canonical("0").unwrap(), "");
        assert_eq!(Field::Man.canonical("m + A + n").unwrap(), "m+A+n");
        assert_eq!(Field::Kind.canonical("单位").unwrap(), "单位");
        assert!(Field::Revenue.canonical("12.5").unwrap_err().contains("不带小数"));
        assert!(Field::Age.canonical("200").unwrap_err().contains("0 到 130"));
        assert!(Field::Gender.canonical("男性").unwrap_err().contains("男、女"));
        assert!(Field::Name.canonical("  ").unwrap_err().contains("不能为空"));
    }

    #[test]
    fn decision_groups_read_and_write() {
        let text = "决策者:王局长/局长; 采购者:李明/采购科长;影响者:赵会计";
        let members = parse_decision_group(text).unwrap();
        assert_eq!(members.len(), 3);
        assert_eq!(
            members[0],
            Member { role: Role::DecisionMaker, name: "王局长".into(), title: "局长".into() }
        );
        assert_eq!(members[2].title, "");
        assert_eq!(parse_decision_group(&decision_group_text(&members)).unwrap(), members);
        assert!(parse_decision_group("老板:王").unwrap_err().contains("决策角色"));
        let full_width = parse_decision_group("决策者\u{FF1A}王局长/局长\u{FF1B}采购者\u{FF1A}李明").unwrap();
        assert_eq!(full_width.len(), 2);
        assert!(parse_decision_group("王局长").unwrap_err().contains("角色:姓名"));
        assert!(parse_decision_group("决策者:/局长").unwrap_err().contains("缺少姓名"));
    }

    #[test]
    fn canonical_card_reports_every_bad_field() {
        let mut c = Customer::new(Kind::Individual, " 张三 ");
        c.phone = "abc".into();
        c.decision_group.push(Member { role: Role::Buyer, name: "李;四".into(), title: String::new() });
        let errors = canonical_card(&c).unwrap_err();
        let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec![Field::Phone, Field::DecisionGroup]);
        c.phone = "138 0000 0000".into();
        c.decision_group.clear();
        let ok = canonical_card(&c).unwrap();
        assert_eq!(ok.name, "张三");
    }
}
