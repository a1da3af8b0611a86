//! SCORM 1.2: resume data for `cmi.suspend_data` (the longest plays of the built-in packs fit;
//! decode(encode(play)) = play for any play, or a clear error when it cannot fit), the runtime
//! values (score, status, exit), the manifest (well-formed, one SCO per pack with its mastery
//! score), score); the package zip and the CLI are tested in kefu-cli.

use kefu_core::testing;
use kefu_core::testing::plays;

use std::rc::Rc;

use kefu_core::engine::{Current, Debrief, Input, LoadedPack, Play, Session};
use kefu_core::results::pass::pass_mark;
use kefu_core::results::scorm::{
    commit_values, decode, encode, lesson_status, manifest, sco_items, score_raw, LessonStatus, SuspendError,
    DEFAULT_LAUNCH, SUSPEND_MAX,
};
use plays::{best, exercise_input, play, worst, Picker};
use proptest::prelude::*;

fn packs() -> Vec<Rc<LoadedPack>> {
    let mut p = kefu_core::testing::builtin_packs();
    p.push(testing::load("ex.toml", testing::EXERCISES));
    p
}

/// Every play reachable from `s` (exercises answered right or wrong), keeping the one whose
/// resume data is longest.
fn longest(s: Session, seen: &mut usize, out: &mut Option<(usize, Play)>) {
    *seen += 1;
    assert!(*seen < 500_000, "too many plays to enumerate");
    let len = encode(s.loaded(), s.play()).expect("every play of a built-in pack fits").len();
    if out.as_ref().is_none_or(|(l, _)| len > *l) {
        *out = Some((len, s.play().clone()));
    }
    let next: Vec<Session> = match s.current() {
        Current::Choose { choices, .. } => choices
            .iter()
            .map(|c| {
                let mut n = s.clone();
                n.choose(&c.id, i64::MAX / 2).unwrap();
                n
            })
            .collect(),
        Current::Exercise { .. } => [true, false]
            .into_iter()
            .map(|right| {
                let mut n = s.clone();
                n.submit(exercise_input(&s, right, ""), i64::MAX / 2).unwrap();
                n
            })
            .collect(),
        Current::Finished => vec![],
    };
    for n in next {
        longest(n, seen, out);
    }
}

#[test]
fn the_longest_plays_of_the_built_in_packs_fit_and_round_trip() {
    for pack in kefu_core::testing::builtin_packs() {
        let mut worst_case: Option<(usize, Play)> = None;
        for seed in 0..8 {
            let mut seen = 0;
            // Answer times far from the start, the costliest to encode.
            longest(Session::start(pack.clone(), seed, -(i64::MAX / 2)).unwrap(), &mut seen, &mut worst_case);
        }
        let (len, play) = worst_case.unwrap();
        assert!(len <= SUSPEND_MAX);
        assert_eq!(decode(&pack, &encode(&pack, &play).unwrap()).unwrap(), play);
        println!("{}: longest play {} answers, {len} characters", pack.pack.meta.id, play.answers.len());
    }
}

#[test]
fn a_plan_too_long_for_scorm_is_a_clear_error() {
    let pack = testing::load("ex.toml", testing::EXERCISES);
    let mut s = Session::start(pack.clone(), 1, 0).unwrap();
    while !matches!(s.current(), Current::Finished) {
        let input = exercise_input(&s, true, &"方案".repeat(800));
        s.submit(input, 1).unwrap();
    }
    let e = encode(&pack, s.play()).unwrap_err();
    let SuspendError::TooLong { chars } = e else { panic!("{e}") };
    assert!(chars > SUSPEND_MAX);
    assert!(e.to_string().contains("4096"));
    // The values still go to the LMS, without resume data.
    let c = commit_values(&s, 1000);
    assert_eq!(c.suspend_error, Some(SuspendError::TooLong { chars }));
    assert!(c.values.iter().all(|(k, _)| *k != "cmi.suspend_data"));
    assert!(c.values.iter().any(|(k, _)| *k == "cmi.core.lesson_status"));
}

