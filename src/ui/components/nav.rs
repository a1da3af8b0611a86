//! The top navigation shared by the apps. Links carry `data-nav` (UI test-hook contract):
//! `home` and `history` (student app), `crm`, `teacher` (marked on both teacher pages: results and
//! packs). Links within an app change only the hash; links to another app are relative page links,
//! so the site works from any sub-path.

use yew::prelude::*;

use crate::ui::app::App;

#[derive(Properties, PartialEq)]
pub struct NavProps {
    /// The app this page belongs to.
    pub area: App,
    /// The `data-nav` key of the current page's link.
    pub active: &'static str,
}

const LINKS: [(&str, App, &str, &str); 4] = [
    ("home", App::Student, "#/", "场景练习"),
    ("history", App::Student, "#/history", "练习记录"),
    ("crm", App::Crm, "#/", "客户管理"),
    ("teacher", App::Teacher, "#/", "教师工具"),
];

#[function_component(Nav)]
pub fn nav(props: &NavProps) -> Html {
    html! {
        <nav class="top-nav">
            <span class="brand">{"客服实训"}</span>
            { for LINKS.iter().map(|&(key, to, hash, label)| {
                let active = key == props.active;
                html! {
                    <a href={props.area.href(to, hash)} data-nav={key}
                       class={classes!("nav-link", active.then_some("active"))}
                       aria-current={active.then_some("page")}>{label}</a>
                }
            }) }
        </nav>
    }
}
