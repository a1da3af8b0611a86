//! The role-play hook: effects written in a pack change the CRM through its checked operations, and checks grade the result.

use kefu_core::crm::{Bindings, CrmCheck, CrmEffect, EffectError, State, Workspace};

#[derive(serde::Deserialize)]
struct Snippet {
    crm: Vec<CrmEffect>,
    #[serde(default)]
    check: Vec<CrmCheck>,
}

/// The apple-seller case (seed 001): the third vendor learns the old lady's need, sells, and
/// records it. Written in the serde shape the pack syntax of docs/crm.md maps to (the pack reader
/// builds these values from TOML with source positions; here JSON stands in for it).
const PACK: &str = r#"{
  "crm": [
    { "do": "create", "customer": "lady",
      "fields": { "name": "老太太", "needs": "儿媳怀孕,想吃酸苹果", "source": "逐户寻访法" } },
    { "do": "set_man", "customer": "lady", "man": "M+A+N" },
    { "do": "log_contact", "customer": "lady", "kind": "visit", "outcome": "deal",
      "summary": "买了两斤酸苹果和两斤猕猴桃" },
    { "do": "move_state", "customer": "lady", "to": "actual" },
    { "do": "update", "customer": "lady", "fields": { "purchases": "1", "revenue": "36" } }
  ],
  "check": [
    { "check": "field_contains", "customer": "lady", "field": "needs", "contains": "酸" },
    { "check": "man_class", "customer": "lady", "class": "prospect" },
    { "check": "state", "customer": "lady", "state": "actual" },
    { "check": "contacted", "customer": "lady", "outcome": "deal" },
    { "check": "field", "customer": "lady", "field": "revenue", "equals": "36元" }
  ]
}"#;

fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_str(text)
}

#[test]
fn a_role_play_writes_the_card_and_is_graded_against_it() {
    let snippet: Snippet = parse(PACK).unwrap();
    let mut ws = Workspace::new();
    let mut b = Bindings::default();
    for (i, e) in snippet.crm.iter().enumerate() {
        e.apply(&mut ws, &mut b, 100 + i as i64, "角色扮演「卖苹果的三个商贩」").unwrap();
    }
    let id = b.get("lady").unwrap();
    assert_eq!(ws.customer(id).unwrap().state, State::Actual);
    assert!(ws.history_of(id).all(|e| e.reason.is_empty() || e.reason.contains("卖苹果")));
    for check in &snippet.check {
        let r = check.evaluate(&ws, &b);
        assert!(r.passed, "{}", r.message);
    }
}

#[test]
fn failed_checks_say_what_was_expected_and_found() {
    let snippet: Snippet = parse(PACK).unwrap();
    let mut ws = Workspace::new();
    let mut b = Bindings::default();
    snippet.crm[0].apply(&mut ws, &mut b, 1, "x").unwrap();
    let results: Vec<_> = snippet.check.iter().map(|c| c.evaluate(&ws, &b)).collect();
    assert!(results[0].passed);
    assert!(!results[1].passed);
    assert_eq!(results[1].message, "「老太太」的MAN 分类应为「有望客户」,实际为(空)");
    assert_eq!(results[2].message, "「老太太」的客户状态应为「现实客户」,实际为「潜在客户」");
    assert!(!results[3].passed);
    let unbound = CrmCheck::State { customer: "nobody".into(), state: State::Actual }.evaluate(&ws, &b);
    assert!(!unbound.passed && unbound.message.contains("nobody"));
}

#[test]
fn effects_obey_the_crm_rules_and_change_nothing_when_refused() {
    let mut ws = Workspace::new();
    let mut b = Bindings::default();
    let create: CrmEffect = parse(r#"{"do":"create","customer":"x","fields":{"name":"甲"}}"#).unwrap();
    create.apply(&mut ws, &mut b, 1, "r").unwrap();
    assert_eq!(create.apply(&mut ws, &mut b, 1, "r"), Err(EffectError::AlreadyCreated("x".into())));
    let before = ws.clone();
    let loyal: CrmEffect = parse(r#"{"do":"move_state","customer":"x","to":"loyal"}"#).unwrap();
    let err = loyal.apply(&mut ws, &mut b, 2, "r").unwrap_err();
    assert!(err.to_string().contains("重复购买"), "{err}");
    let bad: CrmEffect =
        parse(r#"{"do":"update","customer":"x","fields":{"age":"很老","phone":"abc"}}"#).unwrap();
    let err = bad.apply(&mut ws, &mut b, 2, "r").unwrap_err();
    assert!(err.to_string().contains("年龄") && err.to_string().contains("电话"), "{err}");
    let ghost: CrmEffect = parse(r#"{"do":"set_man","customer":"ghost","man":"m+a+n"}"#).unwrap();
    assert_eq!(ghost.apply(&mut ws, &mut b, 2, "r"), Err(EffectError::Unbound("ghost".into())));
    assert_eq!(ws, before);
    assert!(parse::<CrmEffect>(r#"{"do":"set_man","customer":"x","man":"MAX"}"#).is_err());
    assert!(parse::<CrmEffect>(r#"{"do":"explode","customer":"x"}"#).is_err());
}
