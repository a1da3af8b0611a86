//! Scenario packs: the TOML format (docs/pack-format.md), its typed model, the condition language
//! and the checker with its numbered diagnostics (docs/diagnostics.md).
//! A checked pack with its content hash is a [`LoadedPack`]; packs a teacher loads are kept in
//! [`store`]. The pack format names the CRM's vocabulary (fields, states, MAN, outcomes), so this
//! module sits above `crm`.

pub mod check;
pub mod compile;
pub mod decimal;
pub mod diagnostic;
pub mod exercise;
pub mod expr;
pub mod fast_toml;
pub mod legacy;
pub mod loaded;
pub mod lower;
pub mod lower_crm;
pub mod lower_exercise;
pub mod lower_rubric;
pub mod model;
pub mod reader;
pub mod rubric;
pub mod share;
pub mod source;
pub mod store;
pub mod summary;
pub mod template;
pub mod validate;

pub use compile::{compile, compile_dir, Compiled};
pub use diagnostic::{Code, Diagnostic, Located, Severity};
pub use loaded::{LoadedPack, PackRef};
pub use model::*;
pub use summary::PackSummary;
pub use validate::validate;
