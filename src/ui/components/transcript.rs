//! The conversation so far: the customer's lines, narration, the student's choices and endings.
//! All text is pack text and is rendered as text (Yew escapes it), never as HTML.
//!
//! A step only appends to the transcript, so each line is its own keyed component ([`Line`]) that
//! reads its event from the shared session by index: after a step Yew compares a few integers per
//! old line and renders only the new ones, instead of copying every event into props and
//! re-rendering and diffing the whole conversation (work that grew with the play, on every click).

use std::rc::Rc;

use yew::prelude::*;

use kefu_core::engine::{Event, Session};
use kefu_core::pack::Outcome;

/// A session handed to the transcript, shared (never copied).
#[derive(Clone)]
pub struct SessionRef(pub Rc<Session>);

impl SessionRef {
    /// Which play this is: lines of different plays never compare equal.
    fn play_id(&self) -> (&str, u64, i64) {
        let p = self.0.play();
        (&p.pack.id, p.seed, p.started)
    }
}

impl PartialEq for SessionRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct TranscriptProps {
    pub session: SessionRef,
    /// Show only the first `shown` events (all when `None`).
    #[prop_or_default]
    pub shown: Option<usize>,
    /// Leave out the last customer line (the play page shows it as the current step instead).
    #[prop_or_default]
    pub hide_last_line: bool,
}

/// The CSS class of an outcome.
pub fn outcome_class(o: Outcome) -> &'static str {
    match o {
        Outcome::Success => "outcome-success",
        Outcome::Partial => "outcome-partial",
        Outcome::Fail => "outcome-fail",
    }
}

pub fn outcome_label(o: Outcome) -> &'static str {
    match o {
        Outcome::Success => "成功",
        Outcome::Partial => "部分成功",
        Outcome::Fail => "未成功",
    }
}

#[function_component(Transcript)]
pub fn transcript(props: &TranscriptProps) -> Html {
    let events = props.session.0.events();
    let shown = props.shown.unwrap_or(events.len()).min(events.len());
    let hidden = if props.hide_last_line {
        events[..shown].iter().rposition(|e| matches!(e, Event::Line { .. }))
    } else {
        None
    };
    html! {
        <ol class="transcript" aria-live="polite">
            { for (0..shown).filter(|i| Some(*i) != hidden).map(|index| html! {
                <Line key={index} session={props.session.clone()} {index} />
            }) }
        </ol>
    }
}

#[derive(Properties)]
struct LineProps {
    session: SessionRef,
    index: usize,
}

/// An event never changes once it is in a play's transcript (steps only append; a refused step
/// is cut back before anyone sees it), so a line is the same line when its play and index are.
impl PartialEq for LineProps {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index && self.session.play_id() == other.session.play_id()
    }
}

/// One line of the transcript.
#[function_component(Line)]
fn line(props: &LineProps) -> Html {
    let Some(e) = props.session.0.events().get(props.index) else { return html! {} };
    match e {
        Event::Intro { title, text, .. } => html! {
            <li class="intro">
                if !title.is_empty() { <h3>{ title.clone() }</h3> }
                if !text.is_empty() { <p>{ text.clone() }</p> }
            </li>
        },
        Event::Line { speaker, text, .. } => html! {
            <li class={classes!("line", speaker.is_empty().then_some("narration"))}>
                if !speaker.is_empty() { <span class="speaker">{ speaker.clone() }</span> }
                <p>{ text.clone() }</p>
            </li>
        },
        Event::Crm { text, ok, .. } => html! {
            <li class={classes!("crm-note", (!ok).then_some("refused"))} data-crm-note={ok.to_string()}>
                <p>{ text.clone() }</p>
            </li>
        },
        Event::Chose(c) => html! {
            <li class="line mine"><span class="speaker">{"你"}</span><p>{ c.text.clone() }</p></li>
        },
        Event::Graded(g) => html! {
            <li class="line mine graded">
                <span class="speaker">{"你的作答"}</span>
                <p>{ g.grade.summary.clone() }</p>
            </li>
        },
        Event::Ended { outcome, title, .. } => html! {
            <li class={classes!("ending", outcome_class(*outcome))}>
                { outcome_label(*outcome) }
                if !title.is_empty() { {" · "}{ title.clone() } }
            </li>
        },
    }
}
