//! The compact stored form of audit entries. Local storage counts UTF-16 code units and holds
//! about 5 M per origin, and 10 000 customers must fit in 2.5 M, so an entry is a JSON array
//! without keys: `[at, customer, code, reason, [payload…]]`, and a card is its field texts in
//! [`Field::ALL`] order with trailing empty fields dropped (a person's card stops before the
//! organisation-only fields). Codes: `c` created, `f` field changed (`[key, from, to]`),
//! `r` removed, `k` contact (`[id, kind, outcome, person, summary]`), `v` visit row
//! (`[id, salesperson, date, person, purpose, method, materials, expected, result, next]`).

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::audit::{AuditEntry, Change};
use super::contact::{Contact, ContactKind, Outcome};
use super::customer::Customer;
use super::field::Field;
use super::visit::VisitRow;

#[derive(Serialize, Deserialize)]
pub(crate) struct Row(pub i64, pub u32, pub String, pub String, pub Vec<String>);

/// A card's field texts in stored order, without the trailing empty ones.
pub fn card_cells(c: &Customer) -> Vec<String> {
    let mut cells: Vec<String> = Field::ALL.iter().map(|f| f.get(c)).collect();
    while cells.last().is_some_and(String::is_empty) {
        cells.pop();
    }
    cells
}

/// Reads a card from its stored cells (missing trailing cells are empty).
pub fn card_from_cells(id: u32, cells: &[String]) -> Result<Customer, String> {
    if cells.len() > Field::ALL.len() {
        return Err(format!("客户资料有 {} 项,多于 {} 项", cells.len(), Field::ALL.len()));
    }
    let mut c = Customer { id, ..Customer::default() };
    for (f, text) in Field::ALL.iter().zip(cells) {
        f.set(&mut c, text).map_err(|e| format!("{}:{e}", f.label()))?;
    }
    if c.name.is_empty() {
        return Err("客户名称为空".into());
    }
    Ok(c)
}

fn key_of<T: Copy + Serialize>(v: T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => unreachable!("unit enums serialize to their name"),
    }
}

fn find_key<T: Copy + Serialize>(all: &[T], key: &str) -> Result<T, String> {
    all.iter().copied().find(|v| key_of(*v) == key).ok_or_else(|| format!("未知的代码「{key}」"))
}

pub(crate) fn to_row(e: &AuditEntry) -> Row {
    let (code, payload) = match &e.change {
        Change::Created(c) => ("c", card_cells(c)),
        Change::Changed { field, from, to } => ("f", vec![field.key().into(), from.clone(), to.clone()]),
        Change::Removed => ("r", vec![]),
        Change::Contacted(c) => (
            "k",
            vec![c.id.to_string(), key_of(c.kind), key_of(c.outcome), c.person.clone(), c.summary.clone()],
        ),
        Change::Visit(v) => (
            "v",
            vec![
                v.id.to_string(),
                v.salesperson.clone(),
                v.date.clone(),
                v.person.clone(),
                v.purpose.clone(),
                v.method.clone(),
                v.materials.clone(),
                v.expected.clone(),
                v.result.clone(),
                v.next.clone(),
            ],
        ),
    };
    Row(e.at, e.customer, code.into(), e.reason.clone(), payload)
}

