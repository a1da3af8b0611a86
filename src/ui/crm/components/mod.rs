//! The crm app's components, one per file.

pub mod contact_log;
pub mod decision_group;
pub mod field_input;
pub mod filters;
pub mod history;
pub mod loyalty_view;
pub mod man_editor;
pub mod pareto_chart;
pub mod sample;
pub mod state_moves;
pub mod visit_plan;
