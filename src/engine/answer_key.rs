//! The answer key of an exercise: an answer that earns the most it can, and one that earns the
//! least. Built from the pack alone (never from a grader's output), so the tests that check every
//! pack's score bounds are reachable, the benchmarks, and a teacher's answer sheet all use it.

use indexmap::IndexMap;

use crate::pack::{Activity, ActivityBody, FieldInput, Item, PlanOption};

use super::exercise::FieldAnswer;
use super::play::Input;

/// Which end of the scale an answer aims at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aim {
    Best,
    Worst,
}

fn sum(o: &PlanOption) -> i64 {
    o.score.iter().map(|s| s.delta).sum()
}

/// The answer to exercise `activity` whose items are `shown` (as the play shows them), aiming at
/// `aim`. `None` for a dialogue, which has no single answer.
pub fn answer(activity: &Activity, shown: &[&Item], aim: Aim) -> Option<Input> {
    let best = aim == Aim::Best;
    Some(match &activity.body {
        ActivityBody::Dialogue(_) => return None,
        ActivityBody::Order(o) => {
            // Reversed, the longest run in the right relative order is a single item: the least.
            let mut ids: Vec<String> = o.items.iter().map(|i| i.id.clone()).collect();
            if !best {
                ids.reverse();
            }
            Input::Order(ids)
        }
        ActivityBody::Classify(c) => Input::Classify(
            shown
                .iter()
                .map(|i| {
                    let cat = if best {
                        Some(&i.category)
                    } else {
                        c.categories.iter().map(|k| &k.id).find(|k| **k != i.category)
                    };
                    (i.id.clone(), cat.unwrap_or(&i.category).clone())
                })
                .collect(),
        ),
        ActivityBody::Calc(c) => Input::Calc(
            c.steps
                .iter()
                .map(|s| (s.id.clone(), if best { s.answer.to_string() } else { String::new() }))
                .collect(),
        ),
        ActivityBody::Plan(p) => Input::Plan(
            p.fields
                .iter()
                .map(|f| {
                    let picks = match f.input {
                        FieldInput::Text => vec![],
                        FieldInput::One => {
                            let o = if best {
                                f.options.iter().max_by_key(|o| sum(o))
                            } else {
                                f.options.iter().min_by_key(|o| sum(o))
                            };
                            o.map(|o| vec![o.id.clone()]).unwrap_or_default()
                        }
                        FieldInput::Many => f
                            .options
                            .iter()
                            .filter(|o| if best { sum(o) > 0 } else { sum(o) < 0 })
                            .map(|o| o.id.clone())
                            .collect(),
                    };
                    (f.id.clone(), FieldAnswer { text: "答".repeat(f.min_chars as usize), picks })
                })
                .collect::<IndexMap<_, _>>(),
        ),
    })
}
