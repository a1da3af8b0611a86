//! The answer key of an exercise: an answer that earns the most it can, and one that earns the
//! least. Built from the pack alone (never from a grader's output), so the tests that check every
//! pack's score bounds are reachable, the benchmarks, and a teacher's answer sheet all use it.

use indexmap::IndexMap;

use crate::crm::{Field, Man, MAN_TABLE};
use crate::pack::{Activity, ActivityBody, CrmForm, CrmTest, FieldInput, FormField, Item, PlanOption};

use super::crm_link::Texts;
use super::exercise::FieldAnswer;
use super::play::Input;
use super::session::{Current, Session};

/// Which end of the scale an answer aims at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aim {
    Best,
    Worst,
}

fn sum(o: &PlanOption) -> i64 {
    o.score.iter().map(|s| s.delta).sum()
}

/// The answer to the exercise `session` is at, aiming at `aim`; `None` when it is at a dialogue
/// node or finished. Unlike [`answer`] this also answers `crm` cards, whose right values depend
/// on what the play's seed drew.
pub fn answer_in(session: &Session, aim: Aim) -> Option<Input> {
    let Current::Exercise { activity, items } = session.current() else { return None };
    match &activity.body {
        ActivityBody::Crm(form) => Some(crm_answer(form, &session.texts(), aim)),
        _ => answer(activity, &items, aim),
    }
}

/// The card values that pass every check on the form's customer (best), or fail them (worst).
fn crm_answer(form: &CrmForm, texts: &Texts, aim: Aim) -> Input {
    Input::Plan(
        form.fields
            .iter()
            .map(|f| {
                let best = best_value(form, f, texts);
                let text = if aim == Aim::Best { best } else { worst_value(f, texts, &best) };
                (f.field.key().to_string(), FieldAnswer { text, picks: vec![] })
            })
            .collect(),
    )
}

fn best_value(form: &CrmForm, f: &FormField, texts: &Texts) -> String {
    let options = texts.options(f);
    for c in form.checks.iter().filter(|c| c.customer == form.customer) {
        match &c.test {
            CrmTest::Field { field, equals } if *field == f.field => return texts.expand(equals),
            CrmTest::FieldContains { field, contains } if *field == f.field => {
                let part = texts.expand(contains);
                return options.iter().find(|o| o.contains(&part)).cloned().unwrap_or(part);
            }
            CrmTest::Man { man } if f.field == Field::Man => return man.code(),
            CrmTest::ManClass { class } if f.field == Field::Man => {
                if let Some((m, _, _)) = MAN_TABLE.iter().find(|(_, k, _)| k == class) {
                    return m.code();
                }
            }
            _ => {}
        }
    }
    match options.first() {
        Some(o) => o.clone(),
        None if f.field == Field::Man => "M+A+N".into(),
        None => "答".into(),
    }
}

/// A value that differs from the best one; for MAN, one of another class (so neither the exact
/// code nor the class check passes).
fn worst_value(f: &FormField, texts: &Texts, best: &str) -> String {
    if f.field == Field::Man {
        let prospect = Man::parse(best).is_ok_and(|m| m.class() == crate::crm::ManClass::NonCustomer);
        return if prospect { "M+A+N" } else { "m+a+n" }.into();
    }
    let options = texts.options(f);
    match options.iter().find(|o| *o != best) {
        Some(o) => o.clone(),
        None if best == "答" => "错".into(),
        None => "答".into(),
    }
}

/// The answer to exercise `activity` whose items are `shown` (as the play shows them), aiming at
/// `aim`. `None` for a dialogue, which has no single answer, and for a `crm` card, whose answer
/// depends on the play (see [`answer_in`]).
pub fn answer(activity: &Activity, shown: &[&Item], aim: Aim) -> Option<Input> {
    let best = aim == Aim::Best;
    Some(match &activity.body {
        ActivityBody::Dialogue(_) | ActivityBody::Crm(_) => return None,
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
