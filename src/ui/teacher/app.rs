//! The teacher (results) app's root component (`teacher/index.html`): the state (one reducer),
//! navigation, notices, the tabs and the results page. The packs page is its own app
//! (`packs_app.rs`); `#/packs`, its old address here, forwards to it.

use std::rc::Rc;

use yew::prelude::*;

use crate::library;
use crate::storage::Store;
use crate::ui::components::nav::{href, Nav};
use crate::ui::components::notices::Notices;
use crate::ui::teacher::pages::results::ResultsPage;
use crate::ui::teacher::route::{use_route, Route};
use crate::ui::teacher::state::{Action, TeacherState};
use crate::ui::teacher::views::tabs::Tabs;
use crate::ui::Area;

pub type TeacherHandle = UseReducerHandle<TeacherState>;

/// The browser's local storage (a memory store natively, for tests).
pub(crate) fn default_store() -> Rc<dyn Store> {
    #[cfg(target_arch = "wasm32")]
    {
        Rc::new(crate::storage::browser::LocalStore)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Rc::new(crate::storage::MemoryStore::new())
    }
}

pub(crate) fn now() -> i64 {
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
    let packs = href(Area::Teacher, Area::TeacherPacks, "#/");
    let page = match &route {
        Route::Results => html! { <ResultsPage /> },
        Route::Packs => html! { <Forward to={packs} /> },
        Route::NotFound(path) => html! {
            <div class="empty">
                <p>{ format!("没有这个页面:{path}") }</p>
                <a href={Route::Results.href()}>{"返回学生成绩"}</a>
            </div>
        },
    };
    let on_dismiss = {
        let state = state.clone();
        Callback::from(move |i| state.dispatch(Action::DismissNotice(i)))
    };
    html! {
        <ContextProvider<TeacherHandle> context={state.clone()}>
            <Nav area={Area::Teacher} active="teacher" />
            <Notices notices={state.notices.clone()} {on_dismiss} />
            <main class="teacher">
                <Tabs area={Area::Teacher} />
                { page }
            </main>
            <footer class="site-footer">{"客服实训 · 所有数据只保存在本浏览器中"}</footer>
        </ContextProvider<TeacherHandle>>
    }
}

#[derive(Properties, PartialEq)]
struct ForwardProps {
    to: String,
}

/// The old `#/packs` address: replaced by the packs page's (no history entry), with a link for the
/// moment it takes.
#[function_component(Forward)]
fn forward(props: &ForwardProps) -> Html {
    {
        let to = props.to.clone();
        use_effect_with((), move |_| {
            #[cfg(target_arch = "wasm32")]
            if let Some(w) = web_sys::window() {
                let _ = w.location().replace(&to);
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = to;
        });
    }
    html! { <p class="empty"><a href={props.to.clone()}>{"场景包管理已移到这里"}</a></p> }
}
