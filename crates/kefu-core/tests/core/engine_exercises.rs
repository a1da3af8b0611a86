//! The exercise kinds through the engine: seeded shuffles, grading item by item, scores within the
//! play's bounds, bad answers refused without changing the play, and replay.

use kefu_core::testing;

use indexmap::IndexMap;

use kefu_core::engine::exercise::FieldAnswer;
use kefu_core::engine::{Current, Debrief, EngineError, Input, Session};

fn items(s: &Session) -> Vec<String> {
    match s.current() {
        Current::Exercise { items, .. } => items.iter().map(|i| i.id.clone()).collect(),
        _ => panic!("not at an exercise"),
    }
}

fn right_order() -> Vec<String> {
    ["find", "prepare", "approach", "present", "objections", "close", "follow"].map(String::from).to_vec()
}

#[test]
fn order_is_shuffled_by_seed_and_graded_by_the_longest_ordered_run() {
    let pack = testing::load("ex.toml", testing::EXERCISES);
    let a = Session::start(pack.clone(), 1, 0).unwrap();
    assert_ne!(items(&a), right_order(), "never handed out solved");
    assert_eq!(items(&a), items(&Session::start(pack.clone(), 1, 0).unwrap()));
    assert!((2..40).any(|seed| items(&Session::start(pack.clone(), seed, 0).unwrap()) != items(&a)));

    let mut s = Session::start(pack.clone(), 1, 0).unwrap();
    // "跟进和维持" moved to the front: six of seven still in order.
    let mut answer = right_order();
    answer.rotate_right(1);
    let g = s.submit(Input::Order(answer), 5).unwrap().clone();
    assert_eq!((g.grade.right, g.grade.total), (6, 7));
    let wrong: Vec<_> = g.grade.results.iter().filter(|r| !r.ok).collect();
    assert_eq!(wrong.len(), 1);
    assert_eq!(wrong[0].id, "follow");
    assert!(wrong[0].note.contains("应排在「结单」之后"), "{}", wrong[0].note);
    assert!(wrong[0].note.contains("成交不是终点"));
    assert_eq!(g.deltas, vec![("know".to_string(), 6)]);
}

#[test]
fn classify_draws_its_items_and_names_the_right_category() {
    let pack = testing::load("ex.toml", testing::EXERCISES);
    let mut s = Session::start(pack.clone(), 3, 0).unwrap();
    s.submit(Input::Order(right_order()), 1).unwrap();
    let shown = items(&s);
    assert_eq!(shown.len(), 3, "pick = 3 of 4");
    let truth =
        IndexMap::from([("man", "ideal"), ("m_a_n_low", "grow"), ("none", "stop"), ("m_big_a_n", "grow")]);
    let mut answer: IndexMap<String, String> =
        shown.iter().map(|id| (id.clone(), truth[id.as_str()].to_string())).collect();
    // Missing one item: refused, nothing changes.
    let first = shown[0].clone();
    let kept = answer.shift_remove(&first).unwrap();
    let before = s.play().clone();
    assert!(matches!(s.submit(Input::Classify(answer.clone()), 2), Err(EngineError::InvalidAnswer { .. })));
    assert_eq!(s.play(), &before);
    // One wrong.
    answer.insert(first.clone(), if kept == "stop" { "ideal".into() } else { "stop".into() });
    let g = s.submit(Input::Classify(answer), 3).unwrap().clone();
    assert_eq!((g.grade.right, g.grade.total), (2, 3));
    let bad = g.grade.results.iter().find(|r| !r.ok).unwrap();
    assert_eq!(bad.id, first);
    assert!(!bad.expected.is_empty());
    assert_eq!(g.deltas, vec![("know".to_string(), 4)]);
}

