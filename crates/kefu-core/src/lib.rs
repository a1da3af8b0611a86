//! kefu-core: everything of 客服实训 that is not the browser — the pack format and its checker, the
//! play engine, the CRM the course teaches, result files (verification, dashboard, xAPI, SCORM) and
//! storage behind a [`storage::Store`] trait. Plain Rust with no web dependency (the app crate's
//! `tests/ui/layout.rs` asserts it from `cargo metadata`), tested natively.
//!
//! Modules depend on each other one way only, from bottom to top (`tests/ui/layout.rs` fails on an
//! import of a module above):
//!
//! 1. [`util`]: small shared helpers (stable sort, base64, dates, FNV hash);
//! 2. [`storage`]: the `Store` trait, the in-memory store, versioned documents with recovery;
//! 3. [`crm`]: customer cards, MAN rule, lifecycle, visits, analytics, import/export;
//! 4. [`pack`]: the pack format, its checker, compiled packs and the store of teacher packs;
//! 5. [`engine`]: a play of a pack, its scoring and debrief, and the store of saved plays;
//! 6. [`results`]: result files, verification by replay, dashboard, xAPI and SCORM.

pub mod util;

pub mod storage;

pub mod crm;

pub mod pack;

pub mod engine;

pub mod results;

/// Fixtures and players for the test crates and benches (unused by the apps).
pub mod testing;
