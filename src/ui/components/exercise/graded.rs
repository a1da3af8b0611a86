//! A graded exercise: the summary, every item right or wrong with what was expected and why, the
//! exercise's feedback and principle. Used right after submitting and in the debrief.

use yew::prelude::*;

use kefu_core::engine::GradedExercise;

#[derive(Properties, PartialEq)]
pub struct GradedProps {
    pub graded: GradedExercise,
}

#[function_component(GradedView)]
pub fn graded_view(props: &GradedProps) -> Html {
    let g = &props.graded;
    html! {
        <div class="graded">
            <p class="verdict">{ g.grade.summary.clone() }</p>
            <ul class="results">
                { for g.grade.results.iter().map(|r| html! {
                    <li class={if r.ok { "ok" } else { "wrong" }} data-result-item={r.id.clone()} data-ok={r.ok.to_string()}>
                        <span class="label">{ r.label.clone() }</span>
                        if !r.given.is_empty() { <span class="given">{"你的答案:"}{ r.given.clone() }</span> }
                        if !r.expected.is_empty() { <span class="expected">{"正确:"}{ r.expected.clone() }</span> }
                        if !r.note.is_empty() { <span class="note">{ r.note.clone() }</span> }
                    </li>
                }) }
            </ul>
            if !g.feedback.is_empty() { <p class="feedback-text">{ g.feedback.clone() }</p> }
            if !g.principle.is_empty() { <p class="principle">{"原则:"}{ g.principle.clone() }</p> }
        </div>
    }
}
