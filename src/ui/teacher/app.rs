//! The teacher (results) app's root component (`teacher/index.html`): the state (one reducer),
//! navigation, notices, the tabs and the results page. The packs page is its own app
//! (`ui::teacher_packs`); `#/packs`, its old address here, forwards to it.

use crate::ui::clock::now;
use crate::ui::store::default_store;
use yew::prelude::*;

use crate::library;
use crate::ui::app::App;
use crate::ui::components::nav::Nav;
use crate::ui::components::notices::Notices;
use crate::ui::teacher::pages::results::ResultsPage;
use crate::ui::teacher::route::{use_route, Route};
use crate::ui::teacher::state::{Action, TeacherState};
use crate::ui::teacher::views::tabs::Tabs;
use kefu_core::results::class_record;

pub type TeacherHandle = UseReducerHandle<TeacherState>;

#[function_component(TeacherApp)]
pub fn app() -> Html {
    let state = use_reducer(|| TeacherState::new(default_store(), library::index(), now()));
    let route = use_route();
    // Another tab changed a class (`storage` fires only in the other tabs): read the classes
    // again. The reducer keeps this tab's unsaved marks (see `TeacherState::reload`).
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |e| {
                let key = js_sys::Reflect::get(e, &"key".into()).ok().and_then(|k| k.as_string());
                // `key` is null when the other tab cleared all of storage.
                if key.is_none_or(|k| k.starts_with(class_record::CLASSES)) {
                    state.dispatch(Action::StorageChanged { now: now() });
                }
            });
            move || drop(listener)
        });
    }
    let packs = App::Teacher.href(App::TeacherPacks, "#/");
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
            <Nav area={App::Teacher} active="teacher" />
            <Notices notices={state.notices.clone()} {on_dismiss} />
            <main class="teacher">
                <Tabs area={App::Teacher} />
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
