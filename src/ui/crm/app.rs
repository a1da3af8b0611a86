//! The crm app's root component: opens the stored workspace once (the one reducer), then shows
//! the navigation, storage notices, the repair question after damage, the sample question, and
//! the page for the current hash route.

use crate::ui::clock::now;
use crate::ui::store::{default_store, StoreProp};
use yew::prelude::*;

use crate::ui::app::App;
use crate::ui::components::nav::Nav;
use crate::ui::components::notices::Notices;
use crate::ui::crm::components::sample::SampleQuestion;
use crate::ui::crm::pages::analytics::Analytics;
use crate::ui::crm::pages::card::Card;
use crate::ui::crm::pages::io::ImportExport;
use crate::ui::crm::pages::list::List;
use crate::ui::crm::pages::new_customer::NewCustomer;
use crate::ui::crm::pages::visits::Visits;
use crate::ui::crm::route::{use_route, Route};
use crate::ui::crm::state::{Action, CrmState};

pub type CrmHandle = UseReducerHandle<CrmState>;

#[derive(Properties, PartialEq, Default)]
pub struct CrmAppProps {
    /// The store to use; `None` means the browser's local storage.
    #[prop_or_default]
    pub store: Option<StoreProp>,
}

const LINKS: [(&str, Route, &str); 5] = [
    ("list", Route::List, "客户列表"),
    ("new", Route::New, "新建客户"),
    ("analytics", Route::Analytics, "客户分析"),
    ("visits", Route::Visits, "拜访计划表"),
    ("io", Route::Io, "导入导出"),
];

#[function_component(CrmApp)]
pub fn app(props: &CrmAppProps) -> Html {
    let store = props.store.as_ref().map_or_else(default_store, |s| s.0.clone());
    let state = use_reducer(move || {
        let start = now();
        let mut s = CrmState::open(store, start);
        s.open_ms = now() - start;
        s
    });
    let route = use_route();
    let page = match &route {
        Route::List => html! { <List /> },
        Route::New => html! { <NewCustomer /> },
        Route::Customer(id) => html! { <Card id={*id} /> },
        Route::Analytics => html! { <Analytics /> },
        Route::Visits => html! { <Visits /> },
        Route::Io => html! { <ImportExport /> },
        Route::NotFound(path) => html! {
            <div class="empty">
                <p>{ format!("没有这个页面:{path}") }</p>
                <a href={Route::List.href()}>{"返回客户列表"}</a>
            </div>
        },
    };
    let on_dismiss = {
        let state = state.clone();
        Callback::from(move |i| state.dispatch(Action::DismissNotice(i)))
    };
    let repair = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Repair))
    };
    let dismiss_message = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::DismissMessage))
    };
    let active = match route {
        Route::New => "new",
        Route::Analytics => "analytics",
        Route::Visits => "visits",
        Route::Io => "io",
        _ => "list",
    };
    html! {
        <ContextProvider<CrmHandle> context={state.clone()}>
            <Nav area={App::Crm} active="crm" />
            <Notices notices={state.notices.clone()} {on_dismiss} />
            <main class="crm" data-open-ms={state.open_ms.to_string()}>
                <nav class="crm-nav">
                    { for LINKS.iter().map(|(key, r, label)| html! {
                        <a href={r.href()} data-crm-nav={*key}
                           data-new-customer={(*key == "new").then_some("")}
                           class={classes!("nav-link", (*key == active).then_some("active"))}
                           aria-current={(*key == active).then_some("page")}>{ *label }</a>
                    }) }
                </nav>
                if state.needs_repair {
                    <div class="crm-repair" role="alert" data-needs-repair="">
                        <p>{"客户管理数据有损坏,损坏的原始内容已备份(见上方提示)。下面显示的是能读出的客户。确认后将按这些数据重新保存;确认前的修改不会保存。"}</p>
                        <button class="primary" data-repair="" onclick={repair}>{"确认修复并保存"}</button>
                    </div>
                }
                if let Some(m) = &state.message {
                    <div class="crm-message" data-message="">
                        <span>{ m.clone() }</span>
                        <button class="link" onclick={dismiss_message}>{"知道了"}</button>
                    </div>
                }
                <SampleQuestion />
                { page }
            </main>
            <footer class="site-footer">{"客服实训 · 所有数据只保存在本浏览器中"}</footer>
        </ContextProvider<CrmHandle>>
    }
}
