//! The sample workspace (阳光少年乳制品, 七彩阳光, 北京现代): what it holds, and that loading it
//! never overwrites the user's data without an explicit choice.

use kefu_core::crm::{
    big_not_good, loyalty, BigNotGoodRule, Counts, Customer, Kind, LoyaltyLevel, ManClass, Role,
    SampleChoice, State, Workspace,
};

fn sample() -> Workspace {
    let mut ws = Workspace::new();
    let loaded = ws.load_sample(SampleChoice::IfEmpty, 1).unwrap();
    assert!(loaded.skipped.is_empty() && loaded.removed == 0);
    ws
}

fn by_name<'a>(ws: &'a Workspace, name: &str) -> &'a Customer {
    ws.customers().iter().find(|c| c.name == name).unwrap_or_else(|| panic!("{name}"))
}

#[test]
fn the_sample_covers_the_three_settings_every_state_and_every_man_class() {
    let ws = sample();
    let n = Counts::of(ws.customers());
    for s in State::ALL {
        assert!(n.state(s) > 0, "no {s:?}");
    }
    for class in [ManClass::Prospect, ManClass::Contactable, ManClass::NonCustomer] {
        assert!(n.class(class) > 0, "no {class:?}");
    }
    for segment in ["阳光少年乳制品", "七彩阳光", "北京现代"] {
        assert!(ws.customers().iter().any(|c| c.segment == segment), "{segment}");
    }
    // Every sample customer in 目标 state passes the MAN guard, and states match the figures.
    for c in ws.customers() {
        let bought = matches!(c.state, State::Actual | State::Loyal | State::Lost);
        assert_eq!(bought, c.purchases > 0, "{}", c.name);
        if c.state == State::Target {
            assert_ne!(c.man.map(|m| m.class()), Some(ManClass::NonCustomer));
        }
    }
}

#[test]
fn the_key_account_has_a_full_decision_group_visits_and_calls() {
    let ws = sample();
    let bureau = by_name(&ws, "城南区机关事务管理局");
    assert_eq!(bureau.kind, Kind::Organisation);
    let roles: Vec<Role> = bureau.decision_group.iter().map(|m| m.role).collect();
    assert_eq!(roles, Role::ALL, "看门者, 采购者, 使用者, 决策者, 影响者");
    assert_eq!(ws.visits_of(bureau.id).len(), 2);
    assert!(ws.contacts_of(bureau.id).any(|c| c.summary.contains("合作得很愉快")));
    let plan = ws.visit_plan("小王", 2024);
    assert_eq!(plan.len(), 4);
    assert!(plan.windows(2).all(|w| w[0].date <= w[1].date));
}

#[test]
fn the_big_customer_is_flagged_and_the_loyal_one_is_loyal() {
    let ws = sample();
    let flagged: Vec<&str> = big_not_good(ws.customers(), BigNotGoodRule::default())
        .iter()
        .map(|b| ws.customer(b.id).unwrap().name.as_str())
        .collect();
    assert_eq!(flagged, ["鑫源建材集团"]);
    assert_eq!(loyalty(by_name(&ws, "刘老师")).level, LoyaltyLevel::High);
    assert_eq!(loyalty(by_name(&ws, "鑫源建材集团")).level, LoyaltyLevel::Low);
}

#[test]
fn loading_into_a_non_empty_workspace_asks_first() {
    let mut ws = Workspace::new();
    let mine =
        Customer { phone: "+86 139-1234-5678".into(), ..Customer::new(Kind::Individual, "我的客户") };
    ws.create(mine, 1, "").unwrap();
    let before = ws.clone();

    let plan = ws.load_sample(SampleChoice::IfEmpty, 2).unwrap_err();
    assert_eq!(ws, before, "nothing happens without a choice");
    assert_eq!(plan.existing, 1);
    assert_eq!(plan.sample.len(), 12);
    assert_eq!(plan.conflicts.len(), 1);
    assert_eq!(plan.conflicts[0].sample_name, "李秀英");
    assert_eq!(plan, ws.plan_sample());

    let mut merged = before.clone();
    let r = merged.load_sample(SampleChoice::Merge, 2).unwrap();
    assert_eq!((r.created.len(), r.skipped.clone(), r.removed), (11, vec!["李秀英".to_string()], 0));
    assert_eq!(merged.customer(1).unwrap().name, "我的客户");
    assert!(
        merged.contacts().iter().all(|c| c.customer != 1),
        "the skipped card's calls are not attached to mine"
    );

    let mut replaced = before;
    let r = replaced.load_sample(SampleChoice::Replace, 3).unwrap();
    assert_eq!((r.created.len(), r.removed), (12, 1));
    assert!(replaced.customer(1).is_none());
    assert!(
        replaced.history_of(1).any(|e| e.what() == "删除客户" && e.reason.contains("替换")),
        "the removal is in the log"
    );
    assert_eq!(Workspace::replay(replaced.log().to_vec()).unwrap(), replaced);
}
