//! Property tests of the CRM core: export → import is the identity (CSV and JSON), the stored
//! form reads back what was written, and after any sequence of operations (legal or not) replaying
//! the audit log gives the current workspace, and refused operations log nothing.

use proptest::prelude::*;

use kefu_core::crm::persist::LogChunk;
use kefu_core::crm::{
    export_csv, export_json, preview_csv, preview_json, CompetitorAttitude, ContactKind, Customer, Field,
    Gender, IncidentAttitude, Kind, Level, Man, Member, NewContact, Outcome, Role, State, VisitRow,
    Workspace,
};
use kefu_core::storage::versioned::{decode, encode};

/// Text as users type it: Chinese, ASCII, and every character CSV or our list syntax treats
/// specially (commas, quotes, newlines, semicolons, a leading = or +), without edge spaces.
fn text() -> impl Strategy<Value = String> {
    "[a-z王李客户需求,\"\r\n ;:/=+@\t-]{0,10}".prop_map(|s| s.trim().to_string())
}

fn name() -> impl Strategy<Value = String> {
    text().prop_filter("names are not empty", |s| !s.is_empty())
}

fn phone() -> impl Strategy<Value = String> {
    ("[0-9]{3,12}", prop::sample::select(vec!["", "+86 ", "(010)"])).prop_map(|(d, pre)| format!("{pre}{d}"))
}

fn member() -> impl Strategy<Value = Member> {
    (prop::sample::select(Role::ALL.to_vec()), "[a-z王李]{1,4}", "[a-z科长]{0,4}")
        .prop_map(|(role, name, title)| Member { role, name, title })
}

fn customer() -> impl Strategy<Value = Customer> {
    let ident = (
        prop::sample::select(vec![Kind::Individual, Kind::Organisation]),
        name(),
        text(),
        prop::sample::select(State::ALL.to_vec()),
        prop::option::of((0usize..8).prop_map(Man::from_index)),
        prop::option::of(phone()),
        text(),
        text(),
    );
    let person = (
        prop::sample::select(vec![Gender::Unknown, Gender::Male, Gender::Female]),
        prop::option::of(0u8..=130),
        text(),
        prop::option::of(any::<u32>()),
        text(),
        text(),
        text(),
        text(),
    );
    let value = (
        any::<u32>(),
        -1_000_000_000i64..1_000_000_000,
        -1_000_000_000i64..1_000_000_000,
        -1_000_000_000i64..1_000_000_000,
        prop::sample::select(Level::ALL.to_vec()),
        prop::sample::select(Level::ALL.to_vec()),
        prop::sample::select(CompetitorAttitude::ALL.to_vec()),
        prop::sample::select(IncidentAttitude::ALL.to_vec()),
    );
    let org = (
        text(),
        text(),
        text(),
        text(),
        prop::option::of(phone()),
        text(),
        text(),
        prop::collection::vec(member(), 0..4),
    );
    (ident, person, value, org).prop_map(
        |(
            (kind, name, segment, state, man, phone, address, organisation),
            (gender, age, occupation, income, family, interests, needs, source),
            (
                purchases,
                revenue,
                gross_profit,
                service_cost,
                selection_time,
                price_sensitivity,
                competitor_attitude,
                incident_attitude,
            ),
            (next_action, note, industry, size, fax, projects, competitors, decision_group),
        )| Customer {
            id: 0,
            kind,
            name,
            segment,
            state,
            man,
            phone: phone.unwrap_or_default(),
            address,
            organisation,
            gender,
            age,
            occupation,
            income,
            family,
            interests,
            needs,
            source,
            purchases,
            revenue,
            gross_profit,
            service_cost,
            selection_time,
            price_sensitivity,
            competitor_attitude,
            incident_attitude,
            next_action,
            note,
            industry,
            size,
            contact_person: String::new(),
            fax: fax.unwrap_or_default(),
            projects,
            competitors,
            decision_group,
        },
    )
}

fn imported(p: kefu_core::crm::ImportPreview) -> Vec<Customer> {
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    p.rows.into_iter().map(|r| r.customer).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn csv_export_then_import_is_the_identity(cards in prop::collection::vec(customer(), 0..6)) {
        let text = export_csv(&cards);
        let back = imported(preview_csv(&Workspace::new(), text.as_bytes()));
        prop_assert_eq!(back, cards);
    }

    #[test]
    fn json_export_then_import_is_the_identity(cards in prop::collection::vec(customer(), 0..6)) {
        let text = export_json(&cards);
        let back = imported(preview_json(&Workspace::new(), &text));
        prop_assert_eq!(back, cards);
    }

    #[test]
    fn a_workspace_imported_from_its_export_has_the_same_cards(cards in prop::collection::vec(customer(), 1..6)) {
        let mut ws = Workspace::new();
        ws.create_many(cards, 1, "").unwrap();
        let mut again = Workspace::new();
        preview_csv(&again, export_csv(ws.customers()).as_bytes()).accept(&mut again, 1, "").unwrap();
        prop_assert_eq!(again.customers(), ws.customers());
    }
}

