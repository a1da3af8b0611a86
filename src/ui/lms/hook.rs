//! The LMS page's xAPI hook (cargo feature `lms`): it records and sends statements
//! (`xapi_sync`) when the page opens, when the student app (or the SCORM page) writes its plays
//! (the `storage` event, which the site's other pages get), on a timer and when the browser comes
//! back online.

use yew::prelude::*;

use crate::ui::clock;

use super::page::LmsTools;
use super::{xapi_record, xapi_send, xapi_sync, XapiStatus};

/// Whether a `storage` event is about the app's own data (the plays, the settings), read without
/// the `StorageEvent` binding: its `key` is `null` when the whole storage was cleared.
fn ours(e: &web_sys::Event) -> bool {
    js_sys::Reflect::get(e, &"key".into())
        .ok()
        .and_then(|k| k.as_string())
        .is_none_or(|k| k.starts_with("kefu-sim/") && !k.starts_with(kefu_core::results::xapi::QUEUE_KEY))
}

/// The statement queue as last seen, and a callback that records the stored plays and sends.
#[hook]
pub fn use_xapi(tools: &LmsTools) -> (XapiStatus, Callback<()>) {
    let xapi = use_state(XapiStatus::default);
    let store = tools.saves.store().clone();
    let report = {
        let setter = xapi.setter();
        use_callback((), move |s: XapiStatus, _| setter.set(s))
    };
    let flush = {
        let (tools, report) = (tools.clone(), report.clone());
        use_callback((), move |_: (), _| xapi_sync::sync(&tools, report.clone()))
    };
    {
        let (flush, xapi) = (flush.clone(), xapi.setter());
        use_effect_with((), move |_| {
            xapi.set(xapi_record::status(store.as_ref(), clock::now()));
            flush.emit(());
            let retry = {
                let store = store.clone();
                gloo::timers::callback::Interval::new(15_000, move || {
                    xapi_send::flush(store.clone(), report.clone())
                })
            };
            let online = {
                let flush = flush.clone();
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
    ((*xapi).clone(), flush)
}
