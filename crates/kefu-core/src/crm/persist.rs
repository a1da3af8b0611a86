//! Keeping the workspace in a [`Store`] (the browser's local storage). The stored workspace is its
//! audit log, cut into chunks of [`CHUNK`] entries under `kefu-sim/crm/log/00000`, `…/00001` …,
//! each a versioned document (`LogChunk`, schema 1). Because the log only grows, a full chunk
//! never changes again: saving writes only the last chunk(s), and a damaged key loses at most one
//! chunk, not the whole CRM. Opening decodes the chunks and replays them.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::record::apply_queued;
use crate::storage::versioned::{load, save, Loaded, Versioned};
use crate::storage::{Notice, Store};

use super::audit::AuditEntry;
use super::stored::{from_row, to_row, Row};
use super::workspace::Workspace;

/// Every CRM key starts with this.
pub const CRM_PREFIX: &str = "kefu-sim/crm/";
/// Log chunk keys: this prefix and a 5-digit chunk number.
pub const LOG_PREFIX: &str = "kefu-sim/crm/log/";
/// Entries per stored chunk: small enough that saving after an edit writes little, large enough
/// that 10 000 customers take a handful of keys.
pub const CHUNK: usize = 1000;

/// One stored chunk of the audit log: the entries' compact rows (see `stored.rs`), each time
/// written as the difference from the previous entry's (entries made together, like an import,
/// then cost one digit instead of thirteen).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogChunk(pub Vec<AuditEntry>);

impl Serialize for LogChunk {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut prev = 0i64;
        let rows: Vec<Row> = self
            .0
            .iter()
            .map(|e| {
                let mut row = to_row(e);
                row.0 = e.at.wrapping_sub(prev);
                prev = e.at;
                row
            })
            .collect();
        rows.serialize(s)
    }
}

impl<'de> Deserialize<'de> for LogChunk {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let rows = Vec::<Row>::deserialize(d)?;
        let mut at = 0i64;
        let entries = rows
            .into_iter()
            .map(|mut row| {
                at = at.wrapping_add(row.0);
                row.0 = at;
                from_row(row)
            })
            .collect::<Result<Vec<_>, String>>()
            .map_err(serde::de::Error::custom)?;
        Ok(LogChunk(entries))
    }
}

impl Versioned for LogChunk {
    const SCHEMA: u32 = 1;
}

/// Something about the stored CRM the user must be told.
#[derive(Debug, Clone, PartialEq)]
pub enum CrmNotice {
    /// A storage problem (unreadable chunk copied to a recovery key, failed write …).
    Storage(Notice),
    /// A chunk is missing between others, or a chunk before the last is not full.
    Gap { key: String },
    /// Entries that no longer fit the replayed state (they depended on lost ones) were skipped.
    Skipped { entries: usize },
    /// A finished role-play's queued writes (`record.rs`) could not be applied; they stay queued.
    Queued { key: String, reason: String },
    /// The stored log grew since this tab read it (another tab or window saved): saving would
    /// overwrite that tab's entries, so nothing was written.
    Conflict { stored: usize, expected: usize },
}

impl std::fmt::Display for CrmNotice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CrmNotice::Storage(n) => n.fmt(f),
            CrmNotice::Gap { key } => write!(f, "客户管理数据「{key}」缺失或不完整"),
            CrmNotice::Skipped { entries } => {
                write!(f, "有 {entries} 条客户记录依赖已损坏的数据,无法恢复,已跳过")
            }
            CrmNotice::Queued { key, reason } => {
                write!(f, "一次角色扮演练习的客户资料({key})没有写入客户管理:{reason}")
            }
            CrmNotice::Conflict { .. } => write!(
                f,
                "另一个标签页或窗口刚刚修改了客户资料:为了不覆盖那边的修改,这次修改没有保存。请刷新页面后再做这次修改"
            ),
        }
    }
}

