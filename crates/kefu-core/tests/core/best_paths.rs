//! For every built-in pack and every customer its seed can draw: explore every play through the
//! engine (choices from the pack, exercises answered all-right or all-wrong) and check that the
//! best and worst plays reach exactly the maximum and minimum the debrief grades against, and
//! that some play earns 100%. Nothing here is hard-coded per pack.

use kefu_core::testing;

use std::rc::Rc;

use kefu_core::engine::answer_key::{self, Aim};
use kefu_core::engine::{Current, Debrief, Input, LoadedPack, Session};
use kefu_core::pack::VarKind;

/// The answers to try for the current exercise: the best and the worst, from the answer key.
fn exercise_inputs(s: &Session) -> Vec<Input> {
    [Aim::Worst, Aim::Best].into_iter().filter_map(|aim| answer_key::answer_in(s, aim)).collect()
}

/// One way to move a session on (a choice or an exercise answer).
type Step = Box<dyn Fn(&mut Session)>;

/// Every finished play reachable from `s` (depth-first), as final sessions.
fn all_plays(s: Session, out: &mut Vec<Session>) {
    assert!(out.len() < 200_000, "too many plays to enumerate");
    if s.is_finished() {
        out.push(s);
        return;
    }
    let steps: Vec<Step> = match s.current() {
        Current::Choose { choices, .. } => choices
            .iter()
            .map(|c| {
                let id = c.id.clone();
                Box::new(move |s: &mut Session| {
                    s.choose(&id, 0).unwrap();
                }) as Box<dyn Fn(&mut Session)>
            })
            .collect(),
        Current::Exercise { .. } => exercise_inputs(&s)
            .into_iter()
            .map(|i| {
                Box::new(move |s: &mut Session| {
                    s.submit(i.clone(), 0).unwrap();
                }) as Box<dyn Fn(&mut Session)>
            })
            .collect(),
        Current::Finished => unreachable!(),
    };
    for step in steps {
        let mut next = s.clone();
        step(&mut next);
        all_plays(next, out);
    }
}

/// One seed per combination of the pack's drawn values.
fn seeds_covering_every_draw(pack: &Rc<LoadedPack>) -> Vec<u64> {
    let combos: usize = pack
        .pack
        .vars
        .iter()
        .map(|v| match &v.kind {
            VarKind::OneOf { values, weights } => values.iter().zip(weights).filter(|(_, w)| **w > 0).count(),
            VarKind::Range { lo, hi } => (hi - lo + 1).min(4) as usize,
            VarKind::Init(_) => 1,
        })
        .product();
    let mut seen = Vec::new();
    let mut seeds = Vec::new();
    for seed in 0..5000 {
        let draw = Session::start(pack.clone(), seed, 0).unwrap().drawn().clone();
        if !seen.contains(&draw) {
            seen.push(draw);
            seeds.push(seed);
        }
        if seeds.len() == combos {
            break;
        }
    }
    assert_eq!(seeds.len(), combos, "every combination of drawn values occurs within 5000 seeds");
    seeds
}

#[test]
fn best_and_worst_plays_reach_the_graded_bounds_and_someone_can_earn_100_percent() {
    let packs = testing::builtin();
    assert!(packs.len() >= 2);
    for (name, pack) in packs {
        for seed in seeds_covering_every_draw(&pack) {
            let mut plays = Vec::new();
            all_plays(Session::start(pack.clone(), seed, 0).unwrap(), &mut plays);
            let debriefs: Vec<Debrief> = plays.iter().map(Debrief::of).collect();
            for (k, dim) in debriefs[0].dims.iter().enumerate() {
                let best = debriefs.iter().map(|d| d.dims[k].score).max().unwrap();
                let worst = debriefs.iter().map(|d| d.dims[k].score).min().unwrap();
                assert_eq!(best, dim.max, "{name} seed {seed}: best play of `{}` vs its maximum", dim.id);
                assert_eq!(worst, dim.min, "{name} seed {seed}: worst play of `{}` vs its minimum", dim.id);
            }
            assert!(debriefs.iter().any(|d| d.percent == 100), "{name} seed {seed}: no play earns 100%");
            assert!(debriefs.iter().any(|d| d.percent < 50), "{name} seed {seed}: mistakes must cost points");
        }
    }
}
