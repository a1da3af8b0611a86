//! The crm app natively: its reducer over an in-memory store (saving and reopening, refusals
//! shown where they happened, the sample question, the import preview, a full store) and its
//! pages rendered by Yew's server renderer (the hooks tests rely on, only allowed moves offered,
//! user text escaped).

use std::rc::Rc;

use kefu_core::crm::{Customer, Field, Kind, Man, Query, SampleChoice, State, StateSet, VisitRow};
use kefu_core::storage::{MemoryStore, Store};
use kefu_sim::ui::crm::app::CrmHandle;
use kefu_sim::ui::crm::pages::analytics::Analytics;
use kefu_sim::ui::crm::pages::card::{Card, CardProps};
use kefu_sim::ui::crm::pages::list::List;
use kefu_sim::ui::crm::pages::visits::Visits;
use kefu_sim::ui::crm::state::{Action, CrmState, Place};
use yew::prelude::*;
use yew::{LocalServerRenderer, Reducible};

fn open(store: &Rc<MemoryStore>) -> Rc<CrmState> {
    let s: Rc<dyn Store> = store.clone();
    Rc::new(CrmState::open(s, 0))
}

fn create(s: Rc<CrmState>, name: &str, phone: &str) -> Rc<CrmState> {
    let card = Customer { phone: phone.into(), ..Customer::new(Kind::Individual, name) };
    s.reduce(Action::Create { card: Box::new(card), now: 10 })
}

#[test]
fn changes_are_saved_and_found_after_reopening() {
    let store = Rc::new(MemoryStore::new());
    let s = create(open(&store), "王阿姨", "13800138000");
    let s = s.reduce(Action::SetMan { id: 1, man: Some(Man::new(true, true, true)), now: 11 });
    let s = s.reduce(Action::Move { id: 1, to: State::Target, reason: "MAN 三项具备".into(), now: 12 });
    assert!(s.error.is_none() && s.notices.is_empty());
    let again = open(&store);
    assert_eq!(*again.ws(), *s.ws());
    assert_eq!(again.ws().customer(1).unwrap().state, State::Target);
}

#[test]
fn refusals_are_shown_where_they_happened_and_change_nothing() {
    let store = Rc::new(MemoryStore::new());
    let s = create(open(&store), "王阿姨", "");
    let before = s.ws().log().len();
    let s = s.reduce(Action::Move { id: 1, to: State::Loyal, reason: "常来".into(), now: 11 });
    let why = s.error_at(Place::Move(1)).unwrap();
    assert!(why.contains("重复购买"), "{why}");
    assert!(s.error_at(Place::Field(1, Field::Phone)).is_none());
    let s = s.reduce(Action::SetField { id: 1, field: Field::Phone, text: "打电话".into(), now: 12 });
    assert!(s.error_at(Place::Field(1, Field::Phone)).is_some());
    assert!(s.error_at(Place::Move(1)).is_none(), "only the last refusal is shown");
    assert_eq!(s.ws().log().len(), before);
    assert_eq!(open(&store).ws().log().len(), before);
    // A successful action clears the message.
    let s = s.reduce(Action::SetField { id: 1, field: Field::Phone, text: "138 0013 8000".into(), now: 13 });
    assert!(s.error.is_none());
}

#[test]
fn the_sample_asks_before_touching_existing_cards() {
    let store = Rc::new(MemoryStore::new());
    let s = create(open(&store), "我的客户", "13900001111");
    let s = s.reduce(Action::Sample { choice: SampleChoice::IfEmpty, now: 20 });
    let plan = s.sample_plan.clone().expect("asks");
    assert_eq!((plan.existing, s.ws().customers().len()), (1, 1));
    let s = s.reduce(Action::CancelSample);
    assert!(s.sample_plan.is_none());
    let s = s.reduce(Action::Sample { choice: SampleChoice::IfEmpty, now: 21 });
    let s = s.reduce(Action::Sample { choice: SampleChoice::Merge, now: 22 });
    assert!(s.sample_plan.is_none());
    assert_eq!(s.ws().customers().len(), 1 + plan.sample.len() - plan.conflicts.len());
    assert_eq!(s.ws().customer(1).unwrap().name, "我的客户");
    assert!(s.message.as_deref().unwrap().contains("示例客户"));
    assert_eq!(open(&store).ws().customers().len(), s.ws().customers().len(), "saved");
}