/// The CRM's storage: where the workspace was read from and how much of its log is saved.
pub struct CrmStore {
    store: Rc<dyn Store>,
    /// Entries of the log already stored.
    saved: usize,
    /// Set when opening found damage: saving would mix a partial log with stored chunks, so it
    /// waits until the user agrees to [`CrmStore::repair`].
    damaged: bool,
    /// Unreadable keys that could not be backed up: never overwritten.
    untouchable: Vec<String>,
    /// Queued role-play keys applied to the opened workspace: removed after the next save.
    queued: Vec<String>,
}

pub fn chunk_key(i: usize) -> String {
    format!("{LOG_PREFIX}{i:05}")
}

impl CrmStore {
    /// Reads the stored workspace (an empty one if there is none), with what the user must be
    /// told.
    pub fn open(store: Rc<dyn Store>, now: i64) -> (CrmStore, Workspace, Vec<CrmNotice>) {
        let mut notices = Vec::new();
        let mut me =
            CrmStore { store, saved: 0, damaged: false, untouchable: Vec::new(), queued: Vec::new() };
        let keys = match me.store.keys(LOG_PREFIX) {
            Ok(k) => k,
            Err(error) => {
                notices.push(CrmNotice::Storage(Notice::SaveFailed { key: LOG_PREFIX.into(), error }));
                me.damaged = true;
                return (me, Workspace::new(), notices);
            }
        };
        let mut log: Vec<AuditEntry> = Vec::new();
        let mut expected = 0usize;
        let last = keys.len().saturating_sub(1);
        for (n, key) in keys.iter().enumerate() {
            let index = key[LOG_PREFIX.len()..].parse::<usize>().ok();
            if index != Some(expected) {
                notices.push(CrmNotice::Gap { key: chunk_key(expected) });
                me.damaged = true;
            }
            expected = index.map_or(expected, |i| i + 1);
            match load::<LogChunk>(me.store.as_ref(), key, now) {
                Ok(Loaded::Found(LogChunk(entries))) => {
                    if n < last && entries.len() != CHUNK {
                        notices.push(CrmNotice::Gap { key: key.clone() });
                        me.damaged = true;
                    }
                    log.extend(entries);
                }
                Ok(Loaded::Missing) => {}
                Ok(Loaded::Unreadable { reason, recovery_key: Some(recovery_key) }) => {
                    notices.push(CrmNotice::Storage(Notice::Recovered {
                        key: key.clone(),
                        recovery_key,
                        reason,
                    }));
                    me.damaged = true;
                }
                Ok(Loaded::Unreadable { reason, recovery_key: None }) => {
                    notices.push(CrmNotice::Storage(Notice::Untouchable { key: key.clone(), reason }));
                    me.untouchable.push(key.clone());
                    me.damaged = true;
                }
                Err(error) => {
                    notices.push(CrmNotice::Storage(Notice::SaveFailed { key: key.clone(), error }));
                    me.damaged = true;
                }
            }
        }
        // Lenient replay is strict replay when every entry fits; it avoids keeping a copy of the
        // log for the damaged case.
        let (workspace, skipped) = Workspace::replay_lenient(log);
        if skipped > 0 {
            notices.push(CrmNotice::Skipped { entries: skipped });
            me.damaged = true;
        }
        me.saved = if me.damaged { 0 } else { workspace.log().len() };
        let mut workspace = workspace;
        // Finished role-plays waiting in the queue join the workspace as unsaved changes (not
        // into a damaged one: they wait until it is repaired).
        if !me.damaged {
            let (done, refused) = apply_queued(me.store.as_ref(), &mut workspace);
            me.queued = done;
            notices.extend(refused.into_iter().map(|(key, reason)| CrmNotice::Queued { key, reason }));
        }
        (me, workspace, notices)
    }

    /// How many finished role-plays `open` applied from the queue (`record.rs`): they are unsaved
    /// changes of the opened workspace until the next successful [`CrmStore::save`].
    pub fn queued(&self) -> usize {
        self.queued.len()
    }

    /// True when opening found damage; [`CrmStore::save`] refuses until [`CrmStore::repair`].
    pub fn needs_repair(&self) -> bool {
        self.damaged
    }

