//! Opens packs for play: the first time a student opens one its body is fetched
//! (`ui::pack_fetch`), so the first load carries only the pack summaries.

use std::rc::Rc;

use crate::ui::app::App;
use crate::ui::clock;
use crate::ui::pack_fetch;
use crate::ui::student::app::AppHandle;
use crate::ui::student::route::{navigate, Route};
use crate::ui::student::state::Action;

/// Loads pack `id` if it is not loaded yet, then runs `then` (with the state handle) once it is.
pub fn ensure_loaded(state: &AppHandle, id: &str, then: impl FnOnce(&AppHandle) + 'static) {
    if state.pack(id).is_some() {
        then(state);
        return;
    }
    let Some(summary) = state.summary(id).cloned() else {
        state.dispatch(Action::LoadFailed {
            id: id.to_string(), error: "目录中没有这个场景包".into()
        });
        return;
    };
    let state = state.clone();
    wasm_bindgen_futures::spawn_local(async move {
        match pack_fetch::fetch(&summary, App::of_student_build()).await {
            Ok(pack) => {
                state.dispatch(Action::Loaded { pack: Rc::new(pack) });
                then(&state);
            }
            Err(error) => state.dispatch(Action::LoadFailed { id: summary.id.clone(), error }),
        }
    });
}

/// Opens pack `id` for play (as a click on its `data-pack` entry does): shows the play page at
/// once, fetching the pack first when needed.
pub fn open(state: &AppHandle, id: &str) {
    if state.pack(id).is_none() {
        state.dispatch(Action::Loading { id: id.to_string() });
    }
    navigate(&Route::Play);
    let id_owned = id.to_string();
    ensure_loaded(state, id, move |state| {
        state.dispatch(Action::Open { pack_id: id_owned, seed: clock::new_seed(), now: clock::now() })
    });
}
