//! Role-plays and the CRM, end to end without a browser: the pack's CRM writes and `crm` card
//! activity lower to the model, a play writes its own CRM deterministically (replay rebuilds the
//! same cards), the card form is graded against the seed's draw, refused writes do not stop a
//! play, and a finished play's writes land in the student's stored CRM.

use kefu_core::testing;

use std::rc::Rc;

use kefu_core::crm::{queue_play, ContactKind, CrmStore, Field, Man, Outcome, PlayRecord, State};
use kefu_core::engine::answer_key::{answer_in, Aim};
use kefu_core::engine::exercise::FieldAnswer;
use kefu_core::engine::{Current, Debrief, Event, Input, LoadedPack, Session};
use kefu_core::pack::expr::Value;
use kefu_core::pack::{ActivityBody, CrmOp, CrmTest, FormOptions};
use kefu_core::storage::memory::MemoryStore;
use kefu_core::storage::Store;

fn pack(name: &str) -> Rc<LoadedPack> {
    testing::builtin().into_iter().find(|(n, _)| n == name).unwrap().1
}

/// A seed whose draw gives `var` the value `want`.
fn seed_with(p: &Rc<LoadedPack>, var: &str, want: &str) -> u64 {
    (0..2000)
        .find(|s| {
            Session::start(p.clone(), *s, 0).unwrap().drawn().get(var) == Some(&Value::Str(want.into()))
        })
        .expect("some seed draws it")
}

fn choose_all(s: &mut Session, ids: &[&str]) {
    for (i, id) in ids.iter().enumerate() {
        s.choose(id, 100 + i as i64).unwrap_or_else(|e| panic!("{id}: {e}"));
    }
}

/// The third vendor's path for the sour-apple lady, up to the card activity.
fn third_vendor(p: &Rc<LoadedPack>) -> Session {
    let seed = seed_with(p, "need", "sour_for_daughter_in_law");
    let mut s = Session::start(p.clone(), seed, 10).unwrap();
    choose_all(&mut s, &["ask_what_kind", "why_sour", "praise_daughter_in_law", "kiwi", "bless_and_invite"]);
    s
}

fn card_of<'a>(s: &'a Session, handle: &str) -> &'a kefu_core::crm::Customer {
    let crm = s.crm();
    crm.ws.customer(crm.bindings.get(handle).expect("bound")).expect("card")
}

#[test]
fn the_pack_syntax_lowers_to_crm_writes_and_a_card_form() {
    let p = pack("apple-seller.toml");
    let stall = p.pack.activity("stall").unwrap().body.dialogue().unwrap();
    let ask = &stall.nodes["ask"].crm[0];
    assert_eq!(ask.customer, "lady");
    let CrmOp::Create { fields, .. } = &ask.op else { panic!("create") };
    assert!(fields.contains(&(Field::Name, "老太太".to_string())));
    assert!(matches!(stall.nodes["happy_end"].crm[1].op, CrmOp::MoveState { to: State::Actual }));
    let ActivityBody::Crm(form) = &p.pack.activity("card").unwrap().body else { panic!("crm activity") };
    assert_eq!(form.fields[0].options, FormOptions::Var("need".into()));
    assert_eq!(form.fields[1].field, Field::Man);
    // A MAN check on a drawn code is compared as the card's MAN field.
    let y = pack("yangguang-prospects.toml");
    let ActivityBody::Crm(form) = &y.pack.activity("card").unwrap().body else { panic!("crm activity") };
    assert_eq!(form.checks[0].test, CrmTest::Field { field: Field::Man, equals: "{prospect.value}".into() });
}

#[test]
fn the_play_writes_its_own_crm_and_replay_rebuilds_it() {
    let p = pack("apple-seller.toml");
    let s = third_vendor(&p);
    let card = card_of(&s, "lady");
    assert_eq!((card.name.as_str(), card.state), ("老太太", State::Actual));
    let contacts: Vec<_> = s.crm().ws.contacts_of(card.id).collect();
    assert_eq!(contacts.len(), 1);
    assert_eq!((contacts[0].kind, contacts[0].outcome), (ContactKind::Visit, Outcome::Deal));
    let notes: Vec<&str> = s
        .events()
        .iter()
        .filter_map(|e| if let Event::Crm { text, ok: true, .. } = e { Some(text.as_str()) } else { None })
        .collect();
    assert_eq!(notes.len(), 3, "{notes:?}");
    assert!(notes[0].contains("新建「老太太」"));
    assert!(matches!(s.current(), Current::Exercise { activity, .. } if activity.id == "card"));

    let mut done = s.clone();
    done.submit(answer_in(&done, Aim::Best).unwrap(), 500).unwrap();
    let again = Session::replay(p.clone(), done.play()).unwrap();
    assert_eq!(again.crm(), done.crm(), "replay rebuilds the same CRM, times included");
    assert_eq!(again.scores(), done.scores());
}

