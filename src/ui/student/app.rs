//! The student app's root component: the state (one reducer), the route, the navigation and the
//! page.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::LoadedPack;
use crate::library;
use crate::storage::{Saves, Store};
use crate::ui::components::nav::Nav;
use crate::ui::components::notices::Notices;
use crate::ui::student::pages::history::{History, HistoryDetail};
use crate::ui::student::pages::home::Home;
use crate::ui::student::pages::play::Play;
use crate::ui::student::route::{use_route, Route};
use crate::ui::student::state::{Action, AppState};
use crate::ui::Area;

pub type AppHandle = UseReducerHandle<AppState>;

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

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The store to use; `None` means the browser's local storage.
    #[prop_or_default]
    pub store: Option<StoreProp>,
    /// Packs to play instead of the built-in catalog (fetched on demand); for tests.
    #[prop_or_default]
    pub packs: Option<PacksProp>,
}

/// Packs handed in by a test, compared by identity.
#[derive(Clone)]
pub struct PacksProp(pub Rc<Vec<Rc<LoadedPack>>>);

impl PartialEq for PacksProp {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A store handed in by a test, compared by identity.
#[derive(Clone)]
pub struct StoreProp(pub Rc<dyn Store>);

impl PartialEq for StoreProp {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let store = props.store.as_ref().map_or_else(default_store, |s| s.0.clone());
    let packs = props.packs.clone();
    let state = use_reducer(move || {
        let saves = Rc::new(Saves::new(store.clone()));
        match packs {
            Some(p) => AppState::with_packs((*p.0).clone(), saves),
            None => {
                // The built-in packs, then those a teacher loaded in this browser (decoded from
                // their compiled form: no pack source is parsed here).
                let builtin = library::index();
                let mut notices = vec![];
                let local = crate::storage::packs::playable(store.as_ref(), &builtin, now(), &mut notices);
                AppState::new(builtin, vec![], saves).with_local(local, notices)
            }
        }
    });
    let route = use_route();
    let page = match &route {
        Route::Home => html! { <Home /> },
        Route::Play => html! { <Play /> },
        Route::History => html! { <History /> },
        Route::HistoryEntry(key) => html! { <HistoryDetail key_suffix={key.clone()} /> },
        Route::NotFound(path) => html! {
            <div class="empty">
                <p>{ format!("没有这个页面:{path}") }</p>
                <a href={Route::Home.href()}>{"返回首页"}</a>
            </div>
        },
    };
    let on_dismiss = {
        let state = state.clone();
        Callback::from(move |i| state.dispatch(Action::DismissNotice(i)))
    };
    html! {
        <ContextProvider<AppHandle> context={state.clone()}>
            <Nav area={Area::Student} active={match route {
                Route::History | Route::HistoryEntry(_) => "history",
                _ => "home",
            }} />
            <Notices notices={state.notices.clone()} {on_dismiss} />
            <main>{ page }</main>
            <footer class="site-footer">{"客服实训 · 所有进度只保存在本浏览器中"}</footer>
        </ContextProvider<AppHandle>>
    }
}
