//! Exporting result files: the student's identity (name and student number, asked once and kept in
//! local storage, `results::student`) and a button that downloads a result file of the given plays
//! (`results::file`), named by `ResultFile::file_name`. Used on the debrief, on a history entry
//! (`data-export-result`) and on the history page for every finished play (`data-export-all`).

use crate::ui::use_app::use_app;
use yew::prelude::*;

use crate::ui::clock;
use crate::ui::download;
use crate::ui::lms::page::LmsTools;
use kefu_core::results::{ResultFile, ResultPlay, Student};
use kefu_core::storage::Loaded;

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub plays: Vec<ResultPlay>,
    /// Export every finished play (`data-export-all`) rather than this one (`data-export-result`).
    #[prop_or_default]
    pub all: bool,
}

#[function_component(Export)]
pub fn export(props: &ExportProps) -> Html {
    let state = use_app::<LmsTools>();
    let student = {
        let state = state.clone();
        use_state(move || match Student::load(state.saves.store().as_ref(), clock::now()) {
            Ok(Loaded::Found(s)) => Some(s),
            _ => None,
        })
    };
    // `None`: the identity form is shown (first time, or "change"); the inputs are read on submit
    // (no state per keystroke: this component is on the student's first load).
    let editing = use_state(|| student.is_none());
    let error = use_state(|| None::<String>);
    let (name_ref, number_ref) = (use_node_ref(), use_node_ref());

    if *editing {
        let onsubmit = {
            let (state, student, editing, error) =
                (state.clone(), student.clone(), editing.clone(), error.clone());
            let (name_ref, number_ref) = (name_ref.clone(), number_ref.clone());
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let value = |r: &NodeRef| {
                    r.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
                };
                match Student::new(&value(&name_ref), &value(&number_ref)) {
                    Ok(s) => {
                        if let Err(e) = s.save(state.saves.store().as_ref()) {
                            state.notify.emit(format!("姓名和学号没有保存:{e}"));
                        }
                        error.set(None);
                        editing.set(false);
                        student.set(Some(s));
                    }
                    Err(e) => error.set(Some(e.to_string())),
                }
            })
        };
        let (name, number) = student.as_ref().map(|s| (s.name.clone(), s.number.clone())).unwrap_or_default();
        return html! {
            <form class="identity" data-identity="" {onsubmit}>
                <p>{"导出成绩前,请填写姓名和学号(只需填一次,保存在本浏览器中):"}</p>
                <label>{"姓名 "}<input data-student-name="" ref={name_ref} value={name} /></label>
                <label>{"学号 "}<input data-student-number="" ref={number_ref} value={number} /></label>
                <button class="primary" type="submit" data-student-save="">{"保存"}</button>
                if let Some(e) = &*error { <p class="error" data-student-error="" role="alert">{ e.clone() }</p> }
            </form>
        };
    }
    let who = student.as_ref().map(|s| format!("{}(学号 {})", s.name, s.number)).unwrap_or_default();
    let onclick = {
        let (state, student, plays) = (state.clone(), student.clone(), props.plays.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(s) = (*student).clone() else { return };
            let file = ResultFile::new(s, plays.clone(), clock::now());
            if let Err(e) = download::save(&file.file_name(), "application/json", file.to_json().as_bytes()) {
                state.notify.emit(e);
            }
        })
    };
    let edit = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(true))
    };
    let (label, one, all) = if props.all {
        (format!("导出全部成绩({} 次练习)", props.plays.len()), None, Some(""))
    } else {
        ("导出成绩文件".to_string(), Some(""), None)
    };
    html! {
        <div class="export">
            <button class="primary" data-export-result={one} data-export-all={all} {onclick}
                    disabled={props.plays.is_empty()}>{ label }</button>
            <span class="who" data-student={student.as_ref().map(|s| s.number.clone())}>{ who }</span>
            <button class="link" data-student-edit="" onclick={edit}>{"修改姓名学号"}</button>
        </div>
    }
}
