//! The app's saved plays: the unfinished play of each pack (so closing the tab mid-play resumes
//! it) and the history of finished plays, one key each so that one damaged entry never takes the
//! others with it.

use std::cell::RefCell;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::engine::{Input, Play};

use crate::storage::versioned::{load, save, Loaded, Versioned, NAMESPACE};
use crate::storage::{Notice, Store, StoreError};

/// Prefix of the unfinished-play keys (one per pack), written on every step.
pub const PROGRESS: &str = "kefu-sim/progress/";
const DRAFT: &str = "kefu-sim/draft/";
/// Prefix of the history keys; the rest of a key (time, pack id, seed) names the entry in URLs.
pub const HISTORY: &str = "kefu-sim/history/";

/// The unfinished play of one pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub play: Play,
}

impl Versioned for Progress {
    const SCHEMA: u32 = 1;
}

/// An exercise answer being written, kept so a reload does not lose it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub input: Input,
}

impl Versioned for Draft {
    const SCHEMA: u32 = 1;
}

/// A finished play, with the scores it showed (so the history lists it even if its pack is gone).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub play: Play,
    pub title: String,
    pub finished: i64,
    pub dims: Vec<DimSummary>,
    pub percent: u32,
    pub grade: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimSummary {
    pub id: String,
    pub name: String,
    pub score: i64,
    pub max: i64,
}

impl Versioned for HistoryEntry {
    const SCHEMA: u32 = 1;
}

/// Saved plays on top of any [`Store`]. A stored value that cannot be read is moved to a recovery
/// key (`versioned::RECOVERY_PREFIX`) the first time it is read, and reported once as a
/// [`Notice::Recovered`]; the pages that read saved plays show the notices they get.
pub struct Saves {
    store: Rc<dyn Store>,
    /// Keys holding unreadable data that could not be backed up: never overwritten.
    untouchable: RefCell<Vec<String>>,
}

impl Saves {
    pub fn new(store: Rc<dyn Store>) -> Self {
        Saves { store, untouchable: RefCell::default() }
    }

    pub fn store(&self) -> &Rc<dyn Store> {
        &self.store
    }

    fn read<T: Versioned>(&self, key: &str, now: i64, notices: &mut Vec<Notice>) -> Option<T> {
        match load::<T>(self.store.as_ref(), key, now) {
            Ok(Loaded::Found(v)) => Some(v),
            Ok(Loaded::Missing) => None,
            Ok(Loaded::Unreadable { reason, recovery_key: Some(recovery_key) }) => {
                // The copy is safe: move, not copy — the damaged original goes, so the next read
                // neither copies it again (filling storage) nor reports it again.
                if let Err(error) = self.store.remove(key) {
                    // Could not remove it: keep the copy, never write over the original.
                    self.untouchable.borrow_mut().push(key.to_string());
                    notices.push(Notice::SaveFailed { key: key.to_string(), error });
                }
                notices.push(Notice::Recovered { key: key.to_string(), recovery_key, reason });
                None
            }
            Ok(Loaded::Unreadable { reason, recovery_key: None }) => {
                self.untouchable.borrow_mut().push(key.to_string());
                notices.push(Notice::Untouchable { key: key.to_string(), reason });
                None
            }
            Err(error) => {
                notices.push(Notice::SaveFailed { key: key.to_string(), error });
                None
            }
        }
    }

    fn write<T: Versioned>(&self, key: &str, value: &T) -> Result<(), Notice> {
        if self.untouchable.borrow().iter().any(|k| k == key) {
            return Err(Notice::SaveFailed { key: key.to_string(), error: StoreError::Quota });
        }
        save(self.store.as_ref(), key, value)
            .map_err(|error| Notice::SaveFailed { key: key.to_string(), error })
    }

    pub fn progress_key(pack_id: &str) -> String {
        format!("{PROGRESS}{pack_id}")
    }

    /// The unfinished play of `pack_id`, if any.
    pub fn progress(&self, pack_id: &str, now: i64, notices: &mut Vec<Notice>) -> Option<Play> {
        self.read::<Progress>(&Self::progress_key(pack_id), now, notices).map(|p| p.play)
    }

    pub fn save_progress(&self, play: &Play) -> Result<(), Notice> {
        self.write(&Self::progress_key(&play.pack.id), &Progress { play: play.clone() })
    }

