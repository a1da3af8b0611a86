//! Packs that arrive compiled (stored by the teacher app, fetched from a link) are re-validated
//! before they are played: damaged or hand-made bytes are refused with a message, never a panic.

use std::rc::Rc;

use kefu_core::engine::{Current, Session};
use kefu_core::pack::summary::{decode_file, encode_file};
use kefu_core::pack::{validate, ActivityBody, Branch, LoadedPack, NodeBody, Pack, PackSummary, VarKind};
use kefu_core::testing::{builtin_packs, load, plays, SAMPLE};

fn round_trip(pack: &Pack) -> Result<Pack, String> {
    let summary = PackSummary::of(pack, "h");
    decode_file(&encode_file(pack, "h"), &summary)
}

fn sample() -> Pack {
    load("sample.toml", SAMPLE).pack.clone()
}

#[test]
fn every_checked_pack_validates() {
    for p in builtin_packs() {
        assert_eq!(validate(&p.pack), Ok(()), "{}", p.pack.meta.id);
        // Spans are not stored, so compare what a second round trip gives.
        let once = round_trip(&p.pack).expect("a built-in pack decodes");
        assert!(round_trip(&once).as_ref() == Ok(&once), "{}", p.pack.meta.id);
    }
    assert_eq!(validate(&sample()), Ok(()));
}

fn damaged() -> Vec<(&'static str, Pack)> {
    let mut out = vec![];
    let mut p = sample();
    let VarKind::OneOf { values, weights } = &mut p.vars[0].kind else { panic!("need is one_of") };
    values.clear();
    weights.clear();
    out.push(("empty values", p));
    let mut p = sample();
    let VarKind::OneOf { weights, .. } = &mut p.vars[0].kind else { panic!() };
    weights.push(1);
    out.push(("weights longer than values", p));
    let mut p = sample();
    p.vars[0].kind = VarKind::Range { lo: 5, hi: 4 };
    out.push(("low above high (width 0)", p));
    let mut p = sample();
    p.vars[0].kind = VarKind::Range { lo: i64::MAX, hi: i64::MIN };
    out.push(("low far above high", p));
    let mut p = sample();
    let ActivityBody::Dialogue(d) = &mut p.activities[0].body else { panic!() };
    d.start = "nowhere".into();
    out.push(("start not a node", p));
    let mut p = sample();
    let ActivityBody::Dialogue(d) = &mut p.activities[0].body else { panic!() };
    for n in d.nodes.values_mut() {
        if let NodeBody::Choices(cs) = &mut n.body {
            cs[0].goto = vec![Branch { when: None, to: "nowhere".into(), span: Default::default() }];
        }
    }
    out.push(("goto not a node", p));
    let mut p = sample();
    p.activities.clear();
    out.push(("no activity", p));
    let mut p = sample();
    let ActivityBody::Dialogue(d) = &mut p.activities[0].body else { panic!() };
    for n in d.nodes.values_mut() {
        if let NodeBody::Choices(cs) = &mut n.body {
            cs[0].score[0].dim = "ghost".into();
        }
    }
    out.push(("score for an unknown dimension", p));
    out
}

#[test]
fn damaged_decoded_packs_are_refused_with_a_message() {
    for (what, p) in damaged() {
        let err = round_trip(&p).expect_err(what);
        assert!(err.contains("场景包"), "{what}: {err}");
    }
}

#[test]
fn the_engine_does_not_panic_on_an_unvalidated_pack() {
    for (what, p) in damaged() {
        let loaded = Rc::new(LoadedPack { pack: p, hash: "h".into() });
        for seed in 0..20 {
            let r = std::panic::catch_unwind(|| {
                let Ok(mut s) = Session::start(loaded.clone(), seed, 0) else { return };
                let mut picker = plays::Picker(seed);
                for step in 0..200 {
                    let r = match s.current() {
                        Current::Choose { choices, .. } if !choices.is_empty() => {
                            let id = choices[picker.below(choices.len())].id.clone();
                            s.choose(&id, step).map(|_| ())
                        }
                        Current::Exercise { .. } => {
                            let input = plays::exercise_input(&s, picker.below(2) == 0, "");
                            s.submit(input, step).map(|_| ())
                        }
                        _ => break,
                    };
                    if r.is_err() {
                        break;
                    }
                }
            });
            assert!(r.is_ok(), "{what}, seed {seed}");
        }
    }
}
