//! The class record (issue 17): the class selector (`data-class="ID"`) and "new class", the
//! chosen class's files and students with remove (confirmed, undoable until the page is left),
//! a date range, and the export and import of a whole class record.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::clock::now;
use crate::ui::download;
use crate::ui::files;
use crate::ui::pack_fetch;
use crate::ui::teacher::app::TeacherHandle;
use crate::ui::teacher::state::{Action, Pending};
use crate::ui::teacher::views::student_plays::StudentPlays;
use crate::ui::use_app::use_app;
use kefu_core::pack::PackSummary;
use kefu_core::results::class_record::{self, Range};

/// Fetches the built-in packs in `need`; returns them and the errors.
async fn fetch_all(need: Vec<PackSummary>) -> (Vec<Rc<kefu_core::engine::LoadedPack>>, Vec<String>) {
    let mut fetched = vec![];
    let mut errors = vec![];
    for summary in need {
        match pack_fetch::fetch(&summary, crate::ui::app::App::Teacher).await {
            Ok(p) => fetched.push(Rc::new(p)),
            Err(e) => errors.push(format!("场景包「{}」下载失败,相关成绩无法核对:{e}", summary.title)),
        }
    }
    (fetched, errors)
}

/// Chooses the class `id`, fetching the built-in packs its results need first.
pub fn select(state: &TeacherHandle, id: String) {
    let need = match state.classes.iter().find(|c| c.id == id) {
        Some(c) => class_record::needed_packs(&state.catalog, &state.fetched, c),
        None => return,
    };
    state.dispatch(Action::Busy);
    let state = state.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let (fetched, errors) = fetch_all(need).await;
        state.dispatch(Action::SelectClass { id, fetched, errors });
    });
}

