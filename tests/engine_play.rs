//! The engine on a sample pack and on every built-in pack: choices, conditions, effects, debrief,
//! and deterministic replay (the DESIGN contract), including a property test over random plays.

mod common;

use std::rc::Rc;

use kefu_sim::engine::{Current, Debrief, EngineError, Event, LoadedPack, Play, Session};
use proptest::prelude::*;

fn offered(s: &Session) -> Vec<String> {
    match s.current() {
        Current::Choose { choices, .. } => choices.iter().map(|c| c.id.clone()).collect(),
        Current::Finished => vec![],
    }
}

fn node(s: &Session) -> String {
    match s.current() {
        Current::Choose { node, .. } => node.id.clone(),
        Current::Finished => "<finished>".into(),
    }
}

/// A seed whose draw gives `need == value`.
fn seed_with(pack: &Rc<LoadedPack>, value: &str) -> u64 {
    (0..1000)
        .find(|&seed| {
            let s = Session::start(pack.clone(), seed, 0).unwrap();
            s.drawn()["need"] == kefu_sim::pack::expr::Value::Str(value.into())
        })
        .expect("both values are drawn within 1000 seeds")
}

#[test]
fn conditions_effects_and_variants_drive_the_dialogue() {
    let pack = common::load("sample.toml", common::SAMPLE);
    let seed = seed_with(&pack, "sweet");
    let mut s = Session::start(pack.clone(), seed, 10).unwrap();
    assert_eq!(node(&s), "ask");
    assert_eq!(offered(&s), ["pitch", "probe", "chat"]);
    s.choose("chat", 11).unwrap();
    s.choose("chat", 12).unwrap();
    // patience is now 0: the small talk is no longer offered.
    assert_eq!(offered(&s), ["pitch", "probe"]);
    let c = s.choose("probe", 13).unwrap().clone();
    assert!(c.best, "probing scores highest");
    assert_eq!(c.deltas, vec![("needs".to_string(), 2)]);
    // `tells` is a next node; its text follows the drawn need.
    let lines: Vec<&str> = s
        .events()
        .iter()
        .filter_map(|e| if let Event::Line { text, .. } = e { Some(text.as_str()) } else { None })
        .collect();
    assert!(lines.contains(&"我要甜的。"), "{lines:?}");
    assert_eq!(node(&s), "offer");
    assert_eq!(
        s.choose("probe", 14).unwrap_err(),
        EngineError::UnknownChoice { node: "offer".into(), choice: "probe".into() }
    );
    s.choose("praise", 15).unwrap();
    assert_eq!(s.progress(), (1, 2));
    s.choose("invite", 16).unwrap();
    assert!(s.is_finished());
    assert_eq!(s.choose("invite", 17).unwrap_err(), EngineError::Finished);

    let d = Debrief::of(&s);
    let got: Vec<(String, i64, i64)> = d.dims.iter().map(|x| (x.id.clone(), x.score, x.max)).collect();
    assert_eq!(got, vec![("needs".into(), 2, 2), ("rapport".into(), 2, 2)]);
    assert_eq!(d.percent, 100);
    assert_eq!(d.grade.as_ref().unwrap().label, "优秀");
    assert_eq!(d.endings.len(), 2);
    assert_eq!(d.review.len(), 5);
    assert_eq!(d.facts[0].value, "要甜的");
}

#[test]
fn hidden_choices_are_refused_and_failed_steps_change_nothing() {
    let pack = common::load("sample.toml", common::SAMPLE);
    let seed = seed_with(&pack, "sour");
    let mut s = Session::start(pack, seed, 0).unwrap();
    s.choose("chat", 1).unwrap();
    s.choose("chat", 2).unwrap();
    let before = s.play().clone();
    let events = s.events().len();
    assert_eq!(
        s.choose("chat", 3).unwrap_err(),
        EngineError::NotOffered { node: "ask".into(), choice: "chat".into() }
    );
    assert_eq!(s.play(), &before);
    assert_eq!(s.events().len(), events);
    // Feature-first with a sour need: she leaves; the second activity still follows.
    let c = s.choose("pitch", 4).unwrap().clone();
    assert!(!c.best);
    assert_eq!(c.better.as_deref(), Some("您要什么样的?"));
    assert!(s.events().iter().any(|e| matches!(e, Event::Ended { node, .. } if node == "leaves")));
    assert_eq!(node(&s), "bye");
}

#[test]
fn replay_rebuilds_the_same_session_and_rejects_other_packs() {
    let pack = common::load("sample.toml", common::SAMPLE);
    let mut s = Session::start(pack.clone(), 5, 0).unwrap();
    s.choose("probe", 1).unwrap();
    let again = Session::replay(pack.clone(), s.play()).unwrap();
    assert_eq!(again.events(), s.events());
    assert_eq!(again.scores(), s.scores());

    let changed = common::load("sample2.toml", &common::SAMPLE.replace("又大又甜。", "又大又甜!"));
    let err = Session::replay(changed, s.play()).unwrap_err();
    assert!(matches!(err, EngineError::PackMismatch { .. }));
    assert!(err.to_string().contains("内容不同"));

    let mut tampered: Play = s.play().clone();
    tampered.answers[0].node = "offer".into();
    assert!(matches!(Session::replay(pack, &tampered), Err(EngineError::OutOfStep { .. })));
}

/// Plays `pack` choosing by `picks` (each an index into the offered choices, modulo their count).
fn random_play(pack: &Rc<LoadedPack>, seed: u64, picks: &[usize]) -> Session {
    let mut s = Session::start(pack.clone(), seed, 0).unwrap();
    let mut i = 0;
    while !s.is_finished() {
        let ids = offered(&s);
        assert!(!ids.is_empty(), "stuck at {}", node(&s));
        let pick = picks.get(i % picks.len().max(1)).copied().unwrap_or(0) % ids.len();
        s.choose(&ids[pick], i as i64).unwrap();
        i += 1;
        assert!(i < 10_000, "play does not end");
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_plays_of_every_pack_end_and_replay_identically(seed in any::<u64>(), picks in prop::collection::vec(0usize..8, 1..40)) {
        let mut packs = common::builtin();
        packs.push(("sample.toml".into(), common::load("sample.toml", common::SAMPLE)));
        for (name, pack) in packs {
            let s = random_play(&pack, seed, &picks);
            prop_assert!(s.events().iter().any(|e| matches!(e, Event::Ended { .. })), "{name}: no ending");
            let again = Session::replay(pack.clone(), s.play()).unwrap();
            prop_assert_eq!(again.events(), s.events());
            prop_assert_eq!(again.scores(), s.scores());
            let d = Debrief::of(&s);
            for dim in &d.dims {
                prop_assert!(dim.min <= dim.score && dim.score <= dim.max, "{}: {} outside {}..{}", name, dim.score, dim.min, dim.max);
            }
            // The stored form replays too.
            let json = serde_json::to_string(s.play()).unwrap();
            let back: Play = serde_json::from_str(&json).unwrap();
            let from_json = Session::replay(pack, &back).unwrap();
            prop_assert_eq!(from_json.events(), s.events());
        }
    }
}
