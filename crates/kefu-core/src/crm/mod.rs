//! The CRM the course teaches (seeds 000, 001, 002 and 004), as plain Rust: customer cards for
//! people and organisations, the MAN rule, the customer lifecycle with an append-only audit log,
//! contacts and visit plans, decision groups, loyalty and value analytics, duplicates, CSV/JSON
//! import and export, search, persistence on a [`crate::storage::Store`], a sample workspace, and
//! the hook role-plays will use to write to the CRM and be graded against it. No browser code.
//! See docs/crm.md.

// First: the macro the vocabularies below are declared with.
#[macro_use]
mod vocabulary;

pub mod audit;
pub mod check;
pub mod contact;
pub mod counts;
pub mod csv_io;
pub mod customer;
pub mod duplicate;
pub mod effect;
mod effect_json;
pub mod error;
pub mod field;
pub mod import;
pub mod json_io;
pub mod labels;
pub mod lifecycle;
pub mod loyalty;
pub mod man;
pub mod persist;
pub mod phone;
pub mod record;
pub mod sample;
pub mod search;
pub mod state;
pub mod stored;
pub mod value;
pub mod visit;
pub mod workspace;

pub use audit::{AuditEntry, Change};
pub use check::{CheckResult, CrmCheck};
pub use contact::{Contact, ContactKind, Outcome};
pub use counts::Counts;
pub use csv_io::{export_csv, preview_csv};
pub use customer::{CompetitorAttitude, Customer, Gender, IncidentAttitude, Kind, Level, Member, Role};
pub use duplicate::{Duplicate, DuplicateIndex, DuplicateReason};
pub use effect::{Bindings, CrmEffect, EffectError};
pub use error::CrmError;
pub use field::{Field, FieldError};
pub use import::{ImportError, ImportPreview, ImportRow};
pub use json_io::{export_json, preview_json};
pub use lifecycle::{allowed_moves, check_move};
pub use loyalty::{loyalty, Loyalty, LoyaltyLevel};
pub use man::{Man, ManAction, ManClass, MAN_TABLE};
pub use persist::{CrmNotice, CrmStore};
pub use record::{queue_play, PlayRecord};
pub use sample::{SampleChoice, SampleConflict, SampleLoaded, SamplePlan};
pub use search::{ManSet, Query, SearchIndex, SortKey};
pub use state::{State, StateSet};
pub use value::{big_not_good, pareto, ranking, BigNotGood, BigNotGoodRule, Pareto, ParetoPoint, Ranked};
pub use visit::{VisitRow, VISIT_COLUMNS};
pub use workspace::{Created, NewContact, ReplayError, Workspace};