#[test]
fn an_import_waits_for_acceptance_and_takes_only_the_good_rows() {
    let store = Rc::new(MemoryStore::new());
    let s = open(&store);
    let csv = "客户名称,电话\r\n张三,13900001111\r\n李四,打电话\r\n";
    let s = s.reduce(Action::PreviewImport { file: "名单.csv".into(), bytes: csv.as_bytes().to_vec() });
    let p = s.import.clone().unwrap();
    assert_eq!((p.preview.rows.len(), p.preview.errors.len()), (1, 1));
    assert_eq!((p.preview.errors[0].line, p.preview.errors[0].column.as_str()), (3, "电话"));
    assert!(s.ws().is_empty(), "nothing imported before accepting");
    let s = s.reduce(Action::AcceptImport { skip_duplicates: false, now: 30 });
    assert!(s.import.is_none());
    assert_eq!(s.ws().customers().len(), 1);
    assert_eq!(s.ws().log()[0].reason, "从文件「名单.csv」导入");
    // JSON is recognised by its content too.
    let json = kefu_core::crm::export_json(s.ws().customers());
    let s = s.reduce(Action::PreviewImport { file: "backup".into(), bytes: json.into_bytes() });
    assert_eq!(s.import.as_ref().unwrap().preview.rows[0].duplicates.len(), 1, "the same phone is flagged");
    let s = s.reduce(Action::AcceptImport { skip_duplicates: true, now: 31 });
    assert_eq!(s.ws().customers().len(), 1, "likely duplicates skipped on request");
}

#[test]
fn a_full_store_is_reported_and_the_workspace_keeps_the_change() {
    let store = Rc::new(MemoryStore::with_quota(200));
    let s = create(open(&store), &"长".repeat(300), "");
    assert_eq!(s.notices.len(), 1);
    assert!(s.notices[0].contains("存储空间已满"), "{}", s.notices[0]);
    assert_eq!(s.ws().customers().len(), 1);
    let s = create(s, "再一个", "");
    assert_eq!(s.notices.len(), 1, "the same notice is not repeated");
}

#[test]
fn a_visit_is_planned_then_its_result_filled_in() {
    let store = Rc::new(MemoryStore::new());
    let s = create(open(&store), "城东实验小学", "");
    let row = VisitRow {
        customer: 1,
        date: "2024-5-6".into(),
        purpose: "介绍课间奶".into(),
        ..VisitRow::default()
    };
    let s = s.reduce(Action::PlanVisit { row: Box::new(row.clone()), now: 40 });
    assert!(s.error_at(Place::Visit(1)).unwrap().contains("年-月-日"));
    let row = VisitRow { date: "2024-05-06".into(), ..row };
    let s = s.reduce(Action::PlanVisit { row: Box::new(row), now: 41 });
    let planned = s.ws().visits_of(1)[0].clone();
    let s = s.reduce(Action::UpdateVisit {
        row: Box::new(VisitRow { result: "校长同意试用".into(), ..planned }),
        now: 42,
    });
    assert!(s.error.is_none());
    assert_eq!(open(&store).ws().visits_of(1)[0].result, "校长同意试用");
}

#[test]
fn the_query_filters_the_list() {
    let store = Rc::new(MemoryStore::new());
    let s = create(create(open(&store), "王阿姨", "13800138000"), "李老师", "");
    let s = s.reduce(Action::SetQuery(Query { text: "138-0013".into(), ..Query::default() }));
    assert_eq!(s.visible(), vec![1]);
    let s = s.reduce(Action::SetQuery(Query { states: StateSet::of(&[State::Lost]), ..Query::default() }));
    assert!(s.visible().is_empty());
}

#[derive(Properties, PartialEq)]
struct HostProps {
    state: CrmState,
    #[prop_or_default]
    children: Html,
}

/// Provides `state` as the app does, around the page under test.
#[function_component(Host)]
fn host(props: &HostProps) -> Html {
    let s = props.state.clone();
    let handle = use_reducer(move || s);
    html! { <ContextProvider<CrmHandle> context={handle}>{ props.children.clone() }</ContextProvider<CrmHandle>> }
}

