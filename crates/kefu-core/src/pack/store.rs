//! Packs a teacher loaded (`kefu-sim/pack/<id>`): the compiled pack in the same postcard form as the
//! built-in pack files (`pack::summary::encode_file`, base64 so it fits a text store) with its
//! summary beside it, so a list needs no decoding. The teacher app writes them after checking the
//! source; the student app only reads them, with the decoder it already has for built-in packs, so
//! the TOML parser never enters the student's wasm.
//!
//! Replacing follows the version number: a newer version of an installed id replaces it; the same
//! text again changes nothing; an older version, or other text under the same version, is refused
//! (results made on the installed text could no longer be told apart from the new one's).

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::pack::summary::{decode_file, encode_file};
use crate::pack::{LoadedPack, PackSummary};
use crate::util::base64;

use crate::storage::versioned::{load, load_all, save, Loaded, Versioned, RECOVERY_PREFIX};
use crate::storage::{Notice, Store, StoreError};

/// Prefix of the keys of teacher-loaded packs; the rest is the pack id.
pub const PACKS: &str = "kefu-sim/pack/";

/// One stored pack, as two base64 texts (unpadded URL-safe): its summary and its compiled file in
/// postcard form. The summary is postcard too, not JSON, because the student app already decodes
/// summaries that way (the built-in index): a JSON decoder for them would add to its first load.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Stored {
    summary: String,
    file: String,
}

impl Versioned for Stored {
    /// 2: compiled files in the form with rubrics (`pack::legacy`); 1: before rubrics.
    const SCHEMA: u32 = 2;

    fn migrate(from: u32, mut data: serde_json::Value) -> Result<serde_json::Value, String> {
        match from {
            // The file is rewritten in the current form; the summary and hash are unchanged, so
            // plays made on the pack still match it.
            1 => {
                let text = |k: &str| data.get(k).and_then(|v| v.as_str()).map(str::to_string);
                let (Some(summary), Some(file)) = (text("summary"), text("file")) else {
                    return Err("场景包数据缺少内容".into());
                };
                let summary: PackSummary = postcard::from_bytes(&base64::decode_url(&summary)?)
                    .map_err(|e| format!("场景包数据已损坏({e})"))?;
                let file = base64::decode_url(&file)?;
                let pack = crate::pack::legacy::before_rubrics(|| decode_file(&file, &summary))?;
                data["file"] =
                    serde_json::Value::String(base64::encode_url(&encode_file(&pack, &summary.hash)));
                Ok(data)
            }
            _ => Err(format!("没有从第 {from} 版数据升级的方法")),
        }
    }
}

/// One stored pack: its summary, and its compiled file still encoded (decoded only to play).
#[derive(Debug, Clone, PartialEq)]
pub struct StoredPack {
    pub summary: PackSummary,
    /// `encode_file(pack, hash)`.
    file: Vec<u8>,
}

impl StoredPack {
    /// A pack as it arrived compiled: `file` is `encode_file(pack, summary.hash)`, already checked
    /// (`share::decode`).
    pub fn from_file(summary: PackSummary, file: Vec<u8>) -> StoredPack {
        StoredPack { summary, file }
    }

    /// The compiled file, `encode_file(pack, summary.hash)` (what a share link carries).
    pub fn file(&self) -> &[u8] {
        &self.file
    }

    pub fn of(loaded: &LoadedPack) -> StoredPack {
        StoredPack {
            summary: PackSummary::of(&loaded.pack, &loaded.hash),
            file: encode_file(&loaded.pack, &loaded.hash),
        }
    }

    /// The playable pack. Fails (with a Chinese message) when the stored bytes are damaged or do
    /// not match the summary stored with them.
    pub fn decode(&self) -> Result<LoadedPack, String> {
        let pack = decode_file(&self.file, &self.summary)?;
        Ok(LoadedPack { pack, hash: self.summary.hash.clone() })
    }

    fn to_stored(&self) -> Stored {
        let summary = postcard::to_allocvec(&self.summary).unwrap_or_default();
        Stored { summary: base64::encode_url(&summary), file: base64::encode_url(&self.file) }
    }

    fn from_stored(s: Stored) -> Result<StoredPack, String> {
        let damaged = |e: String| format!("场景包数据已损坏({e})");
        let summary = base64::decode_url(&s.summary).map_err(damaged)?;
        let summary = postcard::from_bytes(&summary).map_err(|e| damaged(e.to_string()))?;
        Ok(StoredPack { summary, file: base64::decode_url(&s.file).map_err(damaged)? })
    }

