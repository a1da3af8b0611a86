//! The customer list: search and filters (per keystroke, through the core's `SearchIndex`), the
//! counts by state and MAN class, and the matching cards. Only the first rows are rendered
//! (more on request) so that 10 000 customers stay quick to filter.

use crate::ui::use_app::use_app;
use yew::prelude::*;

use crate::ui::crm::app::CrmHandle;
use crate::ui::crm::components::filters::Filters;
use crate::ui::crm::components::sample::SampleButton;
use crate::ui::crm::route::Route;
use kefu_core::crm::{Counts, Customer};

/// Rows rendered at first and added by each "显示更多".
const PAGE: usize = 100;

pub fn man_text(c: &Customer) -> String {
    match c.man {
        Some(m) => format!("{} {}", m.code(), m.class().label()),
        None => "未评估".into(),
    }
}

#[function_component(List)]
pub fn list() -> Html {
    let state = use_app::<CrmHandle>();
    let limit = use_state(|| PAGE);
    let revision = state.ws().revision();
    let visible = {
        let state = state.clone();
        use_memo((revision, state.query.clone()), move |_| state.visible())
    };
    let counts = use_memo(revision, |_| Counts::of(state.ws().customers()));
    let ws = state.ws();
    if ws.is_empty() {
        return html! {
            <div class="empty crm-empty">
                <h1>{"客户管理"}</h1>
                <p>{"还没有客户。新建第一张客户资料卡,或载入示例客户练习。"}</p>
                <div class="actions">
                    <a class="button primary" href={Route::New.href()}>{"新建客户"}</a>
                    <SampleButton />
                    <a class="button" href={Route::Io.href()}>{"导入客户资料"}</a>
                </div>
            </div>
        };
    }
    let more = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set(*limit + PAGE))
    };
    html! {
        <div class="crm-list">
            <div class="crm-toolbar">
                <h1>{"客户列表"}</h1>
                <a class="button primary" href={Route::New.href()}>{"新建客户"}</a>
                <SampleButton />
            </div>
            <Filters counts={(*counts).clone()} />
            <p class="result-count">{"找到 "}<span data-result-count="">{ visible.len() }</span>{" 位客户"}</p>
            <ul class="customer-rows">
                { for visible.iter().take(*limit).filter_map(|id| ws.customer(*id)).map(|c| html! {
                    <li data-customer={c.id.to_string()} data-state={c.state.key()}
                        data-man-code={c.man.map(|m| m.code()).unwrap_or_default()}>
                        <a href={Route::Customer(c.id).href()}>
                            <span class="c-name">{ c.name.clone() }</span>
                            <span class="c-kind">{ c.kind.label() }</span>
                            <span class={classes!("c-state", c.state.key())}>{ c.state.label() }</span>
                            <span class="c-man">{ man_text(c) }</span>
                            <span class="c-phone">{ c.phone.clone() }</span>
                            <span class="c-org">{ c.organisation_name().to_string() }</span>
                            <span class="c-needs">{ c.needs.chars().take(40).collect::<String>() }</span>
                        </a>
                    </li>
                }) }
            </ul>
            if visible.len() > *limit {
                <button data-show-more="" onclick={more}>{ format!("显示更多(还有 {} 位)", visible.len() - *limit) }</button>
            }
        </div>
    }
}
