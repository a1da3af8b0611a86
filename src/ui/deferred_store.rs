//! A [`Store`] that holds back writes under one prefix (the student app's per-step progress,
//! `kefu-sim/progress/`) until the browser has painted, so a click's feedback is on screen before
//! local storage is touched. Reads see the held-back value at once, so the app behaves exactly as
//! if it had been written; every other key is written through.
//!
//! Nothing is lost: the held-back writes are made in a task queued from the next animation frame
//! (that is, right after the paint), and at once when the page is being left or hidden
//! (`pagehide`, `visibilitychange`): a reload right after a click still resumes at that step. A
//! write that fails then (storage full) is reported through [`DeferredStore::on_error`], since
//! the step that asked for it has long returned.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use kefu_core::storage::{Notice, Store, StoreError};

/// Where a failed held-back write is told (a notice's text).
type Report = Rc<dyn Fn(String)>;

/// Writes waiting for the paint, at most one per key, and what to do with them.
struct Held {
    inner: Rc<dyn Store>,
    writes: RefCell<Vec<(String, String)>>,
    /// A flush is already queued (one per frame, however many writes).
    queued: Cell<bool>,
    on_error: RefCell<Option<Report>>,
}

impl Held {
    fn flush(&self) {
        self.queued.set(false);
        let writes = std::mem::take(&mut *self.writes.borrow_mut());
        for (key, value) in writes {
            if let Err(error) = self.inner.set(&key, &value) {
                let notice = Notice::SaveFailed { key, error }.to_string();
                if let Some(report) = self.on_error.borrow().clone() {
                    report(notice);
                }
            }
        }
    }
}

pub struct DeferredStore {
    prefix: &'static str,
    held: Rc<Held>,
    /// The `pagehide` / `visibilitychange` listeners, removed with the store.
    #[cfg(target_arch = "wasm32")]
    _listeners: [gloo::events::EventListener; 2],
}

impl DeferredStore {
    /// Holds back writes of keys starting with `prefix`; everything else goes straight to `inner`.
    pub fn new(inner: Rc<dyn Store>, prefix: &'static str) -> Self {
        let held = Rc::new(Held {
            inner,
            writes: RefCell::default(),
            queued: Cell::new(false),
            on_error: RefCell::default(),
        });
        #[cfg(target_arch = "wasm32")]
        let _listeners = {
            use gloo::events::EventListener;
            let window = gloo::utils::window();
            let document = gloo::utils::document();
            let on_hide = {
                let held = held.clone();
                EventListener::new(&window, "pagehide", move |_| held.flush())
            };
            let on_hidden = {
                let held = held.clone();
                EventListener::new(&document, "visibilitychange", move |_| {
                    if gloo::utils::document().hidden() {
                        held.flush();
                    }
                })
            };
            [on_hide, on_hidden]
        };
        DeferredStore {
            prefix,
            held,
            #[cfg(target_arch = "wasm32")]
            _listeners,
        }
    }

    /// Where a held-back write that failed is reported (as a notice's text).
    pub fn on_error(&self, report: impl Fn(String) + 'static) {
        *self.held.on_error.borrow_mut() = Some(Rc::new(report));
    }

    /// Makes every held-back write now.
    pub fn flush(&self) {
        self.held.flush();
    }

    fn held(&self, key: &str) -> Option<String> {
        self.held.writes.borrow().iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    }

    /// Queues a flush for right after the next paint: a task posted from the next animation frame
    /// runs once that frame has been drawn. Natively (tests) nothing is queued: `flush` is called.
    fn queue(&self) {
        // Natively there is nothing more to do (the test calls `flush`); in the browser a flush
        // is queued unless one already is.
        #[cfg(target_arch = "wasm32")]
        if !self.held.queued.replace(true) {
            use wasm_bindgen::closure::Closure;
            use wasm_bindgen::JsCast;
            let held = self.held.clone();
            let after_frame = Closure::once_into_js(move || {
                gloo::timers::callback::Timeout::new(0, move || held.flush()).forget();
            });
            // A hidden page gets no frames (and may be discarded without `pagehide`): write now.
            if gloo::utils::document().hidden()
                || gloo::utils::window().request_animation_frame(after_frame.unchecked_ref()).is_err()
            {
                self.held.flush();
            }
        }
    }
}

