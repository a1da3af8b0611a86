//! What the home page shows of a pack without loading it, and the compiled-pack file format the app
//! fetches when a student opens one. Built-in packs are not embedded in the app: only their
//! summaries are (a few hundred bytes each), so the first load stays small however much course
//! content there is; each pack's body is a separate, content-addressed file under `packs/`.
//!
//! Both `build.rs` (the embedded summaries) and `packcheck --emit` (the files) use this module, so the
//! names and bytes agree by construction.

use serde::{Deserialize, Serialize};

use super::model::Pack;

/// A pack as listed before it is loaded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackSummary {
    pub id: String,
    pub version: u32,
    /// SHA-256 of the pack's source text (what plays are made on).
    pub hash: String,
    pub title: String,
    pub source: String,
    pub project: String,
    pub summary: String,
    pub minutes: u32,
    /// Skill names, in the pack's order.
    pub skills: Vec<String>,
    /// The activity kinds, in play order (`dialogue`, `order`…).
    pub kinds: Vec<String>,
}

impl PackSummary {
    pub fn of(pack: &Pack, hash: &str) -> PackSummary {
        let m = &pack.meta;
        PackSummary {
            id: m.id.clone(),
            version: m.version,
            hash: hash.to_string(),
            title: m.title.clone(),
            source: m.source.clone(),
            project: m.project.clone(),
            summary: m.summary.clone(),
            minutes: m.minutes,
            skills: pack.dimensions.iter().map(|d| d.name.clone()).collect(),
            kinds: pack.activities.iter().map(|a| a.body.kind().to_string()).collect(),
        }
    }

    /// The compiled file's name: content-addressed, so a static host and the browser may cache it
    /// forever and a stale copy can never be mistaken for a newer pack.
    pub fn file_name(&self) -> String {
        file_name(&self.id, &self.hash)
    }
}

pub fn file_name(id: &str, hash: &str) -> String {
    format!("{id}-{}.bin", &hash[..hash.len().min(16)])
}

/// The bytes of a compiled pack file: the source hash and the pack, in postcard form.
pub fn encode_file(pack: &Pack, hash: &str) -> Vec<u8> {
    postcard::to_allocvec(&(hash, pack)).expect("packs serialize")
}

/// Reads a compiled pack file and checks that it is the pack `expected` names and that the engine
/// can play it (`validate`: the bytes may come from storage or a link, not from the checker).
pub fn decode_file(bytes: &[u8], expected: &PackSummary) -> Result<Pack, String> {
    let (hash, pack): (String, Pack) =
        postcard::from_bytes(bytes).map_err(|e| format!("场景包文件已损坏或版本不符({e})"))?;
    if hash != expected.hash || pack.meta.id != expected.id || pack.meta.version != expected.version {
        return Err(format!(
            "场景包文件与目录不符:需要「{}」第 {} 版,得到「{}」第 {} 版",
            expected.id, expected.version, pack.meta.id, pack.meta.version
        ));
    }
    super::validate::validate(&pack)?;
    Ok(pack)
}
