//! The current exercise (`order`, `classify`, `calc`, `plan`, `crm`): one view per kind over a shared
//! answer draft. The draft is saved to local storage on every change, so a reload mid-answer loses
//! nothing; submitting sends it to the engine. Root carries `data-activity="KIND"` and
//! `data-node="ACTIVITY_ID"` (test-hook contract); controls are listed in docs/ui-hooks.md.

mod calc;
mod classify;
mod crm;
pub mod graded;
mod order;
mod plan;

use crate::ui::use_app::use_app;
use yew::prelude::*;

use crate::ui::clock;
use crate::ui::student::app::AppHandle;
use crate::ui::student::state::Action;
use kefu_core::engine::Input;
use kefu_core::pack::{Activity, ActivityBody, Item};
use kefu_core::util::order::sort_by;

#[derive(Properties, PartialEq)]
pub struct ExerciseProps {
    pub pack_id: String,
    pub activity: Activity,
    /// Items as this play shows them (order, classify).
    pub items: Vec<Item>,
    /// `crm`: per card field, the options this play offers (templates expanded).
    #[prop_or_default]
    pub options: Vec<Vec<String>>,
    /// `crm`: the card's name, when the play has created it.
    #[prop_or_default]
    pub card: String,
    /// `crm`: the prompt with this play's templates expanded (it may describe the drawn customer).
    #[prop_or_default]
    pub prompt: String,
}

/// What an untouched exercise answers.
fn blank(activity: &Activity, items: &[Item]) -> Input {
    match &activity.body {
        ActivityBody::Order(_) => Input::Order(items.iter().map(|i| i.id.clone()).collect()),
        ActivityBody::Classify(_) => Input::Classify(Default::default()),
        ActivityBody::Calc(_) => Input::Calc(Default::default()),
        _ => Input::Plan(Default::default()),
    }
}

/// A stored draft is used only if it still fits this exercise as shown now.
fn fits(draft: &Input, blank: &Input, items: &[Item]) -> bool {
    match (draft, blank) {
        (Input::Order(d), Input::Order(b)) => {
            let (mut d, mut b) = (d.clone(), b.clone());
            sort_by(&mut d, |x, y| x.cmp(y));
            sort_by(&mut b, |x, y| x.cmp(y));
            d == b
        }
        (Input::Classify(d), Input::Classify(_)) => d.keys().all(|k| items.iter().any(|i| &i.id == k)),
        (Input::Calc(_), Input::Calc(_)) | (Input::Plan(_), Input::Plan(_)) => true,
        _ => false,
    }
}

/// Why the answer cannot be submitted yet, if it cannot.
fn missing(activity: &Activity, items: &[Item], input: &Input) -> Option<String> {
    match (&activity.body, input) {
        (ActivityBody::Classify(_), Input::Classify(m)) => {
            let left = items.iter().filter(|i| !m.contains_key(&i.id)).count();
            (left > 0).then(|| format!("还有 {left} 项没有分类"))
        }
        (ActivityBody::Plan(p), Input::Plan(m)) => p.fields.iter().find_map(|f| {
            let a = m.get(&f.id).cloned().unwrap_or_default();
            match f.input {
                kefu_core::pack::FieldInput::Text => ((a.text.trim().chars().count() as u32) < f.min_chars)
                    .then(|| format!("「{}」至少要写 {} 个字", f.label, f.min_chars)),
                kefu_core::pack::FieldInput::One => {
                    (a.picks.len() != 1).then(|| format!("「{}」请选择一项", f.label))
                }
                kefu_core::pack::FieldInput::Many => None,
            }
        }),
        (ActivityBody::Crm(c), _) => crm::missing(&c.fields, input),
        _ => None,
    }
}

#[function_component(ExerciseView)]
pub fn exercise_view(props: &ExerciseProps) -> Html {
    let state = use_app::<AppHandle>();
    let draft = {
        let (saves, pack_id, activity, items) =
            (state.saves.clone(), props.pack_id.clone(), props.activity.clone(), props.items.clone());
        use_state(move || {
            let blank = blank(&activity, &items);
            let mut notices = vec![];
            saves
                .draft(&pack_id, &activity.id, clock::now(), &mut notices)
                .filter(|d| fits(d, &blank, &items))
                .unwrap_or(blank)
        })
    };
    let on_change = {
        let (draft, saves, pack_id, activity_id) =
            (draft.clone(), state.saves.clone(), props.pack_id.clone(), props.activity.id.clone());
        Callback::from(move |input: Input| {
            // A draft that cannot be saved only costs the student a retype after a reload.
            let _ = saves.save_draft(&pack_id, &activity_id, &input);
            draft.set(input);
        })
    };
    let blocked = missing(&props.activity, &props.items, &draft);
    let submit = {
        let (state, draft) = (state.clone(), draft.clone());
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Submit { input: (*draft).clone(), now: clock::now() })
        })
    };
    let a = &props.activity;
    let (prompt, body) = match &a.body {
        ActivityBody::Order(o) => (
            &o.task.prompt,
            html! { <order::OrderView items={props.items.clone()} input={(*draft).clone()} {on_change} /> },
        ),
        ActivityBody::Classify(c) => (
            &c.task.prompt,
            html! {
                <classify::ClassifyView categories={c.categories.clone()} items={props.items.clone()} input={(*draft).clone()} {on_change} />
            },
        ),
        ActivityBody::Calc(c) => (
            &c.task.prompt,
            html! { <calc::CalcView steps={c.steps.clone()} input={(*draft).clone()} {on_change} /> },
        ),
        ActivityBody::Plan(p) => (
            &p.task.prompt,
            html! { <plan::PlanView fields={p.fields.clone()} input={(*draft).clone()} {on_change} /> },
        ),
        ActivityBody::Crm(c) => (
            if props.prompt.is_empty() { &c.task.prompt } else { &props.prompt },
            html! {
                <crm::CrmCardView fields={c.fields.clone()} options={props.options.clone()} card={props.card.clone()}
                    input={(*draft).clone()} {on_change} />
            },
        ),
        ActivityBody::Dialogue(_) => return html! {},
    };
    html! {
        <section class={classes!("exercise", a.body.kind())} data-activity={a.body.kind()} data-node={a.id.clone()}>
            if !prompt.is_empty() { <p class="task-prompt">{ prompt.clone() }</p> }
            { body }
            <div class="actions">
                <button class="primary" data-submit="" disabled={blocked.is_some()} onclick={submit}>{"提交"}</button>
                if let Some(why) = blocked { <span class="hint">{ why }</span> }
            </div>
        </section>
    }
}
