//! The export page of the LMS page (`lms/#/export`, `lms/#/export/<key>`), where the student app's
//! export links lead: the student's identity form and the download of a result file of every
//! finished play, or of the one whose history key ends with `<key>` (`export::Export`).

use crate::ui::use_app::use_app;
use yew::prelude::*;

use crate::ui::clock;
use crate::ui::lms::export::Export;
use crate::ui::lms::page::LmsTools;
use kefu_core::engine::saves::HISTORY;
use kefu_core::results::ResultPlay;

#[derive(Properties, PartialEq)]
pub struct ExportPageProps {
    /// `None`: every finished play.
    pub key_suffix: Option<String>,
}

#[function_component(ExportPage)]
pub fn export_page(props: &ExportPageProps) -> Html {
    let state = use_app::<LmsTools>();
    let mut notices = vec![];
    let history = state.saves.history(clock::now(), &mut notices);
    {
        // A damaged play is moved to a recovery key on the first read: say so (once).
        let notify = state.notify.clone();
        let notices: Vec<String> = notices.iter().map(|n| n.to_string()).collect();
        use_effect_with(notices, move |notices| notices.iter().for_each(|n| notify.emit(n.clone())));
    }
    let (back, title, plays) = match &props.key_suffix {
        None => (
            "../#/history".to_string(),
            "导出全部成绩".to_string(),
            history.iter().map(|(_, e)| ResultPlay::of_history(e)).collect::<Vec<_>>(),
        ),
        Some(key) => {
            let entry = history.iter().find(|(k, _)| k.strip_prefix(HISTORY) == Some(key.as_str()));
            (
                format!("../#/history/{key}"),
                entry.map_or_else(String::new, |(_, e)| format!("导出成绩 · {}", e.title)),
                entry.map(|(_, e)| ResultPlay::of_history(e)).into_iter().collect(),
            )
        }
    };
    html! {
        <div class="export-page">
            <p><a href={back} class="back" data-export-back="">{"← 返回练习记录"}</a></p>
            if plays.is_empty() {
                <p class="empty" data-export-none="">{"没有找到可导出的练习记录。"}</p>
            } else {
                <h1>{ title }</h1>
                <Export all={props.key_suffix.is_none()} {plays} />
            }
        </div>
    }
}