#[test]
fn calc_and_plan_grade_and_the_play_replays() {
    let pack = testing::load("ex.toml", testing::EXERCISES);
    let mut s = Session::start(pack.clone(), 9, 0).unwrap();
    s.submit(Input::Order(right_order()), 1).unwrap();
    let shown = items(&s);
    let truth =
        IndexMap::from([("man", "ideal"), ("m_a_n_low", "grow"), ("none", "stop"), ("m_big_a_n", "grow")]);
    s.submit(
        Input::Classify(shown.iter().map(|id| (id.clone(), truth[id.as_str()].to_string())).collect()),
        2,
    )
    .unwrap();
    let calc = IndexMap::from([
        ("total".to_string(), "497.2万元".to_string()),
        ("monthly".to_string(), "6,900".to_string()),
    ]);
    let g = s.submit(Input::Calc(calc), 3).unwrap().clone();
    assert_eq!((g.grade.right, g.grade.total), (1, 2));
    let monthly = g.grade.results.iter().find(|r| r.id == "monthly").unwrap();
    assert_eq!(monthly.expected, "6905元");

    let short = IndexMap::from([("intro".to_string(), FieldAnswer { text: "太短".into(), picks: vec![] })]);
    assert!(s.submit(Input::Plan(short), 4).unwrap_err().to_string().contains("至少要写 4 个字"));
    let plan = IndexMap::from([
        ("intro".to_string(), FieldAnswer { text: "为七彩阳光开发客户".into(), picks: vec![] }),
        ("target".to_string(), FieldAnswer { text: String::new(), picks: vec!["parents".into()] }),
        ("tools".to_string(), FieldAnswer { text: String::new(), picks: vec!["flyer".into(), "tv".into()] }),
    ]);
    let g = s.submit(Input::Plan(plan), 5).unwrap().clone();
    assert_eq!(g.deltas, vec![("plan".to_string(), 2)]);
    let tools = g.grade.results.iter().find(|r| r.id == "tools").unwrap();
    assert!(!tools.ok);
    assert_eq!(tools.expected, "读书会");
    assert!(s.is_finished());

    let d = Debrief::of(&s);
    let know = d.dims.iter().find(|x| x.id == "know").unwrap();
    assert_eq!((know.score, know.max), (7 + 6 + 1, 7 + 6 + 2));
    let plan_dim = d.dims.iter().find(|x| x.id == "plan").unwrap();
    assert_eq!((plan_dim.min, plan_dim.max), (-2, 4));
    assert_eq!(d.exercises.len(), 4);

    let again = Session::replay(pack, s.play()).unwrap();
    assert_eq!(again.events(), s.events());
    let json = serde_json::to_string(s.play()).unwrap();
    assert!(json.contains(r#""calc":{"total":"497.2万元","monthly":"6,900"}"#), "{json}");
}

#[test]
fn a_choice_is_refused_at_an_exercise() {
    let pack = testing::load("ex.toml", testing::EXERCISES);
    let mut s = Session::start(pack, 1, 0).unwrap();
    assert!(matches!(s.choose("x", 0), Err(EngineError::WrongInput { .. })));
}

/// An item's feedback is shown after submitting whether it was placed right or wrong: students
/// read why an answer is right, not only after a mistake.
#[test]
fn right_items_show_their_feedback_too() {
    let pack = testing::load("ex.toml", testing::EXERCISES);
    let mut s = Session::start(pack.clone(), 3, 0).unwrap();
    let g = s.submit(Input::Order(right_order()), 1).unwrap().clone();
    let follow = g.grade.results.iter().find(|r| r.id == "follow").unwrap();
    assert!(follow.ok);
    assert_eq!(follow.note, "成交不是终点。");
    assert!(follow.expected.is_empty());

    let truth =
        IndexMap::from([("man", "ideal"), ("m_a_n_low", "grow"), ("none", "stop"), ("m_big_a_n", "grow")]);
    // Find a seed whose draw shows the item with feedback (`none`), and place everything right.
    for seed in 0..50 {
        let mut s = Session::start(pack.clone(), seed, 0).unwrap();
        s.submit(Input::Order(right_order()), 1).unwrap();
        let shown = items(&s);
        if !shown.iter().any(|i| i == "none") {
            continue;
        }
        let answer = shown.iter().map(|id| (id.clone(), truth[id.as_str()].to_string())).collect();
        let g = s.submit(Input::Classify(answer), 2).unwrap().clone();
        let none = g.grade.results.iter().find(|r| r.id == "none").unwrap();
        assert!(none.ok);
        assert_eq!(none.note, "三个条件都不具备。");
        return;
    }
    panic!("no seed in 0..50 shows the item `none`");
}