    /// Stores the entries added since the last save (only the chunks they fall in are written).
    /// On failure the stored data is intact up to the last chunk that was written.
    pub fn save(&mut self, ws: &Workspace) -> Result<(), CrmNotice> {
        if self.damaged {
            return Err(CrmNotice::Storage(Notice::SaveFailed {
                key: CRM_PREFIX.into(),
                error: crate::storage::StoreError::Unavailable(
                    "客户管理数据有损坏,请先确认修复(损坏的原始数据已备份)".into(),
                ),
            }));
        }
        // Another tab may have saved since this one read the log: never write over its entries.
        let stored = self
            .stored_len()
            .map_err(|error| CrmNotice::Storage(Notice::SaveFailed { key: LOG_PREFIX.into(), error }))?;
        if stored != self.saved {
            return Err(CrmNotice::Conflict { stored, expected: self.saved });
        }
        let log = ws.log();
        assert!(log.len() >= self.saved, "the log only grows");
        self.write_chunks(log, self.saved / CHUNK)?;
        // The queued plays are in the stored log now. A key that cannot be removed would be
        // applied again at the next open, so it is reported.
        for key in std::mem::take(&mut self.queued) {
            self.store
                .remove(&key)
                .map_err(|error| CrmNotice::Storage(Notice::SaveFailed { key: key.clone(), error }))?;
        }
        Ok(())
    }

    /// How many entries the stored log holds now: full chunks before the last, plus the last's.
    fn stored_len(&self) -> Result<usize, crate::storage::StoreError> {
        let last = self
            .store
            .keys(LOG_PREFIX)?
            .iter()
            .filter_map(|k| k[LOG_PREFIX.len()..].parse::<usize>().ok())
            .max();
        let Some(last) = last else { return Ok(0) };
        let entries = match load::<LogChunk>(self.store.as_ref(), &chunk_key(last), 0) {
            Ok(Loaded::Found(LogChunk(e))) => e.len(),
            // Unreadable now: count it as changed, so nothing is written over it.
            _ => usize::MAX - last * CHUNK,
        };
        Ok(last * CHUNK + entries)
    }

    fn write_chunks(&mut self, log: &[AuditEntry], first: usize) -> Result<(), CrmNotice> {
        for i in first..log.len().div_ceil(CHUNK) {
            let key = chunk_key(i);
            let end = ((i + 1) * CHUNK).min(log.len());
            if self.untouchable.contains(&key) {
                return Err(CrmNotice::Storage(Notice::Untouchable {
                    key,
                    reason: "无法备份的损坏数据不会被覆盖".into(),
                }));
            }
            save(self.store.as_ref(), &key, &LogChunk(log[i * CHUNK..end].to_vec()))
                .map_err(|error| CrmNotice::Storage(Notice::SaveFailed { key, error }))?;
            self.saved = end;
        }
        Ok(())
    }

    /// After damage: rewrites the stored log from `ws` (what could be read), and drops chunk keys
    /// beyond it. The damaged originals were already copied to recovery keys; if one could not be
    /// copied (storage full), this refuses rather than destroy it.
    pub fn repair(&mut self, ws: &Workspace) -> Result<(), CrmNotice> {
        if let Some(key) = self.untouchable.first() {
            return Err(CrmNotice::Storage(Notice::Untouchable {
                key: key.clone(),
                reason: "存储空间不足以备份这项损坏的数据:请先导出客户资料并清理空间".into(),
            }));
        }
        self.saved = 0;
        self.write_chunks(ws.log(), 0)?;
        let keep = ws.log().len().div_ceil(CHUNK);
        for key in self.store.keys(LOG_PREFIX).unwrap_or_default() {
            let index = key[LOG_PREFIX.len()..].parse::<usize>().ok();
            if index.is_none_or(|i| i >= keep) {
                let _ = self.store.remove(&key);
            }
        }
        self.damaged = false;
        Ok(())
    }

    /// The CRM's stored size in UTF-16 code units (what the browser's quota counts).
    pub fn used(&self) -> usize {
        let keys = self.store.keys(CRM_PREFIX).unwrap_or_default();
        keys.iter()
            .map(|k| {
                k.encode_utf16().count()
                    + self.store.get(k).ok().flatten().map_or(0, |v| v.encode_utf16().count())
            })
            .sum()
    }
}
