//! A pack ready to play: the checked model plus the hash of the exact text it came from, and the
//! reference ([`PackRef`]) a play or a result keeps to it.

use serde::{Deserialize, Serialize};

use super::Pack;

/// Exactly which pack text a play was made on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PackRef {
    pub id: String,
    pub version: u32,
    /// SHA-256 of the pack file (see `pack::source::content_hash`).
    pub hash: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LoadedPack {
    pub pack: Pack,
    pub hash: String,
}

impl LoadedPack {
    pub fn pack_ref(&self) -> PackRef {
        PackRef { id: self.pack.meta.id.clone(), version: self.pack.meta.version, hash: self.hash.clone() }
    }
}
