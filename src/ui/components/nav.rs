//! The top navigation shared by the apps. Links carry `data-nav` (UI test-hook contract):
//! `home` and `history` (student app), `crm`, `teacher` (marked on both teacher pages: results and
//! packs). Links within an app change only the hash; links to another app are relative page links,
//! so the site works from any sub-path.

use yew::prelude::*;

use crate::ui::Area;

#[derive(Properties, PartialEq)]
pub struct NavProps {
    /// The app this page belongs to.
    pub area: Area,
    /// The `data-nav` key of the current page's link.
    pub active: &'static str,
}

const LINKS: [(&str, Area, &str, &str); 4] = [
    ("home", Area::Student, "#/", "场景练习"),
    ("history", Area::Student, "#/history", "练习记录"),
    ("crm", Area::Crm, "#/", "客户管理"),
    ("teacher", Area::Teacher, "#/", "教师工具"),
];

/// The link from a page of `from` to `hash` in app `to`.
pub fn href(from: Area, to: Area, hash: &str) -> String {
    if from == to {
        return hash.to_string();
    }
    let dir = match to {
        Area::Student => "",
        Area::Crm => "crm/",
        Area::Teacher => "teacher/",
        Area::TeacherPacks => "teacher/packs/",
    };
    format!("{}{dir}{hash}", from.root())
}

#[function_component(Nav)]
pub fn nav(props: &NavProps) -> Html {
    html! {
        <nav class="top-nav">
            <span class="brand">{"客服实训"}</span>
            { for LINKS.iter().map(|&(key, to, hash, label)| {
                let active = key == props.active;
                html! {
                    <a href={href(props.area, to, hash)} data-nav={key}
                       class={classes!("nav-link", active.then_some("active"))}
                       aria-current={active.then_some("page")}>{label}</a>
                }
            }) }
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_between_apps_are_relative_to_the_page() {
        assert_eq!(href(Area::Student, Area::Student, "#/history"), "#/history");
        assert_eq!(href(Area::Student, Area::Crm, "#/"), "crm/#/");
        assert_eq!(href(Area::Crm, Area::Student, "#/history"), "../#/history");
        assert_eq!(href(Area::Crm, Area::Teacher, "#/"), "../teacher/#/");
        assert_eq!(href(Area::Teacher, Area::Teacher, "#/"), "#/");
        assert_eq!(href(Area::Teacher, Area::TeacherPacks, "#/"), "../teacher/packs/#/");
        assert_eq!(href(Area::TeacherPacks, Area::Teacher, "#/results"), "../../teacher/#/results");
        assert_eq!(href(Area::TeacherPacks, Area::Student, "#/"), "../../#/");
    }
}
