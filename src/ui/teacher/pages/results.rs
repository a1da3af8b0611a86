//! The results page: import many result files at once (picker or drop). Each play is verified by
//! replaying it against the packs: the built-in packs the files name are fetched first, the
//! teacher's stored packs are at hand. Then the verdict of every row, and the class dashboard of the
//! verified ones.

use std::rc::Rc;

use crate::ui::use_app::use_app;
use yew::prelude::*;

use crate::ui::files::{self, Picked};
use crate::ui::pack_fetch;
use crate::ui::teacher::app::TeacherHandle;
use crate::ui::teacher::state::Action;
use crate::ui::teacher::views::class_panel::ClassPanel;
use crate::ui::teacher::views::dashboard::DashboardView;
use crate::ui::teacher::views::drop_zone::DropZone;
use crate::ui::teacher::views::result_rows::ResultRows;
use kefu_core::results::needed_packs;

/// Fetches the built-in packs the files need, then hands everything to the reducer.
fn import(state: &TeacherHandle, picked: Vec<Picked>) {
    state.dispatch(Action::Busy);
    let state = state.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let mut errors = vec![];
        let mut files = vec![];
        for (name, bytes) in picked {
            match bytes {
                Ok(b) => files.push((name, b)),
                Err(e) => errors.push(format!("「{name}」{e}")),
            }
        }
        let need = needed_packs(&state.catalog, &state.fetched, files.iter().map(|(_, b)| b.as_slice()));
        let mut fetched = vec![];
        for summary in need {
            match pack_fetch::fetch(&summary, crate::ui::app::App::Teacher).await {
                Ok(p) => fetched.push(Rc::new(p)),
                Err(e) => errors.push(format!("场景包「{}」下载失败,相关成绩无法核对:{e}", summary.title)),
            }
        }
        state.dispatch(Action::ImportResults { files, fetched, errors, now: crate::ui::clock::now() });
    });
}

#[function_component(ResultsPage)]
pub fn results_page() -> Html {
    let state = use_app::<TeacherHandle>();
    let on_files = {
        let state = state.clone();
        Callback::from(move |list: web_sys::FileList| {
            let state = state.clone();
            files::read_then(list, None, crate::ui::limits::RESULT, move |picked| import(&state, picked));
        })
    };
    let onchange = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Some((list, input)) = files::from_input(&e) {
                let state = state.clone();
                files::read_then(list, Some(input), crate::ui::limits::RESULT, move |picked| {
                    import(&state, picked)
                });
            }
        })
    };
    let clear = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ClearResults))
    };
    let on_error = {
        let state = state.clone();
        Callback::from(move |e: String| state.dispatch(Action::Notice(e)))
    };
    let on_open = {
        let state = state.clone();
        Some(Callback::from(move |n: String| state.dispatch(Action::OpenStudent(Some(n)))))
    };
    let summary = state.import.summary();
    html! {
        <div class="results-page">
            <h1>{"学生成绩"}</h1>
            <p class="lead">{"一次导入全班的成绩文件(.json)。每条成绩都会按学生的作答重新演算一遍:分数与文件不符、场景包未知或文件损坏的成绩会被标出,不计入统计。"}</p>
            <DropZone name="results" {on_files}>
                <label class="file-pick">
                    <span>{"选择成绩文件(可多选),或把文件拖到这里"}</span>
                    <input type="file" accept=".json,application/json" multiple=true
                           data-results-file="" data-import-results="" {onchange} />
                </label>
            </DropZone>
            if state.busy { <p class="busy" aria-busy="true" data-import-busy="">{"正在核对……"}</p> }
            <ClassPanel />
            if summary.rows > 0 {
                <p class="import-summary" data-import-summary="" data-files={summary.files.to_string()}
                   data-verified={summary.verified.to_string()} data-flagged={summary.flagged.to_string()}
                   data-duplicates={summary.duplicates.to_string()} data-copies={summary.copies.to_string()}>
                    { format!("共 {} 个文件、{} 条成绩:核实 {} 条", summary.files, summary.rows, summary.verified) }
                    if summary.flagged > 0 { <strong class="flag">{ format!(",有问题 {} 条(不计入)", summary.flagged) }</strong> }
                    if summary.duplicates > 0 { { format!(",重复 {} 条(只计一次)", summary.duplicates) } }
                    if summary.copies > 0 { <strong class="flag">{ format!(",疑似复制 {} 条(不计入)", summary.copies) }</strong> }
                    <button class="link" data-clear-results="" onclick={clear}>{"清空"}</button>
                </p>
                <ResultRows import={state.import.clone()} />
                if state.class.is_none() {
                    <DashboardView dashboard={state.dashboard.clone()} import={state.import.clone()} on_error={on_error.clone()} />
                }
            }
            // The chosen class's dashboard, mistakes and CSVs (over the date range).
            if state.class.is_some() {
                <DashboardView dashboard={state.class_dashboard.clone()} import={state.class_import.clone()} {on_error} {on_open} />
            }
        </div>
    }
}
