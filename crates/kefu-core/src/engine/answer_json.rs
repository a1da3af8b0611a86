//! Reading an [`Answer`] back, written by hand. An answer is stored flat — the input's variant is
//! a key beside `activity` and `node` (`{"activity":"talk","node":"ask","choice":"probe","at":5}`)
//! — which serde's derive could only do with `#[serde(flatten)]`: every answer of every stored
//! play was buffered into serde's generic `Content` tree and re-read, a large piece of the student
//! app's wasm. This visitor reads the same JSON in one pass and accepts what the derive accepted:
//! other keys are ignored, the first variant key is the input, `at` defaults to 0.

use std::fmt;

use serde::de::{Error, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::play::{Answer, Input};

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(AnswerVisitor)
    }
}

struct AnswerVisitor;

/// Fills `slot` once; a repeated key is refused like the derive does.
fn once<T, E: Error>(slot: &mut Option<T>, value: T, key: &'static str) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::duplicate_field(key));
    }
    *slot = Some(value);
    Ok(())
}

impl<'de> Visitor<'de> for AnswerVisitor {
    type Value = Answer;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct Answer")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Answer, A::Error> {
        let (mut activity, mut node, mut at, mut input) = (None, None, None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "activity" => once(&mut activity, map.next_value()?, "activity")?,
                "node" => once(&mut node, map.next_value()?, "node")?,
                "at" => once(&mut at, map.next_value()?, "at")?,
                // The flattened enum took the first of its variants' keys and left the rest.
                "choice" | "order" | "classify" | "calc" | "plan" if input.is_some() => {
                    map.next_value::<IgnoredAny>()?;
                }
                "choice" => input = Some(Input::Choice(map.next_value()?)),
                "order" => input = Some(Input::Order(map.next_value()?)),
                "classify" => input = Some(Input::Classify(map.next_value()?)),
                "calc" => input = Some(Input::Calc(map.next_value()?)),
                "plan" => input = Some(Input::Plan(map.next_value()?)),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Answer {
            activity: activity.ok_or_else(|| A::Error::missing_field("activity"))?,
            node: node.ok_or_else(|| A::Error::missing_field("node"))?,
            input: input
                .ok_or_else(|| A::Error::custom("no variant of enum Input found in flattened data"))?,
            at: at.unwrap_or(0),
        })
    }
}

#[cfg(test)]
mod tests {
    use indexmap::IndexMap;

    use super::*;
    use crate::engine::exercise::FieldAnswer;

    fn read(json: &str) -> Result<Answer, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_back_every_input_the_serializer_writes() {
        let mut plan = IndexMap::new();
        plan.insert("why".to_string(), FieldAnswer { text: "因为".into(), picks: vec!["a".into()] });
        let mut map = IndexMap::new();
        map.insert("i1".to_string(), "c2".to_string());
        let inputs = [
            Input::Choice("probe".into()),
            Input::Order(vec!["b".into(), "a".into()]),
            Input::Classify(map.clone()),
            Input::Calc(map),
            Input::Plan(plan),
        ];
        for (n, input) in inputs.into_iter().enumerate() {
            let a = Answer { activity: "act".into(), node: format!("n{n}"), input, at: 7 + n as i64 };
            let text = serde_json::to_string(&a).unwrap();
            assert_eq!(read(&text), Ok(a), "{text}");
        }
    }

    #[test]
    fn stored_text_in_any_order_with_defaults_and_extra_keys() {
        let a = read(r#"{"order":["x"],"node":"n","extra":{"k":[1]},"activity":"a"}"#).unwrap();
        assert_eq!(
            a,
            Answer { activity: "a".into(), node: "n".into(), input: Input::Order(vec!["x".into()]), at: 0 }
        );
        // Two variant keys: the first is the input, as with the flattened derive.
        let a = read(r#"{"activity":"a","node":"n","choice":"c","order":["x"]}"#).unwrap();
        assert_eq!(a.input, Input::Choice("c".into()));
    }

    #[test]
    fn refuses_broken_answers() {
        let bad = [
            (r#"{"activity":"a","choice":"c"}"#, "missing field `node`"),
            (r#"{"activity":"a","node":"n"}"#, "no variant of enum Input"),
            (r#"{"activity":"a","node":"n","choice":3}"#, "invalid type"),
            (r#"{"activity":"a","activity":"b","node":"n","choice":"c"}"#, "duplicate field `activity`"),
            (r#"["a","n"]"#, "invalid type"),
        ];
        for (json, want) in bad {
            let err = read(json).expect_err(json);
            assert!(err.contains(want), "{json}: {err}");
        }
    }
}
