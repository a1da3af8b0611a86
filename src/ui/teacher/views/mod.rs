//! Parts of the teacher's pages: the drop zone for files, the checker's report, the result table,
//! the class dashboard and its per-skill chart, a student's plays with the teacher's marking of
//! their free-text answers, the tabs between the packs and results pages.

pub mod class_panel;
pub mod dashboard;
pub mod drop_zone;
pub mod marking;
pub mod report;
pub mod result_rows;
pub mod skill_chart;
pub mod student_plays;
pub mod tabs;
