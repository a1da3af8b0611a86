//! Versioned documents: every stored value is `{"schema": N, "data": …}`. Reading upgrades old
//! schemas step by step with pure migration functions; anything unreadable (corrupt JSON, wrong
//! shape, a schema from a newer app) is first copied to a recovery key, so that no later write can
//! destroy what the user had.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;
use std::borrow::Cow;

use super::notice::Notice;
use super::store::{Store, StoreError};

/// The prefix of every key this app writes (one namespace per origin).
pub const NAMESPACE: &str = "kefu-sim/";
/// Where unreadable values are copied: `kefu-sim/recovery/<ms>/<original key>`.
pub const RECOVERY_PREFIX: &str = "kefu-sim/recovery/";

/// A type stored as a versioned document.
pub trait Versioned: Serialize + DeserializeOwned {
    /// The schema version this build writes.
    const SCHEMA: u32;
    /// Upgrades `data` written with schema `from` to schema `from + 1`. Only called for
    /// `from < SCHEMA`; every past schema needs a step (and a fixture test).
    fn migrate(from: u32, data: Json) -> Result<Json, String> {
        let _ = data;
        Err(format!("没有从第 {from} 版数据升级的方法"))
    }
}

/// The stored form. `data` stays raw text so that a current document deserializes straight into its
/// type; only old documents go through `serde_json::Value` for migration. (Deserializing every type
/// both from text and from `Value` would compile its serde code twice into the wasm.)
#[derive(Deserialize)]
struct Envelope<'a> {
    schema: u32,
    #[serde(borrow)]
    data: &'a serde_json::value::RawValue,
}

/// What reading a document gave.
#[derive(Debug, PartialEq)]
pub enum Loaded<T> {
    Missing,
    Found(T),
    /// The stored value could not be read. `recovery_key` holds a copy of it when the copy could be
    /// made; when it is `None` the original was left untouched and must not be overwritten.
    Unreadable {
        reason: String,
        recovery_key: Option<String>,
    },
}

/// Decodes a stored text: parses the envelope and runs migrations up to `T::SCHEMA`.
pub fn decode<T: Versioned>(text: &str) -> Result<T, String> {
    // Generic only in the last step: the envelope, the checks and the migrations are one copy in
    // the wasm for every stored type, not one each.
    let data = current_data(text, T::SCHEMA, &T::migrate)?;
    serde_json::from_str(&data).map_err(bad_shape)
}

fn bad_shape(e: serde_json::Error) -> String {
    format!("数据结构不符({e})")
}

/// The `data` of a stored text as JSON text of schema `schema`: as stored when it is current,
/// else migrated step by step with `migrate`.
fn current_data<'t>(
    text: &'t str,
    schema: u32,
    migrate: &dyn Fn(u32, Json) -> Result<Json, String>,
) -> Result<Cow<'t, str>, String> {
    let env: Envelope = serde_json::from_str(text).map_err(|e| format!("不是有效的存档数据({e})"))?;
    if env.schema > schema {
        return Err(format!("数据来自更新版本的应用(第 {} 版,本应用只认识到第 {} 版)", env.schema, schema));
    }
    if env.schema == 0 {
        return Err("数据版本号无效".into());
    }
    if env.schema == schema {
        return Ok(Cow::Borrowed(env.data.get()));
    }
    let mut data: Json = serde_json::from_str(env.data.get()).map_err(bad_shape)?;
    for from in env.schema..schema {
        data = migrate(from, data)?;
    }
    Ok(Cow::Owned(data.to_string()))
}

pub fn encode<T: Versioned>(value: &T) -> String {
    let data = serde_json::to_string(value).expect("stored documents serialize to JSON");
    envelope(T::SCHEMA, &data)
}

fn envelope(schema: u32, data: &str) -> String {
    format!("{{\"schema\":{schema},\"data\":{data}}}")
}

/// Reads `key`. An unreadable value is copied to a recovery key before this returns.
pub fn load<T: Versioned>(store: &dyn Store, key: &str, now: i64) -> Result<Loaded<T>, StoreError> {
    let Some(text) = store.get(key)? else { return Ok(Loaded::Missing) };
    match decode::<T>(&text) {
        Ok(v) => Ok(Loaded::Found(v)),
        Err(reason) => {
            let recovery_key = keep_unreadable(store, key, now, &text);
            Ok(Loaded::Unreadable { reason, recovery_key })
        }
    }
}

/// Copies an unreadable stored text to a recovery key; returns the key if the copy was made. A
/// value left in place (a reader that must not move it, like the xAPI queue) is copied once: an
/// identical copy already under a recovery key is reused, so reading it again fills nothing.
fn keep_unreadable(store: &dyn Store, key: &str, now: i64, text: &str) -> Option<String> {
    let suffix = format!("/{key}");
    let existing = store.keys(RECOVERY_PREFIX).unwrap_or_default().into_iter().find(|k| {
        k.ends_with(&suffix)
            && k[RECOVERY_PREFIX.len()..].split('/').next().is_some_and(|t| t.parse::<i64>().is_ok())
            && store.get(k).ok().flatten().as_deref() == Some(text)
    });
    if existing.is_some() {
        return existing;
    }
    let rkey = format!("{RECOVERY_PREFIX}{now}/{key}");
    store.set(&rkey, text).ok().map(|_| rkey)
}