impl Store for DeferredStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        match self.held(key) {
            Some(v) => Ok(Some(v)),
            None => self.held.inner.get(key),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if !key.starts_with(self.prefix) {
            return self.held.inner.set(key, value);
        }
        {
            let mut writes = self.held.writes.borrow_mut();
            match writes.iter_mut().find(|(k, _)| k == key) {
                Some(w) => w.1 = value.to_string(),
                None => writes.push((key.to_string(), value.to_string())),
            }
        }
        self.queue();
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.held.writes.borrow_mut().retain(|(k, _)| k != key);
        self.held.inner.remove(key)
    }

    fn keys(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        let mut keys = self.held.inner.keys(prefix)?;
        let before = keys.len();
        for (k, _) in self.held.writes.borrow().iter() {
            if k.starts_with(prefix) && !keys[..before].contains(k) {
                keys.push(k.clone());
            }
        }
        if keys.len() > before {
            kefu_core::util::order::sort_by(&mut keys, |a, b| a.cmp(b));
        }
        Ok(keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kefu_core::storage::MemoryStore;

    const P: &str = "kefu-sim/progress/";

    fn stores(quota: Option<usize>) -> (Rc<MemoryStore>, DeferredStore) {
        let mem = Rc::new(quota.map_or_else(MemoryStore::new, MemoryStore::with_quota));
        let deferred = DeferredStore::new(mem.clone(), P);
        (mem, deferred)
    }

    #[test]
    fn held_writes_are_read_back_at_once_and_land_on_flush() {
        let (mem, d) = stores(None);
        d.set("kefu-sim/history/1", "h").unwrap();
        assert_eq!(
            mem.get("kefu-sim/history/1").unwrap().as_deref(),
            Some("h"),
            "other keys go straight through"
        );
        d.set(&format!("{P}a"), "1").unwrap();
        d.set(&format!("{P}a"), "2").unwrap();
        assert_eq!(mem.get(&format!("{P}a")).unwrap(), None, "held back");
        assert_eq!(d.get(&format!("{P}a")).unwrap().as_deref(), Some("2"));
        assert_eq!(
            d.keys("kefu-sim/").unwrap(),
            vec!["kefu-sim/history/1".to_string(), format!("{P}a")],
            "sorted"
        );
        d.flush();
        assert_eq!(mem.get(&format!("{P}a")).unwrap().as_deref(), Some("2"));
        assert_eq!(d.keys(P).unwrap(), vec![format!("{P}a")], "listed once");
    }

    #[test]
    fn removing_drops_a_held_write() {
        let (mem, d) = stores(None);
        mem.set(&format!("{P}a"), "old").unwrap();
        d.set(&format!("{P}a"), "new").unwrap();
        d.remove(&format!("{P}a")).unwrap();
        assert_eq!(d.get(&format!("{P}a")).unwrap(), None);
        d.flush();
        assert_eq!(mem.get(&format!("{P}a")).unwrap(), None, "the removal is not undone by the flush");
    }

    #[test]
    fn a_write_that_fails_later_is_reported() {
        let (mem, d) = stores(Some(10));
        let reported = Rc::new(RefCell::new(vec![]));
        let r = reported.clone();
        d.on_error(move |n| r.borrow_mut().push(n));
        d.set(&format!("{P}a"), "far too long for the quota").unwrap();
        d.flush();
        assert_eq!(mem.get(&format!("{P}a")).unwrap(), None);
        assert_eq!(reported.borrow().len(), 1);
        assert!(reported.borrow()[0].contains("存储空间已满"), "{:?}", reported.borrow());
    }
}
