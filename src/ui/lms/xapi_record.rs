//! Puts a play's xAPI statements into the persisted queue as the play goes on: called after every
//! step, it builds the play's statements (`results::xapi::statements`, stable ids) and enqueues
//! those not already waiting or sent, so launching, each answer, completion and pass/fail each add
//! theirs exactly once, whatever the order of reloads and retries. Plain store code: no browser
//! call, tested natively with an in-memory store.

use kefu_core::engine::Session;
use kefu_core::results::student::Student;
use kefu_core::results::xapi::{statements, LrsSettings, Queue};
use kefu_core::storage::{Loaded, Store};

/// What the student sees of the connection (`data-xapi-queue` and the settings page).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct XapiStatus {
    /// LRS settings are stored: statements are recorded.
    pub configured: bool,
    /// Statements waiting to be sent (held ones included).
    pub pending: usize,
    /// Statements the LRS refused, waiting until the student fixes the settings.
    pub held: usize,
    /// Why the last attempt failed, or why statements cannot be recorded; empty when all is well.
    pub error: String,
}

/// The stored settings, if any; an unreadable value counts as none (it was set aside for recovery).
pub fn settings(store: &dyn Store, now: i64) -> Option<LrsSettings> {
    match LrsSettings::load(store, now) {
        Ok(Loaded::Found(s)) => Some(s),
        _ => None,
    }
}

/// The stored queue; `Err` when it cannot be read. An unreadable queue (damaged, or written by a
/// newer version of the app) is never replaced by an empty one: it is copied to a recovery key
/// once and left where it is, and nothing is written to the queue until it can be read again (an
/// older copy of the app must not destroy a newer copy's statements).
pub fn queue(store: &dyn Store, now: i64) -> Result<Queue, String> {
    match Queue::load(store, now) {
        Ok(Loaded::Found(q)) => Ok(q),
        Ok(Loaded::Missing) => Ok(Queue::default()),
        Ok(Loaded::Unreadable { reason, recovery_key: Some(k) }) => Err(format!(
            "待发送的学习记录无法读取({reason}),已备份到「{k}」。为免覆盖,本页暂停记录和发送学习记录;如果它来自更新版本的应用,请用新版本打开"
        )),
        Ok(Loaded::Unreadable { reason, recovery_key: None }) => {
            Err(format!("待发送的学习记录无法读取({reason}),为免覆盖,本页暂停记录和发送学习记录"))
        }
        Err(e) => Err(e.to_string()),
    }
}

/// History keys of the finished plays recorded for good (kept in the queue document).
pub fn done(store: &dyn Store, now: i64) -> Vec<String> {
    queue(store, now).map(|q| q.done).unwrap_or_default()
}

/// The finished play under `key` cannot be recorded, now or later (made on another version of its
/// pack): note it as done so it is not tried at every sync.
pub fn give_up(store: &dyn Store, key: &str, now: i64) {
    if let Ok(mut q) = queue(store, now) {
        q.finish_play(key, &[]);
        let _ = q.save(store);
    }
}

/// The status as stored now.
pub fn status(store: &dyn Store, now: i64) -> XapiStatus {
    let configured = settings(store, now).is_some();
    match queue(store, now) {
        Ok(q) => of_queue(configured, &q),
        Err(error) => XapiStatus { configured, error, ..XapiStatus::default() },
    }
}

/// The status shown for `queue`: its counts and the most recent failure of a waiting statement.
pub fn of_queue(configured: bool, queue: &Queue) -> XapiStatus {
    XapiStatus {
        configured,
        pending: queue.pending(),
        held: queue.held(),
        error: queue
            .entries
            .iter()
            .rev()
            .find(|q| !q.error.is_empty())
            .map(|q| q.error.clone())
            .unwrap_or_default(),
    }
}

/// Enqueues the statements of `session` (when an LRS is configured) and returns the new status.
pub fn record(store: &dyn Store, session: &Session, now: i64) -> XapiStatus {
    record_play(store, session, None, now)
}

/// [`record`], for a stored play: when it is the finished play under history key `finished`,
/// the queue also notes it as done (`Queue::finish_play`), so it is never built again — not after
/// a reload either.
pub fn record_play(store: &dyn Store, session: &Session, finished: Option<&str>, now: i64) -> XapiStatus {
    let Some(settings) = settings(store, now) else { return XapiStatus::default() };
    let fail = |error: String| XapiStatus { configured: true, error, ..status(store, now) };
    let student = match Student::load(store, now) {
        Ok(Loaded::Found(s)) => s,
        _ => return fail("没有学生身份,学习记录无法发送:请在「学习记录设置」中填写姓名和学号".into()),
    };
    let mut queue = match queue(store, now) {
        Ok(q) => q,
        Err(e) => return fail(e),
    };
    let built = statements(&settings.profile(), &student, session, None);
    let mut changed = queue.enqueue(&built) > 0;
    if let (Some(key), true) = (finished, session.is_finished()) {
        let ids: Vec<String> =
            built.iter().filter_map(|s| s.get("id").and_then(|v| v.as_str()).map(String::from)).collect();
        queue.finish_play(key, &ids);
        changed = true;
    }
    if changed {
        if let Err(e) = queue.save(store) {
            return fail(format!("学习记录无法保存到本地:{e}"));
        }
    }
    of_queue(true, &queue)
}