#[test]
fn the_card_is_graded_against_the_need_this_seed_drew() {
    let p = pack("apple-seller.toml");
    let card_dim = p.pack.dimensions.iter().position(|d| d.id == "card").unwrap();
    for need in ["sour_for_daughter_in_law", "sweet_for_grandson", "soft_for_herself"] {
        let seed = seed_with(&p, "need", need);
        let mut s = Session::start(p.clone(), seed, 0).unwrap();
        s.choose("price_first", 1).unwrap(); // walks away: the card still exists
        let label = p.pack.var("need").unwrap().labels[need].clone();
        let Current::Exercise { activity, .. } = s.current() else { panic!("at the card") };
        let ActivityBody::Crm(form) = &activity.body else { panic!("crm") };
        let options = s.texts().options(&form.fields[0]);
        assert_eq!(options.len(), 3);
        assert!(options.contains(&label));

        let mut best = s.clone();
        let g = best.submit(answer_in(&best, Aim::Best).unwrap(), 2).unwrap().clone();
        assert_eq!((g.grade.right, g.grade.total), (2, 2), "{:?}", g.grade.results);
        assert_eq!(best.scores()[card_dim], 3);
        let card = card_of(&best, "lady");
        assert_eq!(card.needs, label);
        assert_eq!(card.man, Man::parse("M+A+N").ok());

        let mut worst = s.clone();
        let g = worst.submit(answer_in(&worst, Aim::Worst).unwrap(), 2).unwrap().clone();
        assert_eq!(g.grade.right, 0);
        assert_eq!(worst.scores()[card_dim], 0);
        let notes: Vec<&str> = g.grade.results.iter().map(|r| r.note.as_str()).collect();
        assert!(notes[0].contains("原则:客户是谁") && notes[1].contains("原则:MAN法则"), "{notes:?}");
        assert!(g.grade.results[0].label.contains(&label), "the message names the right need");
    }
}

#[test]
fn an_incomplete_or_foreign_card_is_refused_and_changes_nothing() {
    let p = pack("apple-seller.toml");
    let mut s = third_vendor(&p);
    let before = (s.crm().clone(), s.scores().to_vec(), s.events().len());
    let field = |k: &str, t: &str| (k.to_string(), FieldAnswer { text: t.into(), picks: vec![] });
    let label = p.pack.var("need").unwrap().labels["sour_for_daughter_in_law"].clone();
    for bad in [
        vec![field("needs", &label), field("man", "M+?+N")],
        vec![field("needs", "随便写的需求"), field("man", "M+A+N")],
        vec![field("needs", &label), field("man", "M+A+N"), field("phone", "123")],
    ] {
        let err = s.submit(Input::Plan(bad.into_iter().collect()), 9).unwrap_err();
        assert!(!err.to_string().is_empty());
        assert_eq!((s.crm().clone(), s.scores().to_vec(), s.events().len()), before);
    }
}

#[test]
fn yangguang_records_the_drawn_prospect_with_its_man_code() {
    let p = pack("yangguang-prospects.toml");
    let labels = p.pack.var("prospect").unwrap().labels.clone();
    for (code, label) in &labels {
        let seed = seed_with(&p, "prospect", code);
        let mut s = Session::start(p.clone(), seed, 0).unwrap();
        while !matches!(s.current(), Current::Exercise { activity, .. } if activity.id == "card") {
            match s.current() {
                Current::Choose { choices, .. } => {
                    let id = choices[0].id.clone();
                    s.choose(&id, 1).unwrap();
                }
                _ => {
                    let input = answer_in(&s, Aim::Best).unwrap();
                    s.submit(input, 1).unwrap();
                }
            }
        }
        let Current::Exercise { activity, .. } = s.current() else { unreachable!() };
        let ActivityBody::Crm(form) = &activity.body else { panic!("crm") };
        assert!(s.texts().expand(&form.task.prompt).contains(label.as_str()));
        let mut best = s.clone();
        best.submit(answer_in(&best, Aim::Best).unwrap(), 2).unwrap();
        let card = card_of(&best, "prospect");
        assert_eq!(card.man.map(Man::code).as_deref(), Some(code.as_str()));
        assert_eq!(card.segment, "阳光少年乳制品");
        let mut worst = s.clone();
        let g = worst.submit(answer_in(&worst, Aim::Worst).unwrap(), 2).unwrap().clone();
        assert!(!g.grade.results[0].ok && g.grade.results[0].label.contains(code.as_str()));
        assert!(
            Debrief::of(&worst).exercises.iter().any(|e| e.kind == "crm"),
            "the debrief lists the card check"
        );
    }
}

