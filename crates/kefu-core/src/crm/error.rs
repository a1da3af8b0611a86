//! Why a CRM operation was refused. Every variant displays as a Chinese sentence for the user.

use super::field::FieldError;
use super::state::State;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CrmError {
    NoSuchCustomer(u32),
    /// Field values that cannot be used (all of them, not just the first).
    Invalid(Vec<FieldError>),
    /// A lifecycle move that seed 004's definitions do not allow.
    IllegalMove {
        from: State,
        to: State,
        reason: String,
    },
    /// State moves and removals must say why.
    ReasonRequired,
    NoSuchVisit(u32),
    InvalidVisit(String),
}

impl std::fmt::Display for CrmError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CrmError::NoSuchCustomer(id) => write!(f, "找不到编号为 {id} 的客户"),
            CrmError::Invalid(errors) => {
                let parts: Vec<String> = errors.iter().map(ToString::to_string).collect();
                write!(f, "客户资料有误:{}", parts.join(";"))
            }
            CrmError::IllegalMove { from, to, reason } => {
                write!(f, "不能从{}变为{}:{reason}", from.label(), to.label())
            }
            CrmError::ReasonRequired => write!(f, "请写明变更原因"),
            CrmError::NoSuchVisit(id) => write!(f, "找不到编号为 {id} 的拜访计划"),
            CrmError::InvalidVisit(why) => write!(f, "拜访计划有误:{why}"),
        }
    }
}

impl std::error::Error for CrmError {}
