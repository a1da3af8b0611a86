//! The teacher app's pages, one per route.

pub mod results;
