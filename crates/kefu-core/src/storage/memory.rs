//! An in-memory [`Store`], with an optional byte quota so tests can exercise the "storage full"
//! path exactly as local storage behaves (a refused write keeps the old value).

use std::cell::RefCell;
use std::collections::BTreeMap;

use super::store::{Store, StoreError};

#[derive(Default)]
pub struct MemoryStore {
    map: RefCell<BTreeMap<String, String>>,
    /// Maximum total size of keys and values in UTF-16 code units (what browsers count).
    quota: Option<usize>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_quota(units: usize) -> Self {
        MemoryStore { map: RefCell::default(), quota: Some(units) }
    }

    fn size(k: &str, v: &str) -> usize {
        k.encode_utf16().count() + v.encode_utf16().count()
    }

    /// Total stored size in UTF-16 code units.
    pub fn used(&self) -> usize {
        self.map.borrow().iter().map(|(k, v)| Self::size(k, v)).sum()
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(quota) = self.quota {
            let old = self.map.borrow().get(key).map_or(0, |v| Self::size(key, v));
            if self.used() - old + Self::size(key, value) > quota {
                return Err(StoreError::Quota);
            }
        }
        self.map.borrow_mut().insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        Ok(self.map.borrow().keys().filter(|k| k.starts_with(prefix)).cloned().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_refuses_and_keeps_the_old_value() {
        let s = MemoryStore::with_quota(10);
        s.set("k", "abc").unwrap();
        assert_eq!(s.set("k", "0123456789"), Err(StoreError::Quota));
        assert_eq!(s.get("k").unwrap().as_deref(), Some("abc"));
        s.set("k", "abcdefghi").unwrap(); // replacing counts the new size only
    }

    #[test]
    fn keys_by_prefix_sorted() {
        let s = MemoryStore::new();
        for k in ["a/2", "b/1", "a/1"] {
            s.set(k, "x").unwrap();
        }
        assert_eq!(s.keys("a/").unwrap(), vec!["a/1", "a/2"]);
    }
}
