//! The packs a student can play: the built-in ones, checked and compiled at build time by
//! `build.rs` and embedded in postcard form.

use std::rc::Rc;

use crate::engine::LoadedPack;
use crate::pack::Pack;

/// (file name, content hash, pack), as `build.rs` writes them.
type Embedded = (String, String, Pack);

const BUILTIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin_packs.bin"));

/// The built-in packs, in file-name order.
pub fn builtin() -> Vec<Rc<LoadedPack>> {
    let embedded: Vec<Embedded> =
        postcard::from_bytes(BUILTIN).expect("build.rs embeds packs in the model's postcard form");
    embedded.into_iter().map(|(_, hash, pack)| Rc::new(LoadedPack { pack, hash })).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_packs_match_their_sources() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
        let mut sources = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|x| x == "toml") {
                sources += 1;
                let bytes = std::fs::read(&path).unwrap();
                let compiled = crate::pack::compile("x", &bytes);
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
}
