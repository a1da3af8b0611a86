//! Contacts with a customer: phone calls and visits, each with its outcome (seed 001's call flow
//! and seed 002's "以往的通讯记录"). Contacts are only ever added, like the audit log.

use serde::{Deserialize, Serialize};

vocabulary! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ContactKind {
        /// 电话
        Call = "电话",
        /// 拜访
        Visit = "拜访",
    }
}

vocabulary! {
    /// What a contact achieved.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Outcome {
        /// 未接通 / 不在
        NoAnswer = "未接通",
        /// 被拒绝 (e.g. seed 002's "对不起,我现在很忙")
        Refused = "被拒绝",
        /// 有进展
        Progress = "有进展",
        /// 约定下次拜访
        Appointment = "约定下次拜访",
        /// 成交
        Deal = "成交",
    }
}

/// One call or visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// Position among all contacts of the workspace (0-based), given by the workspace.
    pub id: u32,
    pub customer: u32,
    /// When, in milliseconds since the Unix epoch.
    pub at: i64,
    pub kind: ContactKind,
    /// Who was spoken to (for an organisation: which member of the decision group).
    pub person: String,
    pub outcome: Outcome,
    /// What was said.
    pub summary: String,
}