    /// Reads the pack stored at `key`.
    fn load(store: &dyn Store, key: &str, now: i64) -> Result<Loaded<StoredPack>, StoreError> {
        Ok(match load::<Stored>(store, key, now)? {
            Loaded::Found(s) => match StoredPack::from_stored(s) {
                Ok(p) => Loaded::Found(p),
                // Readable as a document but not as a pack: set aside like any unreadable value.
                Err(reason) => {
                    let text = store.get(key)?.unwrap_or_default();
                    let rkey = format!("{RECOVERY_PREFIX}{now}/{key}");
                    let recovery_key = store.set(&rkey, &text).ok().map(|_| rkey);
                    Loaded::Unreadable { reason, recovery_key }
                }
            },
            Loaded::Missing => Loaded::Missing,
            Loaded::Unreadable { reason, recovery_key } => Loaded::Unreadable { reason, recovery_key },
        })
    }

    /// Writes the pack at its key.
    fn save(&self, store: &dyn Store) -> Result<(), StoreError> {
        save(store, &StoredPack::key(&self.summary.id), &self.to_stored())
    }

    pub fn key(id: &str) -> String {
        format!("{PACKS}{id}")
    }
}

/// Every stored pack, in id order. Unreadable entries are set aside (see `versioned.rs`) and
/// reported in `notices`; the others are still listed.
pub fn list(store: &dyn Store, now: i64, notices: &mut Vec<Notice>) -> Vec<StoredPack> {
    load_all(store, PACKS, now, notices, StoredPack::load)
}

/// The stored packs decoded for play, skipping ids in `builtin` (a built-in pack always wins: its
/// plays and results must keep meaning the built-in text). A pack that cannot be decoded is
/// reported and left out.
pub fn playable(
    store: &dyn Store,
    builtin: &[PackSummary],
    now: i64,
    notices: &mut Vec<String>,
) -> Vec<(PackSummary, Rc<LoadedPack>)> {
    let mut storage = vec![];
    let listed = list(store, now, &mut storage);
    notices.extend(storage.into_iter().map(|n| n.to_string()));
    listed
        .into_iter()
        .filter(|p| !builtin.iter().any(|b| b.id == p.summary.id))
        .filter_map(|p| match p.decode() {
            Ok(loaded) => Some((p.summary, Rc::new(loaded))),
            Err(e) => {
                notices.push(format!("教师载入的场景包「{}」无法使用:{e}", p.summary.title));
                None
            }
        })
        .collect()
}

/// What installing a pack did.
#[derive(Debug, Clone, PartialEq)]
pub enum Installed {
    /// A pack with a new id.
    New(PackSummary),
    /// A newer version replaced version `old`.
    Replaced { old: u32, new: PackSummary },
    /// Exactly this text was already installed.
    Unchanged(PackSummary),
}

/// Why a valid pack was not installed.
#[derive(Debug, Clone, PartialEq)]
pub enum Refused {
    /// A built-in pack has this id.
    BuiltinId(String),
    /// The installed version is newer.
    Older {
        id: String,
        installed: u32,
        given: u32,
    },
    /// Same version number, different text.
    SameVersionChanged {
        id: String,
        version: u32,
    },
    Store(StoreError),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::BuiltinId(id) => {
                write!(f, "内置场景包已使用 id「{id}」:请在 [pack] 中换一个 id")
            }
            Refused::Older { id, installed, given } => write!(
                f,
                "已载入「{id}」第 {installed} 版,这个文件是较旧的第 {given} 版:如要换回旧版,请先删除已载入的场景包"
            ),
            Refused::SameVersionChanged { id, version } => write!(
                f,
                "「{id}」第 {version} 版已载入,但这个文件内容不同:修改场景包后请把 version 加 1,学生的成绩才能按版本核对"
            ),
            Refused::Store(e) => write!(f, "{e}"),
        }
    }
}

/// Stores `loaded` (a pack that passed the checker), following the replacement rules above.
pub fn install(
    store: &dyn Store,
    loaded: &LoadedPack,
    builtin: &[PackSummary],
) -> Result<Installed, Refused> {
    install_stored(store, StoredPack::of(loaded), builtin)
}

