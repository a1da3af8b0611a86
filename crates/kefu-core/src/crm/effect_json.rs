//! Reading a [`CrmEffect`] back, written by hand. The effect is stored internally tagged
//! (`{"do": "create", "customer": …}`); serde's derive for that buffers every object into its
//! generic `Content` tree first and then re-reads it per variant, which made this one type about
//! 20 KB of the CRM app's wasm. This visitor reads the same JSON in one pass into typed slots and
//! checks afterwards which keys the variant allows — same accepted input, same refusals (unknown
//! `do`, unknown or repeated key, missing key) as the derive it replaces (`deny_unknown_fields`,
//! `#[serde(default)]` on `kind`, `person`, `summary`).

use std::fmt;

use indexmap::IndexMap;
use serde::de::{Error, IntoDeserializer, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::contact::{ContactKind, Outcome};
use super::customer::Kind;
use super::effect::CrmEffect;
use super::field::Field;
use super::man::Man;
use super::state::State;

const VARIANTS: &[&str] = &["create", "update", "log_contact", "move_state", "set_man"];

/// Every key any variant has, in the order the derive listed them for an unknown key.
const KEYS: &[&str] = &["do", "customer", "kind", "fields", "outcome", "person", "summary", "to", "man"];

impl<'de> Deserialize<'de> for CrmEffect {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(EffectVisitor)
    }
}

/// The keys read so far. `kind` stays text until `do` says whose kind it is.
#[derive(Default)]
struct Slots {
    op: Option<String>,
    customer: Option<String>,
    kind: Option<String>,
    fields: Option<IndexMap<Field, String>>,
    outcome: Option<Outcome>,
    person: Option<String>,
    summary: Option<String>,
    to: Option<State>,
    man: Option<Man>,
}

struct EffectVisitor;

/// Fills `slot` once; a repeated key is refused like the derive does.
fn once<T, E: Error>(slot: &mut Option<T>, value: T, key: &'static str) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::duplicate_field(key));
    }
    *slot = Some(value);
    Ok(())
}

impl<'de> Visitor<'de> for EffectVisitor {
    type Value = CrmEffect;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a CRM effect: an object with \"do\"")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CrmEffect, A::Error> {
        let mut s = Slots::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "do" => once(&mut s.op, map.next_value()?, "do")?,
                "customer" => once(&mut s.customer, map.next_value()?, "customer")?,
                "kind" => once(&mut s.kind, map.next_value()?, "kind")?,
                "fields" => once(&mut s.fields, map.next_value()?, "fields")?,
                "outcome" => once(&mut s.outcome, map.next_value()?, "outcome")?,
                "person" => once(&mut s.person, map.next_value()?, "person")?,
                "summary" => once(&mut s.summary, map.next_value()?, "summary")?,
                "to" => once(&mut s.to, map.next_value()?, "to")?,
                "man" => once(&mut s.man, map.next_value()?, "man")?,
                other => return Err(A::Error::unknown_field(other, KEYS)),
            }
        }
        s.finish()
    }
}

/// A required key.
fn need<T, E: Error>(slot: Option<T>, key: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(key))
}

/// A unit enum (`Kind`, `ContactKind`) from its snake_case name.
fn named<'de, T: Deserialize<'de>, E: Error>(text: &'de str) -> Result<T, E> {
    T::deserialize(IntoDeserializer::<E>::into_deserializer(text))
}