pub(crate) fn from_row(Row(at, customer, code, reason, mut p): Row) -> Result<AuditEntry, String> {
    let arity = |n: usize, p: &[String]| {
        if p.len() == n {
            Ok(())
        } else {
            Err(format!("记录「{code}」应有 {n} 项,实有 {} 项", p.len()))
        }
    };
    let id = |s: &str| s.parse::<u32>().map_err(|_| format!("编号「{s}」无效"));
    let change = match code.as_str() {
        "c" => Change::Created(Box::new(card_from_cells(customer, &p)?)),
        "f" => {
            arity(3, &p)?;
            let to = p.pop().unwrap_or_default();
            let from = p.pop().unwrap_or_default();
            let field = Field::ALL
                .into_iter()
                .find(|f| f.key() == p[0])
                .ok_or_else(|| format!("未知的字段「{}」", p[0]))?;
            Change::Changed { field, from, to }
        }
        "r" => {
            arity(0, &p)?;
            Change::Removed
        }
        "k" => {
            arity(5, &p)?;
            let mut it = p.into_iter();
            let mut next = || it.next().unwrap_or_default();
            Change::Contacted(Contact {
                id: id(&next())?,
                customer,
                at,
                kind: find_key(&ContactKind::ALL, &next())?,
                outcome: find_key(&Outcome::ALL, &next())?,
                person: next(),
                summary: next(),
            })
        }
        "v" => {
            arity(10, &p)?;
            let mut it = p.into_iter();
            let mut next = || it.next().unwrap_or_default();
            Change::Visit(Box::new(VisitRow {
                id: id(&next())?,
                customer,
                salesperson: next(),
                date: next(),
                person: next(),
                purpose: next(),
                method: next(),
                materials: next(),
                expected: next(),
                result: next(),
                next: next(),
            }))
        }
        other => return Err(format!("未知的记录类型「{other}」")),
    };
    Ok(AuditEntry { at, customer, change, reason })
}

impl Serialize for AuditEntry {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        to_row(self).serialize(s)
    }
}

impl<'de> Deserialize<'de> for AuditEntry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        from_row(Row::deserialize(d)?).map_err(D::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crm::customer::Kind;

    #[test]
    fn every_change_kind_round_trips() {
        let card = Customer {
            id: 4,
            phone: "138 0013 8000".into(),
            needs: "酸苹果,\"要新鲜\"".into(),
            ..Customer::new(Kind::Individual, "老太太")
        };
        let entries = vec![
            AuditEntry { at: 1, customer: 4, change: Change::Created(Box::new(card)), reason: String::new() },
            AuditEntry {
                at: 2,
                customer: 4,
                change: Change::Changed {
                    field: Field::State,
                    from: "潜在客户".into(),
                    to: "现实客户".into(),
                },
                reason: "买了两斤".into(),
            },
            AuditEntry {
                at: 3,
                customer: 4,
                change: Change::Contacted(Contact {
                    id: 0,
                    customer: 4,
                    at: 3,
                    kind: ContactKind::Visit,
                    person: "老太太".into(),
                    outcome: Outcome::Deal,
                    summary: "推荐猕猴桃".into(),
                }),
                reason: String::new(),
            },
            AuditEntry {
                at: 4,
                customer: 4,
                change: Change::Visit(Box::new(VisitRow {
                    id: 0,
                    customer: 4,
                    purpose: "回访".into(),
                    ..VisitRow::default()
                })),
                reason: String::new(),
            },
            AuditEntry { at: 5, customer: 4, change: Change::Removed, reason: "重复".into() },
        ];
        let text = serde_json::to_string(&entries).unwrap();
        assert!(text.starts_with("[[1,4,\"c\",\"\",[\"个人\",\"老太太\""), "{text}");
        let back: Vec<AuditEntry> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, entries);
    }

    #[test]
    fn damaged_rows_are_errors_not_panics() {
        for bad in [
            r#"[1,1,"x","",[]]"#,
            r#"[1,1,"f","",["needs","a"]]"#,
            r#"[1,1,"f","",["nope","a","b"]]"#,
            r#"[1,1,"c","",[]]"#,
            r#"[1,1,"c","",["个人","名","","火星客户"]]"#,
            r#"[1,1,"k","",["x","call","deal","",""]]"#,
            r#"[1,1,"k","",["0","fax","deal","",""]]"#,
            r#"[1,1,"r","",["x"]]"#,
            r#"[1,1,"c"]"#,
        ] {
            assert!(serde_json::from_str::<AuditEntry>(bad).is_err(), "{bad}");
        }
    }
}