#[test]
fn damaged_or_foreign_resume_data_is_refused() {
    let packs = packs();
    let s = best(&packs[0], 1);
    let data = encode(&packs[0], s.play()).unwrap();
    assert_eq!(decode(&packs[1], &data), Err(SuspendError::OtherPack));
    assert!(matches!(decode(&packs[0], &data[..data.len() / 2]), Err(SuspendError::Corrupt(_))));
    assert!(matches!(decode(&packs[0], "!!!"), Err(SuspendError::Corrupt(_))));
    assert!(matches!(decode(&packs[0], ""), Err(SuspendError::Corrupt(_))));
    assert!(matches!(decode(&packs[0], &format!("{data}AAAA")), Err(SuspendError::Corrupt(_))));
    // A play naming a choice the pack lacks cannot be encoded.
    let mut bad = s.play().clone();
    bad.answers[0].input = Input::Choice("nope".into());
    let e = encode(&packs[0], &bad).unwrap_err();
    assert!(matches!(&e, SuspendError::NotInPack { what } if what.contains("nope")), "{e}");
}

fn arbitrary_play(
    pack: &Rc<LoadedPack>,
    seed: u64,
    pick: u64,
    steps: usize,
    text: usize,
    times: &[i64],
) -> Play {
    let mut s = Session::start(pack.clone(), seed, 0).unwrap();
    let mut picker = Picker(pick);
    for _ in 0..steps {
        match s.current() {
            Current::Choose { choices, .. } => {
                let id = choices[picker.below(choices.len())].id.clone();
                s.choose(&id, 0).unwrap();
            }
            Current::Exercise { .. } => {
                let input = exercise_input(&s, picker.below(2) == 0, &"字".repeat(text));
                s.submit(input, 0).unwrap();
            }
            Current::Finished => break,
        }
    }
    let mut p = s.play().clone();
    p.started = times[0];
    for (a, t) in p.answers.iter_mut().zip(times.iter().cycle().skip(1)) {
        a.at = *t;
    }
    p
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn decode_inverts_encode_or_the_length_error_is_clear(
        which in 0usize..3,
        seed in any::<u64>(),
        pick in any::<u64>(),
        steps in 0usize..60,
        text in 0usize..1500,
        times in proptest::collection::vec(any::<i64>(), 1..8),
    ) {
        let pack = &packs()[which];
        let p = arbitrary_play(pack, seed, pick, steps, text, &times);
        match encode(pack, &p) {
            Ok(data) => {
                prop_assert!(data.len() <= SUSPEND_MAX);
                prop_assert!(data.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
                prop_assert_eq!(decode(pack, &data).unwrap(), p);
            }
            Err(SuspendError::TooLong { chars }) => prop_assert!(chars > SUSPEND_MAX),
            Err(e) => prop_assert!(false, "unexpected error {}", e),
        }
    }

    #[test]
    fn decoding_anything_never_panics(text in "[A-Za-z0-9_-]{0,200}") {
        let pack = &packs()[2];
        let _ = decode(pack, &text);
    }
}

#[test]
fn runtime_values_follow_the_grades() {
    let pack = &kefu_core::testing::builtin_packs()[0];
    let top = best(pack, 1);
    let low = worst(pack, 1);
    assert_eq!(lesson_status(&top), LessonStatus::Passed);
    assert_eq!(lesson_status(&low), LessonStatus::Failed);
    let d = Debrief::of(&low);
    assert_eq!(score_raw(&d), d.percent);
    assert!(d.percent < pass_mark(&pack.pack).unwrap());

    let c = commit_values(&top, 3_723_456);
    let get = |k: &str| c.values.iter().find(|(key, _)| *key == k).map(|(_, v)| v.as_str());
    assert_eq!(get("cmi.core.score.raw"), Some("100"));
    assert_eq!(get("cmi.core.score.min"), Some("0"));
    assert_eq!(get("cmi.core.score.max"), Some("100"));
    assert_eq!(get("cmi.core.lesson_status"), Some("passed"));
    assert_eq!(get("cmi.core.exit"), Some(""));
    assert_eq!(get("cmi.core.session_time"), Some("01:02:03.45"));
    assert_eq!(decode(pack, get("cmi.suspend_data").unwrap()).unwrap(), *top.play());

    // Mid-play: incomplete, no score yet, suspended with resume data that resumes this play.
    let partial = play(pack, 1, &mut Picker(3), 0, 1);
    assert!(!partial.is_finished());
    let c = commit_values(&partial, 0);
    let get = |k: &str| c.values.iter().find(|(key, _)| *key == k).map(|(_, v)| v.as_str());
    assert_eq!(get("cmi.core.lesson_status"), Some("incomplete"));
    assert_eq!(get("cmi.core.score.raw"), None);
    assert_eq!(get("cmi.core.exit"), Some("suspend"));
    let resumed =
        Session::replay(pack.clone(), &decode(pack, get("cmi.suspend_data").unwrap()).unwrap()).unwrap();
    assert_eq!(resumed.events(), partial.events());

    // A pack with a single grade band has no pass mark: completed.
    let mut one_band = (**pack).clone();
    one_band.pack.grades.retain(|g| g.min == 0);
    let s = Session::replay(Rc::new(one_band), top.play()).unwrap();
    assert_eq!(lesson_status(&s), LessonStatus::Completed);
}

#[test]
fn the_manifest_is_well_formed_with_one_sco_per_pack() {
    let packs = kefu_core::testing::builtin_packs();
    let files = vec![
        "lms/scorm/index.html".to_string(),
        "lms/scorm/kefu-sim-1a2b_bg.wasm".into(),
        "lms/scorm/kefu-sim-1a2b.js".into(),
    ];
    let items = sco_items(&packs, DEFAULT_LAUNCH);
    let xml = manifest("kefu-sim", "客服实训 <全部> & 更多", &items, &files);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "manifest");
    assert_eq!(root.tag_name().namespace(), Some("http://www.imsproject.org/xsd/imscp_rootv1p1p2"));
    let text_of = |n: roxmltree::Node, tag: &str| {
        n.descendants().find(|d| d.tag_name().name() == tag).and_then(|d| d.text()).map(String::from)
    };
    assert_eq!(text_of(root, "schemaversion").as_deref(), Some("1.2"));
    let org_title = root.descendants().find(|d| d.tag_name().name() == "organization").unwrap();
    assert_eq!(text_of(org_title, "title").as_deref(), Some("客服实训 <全部> & 更多"));
    let adlcp = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
    let item_nodes: Vec<_> = root.descendants().filter(|d| d.tag_name().name() == "item").collect();
    assert_eq!(item_nodes.len(), packs.len());
    for (node, pack) in item_nodes.iter().zip(&packs) {
        assert_eq!(text_of(*node, "title").unwrap(), pack.pack.meta.title);
        let mastery = text_of(*node, "masteryscore").unwrap();
        assert_eq!(mastery, pass_mark(&pack.pack).unwrap().to_string());
        let rid = node.attribute("identifierref").unwrap();
        let res = root.descendants().find(|d| d.attribute("identifier") == Some(rid)).unwrap();
        assert_eq!(res.attribute((adlcp, "scormtype")), Some("sco"));
        assert_eq!(
            res.attribute("href").unwrap(),
            format!("lms/scorm/index.html?scorm=1&pack={}", pack.pack.meta.id)
        );
    }
    let shared = root.descendants().find(|d| d.attribute("identifier") == Some("shared")).unwrap();
    let listed: Vec<&str> = shared.children().filter_map(|f| f.attribute("href")).collect();
    assert_eq!(listed, files.iter().map(String::as_str).collect::<Vec<_>>());
}
