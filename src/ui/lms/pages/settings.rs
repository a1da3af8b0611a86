//! The LRS settings page (on the LMS page, `lms/#/settings`; the student app links there): where a school's xAPI Learning Record Store is set up
//! (endpoint, key and secret; the actors' home page and the activity base have defaults from the
//! page's address), the student's name and number when none is stored yet (the actor of every
//! statement), and the state of the statement queue with a "send now" control. Every value is
//! checked by the core (`LrsSettings::new`, `Student::new`) and a refusal is shown next to the form.

use crate::ui::use_app::use_app;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::clock;
use crate::ui::lms::page::LmsTools;
use crate::ui::lms::xapi_record::{queue, settings};
use crate::ui::lms::{xapi_sync, LmsContext};
use kefu_core::results::student::Student;
use kefu_core::results::xapi::{LrsSettings, LRS_SETTINGS_KEY};
use kefu_core::storage::{Loaded, Store};

/// The page's address without its file name and query: `https://host/kefu` for
/// `https://host/kefu/index.html?x#/settings`, the default activity base.
fn site_base() -> (String, String) {
    let loc = gloo::utils::window().location();
    let origin = loc.origin().unwrap_or_default();
    let path = loc.pathname().unwrap_or_default();
    let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
    (origin.clone(), format!("{origin}{dir}"))
}

