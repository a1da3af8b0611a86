//! The hook role-plays will use to write to the CRM (designed here; the pack format and engine
//! wire it in later, see docs/crm.md). A play names its customers with handles ("lady",
//! "school"); [`Bindings`] maps each handle to a card once the play created it (or once the
//! student picked an existing card). Effects go through the same checked workspace methods as the
//! UI, so a role-play cannot make a move the course forbids.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::contact::{ContactKind, Outcome};
use super::customer::{Customer, Kind};
use super::error::CrmError;
use super::field::{Field, FieldError};
use super::man::Man;
use super::state::State;
use super::workspace::{NewContact, Workspace};

/// A play's customer handles and the cards they stand for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bindings(pub BTreeMap<String, u32>);

impl Bindings {
    pub fn bind(&mut self, handle: &str, id: u32) {
        self.0.insert(handle.to_string(), id);
    }

    pub fn get(&self, handle: &str) -> Option<u32> {
        self.0.get(handle).copied()
    }
}

/// One write to the CRM.
/// Stored internally tagged by `do`. Deserialize is written by hand (effect_json.rs, same JSON):
/// the derive for an internally tagged enum is large in wasm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "do", rename_all = "snake_case")]
pub enum CrmEffect {
    /// Creates a card and binds `customer` to it.
    Create {
        customer: String,
        #[serde(default)]
        kind: Kind,
        fields: IndexMap<Field, String>,
    },
    /// Sets fields (a state change among them is checked like a move).
    Update { customer: String, fields: IndexMap<Field, String> },
    /// Logs a call or visit.
    LogContact {
        customer: String,
        kind: ContactKind,
        outcome: Outcome,
        #[serde(default)]
        person: String,
        #[serde(default)]
        summary: String,
    },
    /// Moves the lifecycle state.
    MoveState { customer: String, to: State },
    /// Records a MAN assessment.
    SetMan { customer: String, man: Man },
}

/// Why an effect could not be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EffectError {
    /// The handle was never bound (a pack error, or the play skipped its `create`).
    Unbound(String),
    /// `create` for a handle that is already bound.
    AlreadyCreated(String),
    /// The CRM refused (invalid field, illegal move …).
    Crm(CrmError),
}

impl std::fmt::Display for EffectError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EffectError::Unbound(h) => write!(f, "角色扮演引用了尚未建立的客户「{h}」"),
            EffectError::AlreadyCreated(h) => write!(f, "客户「{h}」已经建立过了"),
            EffectError::Crm(e) => e.fmt(f),
        }
    }
}

impl CrmEffect {
    pub fn customer(&self) -> &str {
        match self {
            CrmEffect::Create { customer, .. }
            | CrmEffect::Update { customer, .. }
            | CrmEffect::LogContact { customer, .. }
            | CrmEffect::MoveState { customer, .. }
            | CrmEffect::SetMan { customer, .. } => customer,
        }
    }

    /// Applies the effect at time `at`; `reason` goes to the audit log (e.g. "角色扮演「卖苹果的
    /// 三个商贩」"). Nothing changes when it fails.
    pub fn apply(
        &self,
        ws: &mut Workspace,
        bindings: &mut Bindings,
        at: i64,
        reason: &str,
    ) -> Result<(), EffectError> {
        let handle = self.customer();
        let bound = || bindings.get(handle).ok_or_else(|| EffectError::Unbound(handle.to_string()));
        match self {
            CrmEffect::Create { kind, fields, .. } => {
                if bindings.get(handle).is_some() {
                    return Err(EffectError::AlreadyCreated(handle.to_string()));
                }
                let mut card = Customer { kind: *kind, ..Customer::default() };
                set_all(&mut card, fields)?;
                let id = ws.create(card, at, reason).map_err(EffectError::Crm)?.id;
                bindings.bind(handle, id);
            }
            CrmEffect::Update { fields, .. } => {
                let id = bound()?;
                let mut card = ws.customer(id).ok_or(EffectError::Crm(CrmError::NoSuchCustomer(id)))?.clone();
                set_all(&mut card, fields)?;
                ws.update(id, card, at, reason).map_err(EffectError::Crm)?;
            }
            CrmEffect::LogContact { kind, outcome, person, summary, .. } => {
                let customer = bound()?;
                let c = NewContact {
                    customer,
                    kind: *kind,
                    person: person.clone(),
                    outcome: *outcome,
                    summary: summary.clone(),
                };
                ws.log_contact(c, at).map_err(EffectError::Crm)?;
            }
            CrmEffect::MoveState { to, .. } => {
                ws.move_state(bound()?, *to, at, reason).map_err(EffectError::Crm)?
            }
            CrmEffect::SetMan { man, .. } => {
                ws.set_man(bound()?, Some(*man), at, reason).map_err(EffectError::Crm)?
            }
        }
        Ok(())
    }
}

fn set_all(card: &mut Customer, fields: &IndexMap<Field, String>) -> Result<(), EffectError> {
    let errors: Vec<FieldError> = fields
        .iter()
        .filter_map(|(field, text)| {
            field.set(card, text).err().map(|reason| FieldError { field: *field, reason })
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(EffectError::Crm(CrmError::Invalid(errors)))
    }
}
