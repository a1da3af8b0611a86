//! Scenario packs: the TOML format (docs/pack-format.md), its typed model, the condition language
//! and the checker with its numbered diagnostics (docs/diagnostics.md).
//!
//! This module is also compiled into `build.rs` (to check and embed the built-in packs), so it
//! refers to its own parts with `super::` paths only and uses no crate outside its dependencies;
//! the one exception is the CRM vocabulary (`crate::crm::{contact, customer, field, labels, man,
//! phone, state}`), which `build.rs` compiles too.

pub mod check;
pub mod compile;
pub mod decimal;
pub mod diagnostic;
pub mod exercise;
pub mod expr;
pub mod lower;
pub mod lower_crm;
pub mod lower_exercise;
pub mod model;
pub mod reader;
pub mod source;
pub mod summary;
pub mod template;

pub use compile::{compile, Compiled};
pub use diagnostic::{Code, Diagnostic, Located, Severity};
pub use model::*;
pub use summary::PackSummary;
