//! The two tabs of the teacher's pages: packs and results. They are two apps (the packs page alone
//! carries the pack checker), so the tabs are page links made by the shared navigation's `href`.

use yew::prelude::*;

use crate::ui::app::App;

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    /// The app of the page showing the tabs: `Teacher` (results) or `TeacherPacks`.
    pub area: App,
}

#[function_component(Tabs)]
pub fn tabs(props: &TabsProps) -> Html {
    let tab = |to: App, hash: &str, key: &'static str, label: &'static str| {
        let active = to == props.area;
        html! {
            // No aria-current here: the top navigation's `teacher` link already marks the page.
            <a href={props.area.href(to, hash)} data-nav={key} class={classes!("tab", active.then_some("active"))}>{label}</a>
        }
    };
    html! {
        <nav class="tabs">
            { tab(App::TeacherPacks, "#/", "teacher-packs", "场景包") }
            { tab(App::Teacher, "#/results", "teacher-results", "学生成绩") }
        </nav>
    }
}
