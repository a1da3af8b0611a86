//! Persistence: a small [`Store`] trait (local storage in the app crate, [`MemoryStore`] here),
//! versioned documents with migration and recovery, and the [`Notice`]s every store above reports.
//! What is stored lives beside its model: saved plays in `engine::saves`, teacher packs in
//! `pack::store`, the CRM in `crm::persist`.

pub mod memory;
pub mod notice;
pub mod store;
pub mod versioned;

pub use memory::MemoryStore;
pub use notice::Notice;
pub use store::{Store, StoreError};
pub use versioned::{Loaded, Versioned};
