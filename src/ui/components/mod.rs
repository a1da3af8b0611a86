//! Reusable view components, one per file.

pub mod debrief;
pub mod exercise;
pub mod nav;
pub mod notices;
pub mod score_chart;
pub mod transcript;