/// The text of the element carrying `hook` (up to the next tag).
fn text_after<'a>(html: &'a str, hook: &str) -> &'a str {
    let rest = &html[html.find(hook).expect(hook)..];
    let rest = &rest[rest.find('>').unwrap() + 1..];
    &rest[..rest.find('<').unwrap()]
}

async fn render(state: &CrmState, page: Html) -> String {
    LocalServerRenderer::<Host>::with_props(HostProps { state: state.clone(), children: page }).render().await
}

#[tokio::test]
async fn the_card_offers_only_allowed_moves_and_escapes_user_text() {
    let store = Rc::new(MemoryStore::new());
    let s = create(open(&store), "<script>alert(1)</script>", "");
    let s = s.reduce(Action::SetField {
        id: 1,
        field: Field::Needs,
        text: "<img src=x onerror=alert(2)>".into(),
        now: 11,
    });
    let html = render(&s, html! { <Card ..CardProps { id: 1 } /> }).await;
    assert!(!html.contains("<script>") && !html.contains("<img"), "{html}");
    assert!(html.contains("&lt;script&gt;"));
    let moves: Vec<&str> =
        html.split("data-move-state=\"").skip(1).map(|r| &r[..r.find('"').unwrap()]).collect();
    assert_eq!(moves, vec!["target", "actual", "non_customer"]);
    for hook in [
        "data-man=\"m\"",
        "data-man=\"a\"",
        "data-man=\"n\"",
        "data-log-contact",
        "data-plan-visit",
        "data-history-row",
    ] {
        assert!(html.contains(hook), "{hook}");
    }
    assert!(html.contains("data-refused-state=\"loyal\""));
    assert!(!html.contains("data-decision-group"), "a person has no decision group");
}

#[tokio::test]
async fn the_list_and_analytics_render_the_sample() {
    let store = Rc::new(MemoryStore::new());
    let s = open(&store).reduce(Action::Sample { choice: SampleChoice::IfEmpty, now: 1 });
    let n = s.ws().customers().len();
    let html = render(&s, html! { <List /> }).await;
    assert_eq!(html.matches("data-customer=\"").count(), n);
    assert_eq!(text_after(&html, "data-count-total"), n.to_string());
    let html = render(&s, html! { <Analytics /> }).await;
    assert!(html.contains("data-curve=\"revenue\"") && html.contains("data-curve=\"profit\""));
    assert!(html.contains("data-big-not-good="));
    assert_eq!(html.matches("data-rank=").count(), n);
    let html = render(&s, html! { <Visits /> }).await;
    let plan = s.ws().visit_plan("小王", 2024).len();
    assert!(plan > 0, "the sample has 小王's 2024 plan");
    assert_eq!(html.matches("data-plan-row=").count(), plan, "{html}");
}

#[test]
fn finished_role_plays_waiting_in_the_inbox_are_stored_once_on_opening() {
    use kefu_core::crm::record::INBOX_PREFIX;
    use kefu_core::crm::{queue_play, CrmEffect, PlayRecord};
    let store = Rc::new(MemoryStore::new());
    let fields = [(Field::Name, "老太太".to_string()), (Field::Needs, "酸一点的苹果".to_string())];
    let record = PlayRecord {
        reason: "角色扮演「卖苹果的三个商贩」".into(),
        at: 5,
        id: String::new(),
        effects: vec![CrmEffect::Create {
            customer: "lady".into(),
            kind: Kind::Individual,
            fields: fields.into_iter().collect(),
        }],
    };
    queue_play(store.as_ref(), &record).unwrap();
    let s = open(&store);
    assert_eq!(s.ws().customers().len(), 1);
    assert_eq!(s.ws().customers()[0].needs, "酸一点的苹果");
    assert!(s.message.as_deref().is_some_and(|m| m.contains('1')), "{:?}", s.message);
    assert!(store.keys(INBOX_PREFIX).unwrap().is_empty(), "the inbox is emptied by the save");
    // Opening again finds the card in the log and applies nothing twice.
    let again = open(&store);
    assert_eq!(*again.ws(), *s.ws());
    assert!(again.message.is_none());
}
