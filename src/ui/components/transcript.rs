//! The conversation so far: the customer's lines, narration, the student's choices and endings.
//! All text is pack text and is rendered as text (Yew escapes it), never as HTML.

use yew::prelude::*;

use kefu_core::engine::Event;
use kefu_core::pack::Outcome;

#[derive(Properties, PartialEq)]
pub struct TranscriptProps {
    pub events: Vec<Event>,
    /// Index of the event that is the current node's line (rendered by the play page instead).
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
    let last_line = if props.hide_last_line {
        props.events.iter().rposition(|e| matches!(e, Event::Line { .. }))
    } else {
        None
    };
    html! {
        <ol class="transcript" aria-live="polite">
            { for props.events.iter().enumerate().filter(|(i, _)| Some(*i) != last_line).map(|(_, e)| match e {
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
            }) }
        </ol>
    }
}
