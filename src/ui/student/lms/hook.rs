//! The hook that runs the student app's LMS and LRS connections: it starts a SCORM attempt when
//! the page was launched as one, records the play's xAPI statements after every step, and sends
//! them after each step, on a timer and when the browser comes back online.

use yew::prelude::*;

use crate::ui::clock;
use crate::ui::student::app::AppHandle;
#[cfg(feature = "lms")]
use crate::ui::student::state::Action;
use crate::ui::student::state::Screen;

use super::{xapi_record, xapi_send, LmsContext, XapiStatus};

/// The pack of a SCORM launch. Only the LMS page has the SCORM glue; the student app's page
/// forwards a SCORM launch there.
fn scorm_launch() -> Option<String> {
    #[cfg(feature = "lms")]
    return super::launch::scorm_pack(&gloo::utils::window().location().search().unwrap_or_default());
    #[cfg(not(feature = "lms"))]
    None
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
        let (store, report) = (store.clone(), report.clone());
        use_callback((), move |_: (), _| xapi_send::flush(store.clone(), report.clone()))
    };
    {
        let (flush, store, xapi) = (flush.clone(), store.clone(), xapi.setter());
        let report = report.clone();
        use_effect_with((), move |_| {
            xapi.set(xapi_record::status(store.as_ref(), clock::now()));
            flush.emit(());
            let retry = flush.clone();
            let timer = gloo::timers::callback::Interval::new(15_000, move || retry.emit(()));
            let online = gloo::events::EventListener::new(&gloo::utils::window(), "online", move |_| {
                xapi_send::wake(store.clone(), report.clone())
            });
            move || drop((timer, online))
        });
    }
    #[cfg(feature = "lms")]
    {
        let (state, scorm_pack) = (state.clone(), (*scorm_pack).clone());
        use_effect_with((), move |_| {
            if let Some(pack) = &scorm_pack {
                super::scorm_session::start(&state, pack);
            }
        });
    }
    {
        let (state, flush, xapi) = (state.clone(), flush.clone(), xapi.setter());
        use_effect_with(play_key(&state.screen), move |key| {
            if let (Some(_), Screen::Playing { session, .. }) = (key, &state.screen) {
                let status = xapi_record::record(state.saves.store().as_ref(), session, clock::now());
                let send = status.pending > 0;
                xapi.set(status);
                if send {
                    flush.emit(());
                }
                #[cfg(feature = "lms")]
                if let Some(message) = super::scorm_session::commit(session) {
                    state.dispatch(Action::Notify(message));
                }
            }
        });
    }
    LmsContext { scorm_pack: (*scorm_pack).clone(), xapi: (*xapi).clone(), flush }
}
