//! The hook that runs the LMS page's connections (cargo feature `lms`): it starts a SCORM attempt
//! when the page was launched as one, and records and sends xAPI statements (`xapi_sync`) when
//! the page opens, when the student app writes its plays (the `storage` event, which other pages
//! of the site get), after each step of the page's own play, on a timer and when the browser comes
//! back online.

use yew::prelude::*;

use crate::ui::clock;
use crate::ui::student::app::AppHandle;
use crate::ui::student::state::{Action, Screen};

use super::{xapi_record, xapi_send, xapi_sync, LmsContext, XapiStatus};

/// The pack of a SCORM launch.
fn scorm_launch() -> Option<String> {
    super::launch::scorm_pack(&gloo::utils::window().location().search().unwrap_or_default())
}

/// What identifies the state of the open play: a change means a step was taken (or a play began).
fn play_key(screen: &Screen) -> Option<(String, u64, i64, usize)> {
    match screen {
        Screen::Playing { session, .. } => {
            let p = session.play();
            Some((p.pack.id.clone(), p.seed, p.started, p.answers.len()))
        }
        _ => None,
    }
}

/// Whether a `storage` event is about the app's own data (the plays, the settings), read without
/// the `StorageEvent` binding: its `key` is `null` when the whole storage was cleared.
fn ours(e: &web_sys::Event) -> bool {
    js_sys::Reflect::get(e, &"key".into())
        .ok()
        .and_then(|k| k.as_string())
        .is_none_or(|k| k.starts_with("kefu-sim/") && !k.starts_with(crate::results::xapi::QUEUE_KEY))
}

/// The LMS and LRS connections of the app whose state is `state`.
#[hook]
pub fn use_lms(state: &AppHandle) -> LmsContext {
    let scorm_pack = use_memo((), |_| scorm_launch());
    let xapi = use_state(XapiStatus::default);
    let store = state.saves.store().clone();
    let report = {
        let setter = xapi.setter();
        use_callback((), move |s: XapiStatus, _| setter.set(s))
    };
    let flush = {
        let (state, report) = (state.clone(), report.clone());
        use_callback((), move |_: (), _| xapi_sync::sync(&state, report.clone()))
    };
    {
        let (flush, store, xapi) = (flush.clone(), store.clone(), xapi.setter());
        let report = report.clone();
        use_effect_with((), move |_| {
            xapi.set(xapi_record::status(store.as_ref(), clock::now()));
            flush.emit(());
            let retry = {
                let (store, report) = (store.clone(), report.clone());
                gloo::timers::callback::Interval::new(15_000, move || {
                    xapi_send::flush(store.clone(), report.clone())
                })
            };
            let online = {
                let (store, flush) = (store.clone(), flush.clone());
                gloo::events::EventListener::new(&gloo::utils::window(), "online", move |_| {
                    xapi_send::wake(store.as_ref(), clock::now());
                    flush.emit(())
                })
            };
            let changed = gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |e| {
                if ours(e) {
                    flush.emit(())
                }
            });
            move || drop((retry, online, changed))
        });
    }
    {
        let (state, scorm_pack) = (state.clone(), (*scorm_pack).clone());
        use_effect_with((), move |_| {
            if let Some(pack) = &scorm_pack {
                super::scorm_session::start(&state, pack);
            }
        });
    }
    {
        let (state, flush) = (state.clone(), flush.clone());
        use_effect_with(play_key(&state.screen), move |key| {
            if let (Some(_), Screen::Playing { session, .. }) = (key, &state.screen) {
                // The step is saved already: record it from the store like the student app's.
                flush.emit(());
                if let Some(message) = super::scorm_session::commit(session) {
                    state.dispatch(Action::Notify(message));
                }
            }
        });
    }
    LmsContext { scorm_pack: (*scorm_pack).clone(), xapi: (*xapi).clone(), flush }
}
