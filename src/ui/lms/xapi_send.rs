//! Sends the queued statements to the LRS with `fetch`, one batch at a time, until the queue is
//! empty or the LRS cannot take more now. The queue is read again after each answer arrives and
//! only then updated and saved (a play may have enqueued statements meanwhile), and statements
//! leave it only on a 2xx, or a 409 for a single statement (its id is already stored): see
//! `results::xapi::Queue::apply`. A failed attempt waits for its retry time; the app calls
//! [`flush`] on a timer and, after [`wake`], when the browser comes back online.

use std::cell::Cell;
use std::rc::Rc;

use yew::Callback;

use crate::ui::clock;
use kefu_core::results::xapi::{classify, request, Delivery, LrsRequest};
use kefu_core::storage::Store;

use super::xapi_record::{of_queue, queue, settings, status, XapiStatus};

/// At most this many statements, and about this many bytes, per request.
const BATCH_COUNT: usize = 50;
const BATCH_BYTES: usize = 256 * 1024;

thread_local! {
    /// A flush is running (one at a time, so a batch is never sent twice concurrently).
    static SENDING: Cell<bool> = const { Cell::new(false) };
    /// Another flush was asked for while one was running: go round once more.
    static AGAIN: Cell<bool> = const { Cell::new(false) };
}

/// Sends what is due, in the background; `report` gets the status after each batch.
pub fn flush(store: Rc<dyn Store>, report: Callback<XapiStatus>) {
    if SENDING.with(|s| s.replace(true)) {
        AGAIN.with(|a| a.set(true));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        loop {
            AGAIN.with(|a| a.set(false));
            send_due(store.as_ref(), &report).await;
            if !AGAIN.with(Cell::get) {
                break;
            }
        }
        SENDING.with(|s| s.set(false));
    });
}

async fn send_due(store: &dyn Store, report: &Callback<XapiStatus>) {
    loop {
        let now = clock::now();
        let Some(settings) = settings(store, now) else { return report.emit(status(store, now)) };
        let Ok(q) = queue(store, now) else { return report.emit(status(store, now)) };
        let batch = q.next_batch(now, BATCH_COUNT, BATCH_BYTES);
        if batch.is_empty() {
            return report.emit(of_queue(true, &q));
        }
        let req = match request(&settings, &batch) {
            Ok(r) => r,
            Err(e) => return report.emit(XapiStatus { error: e.to_string(), ..of_queue(true, &q) }),
        };
        let delivery = classify(post(&req).await);
        // Read again: statements may have been enqueued while the request was on its way.
        let now = clock::now();
        let Ok(mut q) = queue(store, now) else { return report.emit(status(store, now)) };
        q.apply(&req.ids, &delivery, now);
        let saved = q.save(store);
        let mut shown = of_queue(true, &q);
        if let Err(e) = saved {
            shown.error = format!("学习记录的发送状态无法保存到本地:{e}");
            return report.emit(shown);
        }
        report.emit(shown);
        if !matches!(delivery, Delivery::Sent | Delivery::Conflict | Delivery::TooLarge) {
            return;
        }
    }
}

/// POSTs `req` and gives the HTTP status; 0 when the request failed (offline, CORS, refused), 408
/// when it did not finish within `limits::FETCH_TIMEOUT_MS` (it is aborted; both are retried).
#[cfg(target_arch = "wasm32")]
async fn post(req: &LrsRequest) -> u16 {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    let Ok(controller) = web_sys::AbortController::new() else { return 0 };
    let expired = Rc::new(Cell::new(false));
    let timer = {
        let (controller, expired) = (controller.clone(), expired.clone());
        gloo::timers::callback::Timeout::new(crate::ui::limits::FETCH_TIMEOUT_MS, move || {
            expired.set(true);
            controller.abort();
        })
    };
    let send = async {
        let init = web_sys::RequestInit::new();
        init.set_signal(Some(&controller.signal()));
        init.set_method(req.method);
        init.set_body(&JsValue::from_str(&req.body));
        let headers = web_sys::Headers::new()?;
        for (k, v) in &req.headers {
            headers.set(k, v)?;
        }
        init.set_headers(&headers);
        let window = web_sys::window().ok_or(JsValue::NULL)?;
        let response = JsFuture::from(window.fetch_with_str_and_init(&req.url, &init)).await?;
        let response: web_sys::Response = response.dyn_into()?;
        Ok::<u16, JsValue>(response.status())
    };
    let status = send.await.unwrap_or(0);
    drop(timer);
    if expired.get() {
        408
    } else {
        status
    }
}

#[cfg(not(target_arch = "wasm32"))]
async fn post(_req: &LrsRequest) -> u16 {
    0
}

/// The browser is back online: statements waiting for a retry time are due now (the caller then
/// syncs, which sends them).
pub fn wake(store: &dyn Store, now: i64) {
    if let Ok(mut q) = queue(store, now) {
        if q.wake(now) > 0 {
            let _ = q.save(store);
        }
    }
}
