//! The student app's way to export results: a plain link to the LMS page's export page
//! (`lms/#/export`, every finished play, `data-export-all`; `lms/#/export/<key>`, one play,
//! `data-export-result`), which asks for the student's identity and downloads the file. The identity
//! form and the result-file code stay off the student app's first load.

use yew::prelude::*;

use crate::ui::app::App;
use crate::ui::student::route::Route;

/// The link to export the play whose history key ends with `key_suffix` (`Some`), or every finished
/// play (`None`; `count` of them). A plain function rather than a component: less wasm.
pub fn export_link(key_suffix: Option<String>, count: usize) -> Html {
    let (label, one, all) = match &key_suffix {
        Some(_) => ("导出成绩文件".to_string(), Some(""), None),
        None => (format!("导出全部成绩({count} 次练习)"), None, Some("")),
    };
    let href = App::of_student_build().href(App::Lms, &Route::Export(key_suffix).href());
    html! {
        <p class="export">
            <a class="button primary" {href} data-export-result={one} data-export-all={all}>{ label }</a>
        </p>
    }
}
