//! Persistence: a small [`Store`] trait with an in-memory and a browser implementation, versioned
//! documents with migration and recovery, and the app's saved plays. Everything except
//! `browser.rs` is plain Rust, tested natively.

#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod memory;
pub mod packs;
pub mod saves;
pub mod store;
pub mod versioned;

pub use memory::MemoryStore;
pub use saves::{DimSummary, Draft, HistoryEntry, Notice, Saves};
pub use store::{Store, StoreError};
pub use versioned::{Loaded, Versioned};
