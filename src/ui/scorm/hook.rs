//! The SCORM page's hook (cargo feature `scorm`, `lms/scorm/`): it starts the attempt the page was
//! launched for and reports every step to the LMS (`scorm_session`). The play's xAPI statements
//! are recorded like the student app's, by the LMS page's sync frame.

use yew::prelude::*;

use crate::ui::student::app::AppHandle;
use crate::ui::student::state::{Action, Screen};

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

/// The pack of the page's SCORM launch, if it was launched as one; runs the attempt.
#[hook]
pub fn use_scorm(state: &AppHandle) -> Option<String> {
    let scorm_pack = use_memo((), |_| {
        super::launch::scorm_pack(&gloo::utils::window().location().search().unwrap_or_default())
    });
    {
        let (state, scorm_pack) = (state.clone(), (*scorm_pack).clone());
        use_effect_with((), move |_| {
            if let Some(pack) = &scorm_pack {
                super::session::start(&state, pack);
            }
        });
    }
    {
        let state = state.clone();
        use_effect_with(play_key(&state.screen), move |key| {
            if let (Some(_), Screen::Playing { session, .. }) = (key, &state.screen) {
                if let Some(message) = super::session::commit(session) {
                    state.dispatch(Action::Notify(message));
                }
            }
        });
    }
    (*scorm_pack).clone()
}
