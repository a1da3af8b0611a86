//! The top navigation. Links carry `data-nav` (UI test-hook contract).

use yew::prelude::*;

use crate::ui::route::Route;

#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub route: Route,
}

#[function_component(Nav)]
pub fn nav(props: &NavProps) -> Html {
    let link = |target: Route, key: &'static str, label: &'static str| {
        let active = match (&props.route, &target) {
            (Route::HistoryEntry(_), Route::History) => true,
            (Route::Play, Route::Home) => true,
            (a, b) => a == b,
        };
        html! {
            <a href={target.href()} data-nav={key} class={classes!("nav-link", active.then_some("active"))}
               aria-current={active.then_some("page")}>{label}</a>
        }
    };
    html! {
        <nav class="top-nav">
            <span class="brand">{"客服实训"}</span>
            { link(Route::Home, "home", "场景练习") }
            { link(Route::History, "history", "练习记录") }
        </nav>
    }
}
