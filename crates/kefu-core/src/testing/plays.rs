//! Helpers for the results tests: real plays of real packs, driven by a small deterministic
//! picker, so that every test works on plays the engine actually produced.

use std::rc::Rc;

use crate::engine::answer_key::{self, Aim};
use crate::engine::{Current, Input, LoadedPack, Session};
use crate::results::{ResultFile, ResultPlay, Student};

/// A deterministic source of picks (SplitMix64).
pub struct Picker(pub u64);

impl Picker {
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) % n.max(1) as u64) as usize
    }
}

/// An answer to the current exercise: all right when `right`, otherwise wrong where possible.
/// Plan text fields get `text` (at least the field's minimum length).
pub fn exercise_input(s: &Session, right: bool, text: &str) -> Input {
    let Current::Exercise { activity, .. } = s.current() else { panic!("not at an exercise") };
    let aim = if right { Aim::Best } else { Aim::Worst };
    let mut input = answer_key::answer_in(s, aim).expect("an exercise has an answer key");
    // The key's plan texts are placeholders: write `text` instead, long enough for every field.
    // (A `crm` card's texts are its answers, so they stay.)
    if let (Input::Plan(fields), false) = (&mut input, activity.body.kind() == "crm") {
        for f in fields.values_mut() {
            let min = f.text.chars().count();
            f.text = text.to_string();
            while f.text.chars().count() < min {
                f.text.push('答');
            }
        }
    }
    input
}

/// Plays `pack` from `seed` to the end (or `max_steps` answers), picking with `picker`; answers
/// are given 7 s apart from `t0`.
pub fn play(pack: &Rc<LoadedPack>, seed: u64, picker: &mut Picker, t0: i64, max_steps: usize) -> Session {
    let mut s = Session::start(Rc::clone(pack), seed, t0).unwrap();
    for step in 1..=max_steps {
        let at = t0 + 7000 * step as i64;
        match s.current() {
            Current::Choose { choices, .. } => {
                let id = choices[picker.below(choices.len())].id.clone();
                s.choose(&id, at).unwrap();
            }
            Current::Exercise { .. } => {
                let input = exercise_input(&s, picker.below(2) == 0, "");
                s.submit(input, at).unwrap();
            }
            Current::Finished => break,
        }
    }
    s
}

/// A finished play of `pack` (trying picker seeds from `from` until one finishes).
pub fn finished(pack: &Rc<LoadedPack>, seed: u64, from: u64) -> Session {
    (from..from + 200)
        .map(|p| play(pack, seed, &mut Picker(p), 1_700_000_000_000 + p as i64, 500))
        .find(Session::is_finished)
        .expect("some play finishes")
}

/// The best play: at each node the choice with the highest total score, exercises right.
pub fn best(pack: &Rc<LoadedPack>, seed: u64) -> Session {
    extreme(pack, seed, true)
}

/// The worst play: at each node the choice with the lowest total score, exercises wrong.
pub fn worst(pack: &Rc<LoadedPack>, seed: u64) -> Session {
    extreme(pack, seed, false)
}

fn extreme(pack: &Rc<LoadedPack>, seed: u64, top: bool) -> Session {
    let mut s = Session::start(Rc::clone(pack), seed, 0).unwrap();
    for step in 1..500 {
        match s.current() {
            Current::Choose { choices, .. } => {
                let total = |c: &crate::pack::Choice| c.score.iter().map(|x| x.delta).sum::<i64>();
                let pick = if top {
                    choices.iter().max_by_key(|c| total(c))
                } else {
                    choices.iter().min_by_key(|c| total(c))
                };
                let id = pick.unwrap().id.clone();
                s.choose(&id, step * 5000).unwrap();
            }
            Current::Exercise { .. } => {
                let input = exercise_input(&s, top, "");
                s.submit(input, step * 5000).unwrap();
            }
            Current::Finished => break,
        }
    }
    assert!(s.is_finished());
    s
}

pub fn student(n: u32) -> Student {
    Student::new(&format!("学生{n}"), &format!("2023{n:03}")).unwrap()
}

/// A one-play result file's text.
pub fn file_of(student: &Student, sessions: &[&Session]) -> String {
    let plays = sessions.iter().map(|s| ResultPlay::of_session(s, s.play().started + 60_000)).collect();
    ResultFile::new(student.clone(), plays, 1_700_000_100_000).to_json()
}
