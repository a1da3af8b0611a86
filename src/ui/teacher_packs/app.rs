//! The teacher's packs app (`teacher/packs/index.html`, built as `kefu-teacher-packs`): the root
//! component of the packs page, with its own reducer. It is an app of its own because the checker
//! it runs (TOML parser included) would otherwise be a quarter of the results page's first load.

use yew::prelude::*;

use crate::library;
use crate::ui::app::App;
use crate::ui::clock::now;
use crate::ui::components::nav::Nav;
use crate::ui::components::notices::Notices;
use crate::ui::store::default_store;
use crate::ui::teacher::views::tabs::Tabs;
use crate::ui::teacher_packs::page::PacksPage;
use crate::ui::teacher_packs::state::{PacksAction, PacksState};

pub type PacksHandle = UseReducerHandle<PacksState>;

#[function_component(PacksApp)]
pub fn app() -> Html {
    let state = use_reducer(|| PacksState::new(default_store(), library::index(), now()));
    let on_dismiss = {
        let state = state.clone();
        Callback::from(move |i| state.dispatch(PacksAction::DismissNotice(i)))
    };
    html! {
        <ContextProvider<PacksHandle> context={state.clone()}>
            <Nav area={App::TeacherPacks} active="teacher" />
            <Notices notices={state.notices.clone()} {on_dismiss} />
            <main class="teacher">
                <Tabs area={App::TeacherPacks} />
                <PacksPage />
            </main>
            <footer class="site-footer">{"客服实训 · 所有数据只保存在本浏览器中"}</footer>
        </ContextProvider<PacksHandle>>
    }
}
