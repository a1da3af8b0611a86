//! A pack ready to play: the checked model plus the hash of the exact text it came from.

use crate::pack::Pack;

use super::play::PackRef;

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
