//! The teacher app's root component: the state (one reducer), navigation, notices, the page tabs
//! and the page for the current hash route.

use std::rc::Rc;

use yew::prelude::*;

use crate::library;
use crate::storage::Store;
use crate::ui::components::nav::Nav;
use crate::ui::components::notices::Notices;
use crate::ui::teacher::pages::packs::PacksPage;
use crate::ui::teacher::pages::results::ResultsPage;
use crate::ui::teacher::route::{use_route, Route};
use crate::ui::teacher::state::{Action, TeacherState};
use crate::ui::Area;

pub type TeacherHandle = UseReducerHandle<TeacherState>;

fn default_store() -> Rc<dyn Store> {
    #[cfg(target_arch = "wasm32")]
    {
        Rc::new(crate::storage::browser::LocalStore)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Rc::new(crate::storage::MemoryStore::new())
    }
}

fn now() -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        crate::ui::clock::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}

#[function_component(TeacherApp)]
pub fn app() -> Html {
    let state = use_reducer(|| TeacherState::new(default_store(), library::index(), now()));
    let route = use_route();
    let page = match &route {
        Route::Packs => html! { <PacksPage /> },
        Route::Results => html! { <ResultsPage /> },
        Route::NotFound(path) => html! {
            <div class="empty">
                <p>{ format!("没有这个页面:{path}") }</p>
                <a href={Route::Packs.href()}>{"返回场景包管理"}</a>
            </div>
        },
    };
    let on_dismiss = {
        let state = state.clone();
        Callback::from(move |i| state.dispatch(Action::DismissNotice(i)))
    };
    let tab = |r: Route, key: &'static str, label: &'static str| {
        let active = r == route || (matches!(route, Route::NotFound(_)) && r == Route::Packs);
        html! {
            // No aria-current here: the top navigation's `teacher` link already marks the page.
            <a href={r.href()} data-nav={key} class={classes!("tab", active.then_some("active"))}>{label}</a>
        }
    };
    html! {
        <ContextProvider<TeacherHandle> context={state.clone()}>
            <Nav area={Area::Teacher} active="teacher" />
            <Notices notices={state.notices.clone()} {on_dismiss} />
            <main class="teacher">
                <nav class="tabs">
                    { tab(Route::Packs, "teacher-packs", "场景包") }
                    { tab(Route::Results, "teacher-results", "学生成绩") }
                </nav>
                { page }
            </main>
            <footer class="site-footer">{"客服实训 · 所有数据只保存在本浏览器中"}</footer>
        </ContextProvider<TeacherHandle>>
    }
}
