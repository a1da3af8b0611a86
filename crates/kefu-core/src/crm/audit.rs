//! The append-only audit log: every change to the CRM is an entry saying when, what, from, to and
//! why. The log is the workspace's source of truth: the stored workspace *is* its log, and the
//! current customers, contacts and visit plans are what replaying it gives (`Workspace::replay`).

use super::contact::Contact;
use super::customer::Customer;
use super::field::Field;
use super::visit::VisitRow;

/// One change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// When, in milliseconds since the Unix epoch.
    pub at: i64,
    /// The customer concerned.
    pub customer: u32,
    pub change: Change,
    /// Why (may be empty for ordinary edits; state moves and removals require one).
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A new card (its `id` is the entry's customer).
    Created(Box<Customer>),
    /// One field changed, both values in the field's text form.
    Changed { field: Field, from: String, to: String },
    /// The card was removed (its history stays in the log).
    Removed,
    /// A call or visit was logged.
    Contacted(Contact),
    /// A visit-plan row was added, or a new version of it (same id) replaces the old one.
    Visit(Box<VisitRow>),
}

impl AuditEntry {
    /// What changed, for the history table (客户资料 / a field's label / 删除客户 …).
    pub fn what(&self) -> String {
        match &self.change {
            Change::Created(_) => "新建客户".into(),
            Change::Changed { field, .. } => field.label().into(),
            Change::Removed => "删除客户".into(),
            Change::Contacted(c) => format!("{}记录", c.kind.label()),
            Change::Visit(_) => "客户拜访计划".into(),
        }
    }

    /// The value before (empty when there was none).
    pub fn from(&self) -> &str {
        match &self.change {
            Change::Changed { from, .. } => from,
            _ => "",
        }
    }

    /// The value after, or a one-line summary of what was added.
    pub fn to(&self) -> String {
        match &self.change {
            Change::Created(c) => c.name.clone(),
            Change::Changed { to, .. } => to.clone(),
            Change::Removed => String::new(),
            Change::Contacted(c) => format!("{}:{}", c.outcome.label(), c.summary),
            Change::Visit(v) => format!("{} {}", v.date, v.purpose).trim().to_string(),
        }
    }
}