fn input_value(e: &Event) -> String {
    use wasm_bindgen::JsCast;
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

#[function_component(ClassPanel)]
pub fn class_panel() -> Html {
    let state = use_app::<TeacherHandle>();
    let name = use_state(String::new);
    // The last chosen class is opened again on a visit (the first stored one).
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if state.class.is_none() {
                if let Some(first) = state.classes.first() {
                    select(&state, first.id.clone());
                }
            }
        });
    }
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            use wasm_bindgen::JsCast;
            if let Some(i) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                name.set(i.value());
            }
        })
    };
    let create = {
        let (state, name) = (state.clone(), name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            state.dispatch(Action::NewClass { name: (*name).clone(), now: now() });
            name.set(String::new());
        })
    };
    let chosen = state.class_id().map(str::to_string);
    let selector = state.classes.iter().map(|c| {
        let on = chosen.as_deref() == Some(c.id.as_str());
        let onclick = {
            let (state, id) = (state.clone(), c.id.clone());
            Callback::from(move |_: MouseEvent| select(&state, id.clone()))
        };
        html! {
            <button class={classes!("class-choice", on.then_some("on"))} data-class={c.id.clone()}
                    aria-pressed={on.to_string()} {onclick}>{ c.name.clone() }</button>
        }
    });
    let import_record = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let Some((list, input)) = files::from_input(&e) else { return };
            let state = state.clone();
            files::read_then(list, Some(input), crate::ui::limits::CLASS_RECORD, move |picked| {
                for (name, bytes) in picked {
                    let text = match bytes.map(String::from_utf8) {
                        Ok(Ok(t)) => t,
                        _ => {
                            state.dispatch(Action::Notice(format!("「{name}」无法读取")));
                            continue;
                        }
                    };
                    let need = class_record::needed_for_export(&state.catalog, &state.fetched, &text);
                    let state = state.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let (fetched, errors) = fetch_all(need).await;
                        state.dispatch(Action::ImportRecord { text, fetched, errors, now: now() });
                    });
                }
            });
        })
    };
    let ask = |p: Pending| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Ask(p.clone())))
    };
    let confirm = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Confirm { now: now() }))
    };
    let cancel = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Cancel))
    };
    let undo = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Undo))
    };
    let range_input = |from: bool| {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let day = class_record::day_start(&input_value(&e));
            let mut r: Range = state.range;
            if from {
                r.from = day;
            } else {
                r.to = day.map(|d| d + 86_400_000);
            }
            state.dispatch(Action::SetRange(r));
        })
    };
    let class_body = state.class.as_ref().map(|view| {
        let record = &view.record;
        let export = {
            let (state, record) = (state.clone(), record.clone());
            Callback::from(move |_: MouseEvent| {
                if let Err(e) = download::save(&record.export_name(), "application/json", record.to_export().as_bytes()) {
                    state.dispatch(Action::Notice(e));
                }
            })
        };
        let mut students: Vec<(String, String)> = vec![];
        for e in &record.entries {
            if !students.iter().any(|(n, _)| *n == e.student.number) {
                students.push((e.student.number.clone(), e.student.name.clone()));
            }
        }
        html! {
            <div class="class-record" data-class-record={record.id.clone()}
                 data-class-results={record.entries.len().to_string()}>
                <p>{ format!("班级「{}」共保存 {} 条核实的成绩(重新打开时会再次核对)", record.name, record.entries.len()) }</p>
                <div class="class-range">
                    <label>{"从 "}<input type="date" data-range-from="" onchange={range_input(true)} /></label>
                    <label>{" 到 "}<input type="date" data-range-to="" onchange={range_input(false)} /></label>
                </div>
                <details>
                    <summary>{"文件与学生"}</summary>
                    <ul class="class-files">
                        { for record.files().into_iter().map(|f| html! {
                            <li data-class-file={f.clone()}>{ f.clone() }
                                <button class="link" data-remove-file={f.clone()} onclick={ask(Pending::File(f.clone()))}>{"移除"}</button>
                            </li>
                        }) }
                    </ul>
                    <ul class="class-students">
                        { for students.into_iter().map(|(n, name)| {
                            let plays = view.plays_of(&n).len();
                            let toggle = {
                                let (state, n) = (state.clone(), n.clone());
                                Callback::from(move |_: MouseEvent| {
                                    let now_open = state.open_student.as_deref() == Some(n.as_str());
                                    state.dispatch(Action::OpenStudent((!now_open).then(|| n.clone())));
                                })
                            };
                            html! {
                                <li data-class-student={n.clone()} data-plays={plays.to_string()}>
                                    <button class="link" data-open-student={n.clone()} onclick={toggle}>{ format!("{n} {name}:{plays} 次") }</button>
                                    <button class="link" data-remove-student={n.clone()} onclick={ask(Pending::Student(n.clone()))}>{"移除"}</button>
                                </li>
                            }
                        }) }
                    </ul>
                </details>
                if let Some(n) = state.open_student.as_ref().filter(|n| record.entries.iter().any(|e| e.student.number == **n)) {
                    <StudentPlays view={view.clone()} number={n.clone()} range={state.range} />
                }
                <p class="class-actions">
                    <button data-export-class="" onclick={export}>{"导出班级记录"}</button>
                    <button data-delete-class="" onclick={ask(Pending::Class)}>{"删除班级"}</button>
                </p>
            </div>
        }
    });
    html! {
        <section class="class-panel" data-class-panel="">
            <h2>{"班级记录"}</h2>
            <div class="class-selector" data-class-selector="">
                { for selector }
                <form class="new-class" onsubmit={create}>
                    <input type="text" placeholder="班级名称" maxlength="40" data-class-name=""
                           value={(*name).clone()} oninput={on_name} />
                    <button type="submit" data-new-class="">{"新建班级"}</button>
                </form>
                <label class="file-pick">
                    <span>{"导入班级记录"}</span>
                    <input type="file" accept=".json,application/json" data-import-class="" onchange={import_record} />
                </label>
            </div>
            if state.class.is_none() && !state.classes.is_empty() {
                <p class="hint">{"选择一个班级后,导入的成绩会保存到该班级中。"}</p>
            }
            if let Some(m) = &state.class_message { <p class="class-message" data-class-message="">{ m.clone() }</p> }
            if let Some(p) = &state.pending {
                <p class="confirm" data-confirm="">
                    { match p {
                        Pending::File(f) => format!("确定从班级中移除文件「{f}」的成绩?"),
                        Pending::Student(n) => format!("确定从班级中移除学号 {n} 的全部成绩?"),
                        Pending::Class => "确定删除整个班级记录?".to_string(),
                    } }
                    <button data-confirm-yes="" onclick={confirm}>{"确定"}</button>
                    <button data-confirm-no="" onclick={cancel}>{"取消"}</button>
                </p>
            }
            if !state.undo.is_empty() {
                <p><button data-undo="" onclick={undo}>{"撤销"}</button></p>
            }
            { for class_body }
        </section>
    }
}
