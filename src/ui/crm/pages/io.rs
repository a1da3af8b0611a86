//! Import and export. Export writes every card as CSV (UTF-8 with BOM, for Excel and WPS) or
//! JSON and offers it as a download. Import reads a picked file into the core's preview: every
//! bad row and column is listed, likely duplicates are marked, and nothing is imported until the
//! user accepts the good rows (with or without the likely duplicates).

use kefu_core::crm::{export_csv, export_json};
use kefu_core::util::time::{datetime, CHINA_UTC_OFFSET_MINUTES};
use yew::prelude::*;

use crate::ui::clock::now;
use crate::ui::crm::app::CrmHandle;
use crate::ui::crm::components::sample::SampleButton;
use crate::ui::crm::state::{Action, Place};
use crate::ui::use_app::use_app;
use crate::ui::{download, files};

/// `客户资料-20261206.csv`: the date keeps exports of different days apart.
pub fn export_name(ext: &str, now_ms: i64) -> String {
    let date = datetime(now_ms, CHINA_UTC_OFFSET_MINUTES);
    format!("客户资料-{}.{ext}", date[..10].replace('-', ""))
}

#[function_component(ImportExport)]
pub fn import_export() -> Html {
    let crm = use_app::<CrmHandle>();
    let export = |csv: bool| {
        let crm = crm.clone();
        Callback::from(move |_| {
            let (text, ext, mime) = if csv {
                (export_csv(crm.ws().customers()), "csv", "text/csv;charset=utf-8")
            } else {
                (export_json(crm.ws().customers()), "json", "application/json")
            };
            if let Err(e) = download::save(&export_name(ext, now()), mime, text.as_bytes()) {
                crm.dispatch(Action::Notify(e));
            }
        })
    };
    let on_file = {
        let crm = crm.clone();
        Callback::from(move |e: Event| {
            let Some((list, input)) = files::from_input(&e) else { return };
            let crm = crm.clone();
            files::read_then(list, Some(input), crate::ui::limits::CRM_IMPORT, move |picked| {
                // One file at a time: the input takes one.
                if let Some((file, bytes)) = picked.into_iter().next() {
                    match bytes {
                        Ok(bytes) => crm.dispatch(Action::PreviewImport { file, bytes }),
                        Err(e) => crm.dispatch(Action::Notify(format!("「{file}」{e}"))),
                    }
                }
            });
        })
    };
    let accept = |skip_duplicates: bool| {
        let crm = crm.clone();
        Callback::from(move |_| crm.dispatch(Action::AcceptImport { skip_duplicates, now: now() }))
    };
    let cancel = {
        let crm = crm.clone();
        Callback::from(move |_| crm.dispatch(Action::CancelImport))
    };
    let count = crm.ws().customers().len();
    html! {
        <div class="crm-io">
            <h1>{"导入导出"}</h1>
            <section>
                <h2>{"导出客户资料"}</h2>
                <p class="hint">{ format!("共 {count} 位客户。CSV 可直接用 Excel 或 WPS 打开(UTF-8 编码,中文不会乱码);JSON 用于在本应用之间转移或备份。") }</p>
                <div class="actions">
                    <button data-export="csv" onclick={export(true)} disabled={count == 0}>{"导出 CSV"}</button>
                    <button data-export="json" onclick={export(false)} disabled={count == 0}>{"导出 JSON"}</button>
                </div>
            </section>
            <section>
                <h2>{"导入客户资料"}</h2>
                <p class="hint">{"选择 CSV 或 JSON 文件。第一行是列名(客户资料卡的项目,例如「客户名称」「电话」「需求」);先检查,确认后才导入。导入的客户获得新的编号。"}</p>
                <input type="file" data-import="" accept=".csv,.json,text/csv,application/json" onchange={on_file} aria-label="选择要导入的文件" />
                if let Some(p) = &crm.import {
                    <div class="import-preview" data-import-preview="">
                        <h3>{ format!("「{}」:{} 行可以导入,{} 处错误", p.file, p.preview.rows.len(), p.preview.errors.len()) }</h3>
                        if !p.preview.errors.is_empty() {
                            <ul class="import-errors">
                                { for p.preview.errors.iter().map(|e| html! {
                                    <li data-import-error="" data-line={e.line.to_string()} data-column={e.column.clone()}>{ e.to_string() }</li>
                                }) }
                            </ul>
                        }
                        if !p.preview.rows.is_empty() {
                            <div class="table-scroll">
                                <table class="crm-table">
                                    <thead><tr><th>{"行"}</th><th>{"客户名称"}</th><th>{"状态"}</th><th>{"电话"}</th><th>{"提示"}</th></tr></thead>
                                    <tbody>
                                        { for p.preview.rows.iter().take(200).map(|r| {
                                            let mut notes: Vec<String> = r.duplicates.iter().map(ToString::to_string).collect();
                                            if let Some(l) = r.same_as_line { notes.push(format!("与文件第 {l} 行可能是同一客户")); }
                                            html! {
                                                <tr data-import-row={r.line.to_string()} data-duplicate={(!notes.is_empty()).then_some("")}>
                                                    <td>{ r.line }</td><td>{ r.customer.name.clone() }</td>
                                                    <td>{ r.customer.state.label() }</td><td>{ r.customer.phone.clone() }</td>
                                                    <td class="warn">{ notes.join(";") }</td>
                                                </tr>
                                            }
                                        }) }
                                    </tbody>
                                </table>
                            </div>
                        }
                        <div class="actions">
                            <button class="primary" data-import-accept="" onclick={accept(false)} disabled={p.preview.rows.is_empty()}>
                                { format!("导入这 {} 位客户", p.preview.rows.len()) }
                            </button>
                            if !p.preview.is_clean() && p.preview.rows.iter().any(|r| !r.duplicates.is_empty() || r.same_as_line.is_some()) {
                                <button data-import-accept-new="" onclick={accept(true)}>{"只导入不重复的客户"}</button>
                            }
                            <button class="link" data-import-cancel="" onclick={cancel}>{"取消"}</button>
                        </div>
                    </div>
                }
                if let Some(e) = crm.error_at(Place::Import) {
                    <p class="field-error" role="alert" data-error="import">{ e.to_string() }</p>
                }
            </section>
            <section>
                <h2>{"示例客户"}</h2>
                <p class="hint">{"阳光少年乳制品、七彩阳光、北京现代的示例客户,用于练习。已有客户时会先询问合并还是替换。"}</p>
                <SampleButton />
            </section>
        </div>
    }
}
