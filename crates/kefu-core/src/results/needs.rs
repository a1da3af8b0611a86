//! Which built-in packs an import needs. The teacher app holds only the built-in packs' summaries;
//! before verifying a batch of result files it fetches the bodies of exactly the packs the files
//! were played on (same id and content hash), and no others.

use std::rc::Rc;

use crate::engine::LoadedPack;
use crate::pack::PackSummary;

use super::parse::parse;

/// The entries of `catalog` that some play in `files` was made on and that `have` lacks, in
/// catalog order. Unreadable files and plays are skipped here: the import reports them.
pub fn needed_packs<'a>(
    catalog: &[PackSummary],
    have: &[Rc<LoadedPack>],
    files: impl IntoIterator<Item = &'a [u8]>,
) -> Vec<PackSummary> {
    let mut wanted: Vec<(String, String)> = vec![];
    for bytes in files {
        let Ok(parsed) = parse(bytes) else { continue };
        for play in parsed.plays.into_iter().flatten() {
            let key = (play.pack.id, play.pack.hash);
            if !wanted.contains(&key) {
                wanted.push(key);
            }
        }
    }
    catalog
        .iter()
        .filter(|s| wanted.iter().any(|(id, hash)| *id == s.id && *hash == s.hash))
        .filter(|s| !have.iter().any(|p| p.hash == s.hash && p.pack.meta.id == s.id))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Session;
    use crate::results::{ResultFile, ResultPlay, Student};

    /// A file with an (unfinished) play of `pack`: enough to name the pack.
    fn file_for(pack: &Rc<LoadedPack>) -> Vec<u8> {
        let s = Session::start(Rc::clone(pack), 3, 0).unwrap();
        let student = Student::new("甲", "1").unwrap();
        ResultFile::new(student, vec![ResultPlay::of_session(&s, 9)], 10).to_json().into_bytes()
    }

    #[test]
    fn lists_the_catalog_entries_played_that_are_not_loaded_yet() {
        let packs = crate::testing::builtin_packs();
        let catalog: Vec<PackSummary> = packs.iter().map(|p| PackSummary::of(&p.pack, &p.hash)).collect();
        let (a, b) = (&packs[0], &packs[1]);
        let files = [file_for(a), file_for(b), file_for(a), b"{broken".to_vec()];
        let refs = || files.iter().map(Vec::as_slice);
        let ids = |v: Vec<PackSummary>| v.into_iter().map(|s| s.id).collect::<Vec<_>>();
        assert_eq!(
            ids(needed_packs(&catalog, &[], refs())),
            [a.pack.meta.id.clone(), b.pack.meta.id.clone()]
        );
        assert_eq!(
            ids(needed_packs(&catalog, std::slice::from_ref(a), refs())),
            vec![b.pack.meta.id.clone()]
        );
        // A play on other text under a built-in id asks for nothing: the import flags it.
        let mut stale = catalog.clone();
        stale[1].hash = "0".repeat(64);
        assert_eq!(ids(needed_packs(&stale, &[], refs())), vec![a.pack.meta.id.clone()]);
    }
}
