//! Records xAPI statements from what the student app stores, on the LMS page (`lms/#/sync`, a
//! hidden frame the student app adds when LRS settings are stored; also on the settings page and
//! in SCORM mode). The student app itself builds no statements: it only saves its plays (the
//! unfinished play of each pack and the finished ones, `engine::saves`), and this page replays
//! each with the engine, builds its statements (`results::xapi::statements`) and queues them
//! (`xapi_record::record`). Statement ids are stable, so recording a play again only adds what is
//! new; the page does so when it opens, when the student app writes (the `storage` event) and
//! when the browser is back online, then sends the queue (`xapi_send`).
//!
//! Only plays that moved since the LRS was set up are recorded (`SINCE_KEY`): setting up an LRS
//! does not send the plays of the past, as the student was told on the settings page.

use kefu_core::engine::Play;
use kefu_core::engine::Saves;
use kefu_core::storage::{Notice, Store};

/// When the LRS settings were first saved (ms, as text): plays last changed before are not sent.
pub const SINCE_KEY: &str = "kefu-sim/xapi/since";

/// The time plays are recorded from; stored as `now` when missing (settings saved before this key
/// existed, or just now).
pub fn since(store: &dyn Store, now: i64) -> i64 {
    match store.get(SINCE_KEY).ok().flatten().and_then(|v| v.trim().parse().ok()) {
        Some(t) => t,
        None => {
            let _ = store.set(SINCE_KEY, &now.to_string());
            now
        }
    }
}

/// Forgets the start time (the LRS was switched off: switching it on again starts anew).
pub fn forget_since(store: &dyn Store) {
    let _ = store.remove(SINCE_KEY);
}

/// When `play` last changed: its last answer, or its start.
fn last_change(play: &Play) -> i64 {
    play.answers.last().map_or(play.started, |a| a.at)
}

/// The stored plays to record now, each with its history key when it is finished: every
/// unfinished play and every finished one not in `done` (recorded already by this page), that
/// changed at or after `since`. What reading the saves reported (a damaged play set aside) is
/// added to `notices`, for the page to show.
pub fn due_plays(
    saves: &Saves,
    since: i64,
    done: &[String],
    now: i64,
    notices: &mut Vec<Notice>,
) -> Vec<(Option<String>, Play)> {
    let mut out: Vec<(Option<String>, Play)> = saves
        .unfinished()
        .iter()
        .filter_map(|id| saves.progress(id, now, notices))
        .filter(|p| last_change(p) >= since)
        .map(|p| (None, p))
        .collect();
    out.extend(
        saves
            .history(now, notices)
            .into_iter()
            .filter(|(k, e)| e.finished >= since && !done.contains(k))
            .map(|(k, e)| (Some(k), e.play)),
    );
    out
}

#[cfg(all(target_arch = "wasm32", feature = "lms"))]
pub use browser::sync;

#[cfg(all(target_arch = "wasm32", feature = "lms"))]
mod browser {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    use yew::Callback;

    use crate::ui::app::App;
    use crate::ui::clock;
    use crate::ui::lms::page::LmsTools;
    use crate::ui::lms::xapi_record::{done, give_up, record_play, settings, status, XapiStatus};
    use crate::ui::lms::xapi_send;
    use crate::ui::pack_fetch;
    use kefu_core::engine::{LoadedPack, Session};

    use super::{due_plays, since};

    thread_local! {
        /// A sync is running (one at a time); another was asked for meanwhile: go round again.
        static SYNCING: Cell<bool> = const { Cell::new(false) };
        static AGAIN: Cell<bool> = const { Cell::new(false) };
        /// Packs fetched to replay plays (the app's state is a snapshot and does not see them).
        static FETCHED: RefCell<Vec<Rc<LoadedPack>>> = const { RefCell::new(Vec::new()) };
    }

    /// Records the stored plays' statements, then sends the queue; `report` gets the status.
    pub fn sync(state: &LmsTools, report: Callback<XapiStatus>) {
        if SYNCING.with(|s| s.replace(true)) {
            AGAIN.with(|a| a.set(true));
            return;
        }
        let state = state.clone();
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                AGAIN.with(|a| a.set(false));
                record_due(&state, &report).await;
                if !AGAIN.with(Cell::get) {
                    break;
                }
            }
            SYNCING.with(|s| s.set(false));
            xapi_send::flush(state.saves.store().clone(), report);
        });
    }

    async fn record_due(state: &LmsTools, report: &Callback<XapiStatus>) {
        let store = state.saves.store().clone();
        let now = clock::now();
        if settings(store.as_ref(), now).is_none() {
            return report.emit(status(store.as_ref(), now));
        }
        let since = since(store.as_ref(), now);
        // Finished plays recorded for good are kept with the queue (not per page load).
        let done = done(store.as_ref(), now);
        let mut notices = vec![];
        let due = due_plays(&state.saves, since, &done, now, &mut notices);
        notices.into_iter().for_each(|n| state.notify.emit(n.to_string()));
        for (key, play) in due {
            // A pack that cannot be fetched now is tried again at the next sync.
            let Some(pack) = pack_for(state, &play.pack.id).await else { continue };
            let Ok(session) = Session::replay(pack, &play) else {
                // Made on another version of its pack: it cannot be replayed, now or later.
                key.into_iter().for_each(|k| give_up(store.as_ref(), &k, clock::now()));
                continue;
            };
            let shown = record_play(store.as_ref(), &session, key.as_deref(), clock::now());
            let ok = shown.error.is_empty();
            report.emit(shown);
            if !ok {
                return;
            }
        }
    }

    /// The pack `id`: a teacher's (decoded with the page), fetched before, or fetched now.
    async fn pack_for(state: &LmsTools, id: &str) -> Option<Rc<LoadedPack>> {
        let known = state
            .local
            .iter()
            .find(|p| p.pack.meta.id == id)
            .cloned()
            .or_else(|| FETCHED.with(|f| f.borrow().iter().find(|p| p.pack.meta.id == id).cloned()));
        if known.is_some() {
            return known;
        }
        let pack = Rc::new(pack_fetch::fetch(state.summary(id)?, App::Lms).await.ok()?);
        FETCHED.with(|f| f.borrow_mut().push(pack.clone()));
        Some(pack)
    }
}
