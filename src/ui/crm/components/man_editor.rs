//! MAN on a card: three checkboxes (Money, Authority, Need) and, beside them, the class and the
//! action exactly as the core's `MAN_TABLE` (seed 004) gives them. Until assessed the card says
//! 未评估; "评估为 m+a+n" records an assessment with nothing present.

use crate::ui::clock::now;
use crate::ui::use_app::use_app;
use yew::prelude::*;

use crate::ui::crm::app::CrmHandle;
use crate::ui::crm::keys::key;
use crate::ui::crm::state::{Action, Place};
use kefu_core::crm::{Man, MAN_TABLE};

#[derive(Properties, PartialEq)]
pub struct ManEditorProps {
    pub id: u32,
    pub man: Option<Man>,
}

/// A callback for any event that records `man` on card `id`.
fn set_man<E: 'static>(state: &CrmHandle, id: u32, man: Option<Man>) -> Callback<E> {
    let state = state.clone();
    Callback::from(move |_| state.dispatch(Action::SetMan { id, man, now: now() }))
}

#[function_component(ManEditor)]
pub fn man_editor(props: &ManEditorProps) -> Html {
    let state = use_app::<CrmHandle>();
    let id = props.id;
    let current = props.man.unwrap_or(Man::new(false, false, false));
    let set = |man: Option<Man>| set_man::<MouseEvent>(&state, id, man);
    let boxes = [
        ("m", "M 购买力(Money)", "有能力购买", Man { money: !current.money, ..current }, current.money),
        (
            "a",
            "A 决定权(Authority)",
            "有购买决定权",
            Man { authority: !current.authority, ..current },
            current.authority,
        ),
        ("n", "N 需求(Need)", "有需求", Man { need: !current.need, ..current }, current.need),
    ];
    html! {
        <section class="crm-man" data-man-editor="">
            <h2>{"MAN 评估"}</h2>
            <div class="man-boxes">
                { for boxes.into_iter().map(|(hook, label, title, next, checked)| html! {
                    <label {title}>
                        <input type="checkbox" data-man={hook} checked={props.man.is_some() && checked}
                            onchange={set_man::<Event>(&state, id, Some(next))} />
                        { label }
                    </label>
                }) }
            </div>
            { match props.man {
                Some(m) => html! {
                    <p class={classes!("man-result", key(&m.class()))} data-man-code={m.code()} data-man-class={key(&m.class())}>
                        <strong>{ m.code() }</strong>{" → "}<strong>{ m.class().label() }</strong>{":"}{ m.action().label() }
                        <button class="link" data-man-clear="" onclick={set(None)}>{"清除评估"}</button>
                    </p>
                },
                None => html! {
                    <p class="man-result" data-man-code="" data-man-class="unassessed">
                        {"未评估。勾选具备的条件;一项都不具备时点"}
                        <button class="link" data-man-assess="" onclick={set(Some(current))}>{"评估为 m+a+n"}</button>
                    </p>
                },
            } }
            if let Some(e) = state.error_at(Place::Man(id)) {
                <p class="field-error" role="alert" data-error="man">{ e.to_string() }</p>
            }
            <details class="man-table">
                <summary>{"MAN 法则对照表"}</summary>
                <table>
                    <thead><tr><th>{"组合"}</th><th>{"客户类别"}</th><th>{"对策"}</th></tr></thead>
                    <tbody>
                        { for MAN_TABLE.iter().map(|(m, c, a)| html! {
                            <tr class={classes!((props.man == Some(*m)).then_some("current"))}>
                                <td>{ m.code() }</td><td>{ c.label() }</td><td>{ a.label() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </section>
    }
}
