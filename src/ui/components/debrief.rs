//! The debrief: a score per skill (`data-dimension` with `data-score`/`data-max`, per the test-hook
//! contract), the grade, how each activity ended, the customer this seed drew, and a review of
//! every choice with its feedback and the course principle it applies.

use yew::prelude::*;

use crate::ui::components::exercise::graded::GradedView;
use crate::ui::components::score_chart::{Bar, ScoreChart};
use crate::ui::components::transcript::{outcome_class, outcome_label};
use kefu_core::engine::Debrief;

#[derive(Properties, PartialEq)]
pub struct DebriefProps {
    pub debrief: Debrief,
    pub title: String,
    pub seed: u64,
    /// Extra controls (play again…), rendered under the scores.
    #[prop_or_default]
    pub children: Html,
}

fn delta_text(deltas: &[(String, i64)], names: &[(String, String)]) -> String {
    deltas
        .iter()
        .map(|(id, d)| {
            let name = names.iter().find(|(i, _)| i == id).map_or(id.as_str(), |(_, n)| n.as_str());
            format!("{name} {d:+}")
        })
        .collect::<Vec<_>>()
        .join(",")
}

#[function_component(DebriefView)]
pub fn debrief_view(props: &DebriefProps) -> Html {
    let d = &props.debrief;
    let names: Vec<(String, String)> = d.dims.iter().map(|x| (x.id.clone(), x.name.clone())).collect();
    let bars: Vec<Bar> =
        d.dims.iter().map(|x| Bar { name: x.name.clone(), score: x.score, max: x.max }).collect();
    html! {
        <section class="debrief" data-debrief="">
            <header>
                <h2>{ format!("练习总结 · {}", props.title) }</h2>
                <p class="grade">
                    <span class="percent" data-percent={d.percent.to_string()}>{ format!("{}%", d.percent) }</span>
                    if let Some(g) = &d.grade {
                        <span class="grade-label">{ g.label.clone() }</span>
                        if !g.text.is_empty() { <span class="grade-text">{ g.text.clone() }</span> }
                    }
                </p>
            </header>
            <ScoreChart bars={bars} />
            <ul class="dimensions">
                { for d.dims.iter().map(|x| html! {
                    <li data-dimension={x.id.clone()} data-score={x.score.to_string()} data-max={x.max.to_string()}>
                        <span class="dim-name">{ x.name.clone() }</span>
                        <span class="dim-score">{ format!("{} / {}", x.score, x.max) }</span>
                    </li>
                }) }
            </ul>
            { props.children.clone() }
            if !d.facts.is_empty() {
                <div class="facts">
                    <h3>{ format!("本次顾客(随机种子 {})", props.seed) }</h3>
                    <ul>{ for d.facts.iter().map(|f| html! { <li data-fact={f.var.clone()}>{ f.value.clone() }</li> }) }</ul>
                </div>
            }
            if !d.endings.is_empty() {
            <div class="endings">
                <h3>{"结局"}</h3>
                <ul>
                    { for d.endings.iter().map(|e| html! {
                        <li class={outcome_class(e.outcome)}>
                            <strong>{ outcome_label(e.outcome) }</strong>
                            if !e.title.is_empty() { {" · "}{ e.title.clone() } }
                            if !e.text.is_empty() { <p>{ e.text.clone() }</p> }
                        </li>
                    }) }
                </ul>
            </div>
            }
            if !d.exercises.is_empty() {
                <div class="exercises">
                    <h3>{"练习批改"}</h3>
                    { for d.exercises.iter().map(|g| html! {
                        <div class="exercise-review" data-review-activity={g.kind.clone()}>
                            if !g.title.is_empty() { <h4>{ g.title.clone() }</h4> }
                            <GradedView graded={g.clone()} />
                        </div>
                    }) }
                </div>
            }
            if !d.review.is_empty() {
            <div class="review">
                <h3>{"逐条回顾"}</h3>
                <ol>
                    { for d.review.iter().map(|c| html! {
                        <li class={classes!("review-item", if c.best { "best" } else { "weak" })}
                            data-review={c.choice.clone()}>
                            <p class="said">{ c.text.clone() }</p>
                            if !c.deltas.is_empty() {
                                <p class="deltas">{ delta_text(&c.deltas, &names) }</p>
                            }
                            if !c.feedback.is_empty() { <p class="feedback-text">{ c.feedback.clone() }</p> }
                            if !c.principle.is_empty() {
                                <p class="principle">{"原则:"}{ c.principle.clone() }</p>
                            }
                            if let Some(better) = &c.better {
                                <p class="better">{"更好的说法:"}{ better.clone() }</p>
                            }
                        </li>
                    }) }
                </ol>
            </div>
            }
        </section>
    }
}
