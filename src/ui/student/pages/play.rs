//! The play page: the resume question, the conversation with the current step (`data-node`) and
//! its choices (`data-choice`), the feedback on the last choice (`data-feedback`, `data-continue`),
//! and the debrief when the play is over.

use crate::ui::use_app::use_app;
use yew::prelude::*;

use crate::ui::app::App;
use crate::ui::clock;
use crate::ui::components::debrief::DebriefView;
use crate::ui::components::exercise::graded::GradedView;
use crate::ui::components::exercise::ExerciseView;
use crate::ui::components::transcript::{SessionRef, Transcript};
use crate::ui::student::app::AppHandle;
use crate::ui::student::export_link::export_link;
use crate::ui::student::route::{navigate, Route};
use crate::ui::student::state::{Action, Feedback, Screen};
use kefu_core::engine::{Current, Debrief, Event};
use kefu_core::pack::ActivityBody;

#[function_component(Play)]
pub fn play() -> Html {
    let state = use_app::<AppHandle>();
    crate::ui::student::warm_up::use_warm_up(&state);
    // On the SCORM page (single-pack mode) the LMS owns the attempt: no "play again", no way home.
    // A constant, so each page's wasm carries only its own controls.
    let single = cfg!(feature = "scorm");
    let dispatch = |make: fn() -> Action| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(make()))
    };
    let restart = dispatch(|| Action::Restart { seed: clock::new_seed(), now: clock::now() });
    // No play open (e.g. after a reload): the home page is where a play is started or resumed.
    let idle = matches!(state.screen, Screen::Idle);
    use_effect_with(idle, |idle| {
        if *idle {
            navigate(&Route::Home);
        }
    });
    match &state.screen {
        Screen::Idle => html! {
            <div class="empty">
                <p>{"现在没有进行中的练习。"}</p>
                <a href={Route::Home.href()} data-nav="home">{"去选择一个场景"}</a>
            </div>
        },
        Screen::Loading { title, .. } => html! {
            <div class="empty" aria-busy="true">
                <h2>{ title.clone() }</h2>
                <p>{"正在加载场景……"}</p>
            </div>
        },
        Screen::AskResume { pack, play } => html! {
            <div class="ask-resume">
                <h2>{ pack.pack.meta.title.clone() }</h2>
                <p>{ format!("你上次的练习还没做完(已作答 {} 步)。要接着做吗?", play.answers.len()) }</p>
                <div class="actions">
                    <button class="primary" data-resume="" onclick={dispatch(|| Action::Resume { now: clock::now() })}>
                        {"继续上次"}
                    </button>
                    <button data-restart="" onclick={restart}>{"重新开始"}</button>
                </div>
            </div>
        },
        Screen::Broken { pack, message } => html! {
            <div class="broken" role="alert" data-play-refused="">
                <h2>{ pack.pack.meta.title.clone() }</h2>
                <p>{ message.clone() }</p>
                <p>{"原来的进度会保存在恢复区,不会丢失。"}</p>
                <button data-restart="" onclick={restart}>{"重新开始"}</button>
            </div>
        },
        Screen::Playing { session, feedback } => {
            let meta = &session.loaded().pack.meta;
            let (done, total) = session.progress();
            let events = session.events();
            // While feedback is shown, the lines after the step wait until the student moves on.
            let shown = match feedback {
                Some(_) => events
                    .iter()
                    .rposition(|e| matches!(e, Event::Chose(_) | Event::Graded(_)))
                    .map_or(events.len(), |i| i + 1),
                None => events.len(),
            };
            let body = if let Some(f) = feedback {
                let (class, inner) = match f {
                    Feedback::Choice(c) => (
                        if c.best { "best" } else { "weak" },
                        html! { <>
                            <p class="verdict">{ if c.best { "好的选择" } else { "还可以更好" } }</p>
                            if !c.feedback.is_empty() { <p>{ c.feedback.clone() }</p> }
                            if !c.principle.is_empty() { <p class="principle">{"原则:"}{ c.principle.clone() }</p> }
                        </> },
                    ),
                    Feedback::Exercise(g) => (
                        if g.grade.right == g.grade.total { "best" } else { "weak" },
                        html! { <GradedView graded={g.clone()} /> },
                    ),
                };
                html! {
                    <div class={classes!("feedback", class)} data-feedback="">
                        { inner }
                        <button class="primary" data-continue="" autofocus=true onclick={dispatch(|| Action::Continue)}>
                            { if session.is_finished() { "查看总结" } else { "继续" } }
                        </button>
                    </div>
                }
            } else if session.is_finished() {
                let seed = session.play().seed;
                let again_same = {
                    let state = state.clone();
                    Callback::from(move |_: MouseEvent| {
                        state.dispatch(Action::Again { seed, now: clock::now() })
                    })
                };
                let again_new = dispatch(|| Action::Again { seed: clock::new_seed(), now: clock::now() });
                let home = Callback::from(|_: MouseEvent| navigate(&Route::Home));
                // The history entry the play was saved as (exported on the LMS page).
                let saved = state.finished_key.clone();
                html! {
                    <DebriefView debrief={Debrief::of(session)} title={meta.title.clone()} seed={seed}>
                        if !single {
                            <div class="actions">
                                <button class="primary" data-again="new" onclick={again_new}>{"换一位顾客再练"}</button>
                                <button data-again="same" onclick={again_same}>{"同一位顾客再练"}</button>
                                <button onclick={home}>{"返回首页"}</button>
                            </div>
                            if !session.crm().applied.is_empty() {
                                <p class="crm-link">
                                    {"这次练习的客户资料已记入客户管理。"}
                                    <a href={App::Student.href(App::Crm, "#/")} data-crm-link="">{"去客户管理查看客户资料卡"}</a>
                                </p>
                            }
                            if saved.is_some() { { export_link(saved, 1) } }
                        }
                    </DebriefView>
                }
            } else {
                match session.current() {
                    Current::Choose { node, choices, .. } => {
                        let (speaker, text) = events
                            .iter()
                            .rev()
                            .find_map(|e| match e {
                                Event::Line { speaker, text, .. } => Some((speaker.clone(), text.clone())),
                                _ => None,
                            })
                            .unwrap_or_default();
                        html! {
                            <section class="current" data-node={node.id.clone()}>
                                <div class={classes!("line", "now", speaker.is_empty().then_some("narration"))}>
                                    if !speaker.is_empty() { <span class="speaker">{ speaker }</span> }
                                    <p>{ text }</p>
                                </div>
                                <p class="prompt">{"你会怎么说、怎么做?"}</p>
                                <div class="choices">
                                    { for choices.iter().map(|c| {
                                        let state = state.clone();
                                        let id = c.id.clone();
                                        let onclick = Callback::from(move |_: MouseEvent| {
                                            state.dispatch(Action::Choose { choice: id.clone(), now: clock::now() })
                                        });
                                        html! { <button class="choice" data-choice={c.id.clone()} {onclick}>{ c.text.clone() }</button> }
                                    }) }
                                </div>
                            </section>
                        }
                    }
                    Current::Exercise { activity, items } => {
                        let (options, card, prompt) = match &activity.body {
                            ActivityBody::Crm(form) => {
                                let texts = session.texts();
                                let crm = session.crm();
                                let card =
                                    crm.bindings.get(&form.customer).and_then(|id| crm.ws.customer(id));
                                (
                                    form.fields.iter().map(|f| texts.options(f)).collect(),
                                    card.map(|c| c.name.clone()).unwrap_or_default(),
                                    texts.expand(&form.task.prompt),
                                )
                            }
                            _ => (vec![], String::new(), String::new()),
                        };
                        html! {
                            <ExerciseView key={format!("{}/{}", session.play().seed, activity.id)} pack_id={meta.id.clone()}
                                activity={activity.clone()} items={items.into_iter().cloned().collect::<Vec<_>>()}
                                {options} {card} {prompt} />
                        }
                    }
                    Current::Finished => html! {},
                }
            };
            let in_debrief = session.is_finished() && feedback.is_none();
            html! {
                <div class="play">
                    <header class="play-header">
                        <h2>{ meta.title.clone() }</h2>
                        <progress max={total.to_string()} value={done.to_string()}></progress>
                        <span class="steps">{ format!("第 {} / {} 个活动 · 已作答 {} 步", (done + 1).min(total), total, session.play().answers.len()) }</span>
                    </header>
                    if in_debrief {
                        { body }
                        <details class="whole-transcript">
                            <summary>{"完整对话"}</summary>
                            <Transcript session={SessionRef(session.clone())} />
                        </details>
                    } else {
                        <Transcript session={SessionRef(session.clone())} shown={shown}
                            hide_last_line={feedback.is_none() && matches!(session.current(), Current::Choose { .. })} />
                        { body }
                    }
                </div>
            }
        }
    }
}