/// [`install`] for a pack already in its stored form: a share link carries the compiled file, so
/// the student app stores those bytes as they came (checked by `share::decode`) instead of encoding
/// the pack again, which would put the whole model's serializer into the student's wasm.
pub fn install_stored(
    store: &dyn Store,
    stored: StoredPack,
    builtin: &[PackSummary],
) -> Result<Installed, Refused> {
    let new = &stored.summary;
    if builtin.iter().any(|b| b.id == new.id) {
        return Err(Refused::BuiltinId(new.id.clone()));
    }
    let key = StoredPack::key(&new.id);
    // An unreadable old entry is copied to recovery by `load` and then overwritten.
    let old = match StoredPack::load(store, &key, 0) {
        Ok(Loaded::Found(p)) => Some(p.summary),
        Ok(Loaded::Unreadable { recovery_key: None, .. }) => return Err(Refused::Store(StoreError::Quota)),
        Ok(_) => None,
        Err(e) => return Err(Refused::Store(e)),
    };
    let outcome = match old {
        None => Installed::New(new.clone()),
        Some(old) if old.hash == new.hash => return Ok(Installed::Unchanged(old)),
        Some(old) if old.version > new.version => {
            return Err(Refused::Older { id: new.id.clone(), installed: old.version, given: new.version })
        }
        Some(old) if old.version == new.version => {
            return Err(Refused::SameVersionChanged { id: new.id.clone(), version: new.version })
        }
        Some(old) => Installed::Replaced { old: old.version, new: new.clone() },
    };
    stored.save(store).map_err(Refused::Store)?;
    Ok(outcome)
}

