//! A student's plays in the chosen class (issue 17): each stored result, replayed, with its pack,
//! finish time, percent, whether it is the best or the latest on its pack, and — opened — the
//! transcript and the debrief as the student saw them (both rebuilt by the replay), and the
//! teacher's marking of its free-text answers where the pack has a rubric (`marking.rs`).

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::components::debrief::DebriefView;
use crate::ui::components::transcript::{SessionRef, Transcript};
use crate::ui::teacher::app::TeacherHandle;
use crate::ui::teacher::views::marking::marking;
use crate::ui::use_app::use_app;
use kefu_core::results::class_record::{ClassView, Range};
use kefu_core::util::time::datetime;

#[derive(Properties)]
pub struct StudentPlaysProps {
    pub view: Rc<ClassView>,
    pub number: String,
    pub range: Range,
}

impl PartialEq for StudentPlaysProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.view, &other.view) && self.number == other.number && self.range == other.range
    }
}

#[function_component(StudentPlays)]
pub fn student_plays(props: &StudentPlaysProps) -> Html {
    let state = use_app::<TeacherHandle>();
    // Opened from a dashboard row further down the page: bring the plays into view.
    {
        let number = props.number.clone();
        use_effect_with(number, |number| {
            #[cfg(target_arch = "wasm32")]
            if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| {
                // A student number is free text: escape it inside the selector's quotes.
                let n = number.replace('\\', "\\\\").replace('"', "\\\"");
                d.query_selector(&format!("[data-student-plays=\"{n}\"]")).ok().flatten()
            }) {
                el.scroll_into_view();
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = number;
        });
    }
    let view = &props.view;
    let marks = view.best_latest(&props.number, props.range);
    let plays = view.plays_of(&props.number);
    html! {
        <section class="student-plays" data-student-plays={props.number.clone()}>
            { for plays.into_iter().map(|i| {
                let e = &view.record.entries[i];
                let best = marks.iter().any(|m| m.best == i);
                let latest = marks.iter().any(|m| m.latest == i);
                let tag = match (best, latest) {
                    (true, true) => "(最好,最新)",
                    (true, false) => "(最好)",
                    (false, true) => "(最新)",
                    _ => "",
                };
                match view.verdicts[i].verified() {
                    Some(v) => html! {
                        <details class="student-play" data-student-play={i.to_string()}
                                 data-best={best.to_string()} data-latest={latest.to_string()}>
                            <summary>{ format!("{} · {} · {}%{tag}", e.play.pack.title, datetime(e.play.finished, 480), v.debrief.percent) }</summary>
                            <Transcript session={SessionRef(std::rc::Rc::new(v.session.clone()))} />
                            <DebriefView debrief={v.debrief.clone()} title={e.play.pack.title.clone()} seed={e.play.seed} />
                            { marking(&state, e, &v.session.loaded().pack) }
                        </details>
                    },
                    None => html! {
                        <p class="student-play flag" data-student-play={i.to_string()} data-best="false" data-latest="false">
                            { format!("{} · {} · 现在无法核对:{}", e.play.pack.title, datetime(e.play.finished, 480), view.verdicts[i].label()) }
                        </p>
                    },
                }
            }) }
        </section>
    }
}
