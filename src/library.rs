//! The built-in packs: checked and compiled at build time by `build.rs`. The app embeds only their
//! summaries ([`index`]) and fetches a pack's body when it is opened (`ui::pack_loader`); native code
//! (tests, benches, result verification) gets the whole packs from [`builtin`].

use std::rc::Rc;

use kefu_core::engine::LoadedPack;
use kefu_core::pack::{Pack, PackSummary};

/// (file name, content hash, pack), as `build.rs` writes them.
type Embedded = (String, String, Pack);

const INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin_index.bin"));

/// The summaries of the built-in packs, in file-name order.
pub fn index() -> Vec<PackSummary> {
    postcard::from_bytes(INDEX).expect("build.rs embeds the index in the model's postcard form")
}

/// The built-in packs, whole, in file-name order. Not for the app's first load: calling this from
/// the UI would embed every pack in the wasm.
pub fn builtin() -> Vec<Rc<LoadedPack>> {
    const BUILTIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin_packs.bin"));
    let embedded: Vec<Embedded> =
        postcard::from_bytes(BUILTIN).expect("build.rs embeds packs in the model's postcard form");
    embedded.into_iter().map(|(_, hash, pack)| Rc::new(LoadedPack { pack, hash })).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use kefu_core::pack::summary::{decode_file, encode_file};

    #[test]
    fn embedded_packs_match_their_sources() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
        let mut sources = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|x| x == "toml") {
                sources += 1;
                let bytes = std::fs::read(&path).unwrap();
                let compiled = kefu_core::pack::compile("x", &bytes);
                let embedded = builtin().into_iter().find(|p| p.hash == compiled.hash);
                let embedded = embedded.unwrap_or_else(|| panic!("{} is not embedded", path.display()));
                // Spans are not embedded; everything a play uses is.
                assert_eq!(
                    serde_json::to_value(&embedded.pack).unwrap(),
                    serde_json::to_value(compiled.pack.unwrap()).unwrap()
                );
            }
        }
        assert_eq!(builtin().len(), sources);
    }

    #[test]
    fn the_index_lists_every_built_in_pack_and_its_file_decodes_to_it() {
        let packs = builtin();
        let index = index();
        assert_eq!(index.len(), packs.len());
        for (summary, loaded) in index.iter().zip(&packs) {
            assert_eq!(summary, &PackSummary::of(&loaded.pack, &loaded.hash));
            let file = encode_file(&loaded.pack, &loaded.hash);
            assert_eq!(decode_file(&file, summary).unwrap(), loaded.pack);
        }
    }

    #[test]
    fn a_pack_file_for_another_pack_or_version_is_refused() {
        let packs = builtin();
        let index = index();
        let other = encode_file(&packs[1].pack, &packs[1].hash);
        let err = decode_file(&other, &index[0]).unwrap_err();
        assert!(err.contains(&index[0].id), "{err}");
        assert!(decode_file(b"\x01\x02garbage", &index[0]).is_err());
        assert!(decode_file(&[], &index[0]).is_err());
        let mut stale = index[0].clone();
        stale.hash = "0".repeat(64);
        assert!(decode_file(&encode_file(&packs[0].pack, &packs[0].hash), &stale).is_err());
    }
}
