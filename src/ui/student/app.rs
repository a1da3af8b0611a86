//! The student app's root component: the state (one reducer), the route, the navigation and the
//! page.

use std::rc::Rc;

use crate::ui::clock::now;
use crate::ui::deferred_store::DeferredStore;
use crate::ui::store::{default_store, StoreProp};
use kefu_core::storage::Store;
use yew::prelude::*;

use crate::library;
use crate::ui::app::App as Page;
use crate::ui::components::nav::Nav;
use crate::ui::components::notices::Notices;
#[cfg(not(feature = "scorm"))]
use crate::ui::student::pages::history::{History, HistoryDetail};
#[cfg(not(feature = "scorm"))]
use crate::ui::student::pages::home::Home;
#[cfg(not(feature = "scorm"))]
use crate::ui::student::pages::install::Install;
use crate::ui::student::pages::play::Play;
use crate::ui::student::route::{use_route, Route};
use crate::ui::student::state::{Action, AppState};
use kefu_core::engine::LoadedPack;
use kefu_core::engine::Saves;

pub type AppHandle = UseReducerHandle<AppState>;

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

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // The browser's storage, with each step's progress written after the paint (`DeferredStore`);
    // a test's own store is used as it is.
    let deferred =
        use_memo((), |_| Rc::new(DeferredStore::new(default_store(), kefu_core::engine::saves::PROGRESS)));
    let store: Rc<dyn Store> = match &props.store {
        Some(s) => s.0.clone(),
        None => Rc::clone(&*deferred) as Rc<dyn Store>,
    };
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
                // A SCORM package launches built-in packs only: the SCORM page skips the teacher's.
                let local = if cfg!(feature = "scorm") {
                    vec![]
                } else {
                    kefu_core::pack::store::playable(store.as_ref(), &builtin, now(), &mut notices)
                };
                AppState::new(builtin, vec![], saves).with_local(local, notices)
            }
        }
    });
    {
        // A held-back write that fails (storage full) is told like any failed save.
        let (dispatcher, deferred) = (state.dispatcher(), Rc::clone(&*deferred));
        use_effect_with((), move |_| {
            deferred.on_error(move |notice| dispatcher.dispatch(Action::Notify(notice)));
        });
    }
    let route = use_route();
    // The SCORM page's attempt (the student app has none). Neither records statements: the LMS
    // page does, in a hidden frame (below).
    #[cfg(feature = "scorm")]
    let scorm_pack = crate::ui::scorm::hook::use_scorm(&state);
    #[cfg(not(feature = "scorm"))]
    let scorm_pack: Option<String> = None;
    // LRS settings are stored (they are changed on another page, `lms/`): a plain read, cheaper in
    // wasm size than a memo hook.
    let lrs = state.saves.store().get(kefu_core::results::xapi::LRS_SETTINGS_KEY).is_ok_and(|v| v.is_some());
    // Single-pack mode: the play is all there is.
    let page = if scorm_pack.is_some() {
        html! { <Play /> }
    } else {
        page(&route)
    };
    let on_dismiss = {
        let state = state.clone();
        Callback::from(move |i| state.dispatch(Action::DismissNotice(i)))
    };
    html! {
        <ContextProvider<AppHandle> context={state.clone()}>
            if !SCORM_PAGE {
                <Nav area={Page::Student} active={match route {
                    Route::History | Route::HistoryEntry(_) => "history",
                    _ => "home",
                }} />
            }
            <Notices notices={state.notices.clone()} {on_dismiss} />
            <main>{ page }</main>
            <footer class="site-footer">
                if lrs {
                    {"学习记录自动发送到学校的学习记录库"}
                    // The LMS page records the stored plays' statements and sends them (`lms/#/sync`).
                    <iframe src={Page::of_student_build().href(Page::Lms, "#/sync")} hidden=true title="学习记录同步" data-xapi-sync="" />
                } else {
                    {"客服实训 · 所有进度只保存在本浏览器中"}
                }
                if !SCORM_PAGE {
                    {" · "}<a href={Page::Student.href(Page::Lms, "#/settings")} data-open-settings="">{"学习记录设置"}</a>
                }
            </footer>
        </ContextProvider<AppHandle>>
    }
}

/// The page of `route` in the student app.
#[cfg(not(feature = "scorm"))]
fn page(route: &Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Play => html! { <Play /> },
        Route::History => html! { <History /> },
        Route::HistoryEntry(key) => html! { <HistoryDetail key_suffix={key.clone()} /> },
        Route::Install(data) => html! { <Install data={data.clone()} /> },
        // Pages of the LMS page (`lms/`): a link there.
        Route::Settings | Route::Sync | Route::Export(_) => html! {
            <div class="empty"><a href={Page::Student.href(Page::Lms, &route.href())}>{"打开"}</a></div>
        },
        Route::NotFound(path) => html! {
            <div class="empty">
                <p>{ format!("没有这个页面:{path}") }</p>
                <a href={Route::Home.href()}>{"返回首页"}</a>
            </div>
        },
    }
}

/// The SCORM page shows only the play of its launch; opened otherwise, it says what it is for.
#[cfg(feature = "scorm")]
fn page(_route: &Route) -> Html {
    html! { <p class="empty">{"此页面由学习平台(SCORM)启动。"}<a href={Page::Scorm.site_path("")}>{"返回首页"}</a></p> }
}

/// This is the SCORM page (`lms/scorm/index.html`, cargo feature `scorm`): one pack's play, without
/// the student app's navigation.
const SCORM_PAGE: bool = matches!(Page::of_student_build(), Page::Scorm);