/// Removes pack `id`. Plays made on it stay in the history with the scores they showed.
pub fn remove(store: &dyn Store, id: &str) -> Result<(), StoreError> {
    store.remove(&StoredPack::key(id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryStore;

    /// A pack stored before rubrics (schema 1: its plan fields written without `rubric`) is read,
    /// decodes to the same pack with no rubric, and plays under its old hash.
    #[test]
    fn a_pack_stored_before_rubrics_still_opens() {
        let mut loaded =
            (*crate::testing::builtin().into_iter().find(|(_, p)| p.pack.meta.id == "qicai-plan").unwrap().1)
                .clone();
        loaded.pack.meta.id = "my-plan".into();
        let summary = PackSummary::of(&loaded.pack, &loaded.hash);
        let old_file = crate::pack::legacy::before_rubrics(|| encode_file(&loaded.pack, &loaded.hash));
        assert_ne!(
            old_file,
            encode_file(&loaded.pack, &loaded.hash),
            "the pack has rubrics: the forms differ"
        );
        let stored = Stored {
            summary: base64::encode_url(&postcard::to_allocvec(&summary).unwrap()),
            file: base64::encode_url(&old_file),
        };
        let s = MemoryStore::new();
        let text = serde_json::json!({ "schema": 1, "data": stored }).to_string();
        s.set(&StoredPack::key("my-plan"), &text).unwrap();
        let mut notices = vec![];
        let listed = list(&s, 1, &mut notices);
        assert!(notices.is_empty(), "{notices:?}");
        let back = listed[0].decode().unwrap();
        assert_eq!(back.hash, loaded.hash);
        let mut expected = loaded.pack.clone();
        for a in &mut expected.activities {
            if let crate::pack::model::ActivityBody::Plan(p) = &mut a.body {
                p.fields.iter_mut().for_each(|f| f.rubric.clear());
            }
        }
        assert!(encode_file(&back.pack, &back.hash) == encode_file(&expected, &loaded.hash));
        // Damaged old bytes are set aside, not played.
        let bad = Stored { file: base64::encode_url(&old_file[..old_file.len() / 2]), ..stored };
        s.set(&StoredPack::key("my-plan"), &serde_json::json!({ "schema": 1, "data": bad }).to_string())
            .unwrap();
        let mut notices = vec![];
        assert!(list(&s, 2, &mut notices).is_empty());
        assert_eq!(notices.len(), 1);
    }

    fn pack(id: &str, version: u32, title: &str) -> LoadedPack {
        let text = format!(
            r#"[pack]
id = "{id}"
version = {version}
title = "{title}"
source = "测试"
dimensions = [{{ id = "d", name = "技能" }}]

[activity.talk]
kind = "dialogue"
start = "a"

[activity.talk.node.a]
speaker = "customer"
text = "你好"

[[activity.talk.node.a.choice]]
id = "ok"
text = "您好"
goto = "end"
score = {{ d = 1 }}

[activity.talk.node.end]
ending = "success"
text = "好"
"#
        );
        let c = crate::pack::compile("t.toml", text.as_bytes());
        let errors: Vec<String> = c.diagnostics.iter().map(|d| d.to_string()).collect();
        LoadedPack { pack: c.pack.unwrap_or_else(|| panic!("{}", errors.join("\n"))), hash: c.hash }
    }

    #[test]
    fn installs_lists_decodes_and_removes() {
        let store = MemoryStore::new();
        let p = pack("mine", 1, "我的场景");
        assert_eq!(install(&store, &p, &[]), Ok(Installed::New(PackSummary::of(&p.pack, &p.hash))));
        let listed = list(&store, 1, &mut vec![]);
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].summary.title, "我的场景");
        // Spans are not stored; everything a play uses is.
        let same = |a: &LoadedPack| (a.hash.clone(), serde_json::to_value(&a.pack).unwrap());
        assert_eq!(same(&listed[0].decode().unwrap()), same(&p));
        let mut notices = vec![];
        let play = playable(&store, &[], 1, &mut notices);
        assert_eq!((play.len(), notices.len()), (1, 0));
        assert_eq!(same(&play[0].1), same(&p));
        remove(&store, "mine").unwrap();
        assert!(list(&store, 1, &mut vec![]).is_empty());
    }

    #[test]
    fn versions_replace_forward_only() {
        let store = MemoryStore::new();
        let v1 = pack("mine", 1, "一");
        let v2 = pack("mine", 2, "二");
        install(&store, &v1, &[]).unwrap();
        assert!(matches!(install(&store, &v1, &[]), Ok(Installed::Unchanged(_))));
        assert!(matches!(install(&store, &v2, &[]), Ok(Installed::Replaced { old: 1, .. })));
        assert_eq!(list(&store, 1, &mut vec![])[0].summary.version, 2);
        let err = install(&store, &v1, &[]).unwrap_err();
        assert_eq!(err, Refused::Older { id: "mine".into(), installed: 2, given: 1 });
        assert!(err.to_string().contains("第 1 版"), "{err}");
        let other_text = pack("mine", 2, "二改");
        assert_eq!(
            install(&store, &other_text, &[]),
            Err(Refused::SameVersionChanged { id: "mine".into(), version: 2 })
        );
        assert_eq!(list(&store, 1, &mut vec![])[0].summary.title, "二");
    }

    #[test]
    fn built_in_ids_are_refused_and_win_when_listing() {
        let store = MemoryStore::new();
        let p = pack("apple", 1, "冒名");
        let builtin = vec![PackSummary::of(&p.pack, "other")];
        assert_eq!(install(&store, &p, &builtin), Err(Refused::BuiltinId("apple".into())));
        // Written by some other means: still not offered over the built-in one.
        StoredPack::of(&p).save(&store).unwrap();
        assert!(playable(&store, &builtin, 1, &mut vec![]).is_empty());
    }

    #[test]
    fn damaged_entries_are_recovered_and_reported_the_rest_still_listed() {
        let store = MemoryStore::new();
        install(&store, &pack("good", 1, "好"), &[]).unwrap();
        store.set(&StoredPack::key("bad"), "{not json").unwrap();
        let mut bad_bytes = StoredPack::of(&pack("flip", 1, "翻"));
        bad_bytes.file.truncate(bad_bytes.file.len() / 2);
        bad_bytes.save(&store).unwrap();
        // A document whose summary is not a summary.
        save(&store, &StoredPack::key("odd"), &Stored { summary: "AAAA".into(), file: String::new() })
            .unwrap();
        let mut notices = vec![];
        let play = playable(&store, &[], 5, &mut notices);
        assert_eq!(play.iter().map(|(s, _)| s.id.as_str()).collect::<Vec<_>>(), ["good"]);
        assert_eq!(notices.len(), 3, "{notices:?}");
        assert!(notices.iter().any(|n| n.contains("kefu-sim/recovery/5/kefu-sim/pack/odd")), "{notices:?}");
        assert!(notices.iter().any(|n| n.contains("kefu-sim/recovery/5/kefu-sim/pack/bad")), "{notices:?}");
        assert!(notices.iter().any(|n| n.contains("翻")), "{notices:?}");
        assert_eq!(store.get("kefu-sim/recovery/5/kefu-sim/pack/bad").unwrap().as_deref(), Some("{not json"));
    }

    #[test]
    fn a_full_store_refuses_and_keeps_the_old_version() {
        let v1 = pack("mine", 1, "一");
        let one = crate::storage::versioned::encode(&StoredPack::of(&v1).to_stored());
        let store = MemoryStore::with_quota(one.encode_utf16().count() + 40);
        install(&store, &v1, &[]).unwrap();
        let mut big = pack("mine", 2, "二");
        big.pack.meta.summary = "长".repeat(2000);
        assert_eq!(install(&store, &big, &[]), Err(Refused::Store(StoreError::Quota)));
        assert_eq!(list(&store, 1, &mut vec![])[0].summary.version, 1);
    }
}
