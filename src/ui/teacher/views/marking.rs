//! Teacher marking of one stored result's free-text answers (issues 14 and 17): each answer as the
//! student wrote it (rendered as text, never HTML), and beside it its rubric — per criterion the
//! descriptor of every level, with a button per level. Choices are a draft until "保存评分"; a
//! reload caused by another tab keeps the draft and marks the criteria that tab marked differently.

use yew::prelude::*;

use crate::ui::clock::now;
use crate::ui::teacher::app::TeacherHandle;
use crate::ui::teacher::state::Action;
use kefu_core::pack::Pack;
use kefu_core::results::class_record::Entry;
use kefu_core::results::marking::{free_texts, total, value, MarkRef};

/// Renders the marking of `entry` (whose play was made on `pack`); nothing when the play has no
/// free-text answer.
pub fn marking(state: &TeacherHandle, entry: &Entry, pack: &Pack) -> Html {
    let texts = free_texts(pack, &entry.play.answers);
    if texts.is_empty() {
        return html! {};
    }
    let draft = state.draft(&entry.key);
    let shown = |at: &MarkRef| match draft {
        Some(d) => d.shown(at),
        None => value(&entry.marks, at),
    };
    // The total as the teacher currently sees it (draft included).
    let mut marks = entry.marks.clone();
    if let Some(d) = draft {
        d.apply_to(&mut marks, 0);
    }
    let t = total(pack, &entry.play.answers, &marks);
    let dirty = draft.is_some_and(|d| d.is_dirty());
    let save = {
        let (state, key) = (state.clone(), entry.key.clone());
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::SaveMarks { entry: key.clone(), now: now() })
        })
    };
    html! {
        <section class="marking" data-marking={entry.key.clone()} data-unsaved={dirty.to_string()}>
            <h4>{"文字作答与评分标准"}</h4>
            { for texts.iter().map(|ft| html! {
                <div class="free-text" data-free-text={format!("{}/{}", ft.activity, ft.field)}>
                    <p class="ft-label">{ format!("{} · {}", ft.activity_title, ft.label) }</p>
                    <blockquote class="ft-answer">
                        { if ft.text.is_empty() { "(未作答)".to_string() } else { ft.text.clone() } }
                    </blockquote>
                    if ft.rubric.is_empty() {
                        <p class="hint">{"这一项没有评分标准。"}</p>
                    }
                    { for ft.rubric.iter().map(|c| {
                        let at = MarkRef { activity: ft.activity.clone(), field: ft.field.clone(), criterion: c.id.clone() };
                        let current = shown(&at);
                        let conflict = state.conflicts.iter().any(|(k, a)| *k == entry.key && *a == at);
                        html! {
                            <fieldset class={classes!("criterion", conflict.then_some("conflict"))}
                                      data-criterion={format!("{}/{}/{}", at.activity, at.field, at.criterion)}
                                      data-mark={current.map(|p| p.to_string()).unwrap_or_default()}
                                      data-max={c.max().to_string()} data-conflict={conflict.to_string()}>
                                <legend>{ c.text.clone() }</legend>
                                if conflict {
                                    <p class="flag">{"另一个标签页给这一项评了不同的分;保存时以你在这里选的为准。"}</p>
                                }
                                <ol class="levels">
                                    { for c.levels.iter().map(|l| {
                                        let on = current == Some(l.points);
                                        let onclick = {
                                            let (state, key, at) = (state.clone(), entry.key.clone(), at.clone());
                                            let points = if on { None } else { Some(l.points) };
                                            Callback::from(move |_: MouseEvent| state.dispatch(Action::Mark {
                                                entry: key.clone(), at: at.clone(), points,
                                            }))
                                        };
                                        html! {
                                            <li>
                                                <button class={classes!("level", on.then_some("on"))} aria-pressed={on.to_string()}
                                                        data-level={l.points.to_string()} {onclick}>
                                                    <strong>{ format!("{} 分", l.points) }</strong>{" "}{ l.text.clone() }
                                                </button>
                                            </li>
                                        }
                                    }) }
                                </ol>
                            </fieldset>
                        }
                    }) }
                </div>
            }) }
            if t.criteria > 0 {
                <p class="mark-total" data-mark-total={format!("{}/{}", t.points, t.max)}>
                    { format!("教师评分:{} / {} 分(已评 {} / {} 项)", t.points, t.max, t.marked, t.criteria) }
                    if dirty { <strong class="flag">{"(未保存)"}</strong> }
                    <button data-save-marks="" disabled={!dirty} onclick={save}>{"保存评分"}</button>
                </p>
            }
        </section>
    }
}
