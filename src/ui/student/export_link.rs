//! The student app's way to export results: a plain link to the LMS page's export page
//! (`lms/#/export`, every finished play, `data-export-all`; `lms/#/export/<key>`, one play,
//! `data-export-result`), which asks for the student's identity and downloads the file. The identity
//! form and the result-file code stay off the student app's first load.

use yew::prelude::*;

use crate::ui::student::route::Route;

/// The LMS page, relative to this app's page (the SCORM page is in `lms/scorm/`).
const LMS: &str = if cfg!(feature = "scorm") { "../" } else { "lms/" };

#[derive(Properties, PartialEq)]
pub struct ExportLinkProps {
    /// The history key suffix of the play to export; `None`: every finished play.
    #[prop_or_default]
    pub key_suffix: Option<String>,
    /// How many plays "every finished play" is (shown on the link).
    #[prop_or_default]
    pub count: usize,
}

#[function_component(ExportLink)]
pub fn export_link(props: &ExportLinkProps) -> Html {
    let href = format!("{LMS}{}", Route::Export(props.key_suffix.clone()).href());
    let (label, one, all) = match &props.key_suffix {
        Some(_) => ("导出成绩文件".to_string(), Some(""), None),
        None => (format!("导出全部成绩({} 次练习)", props.count), None, Some("")),
    };
    html! {
        <p class="export">
            <a class="button primary" {href} data-export-result={one} data-export-all={all}>{ label }</a>
        </p>
    }
}
