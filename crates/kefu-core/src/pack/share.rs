//! A checked pack carried by a link (issue 12): the teacher's packs page puts it in the URL
//! fragment of the student home page, `…/#/install/DATA`, and opening that link in any browser
//! installs the pack there with the same rules as a pack loaded on the packs page
//! (`pack::store::install`). No server and no upload: the link is the pack.
//!
//! `DATA` is base64url (no padding) of the browser's `CompressionStream("deflate-raw")` applied to
//! the [`payload`]; the compression is the browser's, so no deflate code enters the wasm. This
//! module is the part around it: what the bytes are, and how a link that arrived damaged, truncated
//! or forged is refused before anything is stored.
//!
//! The payload is `[FORMAT][FNV-1a 64 of the rest, little-endian][compiled file]`, where the
//! compiled file is the same postcard form as a built-in pack file (`summary::encode_file`: the
//! source hash and the pack). The checksum catches a link damaged in transit (a chat app that
//! "fixes" a character); the engine's invariants are checked by `validate` whatever the checksum
//! says, since a link can be made by anyone.

use crate::pack::store::StoredPack;
use crate::pack::summary::PackSummary;
use crate::pack::{LoadedPack, Pack};
use crate::util::fnv::fnv1a_64;

/// The payload's format number; a link of another format is refused with a message saying so.
pub const FORMAT: u8 = 1;

/// The longest link the packs page offers (characters of the whole URL): chat apps and QR codes
/// cope with this, and the address bars of the browsers students use accept it. A longer pack is
/// shared as a file instead.
pub const MAX_LINK_CHARS: usize = 32_000;

/// The most bytes a link's payload may inflate to: the largest pack file the packs page accepts.
pub const MAX_PAYLOAD_BYTES: usize = 4 << 20;

/// What a damaged, truncated or forged link says (also when it cannot even be inflated).
pub const DAMAGED: &str = "分享链接不完整或已损坏,请向老师重新索取链接";

/// The bytes a link carries (before the browser compresses them): the stored pack's compiled file
/// as it is, with no decoding or encoding again.
pub fn payload(stored: &StoredPack) -> Vec<u8> {
    let file = stored.file();
    let mut out = Vec::with_capacity(file.len() + 9);
    out.push(FORMAT);
    out.extend_from_slice(&fnv1a_64(file).to_le_bytes());
    out.extend_from_slice(file);
    out
}

/// The pack a link's payload carries, checked as a pack from storage is (`validate`), or a Chinese
/// message saying why the link cannot be used.
pub fn decode(payload: &[u8]) -> Result<LoadedPack, String> {
    decode_stored(payload).map(|(loaded, _)| loaded)
}

/// [`decode`], with the pack also in the form `pack::store` keeps (the link's own compiled bytes).
pub fn decode_stored(payload: &[u8]) -> Result<(LoadedPack, StoredPack), String> {
    let (&format, rest) = payload.split_first().ok_or(DAMAGED)?;
    if format != FORMAT {
        return Err(format!(
            "分享链接的格式(第 {format} 版)与本站(第 {FORMAT} 版)不符,请用本站的场景包页重新生成链接"
        ));
    }
    if rest.len() < 8 {
        return Err(DAMAGED.into());
    }
    let (sum, file) = rest.split_at(8);
    if sum != fnv1a_64(file).to_le_bytes() {
        return Err(DAMAGED.into());
    }
    let (hash, pack): (String, Pack) = postcard::from_bytes(file).map_err(|e| format!("{DAMAGED}({e})"))?;
    if hash.is_empty() || hash.len() > 128 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(DAMAGED.into());
    }
    super::validate::validate(&pack)?;
    let stored = StoredPack::from_file(PackSummary::of(&pack, &hash), file.to_vec());
    Ok((LoadedPack { pack, hash }, stored))
}

/// The summary the home page lists for a pack that arrived by link.
pub fn summary(loaded: &LoadedPack) -> PackSummary {
    PackSummary::of(&loaded.pack, &loaded.hash)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::summary::encode_file;
    use crate::testing::builtin_packs;

    #[test]
    fn every_builtin_pack_survives_the_round_trip() {
        for loaded in builtin_packs() {
            let back = decode(&payload(&StoredPack::of(&loaded))).unwrap();
            // Spans (source positions) are not carried: compare what is, the compiled file.
            assert!(
                encode_file(&back.pack, &back.hash) == encode_file(&loaded.pack, &loaded.hash),
                "{}",
                loaded.pack.meta.id
            );
        }
    }

    #[test]
    fn every_single_byte_change_is_refused_or_still_a_valid_pack() {
        let loaded = &builtin_packs()[0];
        let good = payload(&StoredPack::of(loaded));
        // Every position, two different corruptions each (the checksum must catch them all).
        for i in 0..good.len() {
            for delta in [1u8, 0x80] {
                let mut bad = good.clone();
                bad[i] = bad[i].wrapping_add(delta);
                match decode(&bad) {
                    Err(e) => assert!(!e.is_empty()),
                    Ok(p) => assert!(crate::pack::validate(&p.pack).is_ok(), "byte {i} + {delta}"),
                }
            }
        }
    }

    #[test]
    fn the_stored_form_is_the_links_own_file() {
        let loaded = &builtin_packs()[0];
        let (_, stored) = decode_stored(&payload(&StoredPack::of(loaded))).unwrap();
        assert!(stored == StoredPack::of(loaded), "the same bytes as encoding the pack again");
        assert_eq!(stored.decode().unwrap().hash, loaded.hash);
    }

    #[test]
    fn truncated_and_foreign_payloads_are_refused() {
        let good = payload(&StoredPack::of(&builtin_packs()[0]));
        for len in [0, 1, 5, 9, 10, good.len() / 2, good.len() - 1] {
            assert!(decode(&good[..len]).is_err(), "cut at {len}");
        }
        let mut other = good.clone();
        other[0] = FORMAT + 1;
        assert!(decode(&other).unwrap_err().contains("格式"));
    }
}
