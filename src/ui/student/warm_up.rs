//! A rehearsal of the first step, run once while the student reads the first choices: the same
//! reducer action (`Action::Choose` of the first offered choice) on a copy of the state whose
//! saves go nowhere ([`Nowhere`]), thrown away.
//!
//! Why: the browser compiles each wasm function the first time it runs (V8's lazy compilation), so
//! a page's first click paid for compiling the reducer, the engine's step and the progress
//! serializer: measured in a Chromium trace, the first choice click's input task took ~5 ms
//! against ~1.5 ms for later ones (and ~1.8 ms with `--no-wasm-lazy-compilation`). Rehearsing the
//! step moves that compile time to a moment when nothing waits for it. Nothing of the rehearsal
//! is kept or shown.

use std::rc::Rc;

use yew::prelude::*;
use yew::Reducible;

use kefu_core::engine::Current;
use kefu_core::storage::{Store, StoreError};

use crate::ui::student::app::AppHandle;
use crate::ui::student::state::{Action, Screen};

/// How long after the first choices are shown the rehearsal runs (after their paint, well before
/// a student has read them).
const DELAY_MS: u32 = 100;

/// Rehearses the first step of each new play once.
#[hook]
pub fn use_warm_up(state: &AppHandle) {
    // A fresh play waiting for its first choice; keyed by the play, so it runs once per play.
    let fresh = match &state.screen {
        Screen::Playing { session, feedback: None } if session.play().answers.is_empty() => {
            let p = session.play();
            Some((p.pack.id.clone(), p.seed, p.started))
        }
        _ => None,
    };
    let state = state.clone();
    use_effect_with(fresh, move |fresh| {
        let timer =
            fresh.is_some().then(|| gloo::timers::callback::Timeout::new(DELAY_MS, move || rehearse(&state)));
        // Leaving the play first cancels it.
        move || drop(timer)
    });
}

fn rehearse(state: &AppHandle) {
    let Screen::Playing { session, .. } = &state.screen else { return };
    let Current::Choose { choices, .. } = session.current() else { return };
    let Some(choice) = choices.first().map(|c| c.id.clone()) else { return };
    let scratch = Rc::new(state.with_store(Rc::new(Nowhere)));
    let _ = scratch.reduce(Action::Choose { choice, now: crate::ui::clock::now() });
}

/// A store that keeps nothing and holds nothing: the rehearsal's saves are only compiled and run.
/// (A `MemoryStore` would add ~4 KB gzip to the student wasm.)
struct Nowhere;

impl Store for Nowhere {
    fn get(&self, _: &str) -> Result<Option<String>, StoreError> {
        Ok(None)
    }
    fn set(&self, _: &str, _: &str) -> Result<(), StoreError> {
        Ok(())
    }
    fn remove(&self, _: &str) -> Result<(), StoreError> {
        Ok(())
    }
    fn keys(&self, _: &str) -> Result<Vec<String>, StoreError> {
        Ok(vec![])
    }
}