fn value(r: &NodeRef) -> String {
    r.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

/// Retries what the LRS refused before (the settings may now be right).
fn retry_held(store: &dyn Store) -> Result<(), String> {
    let now = clock::now();
    let mut q = queue(store, now)?;
    q.retry_held(now);
    q.save(store).map_err(|e| e.to_string())
}

/// The LRS fields, in the order of `LrsSettings::new`'s arguments: (hook, label, input type, hint).
/// Plain text inputs: the core checks the addresses and says what is wrong in Chinese, where a
/// browser's own URL check would block the form with its own wording.
const FIELDS: [(&str, &str, &str, &str); 5] = [
    ("endpoint", "LRS 地址", "text", "xAPI 接口地址,例如 https://lrs.example.edu/xAPI/"),
    ("key", "密钥(用户名)", "text", ""),
    ("secret", "密码", "password", "以明文保存在本浏览器中:请使用只能写入记录的密钥"),
    ("home-page", "学号所属主页", "text", "学习者账号的 homePage(学校或学习平台的网址)"),
    ("activity-base", "活动地址前缀", "text", "场景包活动 IRI 的前缀,默认是本站地址"),
];

#[function_component(Settings)]
pub fn settings_page() -> Html {
    let state = use_app::<LmsTools>();
    let lms = use_app::<LmsContext>();
    let store = state.saves.store().clone();
    let student = use_state({
        let store = store.clone();
        move || match Student::load(store.as_ref(), clock::now()) {
            Ok(Loaded::Found(s)) => Some(s),
            _ => None,
        }
    });
    let message = use_state(|| None::<Result<String, String>>);
    // The five LRS fields, then name and number. Uncontrolled inputs with stable refs: a
    // re-render (the queue status changes while the student types) must not reset what was typed.
    let refs = use_memo((), |_| <[NodeRef; 7]>::default());
    {
        let (refs, store) = (refs.clone(), store.clone());
        use_effect_with((), move |_| {
            let init = match settings(store.as_ref(), clock::now()) {
                Some(s) => [s.endpoint, s.key, s.secret, s.home_page, s.activity_base],
                None => {
                    let (origin, base) = site_base();
                    [String::new(), String::new(), String::new(), origin, base]
                }
            };
            for (r, v) in refs.iter().zip(init) {
                if let Some(input) = r.cast::<HtmlInputElement>() {
                    input.set_value(&v);
                }
            }
        });
    }

    let save = {
        let (store, student, message, flush, refs) =
            (store.clone(), student.clone(), message.clone(), lms.flush.clone(), refs.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let v: Vec<String> = refs.iter().map(value).collect();
            let who = match &*student {
                Some(s) => Ok(s.clone()),
                None => Student::new(&v[5], &v[6]).map_err(|e| e.to_string()),
            };
            let result = who.and_then(|who| {
                let s = LrsSettings::new(&v[0], &v[1], &v[2], &v[3], &v[4]).map_err(|e| e.to_string())?;
                who.save(store.as_ref()).map_err(|e| format!("学生身份无法保存:{e}"))?;
                s.save(store.as_ref()).map_err(|e| format!("设置无法保存:{e}"))?;
                // Plays are recorded from now on (kept when the settings are only corrected).
                xapi_sync::since(store.as_ref(), clock::now());
                retry_held(store.as_ref())?;
                Ok(who)
            });
            match result {
                Ok(who) => {
                    student.set(Some(who));
                    message.set(Some(Ok("已保存。之后的练习记录会发送到学习记录库。".into())));
                    flush.emit(());
                }
                Err(e) => message.set(Some(Err(e))),
            }
        })
    };
    let remove = {
        let (store, message, flush) = (store.clone(), message.clone(), lms.flush.clone());
        Callback::from(move |_: MouseEvent| {
            let _ = store.remove(LRS_SETTINGS_KEY);
            xapi_sync::forget_since(store.as_ref());
            message.set(Some(Ok("已停用:练习记录不再发送(尚未发送的仍保留在本浏览器中)。".into())));
            flush.emit(());
        })
    };
    let retry = {
        let (store, message, flush) = (store.clone(), message.clone(), lms.flush.clone());
        Callback::from(move |_: MouseEvent| match retry_held(store.as_ref()) {
            Ok(()) => flush.emit(()),
            Err(e) => message.set(Some(Err(e))),
        })
    };
    let x = &lms.xapi;
    html! {
        <div class="settings">
            <p><a href="../" data-settings-back="">{"← 返回练习"}</a></p>
            <h1>{"学习记录设置"}</h1>
            <p>{"学校的学习记录库(LRS,支持 xAPI 1.0.3,如 Ralph、SQL LRS、Learning Locker)可以收集全班的练习记录。填写老师提供的地址和密钥后,每次练习的开始、每一步作答、完成与是否通过都会发送过去;离线时先保存在本浏览器中,联网后自动补发,不会重复。"}</p>
            <form data-lrs-settings="" onsubmit={save}>
                { for FIELDS.iter().zip(refs.iter()).map(|(&(hook, label, kind, hint), r)| html! {
                    <label class="setting">
                        <span class="setting-label">{ label }</span>
                        <input type={kind} data-lrs={hook} ref={r.clone()} autocomplete="off" />
                        if !hint.is_empty() { <span class="hint">{ hint }</span> }
                    </label>
                }) }
                // Its own element, so that replacing the inputs by the name leaves the fields above alone.
                <div class="identity">
                    { match &*student {
                        Some(s) => html! {
                            <p data-student-identity="">{ format!("学生:{}(学号 {})", s.name, s.number) }</p>
                        },
                        None => html! { <>
                            <p>{"你的姓名和学号(只保存在本浏览器中,作为学习记录中的“学习者”):"}</p>
                            { for [("name", "姓名", 5), ("number", "学号", 6)].into_iter().map(|(hook, label, i)| html! {
                                <label class="setting">
                                    <span class="setting-label">{ label }</span>
                                    <input type="text" data-student-field={hook} ref={refs[i].clone()} autocomplete="off" />
                                </label>
                            }) }
                        </> },
                    } }
                </div>
                <div class="actions">
                    <button type="submit" class="primary" data-lrs-save="">{"保存"}</button>
                    if x.configured {
                        <button type="button" data-lrs-remove="" onclick={remove}>{"停用"}</button>
                    }
                </div>
                { match &*message {
                    Some(Ok(m)) => html! { <p class="ok" data-lrs-saved="">{ m.clone() }</p> },
                    Some(Err(m)) => html! { <p class="error" role="alert" data-lrs-error="">{ m.clone() }</p> },
                    None => html! {},
                } }
            </form>
            <section class="xapi-status">
                <h2>{"发送状态"}</h2>
                <p>{ format!("待发送 {} 条", x.pending) }
                    if x.held > 0 { { format!(",其中 {} 条被学习记录库拒绝,修改设置后重试", x.held) } }</p>
                if !x.error.is_empty() { <p class="error" data-xapi-error="">{ x.error.clone() }</p> }
                <button type="button" data-xapi-retry="" onclick={retry}>{"立即发送"}</button>
            </section>
        </div>
    }
}
