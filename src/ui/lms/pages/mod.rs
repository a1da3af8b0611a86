//! The LMS page's pages, one per route: the LRS settings and the result export.

pub mod export;
pub mod settings;
