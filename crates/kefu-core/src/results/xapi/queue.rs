//! The statements waiting to be sent, kept in local storage so that nothing is lost when the
//! network or the LRS is down or the tab is closed. Statements are stored as JSON text (they are
//! only ever sent, never read back). Bookkeeping: a failed batch is retried later with growing
//! delays; a refused one is held until the user asks again; a sent one is remembered by id so that
//! building a play's statements again does not send them again. Every sent id is remembered until
//! its play is finished and recorded for good ([`Queue::finish_play`]): the play's history key then
//! goes into `done` (kept with the queue, so it survives reloads) and its ids can be forgotten,
//! since a play in `done` is never built again.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::storage::versioned::{load, save};
use crate::storage::{Loaded, Store, StoreError, Versioned};

use super::lrs::Delivery;

pub const QUEUE_KEY: &str = "kefu-sim/xapi/queue";
/// First retry delay; it doubles with each failure up to [`MAX_DELAY_MS`].
pub const FIRST_DELAY_MS: i64 = 30_000;
pub const MAX_DELAY_MS: i64 = 3_600_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Queued {
    pub id: String,
    /// The statement as JSON text.
    pub statement: String,
    #[serde(default)]
    pub attempts: u32,
    /// Not before this time (ms).
    #[serde(default)]
    pub next_try: i64,
    /// The last failure, for the user.
    #[serde(default)]
    pub error: String,
    /// Refused by the LRS: waits for [`Queue::retry_held`].
    #[serde(default)]
    pub held: bool,
    /// Send alone (its batch conflicted or was too large).
    #[serde(default)]
    pub solo: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Queue {
    pub entries: Vec<Queued>,
    /// Ids sent of plays not in `done`, oldest first.
    #[serde(default)]
    pub sent: Vec<String>,
    /// History keys of finished plays whose statements are all queued or sent: not built again.
    #[serde(default)]
    pub done: Vec<String>,
}

impl Versioned for Queue {
    const SCHEMA: u32 = 1;
}

impl Queue {
    pub fn load(store: &dyn Store, now: i64) -> Result<Loaded<Queue>, StoreError> {
        load(store, QUEUE_KEY, now)
    }

    pub fn save(&self, store: &dyn Store) -> Result<(), StoreError> {
        save(store, QUEUE_KEY, self)
    }

    /// Adds statements not already waiting or recently sent; returns how many were added.
    /// Statements without a string `id` are skipped (every statement built here has one).
    pub fn enqueue(&mut self, statements: &[Value]) -> usize {
        let mut added = 0;
        for s in statements {
            let Some(id) = s.get("id").and_then(Value::as_str) else { continue };
            if self.entries.iter().any(|q| q.id == id) || self.sent.iter().any(|x| x == id) {
                continue;
            }
            self.entries.push(Queued {
                id: id.to_string(),
                statement: s.to_string(),
                attempts: 0,
                next_try: 0,
                error: String::new(),
                held: false,
                solo: false,
            });
            added += 1;
        }
        added
    }

    /// The next statements to send at `now`, in order: at most `max_count` and about `max_bytes`
    /// of body (at least one). A statement marked solo goes alone.
    pub fn next_batch(&self, now: i64, max_count: usize, max_bytes: usize) -> Vec<&Queued> {
        let mut out: Vec<&Queued> = Vec::new();
        let mut bytes = 2;
        for q in self.entries.iter().filter(|q| !q.held && q.next_try <= now) {
            if q.solo {
                if out.is_empty() {
                    out.push(q);
                }
                break;
            }
            if !out.is_empty() && (out.len() >= max_count || bytes + q.statement.len() + 1 > max_bytes) {
                break;
            }
            bytes += q.statement.len() + 1;
            out.push(q);
        }
        out
    }

    /// Waiting statements (held ones included).
    pub fn pending(&self) -> usize {
        self.entries.len()
    }

    /// Statements refused by the LRS, waiting for the user.
    pub fn held(&self) -> usize {
        self.entries.iter().filter(|q| q.held).count()
    }

    /// Records the LRS's answer for the statements `ids` (as sent in one request).
    pub fn apply(&mut self, ids: &[String], delivery: &Delivery, now: i64) {
        match delivery {
            Delivery::Sent => self.mark_sent(ids),
            // A single statement that conflicts is already stored (ids are stable).
            Delivery::Conflict if ids.len() == 1 => self.mark_sent(ids),
            Delivery::Conflict | Delivery::TooLarge => {
                let reason = if *delivery == Delivery::TooLarge {
                    "批量过大"
                } else {
                    "批量中有已存在的记录"
                };
                for q in self.entries.iter_mut().filter(|q| ids.contains(&q.id)) {
                    if q.solo {
                        // Too large even alone: the LRS will never take it.
                        q.held = true;
                        q.error = "单条记录过大,学习记录库不接受".into();
                    } else {
                        q.solo = true;
                        q.error = format!("{reason},改为逐条发送");
                    }
                }
            }
            Delivery::Retry(why) => {
                for q in self.entries.iter_mut().filter(|q| ids.contains(&q.id)) {
                    q.attempts += 1;
                    let shift = q.attempts.saturating_sub(1).min(20);
                    q.next_try = now.saturating_add((FIRST_DELAY_MS << shift).min(MAX_DELAY_MS));
                    q.error = why.clone();
                }
            }
            Delivery::Rejected(why) => {
                for q in self.entries.iter_mut().filter(|q| ids.contains(&q.id)) {
                    q.attempts += 1;
                    q.held = true;
                    q.error = why.clone();
                }
            }
        }
    }

    fn mark_sent(&mut self, ids: &[String]) {
        self.entries.retain(|q| !ids.contains(&q.id));
        for id in ids {
            if !self.sent.contains(id) {
                self.sent.push(id.clone());
            }
        }
    }

    /// The finished play stored under history key `key`, whose statements have ids `ids`, is
    /// recorded for good: it is not built again, so its sent ids need not be remembered (those
    /// still waiting stay in `entries`).
    pub fn finish_play(&mut self, key: &str, ids: &[String]) {
        if !self.done.iter().any(|k| k == key) {
            self.done.push(key.to_string());
        }
        self.sent.retain(|id| !ids.contains(id));
    }

    /// The network is back (the browser's `online` event): statements waiting for their retry
    /// time become due now; refused ones still wait for the user ([`Queue::retry_held`]). Returns
    /// how many became due.
    pub fn wake(&mut self, now: i64) -> usize {
        let mut woken = 0;
        for q in self.entries.iter_mut().filter(|q| !q.held && q.next_try > now) {
            q.next_try = now;
            woken += 1;
        }
        woken
    }

    /// The user asks to try again now (after fixing the settings): held and delayed statements
    /// become due.
    pub fn retry_held(&mut self, now: i64) {
        for q in &mut self.entries {
            q.held = false;
            q.next_try = q.next_try.min(now);
        }
    }

    /// Drops every waiting statement (the user gives up on them).
    pub fn discard_all(&mut self) {
        self.entries.clear();
    }
}