/// One user action, possibly refused.
#[derive(Debug, Clone)]
enum Op {
    Create(Box<Customer>),
    SetField(usize, Field, String),
    Move(usize, State, bool),
    SetMan(usize, Option<Man>),
    Remove(usize),
    Contact(usize, Outcome),
    Visit(usize, String),
}

fn op() -> impl Strategy<Value = Op> {
    let field = prop::sample::select(Field::ALL.to_vec());
    let field_text = prop_oneof![
        text(),
        Just("潜在".to_string()),
        Just("忠诚客户".to_string()),
        Just("M+a+N".to_string()),
        Just("12".to_string()),
        Just("138 0013 8000".to_string()),
        Just("决策者:王总/总经理".to_string()),
        Just("男".to_string()),
    ];
    prop_oneof![
        customer().prop_map(|c| Op::Create(Box::new(c))),
        (any::<usize>(), field, field_text).prop_map(|(i, f, t)| Op::SetField(i, f, t)),
        (any::<usize>(), prop::sample::select(State::ALL.to_vec()), any::<bool>())
            .prop_map(|(i, s, r)| Op::Move(i, s, r)),
        (any::<usize>(), prop::option::of((0usize..8).prop_map(Man::from_index)))
            .prop_map(|(i, m)| Op::SetMan(i, m)),
        any::<usize>().prop_map(Op::Remove),
        (any::<usize>(), prop::sample::select(Outcome::ALL.to_vec())).prop_map(|(i, o)| Op::Contact(i, o)),
        (any::<usize>(), prop::sample::select(vec!["2024-03-05", "2024-3-5", ""]))
            .prop_map(|(i, d)| Op::Visit(i, d.into())),
    ]
}

/// Runs one op on `ws` (customers picked by position, or a missing id when there are none) and
/// says whether it was accepted.
fn run(ws: &mut Workspace, op: &Op, at: i64) -> bool {
    let pick = |ws: &Workspace, i: usize| {
        let cs = ws.customers();
        if cs.is_empty() || i % 10 == 9 {
            999_999
        } else {
            cs[i % cs.len()].id
        }
    };
    match op {
        Op::Create(c) => ws.create((**c).clone(), at, "").is_ok(),
        Op::SetField(i, f, t) => ws.set_field(pick(ws, *i), *f, t, at, "调整").is_ok(),
        Op::Move(i, s, reason) => {
            ws.move_state(pick(ws, *i), *s, at, if *reason { "跟进" } else { "" }).is_ok()
        }
        Op::SetMan(i, m) => ws.set_man(pick(ws, *i), *m, at, "").is_ok(),
        Op::Remove(i) => ws.remove(pick(ws, *i), at, "重复").is_ok(),
        Op::Contact(i, o) => {
            let c = NewContact {
                customer: pick(ws, *i),
                kind: ContactKind::Call,
                person: "甲".into(),
                outcome: *o,
                summary: "电话".into(),
            };
            ws.log_contact(c, at).is_ok()
        }
        Op::Visit(i, date) => {
            let row = VisitRow {
                customer: pick(ws, *i),
                date: date.clone(),
                purpose: "拜访".into(),
                salesperson: "小王".into(),
                ..VisitRow::default()
            };
            ws.plan_visit(row, at).is_ok()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn replaying_the_log_gives_the_current_state(ops in prop::collection::vec(op(), 1..40)) {
        let mut ws = Workspace::new();
        for (n, op) in ops.iter().enumerate() {
            let before = ws.clone();
            let accepted = run(&mut ws, op, n as i64 * 1000);
            if accepted {
                prop_assert!(ws.log().len() >= before.log().len());
                prop_assert_eq!(&ws.log()[..before.log().len()], before.log(), "the log is append-only");
            } else {
                prop_assert_eq!(&ws, &before, "a refused operation changes nothing");
            }
            // Every state the workspace shows came through an allowed move or a creation.
            for e in &ws.log()[before.log().len()..] {
                if let kefu_core::crm::Change::Changed { field: Field::State, from, to } = &e.change {
                    let (from, to) = (State::parse(from).unwrap(), State::parse(to).unwrap());
                    prop_assert!(kefu_core::crm::allowed_moves(from).contains(&to), "{:?} -> {:?}", from, to);
                    prop_assert!(!e.reason.is_empty());
                }
            }
        }
        let replayed = Workspace::replay(ws.log().to_vec()).unwrap();
        prop_assert_eq!(&replayed, &ws);
        // The stored form reads back the same log.
        let stored = encode(&LogChunk(ws.log().to_vec()));
        let LogChunk(back) = decode::<LogChunk>(&stored).unwrap();
        prop_assert_eq!(back.as_slice(), ws.log());
    }
}
