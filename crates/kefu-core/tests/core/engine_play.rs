//! The engine on a sample pack and on every built-in pack: choices, conditions, effects, debrief,
//! and deterministic replay (the DESIGN contract), including a property test over random plays.

use kefu_core::testing;

use std::rc::Rc;

use kefu_core::engine::exercise::FieldAnswer;
use kefu_core::engine::{Current, Debrief, EngineError, Event, Input, LoadedPack, Play, Session};
use kefu_core::pack::{ActivityBody, FieldInput};
use proptest::prelude::*;

fn offered(s: &Session) -> Vec<String> {
    match s.current() {
        Current::Choose { choices, .. } => choices.iter().map(|c| c.id.clone()).collect(),
        Current::Exercise { .. } | Current::Finished => vec![],
    }
}

fn node(s: &Session) -> String {
    match s.current() {
        Current::Choose { node, .. } => node.id.clone(),
        Current::Exercise { activity, .. } => activity.id.clone(),
        Current::Finished => "<finished>".into(),
    }
}

/// A seed whose draw gives `need == value`.
fn seed_with(pack: &Rc<LoadedPack>, value: &str) -> u64 {
    (0..1000)
        .find(|&seed| {
            let s = Session::start(pack.clone(), seed, 0).unwrap();
            s.drawn()["need"] == kefu_core::pack::expr::Value::Str(value.into())
        })
        .expect("both values are drawn within 1000 seeds")
}

#[test]
fn conditions_effects_and_variants_drive_the_dialogue() {
    let pack = testing::load("sample.toml", testing::SAMPLE);
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
    let pack = testing::load("sample.toml", testing::SAMPLE);
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
    let pack = testing::load("sample.toml", testing::SAMPLE);
    let mut s = Session::start(pack.clone(), 5, 0).unwrap();
    s.choose("probe", 1).unwrap();
    let again = Session::replay(pack.clone(), s.play()).unwrap();
    assert_eq!(again.events(), s.events());
    assert_eq!(again.scores(), s.scores());

    let changed = testing::load("sample2.toml", &testing::SAMPLE.replace("又大又甜。", "又大又甜!"));
    let err = Session::replay(changed, s.play()).unwrap_err();
    assert!(matches!(err, EngineError::PackMismatch { .. }));
    assert!(err.to_string().contains("内容不同"));

    let mut tampered: Play = s.play().clone();
    tampered.answers[0].node = "offer".into();
    assert!(matches!(Session::replay(pack, &tampered), Err(EngineError::OutOfStep { .. })));
}

/// A valid but arbitrary answer to the current exercise, steered by `r`.
fn random_input(s: &Session, r: &mut impl FnMut() -> usize) -> Input {
    let Current::Exercise { activity, items } = s.current() else { unreachable!() };
    match &activity.body {
        ActivityBody::Order(_) => {
            let mut ids: Vec<String> = items.iter().map(|i| i.id.clone()).collect();
            for k in (1..ids.len()).rev() {
                ids.swap(k, r() % (k + 1));
            }
            Input::Order(ids)
        }
        ActivityBody::Classify(c) => Input::Classify(
            items.iter().map(|i| (i.id.clone(), c.categories[r() % c.categories.len()].id.clone())).collect(),
        ),
        ActivityBody::Calc(c) => Input::Calc(
            c.steps
                .iter()
                .map(|st| (st.id.clone(), if r() % 2 == 0 { st.answer.to_string() } else { "1".into() }))
                .collect(),
        ),
        ActivityBody::Plan(p) => Input::Plan(
            p.fields
                .iter()
                .map(|f| {
                    let picks = match f.input {
                        FieldInput::Text => vec![],
                        FieldInput::One => vec![f.options[r() % f.options.len()].id.clone()],
                        FieldInput::Many => {
                            f.options.iter().filter(|_| r() % 2 == 0).map(|o| o.id.clone()).collect()
                        }
                    };
                    (f.id.clone(), FieldAnswer { text: "计".repeat(f.min_chars as usize), picks })
                })
                .collect(),
        ),
        ActivityBody::Crm(form) => {
            let texts = s.texts();
            Input::Plan(
                form.fields
                    .iter()
                    .map(|f| {
                        let options = texts.options(f);
                        let text = if f.field == kefu_core::crm::Field::Man {
                            kefu_core::crm::Man::from_index(r() % 8).code()
                        } else if options.is_empty() {
                            "计".to_string()
                        } else {
                            options[r() % options.len()].clone()
                        };
                        (f.field.key().to_string(), FieldAnswer { text, picks: vec![] })
                    })
                    .collect(),
            )
        }
        ActivityBody::Dialogue(_) => unreachable!(),
    }
}