impl Slots {
    fn finish<E: Error>(self) -> Result<CrmEffect, E> {
        let op = need(self.op, "do")?;
        let allowed: &'static [&'static str] = match op.as_str() {
            "create" => &["do", "customer", "kind", "fields"],
            "update" => &["do", "customer", "fields"],
            "log_contact" => &["do", "customer", "kind", "outcome", "person", "summary"],
            "move_state" => &["do", "customer", "to"],
            "set_man" => &["do", "customer", "man"],
            other => return Err(E::unknown_variant(other, VARIANTS)),
        };
        let present = [
            ("kind", self.kind.is_some()),
            ("fields", self.fields.is_some()),
            ("outcome", self.outcome.is_some()),
            ("person", self.person.is_some()),
            ("summary", self.summary.is_some()),
            ("to", self.to.is_some()),
            ("man", self.man.is_some()),
        ];
        if let Some((key, _)) = present.iter().find(|(k, there)| *there && !allowed.contains(k)) {
            return Err(E::unknown_field(key, &allowed[1..]));
        }
        let customer = need(self.customer, "customer")?;
        Ok(match op.as_str() {
            "create" => CrmEffect::Create {
                customer,
                kind: match &self.kind {
                    Some(k) => named::<Kind, E>(k)?,
                    None => Kind::default(),
                },
                fields: need(self.fields, "fields")?,
            },
            "update" => CrmEffect::Update { customer, fields: need(self.fields, "fields")? },
            "log_contact" => CrmEffect::LogContact {
                customer,
                kind: named::<ContactKind, E>(&need(self.kind, "kind")?)?,
                outcome: need(self.outcome, "outcome")?,
                person: self.person.unwrap_or_default(),
                summary: self.summary.unwrap_or_default(),
            },
            "move_state" => CrmEffect::MoveState { customer, to: need(self.to, "to")? },
            _ => CrmEffect::SetMan { customer, man: need(self.man, "man")? },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<CrmEffect, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_back_what_the_serializer_writes() {
        let mut fields = IndexMap::new();
        fields.insert(Field::Name, "李秀英".to_string());
        fields.insert(Field::Phone, "139 1234 5678".to_string());
        let all = [
            CrmEffect::Create { customer: "lady".into(), kind: Kind::default(), fields: fields.clone() },
            CrmEffect::Update { customer: "lady".into(), fields },
            CrmEffect::LogContact {
                customer: "lady".into(),
                kind: ContactKind::Call,
                outcome: Outcome::Progress,
                person: "李女士".into(),
                summary: "想买奶粉".into(),
            },
            CrmEffect::MoveState { customer: "lady".into(), to: State::Target },
            CrmEffect::SetMan { customer: "lady".into(), man: Man::new(true, false, true) },
        ];
        for e in all {
            let text = serde_json::to_string(&e).unwrap();
            assert_eq!(read(&text), Ok(e), "{text}");
        }
    }

    #[test]
    fn stored_text_with_defaults_and_any_key_order() {
        let e = read(r#"{"fields":{"name":"王"},"customer":"c","do":"create"}"#).unwrap();
        assert!(matches!(e, CrmEffect::Create { kind, .. } if kind == Kind::default()));
        let e = read(r#"{"do":"log_contact","kind":"call","customer":"c","outcome":"progress"}"#).unwrap();
        assert!(
            matches!(e, CrmEffect::LogContact { person, summary, .. } if person.is_empty() && summary.is_empty())
        );
    }

    #[test]
    fn refuses_what_the_derive_refused() {
        let bad = [
            (r#"{"do":"fly","customer":"c"}"#, "unknown variant `fly`"),
            (r#"{"customer":"c","fields":{}}"#, "missing field `do`"),
            (r#"{"do":"update","customer":"c","fields":{},"to":"target"}"#, "unknown field `to`"),
            (r#"{"do":"update","customer":"c","fields":{},"colour":1}"#, "unknown field `colour`"),
            (r#"{"do":"move_state","customer":"c"}"#, "missing field `to`"),
            (r#"{"do":"set_man","man":"MAN"}"#, "missing field `customer`"),
            (
                r#"{"do":"log_contact","customer":"c","kind":"pigeon","outcome":"progress"}"#,
                "unknown variant `pigeon`",
            ),
            (r#"{"do":"update","do":"update","customer":"c","fields":{}}"#, "duplicate field `do`"),
            (r#"{"do":"update","customer":"c","fields":{"colour":"红"}}"#, "unknown variant `colour`"),
            (r#"["create"]"#, "invalid type"),
        ];
        for (json, want) in bad {
            let err = read(json).expect_err(json);
            assert!(err.contains(want), "{json}: {err}");
        }
    }
}
