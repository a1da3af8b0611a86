//! Finished plays: a list (`data-history-entry`) and, for one play, its debrief rebuilt by
//! replaying it; when its pack has changed since, the scores saved with it are shown instead.

use crate::ui::use_app::use_app;
use yew::prelude::*;

use crate::ui::components::debrief::DebriefView;
use crate::ui::components::score_chart::{Bar, ScoreChart};
use crate::ui::student::app::AppHandle;
use crate::ui::student::export_link::export_link;
use crate::ui::student::pack_loader;
use crate::ui::student::route::Route;
use crate::ui::student::state::Action;
use kefu_core::engine::saves::HISTORY;
use kefu_core::engine::HistoryEntry;
use kefu_core::engine::{Debrief, Session};
use kefu_core::util::time::datetime;

fn tz_offset() -> i64 {
    // getTimezoneOffset is minutes *behind* UTC.
    -(js_sys::Date::new_0().get_timezone_offset() as i64)
}

/// The finished plays, newest first, and what reading them reported (a damaged entry is moved to a
/// recovery key once, and its notice shown).
fn load(state: &AppHandle) -> (Vec<(String, HistoryEntry)>, Vec<String>) {
    let mut notices = vec![];
    let mut list = state.saves.history(crate::ui::clock::now(), &mut notices);
    list.reverse();
    let list = list.into_iter().map(|(k, e)| (k[HISTORY.len()..].to_string(), e)).collect();
    (list, notices.into_iter().map(|n| n.to_string()).collect())
}

/// The finished plays; their notices go to the app's notices.
#[hook]
fn use_history(state: &AppHandle) -> Vec<(String, HistoryEntry)> {
    let (list, notices) = load(state);
    let state = state.clone();
    use_effect_with(notices, move |notices| {
        for n in notices {
            state.dispatch(Action::Notify(n.clone()));
        }
    });
    list
}

#[function_component(History)]
pub fn history() -> Html {
    let state = use_app::<AppHandle>();
    let list = use_history(&state);
    let tz = tz_offset();
    html! {
        <div class="history">
            <h1>{"练习记录"}</h1>
            if list.is_empty() {
                <p class="empty">{"还没有完成的练习。"}</p>
            } else {
                { export_link(None, list.len()) }
            }
            <ul class="history-list">
                { for list.iter().map(|(key, e)| html! {
                    <li data-history-entry={e.play.pack.id.clone()}>
                        <a href={Route::HistoryEntry(key.clone()).href()}>
                            <span class="h-title">{ e.title.clone() }</span>
                            <span class="h-time">{ datetime(e.finished, tz) }</span>
                            <span class="h-score">{ format!("{}%", e.percent) }</span>
                            if !e.grade.is_empty() { <span class="grade-label">{ e.grade.clone() }</span> }
                            <span class="h-dims">
                                { for e.dims.iter().map(|d| html! { <span>{ format!("{} {}/{}", d.name, d.score, d.max) }</span> }) }
                            </span>
                        </a>
                    </li>
                }) }
            </ul>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct EntryProps {
    pub key_suffix: String,
}

#[function_component(HistoryDetail)]
pub fn history_detail(props: &EntryProps) -> Html {
    let state = use_app::<AppHandle>();
    let Some((_, entry)) = use_history(&state).into_iter().find(|(k, _)| *k == props.key_suffix) else {
        return html! { <p class="empty">{"没有找到这条记录。"}<a href={Route::History.href()}>{"返回练习记录"}</a></p> };
    };
    // The pack is fetched if it is not loaded yet; until then the saved scores are shown.
    let id = entry.play.pack.id.clone();
    let listed = state.summary(&id).is_some();
    {
        let state = state.clone();
        use_effect_with(id.clone(), move |id| {
            if listed {
                pack_loader::ensure_loaded(&state, id, |_| ());
            }
        });
    }
    let replayed = match state.pack(&id) {
        Some(p) => Session::replay(p, &entry.play).map_err(|e| e.to_string()),
        None if listed => Err("正在加载场景包".to_string()),
        None => Err("这个场景包已不在应用中".to_string()),
    };
    html! {
        <div class="history-detail">
            <a href={Route::History.href()} class="back">{"← 练习记录"}</a>
            { export_link(Some(props.key_suffix.clone()), 1) }
            { match replayed {
                Ok(session) => html! {
                    <DebriefView debrief={Debrief::of(&session)} title={entry.title.clone()} seed={entry.play.seed} />
                },
                Err(why) => html! {
                    <section class="debrief" data-debrief="">
                        <h2>{ format!("练习总结 · {}", entry.title) }</h2>
                        <p class="notice">{ format!("无法逐条回顾:{why}。以下是当时保存的得分。") }</p>
                        <ScoreChart bars={entry.dims.iter().map(|d| Bar { name: d.name.clone(), score: d.score, max: d.max }).collect::<Vec<_>>()} />
                        <ul class="dimensions">
                            { for entry.dims.iter().map(|d| html! {
                                <li data-dimension={d.id.clone()} data-score={d.score.to_string()} data-max={d.max.to_string()}>
                                    <span class="dim-name">{ d.name.clone() }</span>
                                    <span class="dim-score">{ format!("{} / {}", d.score, d.max) }</span>
                                </li>
                            }) }
                        </ul>
                    </section>
                },
            } }
        </div>
    }
}