const REFUSING: &str = r#"
[pack]
id = "refusing"
version = 1
title = "拒绝"
source = "tests"
dimensions = [ { id = "card", name = "客户资料卡" } ]

[activity.talk]
kind = "dialogue"
start = "ask"

[activity.talk.node.ask]
text = "一位顾客进店。"
crm = [ { do = "create", customer = "c", fields = { name = "顾客" } } ]

[[activity.talk.node.ask.choice]]
id = "loyal"
text = "把她记成忠诚客户。"
goto = "done"
crm = [ { do = "move_state", customer = "c", to = "loyal" }, { do = "update", customer = "c", fields = { note = "{mood}" } } ]

[activity.talk.node.done]
text = "结束。"
ending = "success"

[vars.mood]
one_of = ["happy"]
labels = { happy = "很高兴" }

[activity.card]
kind = "crm"
customer = "c"
[[activity.card.check]]
id = "state"
check = "state"
state = "potential"
score = { card = 1 }
"#;

#[test]
fn a_refused_write_is_reported_and_the_play_goes_on() {
    let p = testing::load("refusing.toml", REFUSING);
    let mut s = Session::start(p, 1, 0).unwrap();
    s.choose("loyal", 5).unwrap();
    let refused: Vec<&str> = s
        .events()
        .iter()
        .filter_map(|e| if let Event::Crm { text, ok: false, .. } = e { Some(text.as_str()) } else { None })
        .collect();
    assert_eq!(refused.len(), 1);
    assert!(refused[0].contains("未能更新"), "{}", refused[0]);
    assert_eq!(card_of(&s, "c").note, "很高兴", "templates use the label");
    assert_eq!(s.crm().applied.len(), 2, "create and update; the refused move is not kept");
    // A card activity without fields only checks the CRM (a debrief check).
    let g = s.submit(Input::Plan(Default::default()), 6).unwrap();
    assert!(g.grade.results[0].ok);
    assert!(s.is_finished());
}

#[test]
fn a_finished_play_lands_in_the_students_crm() {
    let p = pack("apple-seller.toml");
    let mut s = third_vendor(&p);
    s.submit(answer_in(&s, Aim::Best).unwrap(), 600).unwrap();
    let store: Rc<dyn Store> = Rc::new(MemoryStore::new());
    let effects: Vec<_> = s.crm().applied.iter().map(|(_, e)| e.clone()).collect();
    let record =
        PlayRecord {
            reason: "角色扮演「卖苹果的三个商贩」".into(), at: 1000, effects, ..Default::default()
        };
    queue_play(store.as_ref(), &record).unwrap();
    let (_, ws, notices) = CrmStore::open(store, 1001);
    assert!(notices.is_empty(), "{notices:?}");
    let card = &ws.customers()[0];
    assert_eq!(card.needs, card_of(&s, "lady").needs);
    assert_eq!((card.state, card.man.map(Man::code)), (State::Actual, Some("M+A+N".into())));
    assert_eq!(ws.contacts_of(card.id).count(), 1);
}

#[test]
fn scorm_resume_data_keeps_card_answers() {
    let p = pack("apple-seller.toml");
    let mut s = third_vendor(&p);
    s.submit(answer_in(&s, Aim::Best).unwrap(), 700).unwrap();
    let text = kefu_core::results::scorm::suspend::encode(&p, s.play()).unwrap();
    let back = kefu_core::results::scorm::suspend::decode(&p, &text).unwrap();
    assert_eq!(&back, s.play());
}