/// Every document under `prefix`, in key order, each read with `read` (`load::<T>`, or a loader
/// that also checks what it decodes). One that cannot be read is set aside once — its copy is
/// kept, the original removed so it is not reported again — and told in `notices`; the others are
/// still listed.
pub fn load_all<T>(
    store: &dyn Store,
    prefix: &str,
    now: i64,
    notices: &mut Vec<Notice>,
    read: impl Fn(&dyn Store, &str, i64) -> Result<Loaded<T>, StoreError>,
) -> Vec<T> {
    let keys = match store.keys(prefix) {
        Ok(k) => k,
        Err(error) => {
            notices.push(Notice::SaveFailed { key: prefix.into(), error });
            return vec![];
        }
    };
    let mut out = vec![];
    for key in keys {
        match read(store, &key, now) {
            Ok(Loaded::Found(v)) => out.push(v),
            Ok(Loaded::Missing) => {}
            Ok(Loaded::Unreadable { reason, recovery_key: Some(recovery_key) }) => {
                // The copy is safe: drop the damaged original so it is not reported every time.
                let _ = store.remove(&key);
                notices.push(Notice::Recovered { key, recovery_key, reason });
            }
            Ok(Loaded::Unreadable { reason, recovery_key: None }) => {
                notices.push(Notice::Untouchable { key, reason })
            }
            Err(error) => notices.push(Notice::SaveFailed { key, error }),
        }
    }
    out
}

pub fn save<T: Versioned>(store: &dyn Store, key: &str, value: &T) -> Result<(), StoreError> {
    store.set(key, &encode(value))
}

#[cfg(test)]
mod tests {
    use super::super::memory::MemoryStore;
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct V2 {
        name: String,
        count: u32,
    }
    impl Versioned for V2 {
        const SCHEMA: u32 = 2;
        fn migrate(from: u32, mut data: Json) -> Result<Json, String> {
            match from {
                1 => {
                    data["count"] = Json::from(0);
                    Ok(data)
                }
                _ => Err("no".into()),
            }
        }
    }

    #[test]
    fn round_trips_and_migrates_old_schemas() {
        let s = MemoryStore::new();
        save(&s, "kefu-sim/x", &V2 { name: "a".into(), count: 3 }).unwrap();
        assert_eq!(
            load::<V2>(&s, "kefu-sim/x", 1).unwrap(),
            Loaded::Found(V2 { name: "a".into(), count: 3 })
        );
        s.set("kefu-sim/old", r#"{"schema":1,"data":{"name":"b"}}"#).unwrap();
        assert_eq!(
            load::<V2>(&s, "kefu-sim/old", 1).unwrap(),
            Loaded::Found(V2 { name: "b".into(), count: 0 })
        );
    }

    #[test]
    fn unreadable_values_are_copied_before_anything_else() {
        for bad in
            ["{not json", r#"{"schema":9,"data":{}}"#, r#"{"schema":2,"data":{"name":5}}"#, "\u{0}\u{ffff}"]
        {
            let s = MemoryStore::new();
            s.set("kefu-sim/x", bad).unwrap();
            let Loaded::Unreadable { reason, recovery_key: Some(k) } =
                load::<V2>(&s, "kefu-sim/x", 77).unwrap()
            else {
                panic!("{bad} should be unreadable")
            };
            assert!(!reason.is_empty());
            assert_eq!(k, "kefu-sim/recovery/77/kefu-sim/x");
            assert_eq!(s.get(&k).unwrap().as_deref(), Some(bad));
        }
    }

    #[test]
    fn a_value_left_in_place_is_copied_once() {
        let s = MemoryStore::new();
        s.set("kefu-sim/x", "{bad").unwrap();
        for now in [1, 2, 3] {
            assert!(matches!(load::<V2>(&s, "kefu-sim/x", now).unwrap(), Loaded::Unreadable { .. }));
        }
        assert_eq!(s.keys(RECOVERY_PREFIX).unwrap(), vec!["kefu-sim/recovery/1/kefu-sim/x".to_string()]);
        s.set("kefu-sim/x", "{other bad").unwrap();
        load::<V2>(&s, "kefu-sim/x", 4).unwrap();
        assert_eq!(s.keys(RECOVERY_PREFIX).unwrap().len(), 2, "a different value gets its own copy");
    }

    #[test]
    fn recovery_that_does_not_fit_reports_no_copy() {
        let s = MemoryStore::with_quota(40);
        s.set("kefu-sim/x", "{corrupt value here}").unwrap();
        let got = load::<V2>(&s, "kefu-sim/x", 1).unwrap();
        assert!(matches!(got, Loaded::Unreadable { recovery_key: None, .. }));
        assert_eq!(s.get("kefu-sim/x").unwrap().as_deref(), Some("{corrupt value here}"));
    }
}
