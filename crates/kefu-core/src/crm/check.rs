//! Grading against the CRM: a [`CrmCheck`] states what a customer's card should say after a
//! role-play (a field's value, the MAN class, the state, a logged contact) and is evaluated
//! against the workspace, with a Chinese message saying what was expected and what was found.

use serde::{Deserialize, Serialize};

use super::contact::{ContactKind, Outcome};
use super::effect::Bindings;
use super::field::Field;
use super::man::{Man, ManClass};
use super::state::State;
use super::workspace::Workspace;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "check", rename_all = "snake_case", deny_unknown_fields)]
pub enum CrmCheck {
    /// The field's value equals `equals` (compared in canonical form: `潜在` = `潜在客户`).
    Field {
        customer: String,
        field: Field,
        equals: String,
    },
    /// The field's text contains `contains` (e.g. the need the student should have noted).
    FieldContains {
        customer: String,
        field: Field,
        contains: String,
    },
    /// The MAN assessment is exactly `man`.
    Man {
        customer: String,
        man: Man,
    },
    /// The MAN assessment falls in `class`.
    ManClass {
        customer: String,
        class: ManClass,
    },
    State {
        customer: String,
        state: State,
    },
    /// At least one contact was logged (of this kind / with this outcome, when given).
    Contacted {
        customer: String,
        #[serde(default)]
        kind: Option<ContactKind>,
        #[serde(default)]
        outcome: Option<Outcome>,
    },
}

/// The verdict of one check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckResult {
    pub passed: bool,
    pub expected: String,
    pub actual: String,
    /// A sentence for the debrief.
    pub message: String,
}

impl CrmCheck {
    pub fn customer(&self) -> &str {
        match self {
            CrmCheck::Field { customer, .. }
            | CrmCheck::FieldContains { customer, .. }
            | CrmCheck::Man { customer, .. }
            | CrmCheck::ManClass { customer, .. }
            | CrmCheck::State { customer, .. }
            | CrmCheck::Contacted { customer, .. } => customer,
        }
    }

    pub fn evaluate(&self, ws: &Workspace, bindings: &Bindings) -> CheckResult {
        let handle = self.customer();
        let Some(card) = bindings.get(handle).and_then(|id| ws.customer(id)) else {
            return CheckResult {
                passed: false,
                expected: "已建立客户资料卡".into(),
                actual: "没有这位客户".into(),
                message: format!("还没有为「{handle}」建立客户资料卡"),
            };
        };
        let name = &card.name;
        let (passed, what, expected, actual) = match self {
            CrmCheck::Field { field, equals, .. } => {
                let expected = field.canonical(equals).unwrap_or_else(|_| equals.clone());
                let actual = field.get(card);
                (actual == expected, field.label().to_string(), expected, actual)
            }
            CrmCheck::FieldContains { field, contains, .. } => {
                let actual = field.get(card);
                (
                    actual.contains(contains.as_str()),
                    field.label().to_string(),
                    format!("包含「{contains}」"),
                    actual,
                )
            }
            CrmCheck::Man { man, .. } => {
                let actual = card.man.map(Man::code).unwrap_or_default();
                (card.man == Some(*man), "MAN评估".into(), man.code(), actual)
            }
            CrmCheck::ManClass { class, .. } => {
                let actual = card.man.map(|m| m.class().label()).unwrap_or_default().to_string();
                (
                    card.man.is_some_and(|m| m.class() == *class),
                    "MAN 分类".into(),
                    class.label().into(),
                    actual,
                )
            }
            CrmCheck::State { state, .. } => {
                (card.state == *state, "客户状态".into(), state.label().into(), card.state.label().into())
            }
            CrmCheck::Contacted { kind, outcome, .. } => {
                let hit = ws
                    .contacts_of(card.id)
                    .any(|c| kind.is_none_or(|k| c.kind == k) && outcome.is_none_or(|o| c.outcome == o));
                let expected = format!(
                    "{}{}",
                    kind.map_or("联系".into(), |k| k.label().to_string()),
                    outcome.map_or(String::new(), |o| format!("({})", o.label()))
                );
                let actual = format!("{} 次联系", ws.contacts_of(card.id).count());
                (hit, "联系记录".into(), expected, actual)
            }
        };
        let shown = |s: &str| if s.is_empty() { "(空)".to_string() } else { format!("「{s}」") };
        let message = if passed {
            format!("「{name}」的{what}正确:{}", shown(&actual))
        } else {
            format!("「{name}」的{what}应为{},实际为{}", shown(&expected), shown(&actual))
        };
        CheckResult { passed, expected, actual, message }
    }
}