    pub fn clear_progress(&self, pack_id: &str) -> Result<(), Notice> {
        let key = Self::progress_key(pack_id);
        if self.untouchable.borrow().contains(&key) {
            return Ok(());
        }
        self.store.remove(&key).map_err(|error| Notice::SaveFailed { key, error })
    }

    /// Moves the stored progress of `pack_id` to a recovery key (used when it can no longer be
    /// resumed, e.g. its pack changed): starting over then overwrites nothing.
    pub fn set_aside_progress(&self, pack_id: &str, now: i64) -> Result<Option<String>, Notice> {
        let key = Self::progress_key(pack_id);
        let fail = |error| Notice::SaveFailed { key: key.clone(), error };
        let Some(raw) = self.store.get(&key).map_err(fail)? else { return Ok(None) };
        let rkey = format!("{}{now}/{key}", crate::storage::versioned::RECOVERY_PREFIX);
        self.store.set(&rkey, &raw).map_err(fail)?;
        self.store.remove(&key).map_err(fail)?;
        self.untouchable.borrow_mut().retain(|k| *k != key);
        Ok(Some(rkey))
    }

    fn draft_key(pack_id: &str, activity: &str) -> String {
        format!("{DRAFT}{pack_id}/{activity}")
    }

    /// The draft answer of an exercise, if one was being written.
    pub fn draft(&self, pack_id: &str, activity: &str, now: i64, notices: &mut Vec<Notice>) -> Option<Input> {
        self.read::<Draft>(&Self::draft_key(pack_id, activity), now, notices).map(|d| d.input)
    }

    pub fn save_draft(&self, pack_id: &str, activity: &str, input: &Input) -> Result<(), Notice> {
        self.write(&Self::draft_key(pack_id, activity), &Draft { input: input.clone() })
    }

    /// Drops every draft of a pack (after submitting, or when starting over).
    pub fn clear_drafts(&self, pack_id: &str) {
        for k in self.store.keys(&format!("{DRAFT}{pack_id}/")).unwrap_or_default() {
            if !self.untouchable.borrow().contains(&k) {
                let _ = self.store.remove(&k);
            }
        }
    }

    /// Ids of packs with an unfinished play.
    pub fn unfinished(&self) -> Vec<String> {
        self.store
            .keys(PROGRESS)
            .unwrap_or_default()
            .into_iter()
            .map(|k| k[PROGRESS.len()..].to_string())
            .collect()
    }

    fn history_key(e: &HistoryEntry) -> String {
        // Zero-padded time first, so keys sort in the order plays finished.
        format!("{HISTORY}{:015}-{}-{}", e.finished.max(0), e.play.pack.id, e.play.seed)
    }

    /// Records a finished play, then drops its progress. If recording fails the progress stays,
    /// so the play is not lost.
    pub fn finish(&self, entry: &HistoryEntry) -> Result<String, Notice> {
        let key = Self::history_key(entry);
        self.write(&key, entry)?;
        self.clear_progress(&entry.play.pack.id)?;
        Ok(key)
    }

    /// Every finished play, oldest first, with its key.
    pub fn history(&self, now: i64, notices: &mut Vec<Notice>) -> Vec<(String, HistoryEntry)> {
        let keys = match self.store.keys(HISTORY) {
            Ok(k) => k,
            Err(error) => {
                notices.push(Notice::SaveFailed { key: HISTORY.into(), error });
                return vec![];
            }
        };
        keys.into_iter().filter_map(|k| self.read::<HistoryEntry>(&k, now, notices).map(|e| (k, e))).collect()
    }

    pub fn remove_history(&self, key: &str) -> Result<(), Notice> {
        if !key.starts_with(HISTORY) {
            return Ok(());
        }
        self.store.remove(key).map_err(|error| Notice::SaveFailed { key: key.to_string(), error })
    }

    /// How much this app stores, in UTF-16 code units (what the browser's quota counts).
    pub fn used(&self) -> usize {
        let keys = self.store.keys(NAMESPACE).unwrap_or_default();
        keys.iter()
            .map(|k| {
                k.encode_utf16().count()
                    + self.store.get(k).ok().flatten().map_or(0, |v| v.encode_utf16().count())
            })
            .sum()
    }
}
