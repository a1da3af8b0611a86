//! The packs page: load a pack source from a file (picker or drop) or a URL, see the checker's
//! full report when it is broken, and manage the stored packs beside the built-in ones.

use crate::ui::use_app::use_app;
use yew::prelude::*;

use crate::ui::files::{self, Picked};
use crate::ui::pack_fetch;
use crate::ui::student::pages::home::kind_label;
use crate::ui::teacher::views::drop_zone::DropZone;
use crate::ui::teacher::views::report::Diagnostics;
use crate::ui::teacher_packs::app::PacksHandle;
use crate::ui::teacher_packs::share::ShareLink;
use crate::ui::teacher_packs::state::{PackReport, PacksAction as Action};
use kefu_core::pack::store::Installed;

/// Sends each picked pack source to the reducer (one report each; the last one stays on screen).
fn give(state: &PacksHandle, picked: Vec<Picked>) {
    for (file, bytes) in picked {
        state.dispatch(match bytes {
            Ok(bytes) => Action::PackSource { file, bytes },
            Err(error) => Action::PackSourceFailed { file, error },
        });
    }
}

/// The file name part of a URL, for the report's `FILE:LINE:COL` lines.
fn url_file(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    match path.rsplit('/').next() {
        Some(name) if !name.is_empty() => name.to_string(),
        _ => url.to_string(),
    }
}

#[function_component(PacksPage)]
pub fn packs_page() -> Html {
    let state = use_app::<PacksHandle>();
    let url = use_state(String::new);
    let on_files = {
        let state = state.clone();
        Callback::from(move |list: web_sys::FileList| {
            let state = state.clone();
            files::read_then(list, None, crate::ui::limits::PACK, move |picked| give(&state, picked));
        })
    };
    let onchange = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Some((list, input)) = files::from_input(&e) {
                let state = state.clone();
                files::read_then(list, Some(input), crate::ui::limits::PACK, move |picked| {
                    give(&state, picked)
                });
            }
        })
    };
    let oninput = {
        let url = url.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            url.set(input.value());
        })
    };
    let onsubmit = {
        let state = state.clone();
        let url = url.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let target = url.trim().to_string();
            if target.is_empty() {
                return;
            }
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let file = url_file(&target);
                state.dispatch(match pack_fetch::fetch_bytes(&target, crate::ui::limits::PACK).await {
                    Ok(bytes) => Action::PackSource { file, bytes },
                    Err(error) => Action::PackSourceFailed { file, error },
                });
            });
        })
    };
    html! {
        <div class="packs-page">
            <h1>{"场景包"}</h1>
            <p class="lead">{"载入自己编写的场景包(TOML 文件)。载入时会像 packcheck 一样检查;通过检查的场景包保存在本浏览器中,并生成一个学生链接:学生在自己的手机或电脑上打开链接,场景包就装进他们的浏览器。"}</p>
            <DropZone name="pack" {on_files}>
                <label class="file-pick">
                    <span>{"选择场景包文件,或把文件拖到这里"}</span>
                    <input type="file" accept=".toml,text/plain" multiple=true data-pack-file="" data-pack-load="" {onchange} />
                </label>
            </DropZone>
            <form class="url-load" {onsubmit}>
                <label>
                    <span>{"或从网址载入:"}</span>
                    <input type="url" placeholder="https://…/my-pack.toml" data-pack-url="" value={(*url).clone()} {oninput} />
                </label>
                <button class="primary" type="submit" data-pack-url-load="">{"载入"}</button>
            </form>
            { report(&state.report) }
            <section class="installed">
                <h2>{"已载入的场景包"}</h2>
                if state.installed.is_empty() {
                    <p class="empty">{"还没有载入自己的场景包。"}</p>
                }
                <ul class="pack-rows">
                    { for state.installed.iter().map(|p| {
                        let s = &p.summary;
                        let remove = {
                            let state = state.clone();
                            let id = s.id.clone();
                            Callback::from(move |_: MouseEvent| state.dispatch(Action::RemovePack { id: id.clone() }))
                        };
                        html! {
                            <li class="pack-row" data-loaded-pack={s.id.clone()} data-version={s.version.to_string()}>
                                <span class="pack-title">{ s.title.clone() }</span>
                                <span class="pack-id">{ format!("{} · 第 {} 版", s.id, s.version) }</span>
                                <span class="pack-meta">{ s.kinds.iter().map(|k| kind_label(k)).collect::<Vec<_>>().join(" · ") }</span>
                                <button data-remove-pack={s.id.clone()} onclick={remove}>{"删除"}</button>
                                <ShareLink pack={p.clone()} />
                            </li>
                        }
                    }) }
                </ul>
            </section>
            <section class="builtin">
                <h2>{"内置场景包"}</h2>
                <ul class="pack-rows">
                    { for state.catalog.iter().map(|s| html! {
                        <li class="pack-row" data-builtin-pack={s.id.clone()}>
                            <span class="pack-title">{ s.title.clone() }</span>
                            <span class="pack-id">{ format!("{} · 第 {} 版", s.id, s.version) }</span>
                            <span class="pack-meta">{ s.source.clone() }</span>
                        </li>
                    }) }
                </ul>
            </section>
        </div>
    }
}