/// Plays `pack` choosing by `picks` (each an index into the offered choices, modulo their count).
fn random_play(pack: &Rc<LoadedPack>, seed: u64, picks: &[usize]) -> Session {
    let mut s = Session::start(pack.clone(), seed, 0).unwrap();
    let mut i = 0;
    let mut k = 0;
    let mut r = move || {
        k += 1;
        picks.get(k % picks.len().max(1)).copied().unwrap_or(0) + k / picks.len().max(1)
    };
    while !s.is_finished() {
        if matches!(s.current(), Current::Exercise { .. }) {
            let input = random_input(&s, &mut r);
            s.submit(input, i as i64).unwrap();
        } else {
            let ids = offered(&s);
            assert!(!ids.is_empty(), "stuck at {}", node(&s));
            let pick = r() % ids.len();
            s.choose(&ids[pick], i as i64).unwrap();
        }
        i += 1;
        assert!(i < 10_000, "play does not end");
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_plays_of_every_pack_end_and_replay_identically(seed in any::<u64>(), picks in prop::collection::vec(0usize..8, 1..40)) {
        let mut packs = testing::builtin();
        packs.push(("sample.toml".into(), testing::load("sample.toml", testing::SAMPLE)));
        packs.push(("exercises.toml".into(), testing::load("exercises.toml", testing::EXERCISES)));
        for (name, pack) in packs {
            let s = random_play(&pack, seed, &picks);
            let dialogues = pack.pack.activities.iter().filter(|a| a.body.dialogue().is_some()).count();
            let endings = s.events().iter().filter(|e| matches!(e, Event::Ended { .. })).count();
            prop_assert_eq!(endings, dialogues, "{}: every dialogue ends", name);
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

/// Everything a student can see of a session, to compare before and after a refused step.
fn snapshot(s: &Session) -> String {
    format!("{:?}|{:?}|{:?}|{:?}|{}", s.events(), s.scores(), s.vars(), s.play(), node(s))
}

#[test]
fn a_refused_step_leaves_the_session_exactly_as_it_was() {
    let pack = testing::load("sample.toml", testing::SAMPLE);
    let mut s = Session::start(pack.clone(), 3, 0).unwrap();
    let first = offered(&s)[0].clone();
    s.choose(&first, 1).unwrap();
    let before = snapshot(&s);
    assert!(s.choose("no-such-choice", 2).is_err());
    assert!(s.submit(Input::Order(vec![]), 2).is_err(), "an exercise answer at a dialogue node");
    assert_eq!(snapshot(&s), before);

    // A failure after the step's effects were applied (its target node is gone: a pack damaged
    // after it was checked) is rolled back too, scores and transcript included.
    let mut broken = (*pack).clone();
    let s = Session::start(pack.clone(), 3, 0).unwrap();
    let (here, choice) = (node(&s), offered(&s)[0].clone());
    let Some(ActivityBody::Dialogue(d)) = broken.pack.activities.first_mut().map(|a| &mut a.body) else {
        panic!("the sample starts with a dialogue")
    };
    let step = d.nodes[&here].choices().iter().find(|c| c.id == choice).unwrap().clone();
    assert!(!step.score.is_empty(), "the step changes scores before it fails");
    for b in &step.goto {
        d.nodes.shift_remove(&b.to);
    }
    let mut s = Session::start(Rc::new(broken), 3, 0).unwrap();
    let before = snapshot(&s);
    let err = s.choose(&choice, 3).unwrap_err();
    assert!(matches!(err, EngineError::MissingNode { .. }), "{err:?}");
    assert_eq!(snapshot(&s), before);
}
