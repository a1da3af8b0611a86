//! The sample workspace (阳光少年乳制品, 七彩阳光, 北京现代) for practice: a button that loads it into
//! an empty workspace, and otherwise the question "合并还是替换?" with what each would do — the
//! user's own cards are never touched without this answer (the core's `plan_sample`/`load_sample`).

use crate::ui::clock::now;
use crate::ui::use_app::use_app;
use yew::prelude::*;

use crate::ui::crm::app::CrmHandle;
use crate::ui::crm::state::Action;
use kefu_core::crm::SampleChoice;

#[function_component(SampleButton)]
pub fn sample_button() -> Html {
    let state = use_app::<CrmHandle>();
    let onclick =
        Callback::from(move |_| state.dispatch(Action::Sample { choice: SampleChoice::IfEmpty, now: now() }));
    html! {
        <button data-sample="" {onclick} title="阳光少年乳制品、七彩阳光、北京现代的示例客户">{"载入示例客户"}</button>
    }
}

#[function_component(SampleQuestion)]
pub fn sample_question() -> Html {
    let state = use_app::<CrmHandle>();
    let Some(plan) = state.sample_plan.clone() else { return html! {} };
    let choose = |choice: Option<SampleChoice>| {
        let state = state.clone();
        Callback::from(move |_| match choice {
            Some(choice) => state.dispatch(Action::Sample { choice, now: now() }),
            None => state.dispatch(Action::CancelSample),
        })
    };
    let merged = plan.sample.len() - plan.conflicts.len();
    html! {
        <section class="crm-dialog" role="dialog" aria-label="载入示例客户" data-sample-question="">
            <h2>{"载入示例客户"}</h2>
            <p>{ format!("你已有 {} 位客户。示例有 {} 位客户:{}。", plan.existing, plan.sample.len(), plan.sample.join("、")) }</p>
            if !plan.conflicts.is_empty() {
                <ul class="warnings">
                    { for plan.conflicts.iter().map(|c| html! {
                        <li>{ format!("示例「{}」— {}", c.sample_name, c.duplicate) }</li>
                    }) }
                </ul>
            }
            <div class="actions">
                <button class="primary" data-sample-choice="merge" onclick={choose(Some(SampleChoice::Merge))}>
                    { format!("合并:保留我的客户,加入 {merged} 位示例客户") }
                </button>
                <button data-sample-choice="replace" onclick={choose(Some(SampleChoice::Replace))}>
                    {"替换:移除我的客户(历史记录保留),只留示例"}
                </button>
                <button class="link" data-sample-choice="cancel" onclick={choose(None)}>{"取消"}</button>
            </div>
        </section>
    }
}
