//! One SCORM 1.2 attempt in single-pack mode: at launch `LMSInitialize` and the resume data
//! (`cmi.suspend_data`) are read and the pack is opened on it; after every step the values of
//! `results::scorm::commit_values` (score, lesson status, resume data, exit, session time) are set
//! and committed; when the page goes away (`pagehide`: the LMS closes the frame, the student leaves
//! or reloads) they are set once more and `LMSFinish` ends the attempt. Without an LMS API the app
//! still plays the pack, keeping progress in local storage only, and says so.

use std::cell::RefCell;

use gloo::events::EventListener;

use crate::ui::clock;
use crate::ui::student::app::AppHandle;
use crate::ui::student::pack_loader::ensure_loaded;
use crate::ui::student::state::Action;
use kefu_core::engine::Session;
use kefu_core::results::scorm::commit_values;

use super::api::ScormApi;

struct Attempt {
    api: ScormApi,
    /// When this page was launched (ms): the session time is counted from here.
    launched: i64,
    /// The play as last committed, for the final commit.
    last: Option<Session>,
    /// The resume data could not be saved: told once.
    warned: bool,
}

thread_local! {
    static ATTEMPT: RefCell<Option<Attempt>> = const { RefCell::new(None) };
}

/// Starts the attempt for `pack_id` (once per page).
pub fn start(state: &AppHandle, pack_id: &str) {
    state.dispatch(Action::Loading { id: pack_id.to_string() });
    let launched = clock::now();
    let mut suspend = None;
    match ScormApi::find() {
        None => state.dispatch(Action::Notify(
            "没有找到学习平台(LMS)的 SCORM 接口:成绩不会报告给学习平台,进度只保存在本浏览器中。".into(),
        )),
        Some(api) if !api.initialize() => state.dispatch(Action::Notify(format!(
            "学习平台拒绝了本次学习(LMSInitialize 失败,{}):成绩不会被记录。",
            api.last_error()
        ))),
        Some(api) => {
            let data = api.get("cmi.suspend_data");
            suspend = (!data.trim().is_empty()).then_some(data);
            // Kept for the page's life: `finish` runs once and later calls find no attempt.
            EventListener::new(&gloo::utils::window(), "pagehide", |_| finish()).forget();
            ATTEMPT.with(|a| *a.borrow_mut() = Some(Attempt { api, launched, last: None, warned: false }));
        }
    }
    let pack_id = pack_id.to_string();
    ensure_loaded(state, &pack_id.clone(), move |state| {
        state.dispatch(Action::Launch { pack_id, suspend, seed: clock::new_seed(), now: clock::now() })
    });
}

/// Sets every value of `session` and commits; a message for the student when something failed.
fn send(a: &mut Attempt, session: &Session) -> Option<String> {
    let commit = commit_values(session, clock::now().saturating_sub(a.launched));
    let refused: Vec<&str> =
        commit.values.iter().filter(|(k, v)| !a.api.set(k, v)).map(|(k, _)| *k).collect();
    let committed = a.api.commit();
    if let Some(e) = commit.suspend_error.filter(|_| !a.warned) {
        a.warned = true;
        return Some(e.to_string());
    }
    if !refused.is_empty() || !committed {
        return Some(format!(
            "学习平台没有保存{}({})",
            if committed { refused.join("、") } else { "本次进度".into() },
            a.api.last_error()
        ));
    }
    None
}

/// Reports the play after a step; `Some(message)` for the student when the LMS did not take it.
pub fn commit(session: &Session) -> Option<String> {
    ATTEMPT.with(|a| {
        let mut a = a.borrow_mut();
        let a = a.as_mut()?;
        a.last = Some(session.clone());
        send(a, session)
    })
}

/// Ends the attempt: the last values (with the whole session time), then `LMSFinish`.
pub fn finish() {
    if let Some(mut a) = ATTEMPT.with(|a| a.borrow_mut().take()) {
        if let Some(session) = a.last.take() {
            send(&mut a, &session);
        }
        a.api.finish();
    }
}