fn report(report: &Option<PackReport>) -> Html {
    match report {
        None => html! {},
        Some(PackReport::Broken { file, diagnostics }) => {
            let errors =
                diagnostics.iter().filter(|d| d.severity == kefu_core::pack::Severity::Error).count();
            html! {
                <section class="pack-report broken" data-pack-report="broken" role="alert">
                    <h2>{ format!("「{file}」有 {errors} 个错误,没有载入") }</h2>
                    <p>{"请按下面的位置修改文件后再载入(每项的代码在 docs/diagnostics.md 中有说明)。"}</p>
                    <Diagnostics diagnostics={diagnostics.clone()} />
                </section>
            }
        }
        Some(PackReport::Refused { file, message }) => html! {
            <section class="pack-report refused" data-pack-report="refused" role="alert">
                <h2>{ format!("「{file}」没有载入") }</h2>
                <p>{ message.clone() }</p>
            </section>
        },
        Some(PackReport::Installed { file, outcome, warnings }) => {
            let (what, s, old) = match outcome {
                Installed::New(s) => ("new", s, None),
                Installed::Replaced { old, new } => ("replaced", new, Some(*old)),
                Installed::Unchanged(s) => ("unchanged", s, None),
            };
            let text = match (what, old) {
                ("replaced", Some(old)) => {
                    format!("已更新「{}」:第 {old} 版 → 第 {} 版", s.title, s.version)
                }
                ("unchanged", _) => format!("「{}」第 {} 版已经载入过,内容相同", s.title, s.version),
                _ => format!("已载入「{}」第 {} 版", s.title, s.version),
            };
            html! {
                <section class="pack-report ok" data-pack-report={what} data-pack-installed={s.id.clone()}
                         data-old-version={old.map(|v| v.to_string())} data-new-version={s.version.to_string()}>
                    <h2>{ text }</h2>
                    <p>{ format!("文件:{file}。下面「已载入的场景包」中有它的学生链接;在本浏览器中,学生打开本站首页即可在「教师载入的场景」中练习。") }</p>
                    if !warnings.is_empty() {
                        <p>{ format!("检查提示 {} 条(不影响使用):", warnings.len()) }</p>
                        <Diagnostics diagnostics={warnings.clone()} />
                    }
                </section>
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::url_file;

    #[test]
    fn a_url_names_its_file() {
        assert_eq!(url_file("https://x.cn/packs/my.toml?v=2"), "my.toml");
        assert_eq!(url_file("../fixtures/a.toml"), "a.toml");
        assert_eq!(url_file("https://x.cn/"), "https://x.cn/");
    }
}
