//! Lifecycle moves on a card: one button per move the core allows from the current state
//! (`allowed_moves`), a reason to write (the core requires one), and the refusal in place when
//! the core still says no (e.g. 目标客户 while MAN is m+a+n). The moves that are never allowed
//! are listed with the core's reason, so a student sees why.

use crate::ui::clock::now;
use crate::ui::use_app::use_app;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::crm::app::CrmHandle;
use crate::ui::crm::state::{Action, Place};
use kefu_core::crm::{allowed_moves, check_move, Man, State};

#[derive(Properties, PartialEq)]
pub struct StateMovesProps {
    pub id: u32,
    pub state: State,
    pub man: Option<Man>,
}

#[function_component(StateMoves)]
pub fn state_moves(props: &StateMovesProps) -> Html {
    let crm = use_app::<CrmHandle>();
    let reason = use_state(String::new);
    let id = props.id;
    let on_reason = {
        let reason = reason.clone();
        Callback::from(move |e: InputEvent| reason.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let allowed = allowed_moves(props.state);
    let refused: Vec<(State, String)> = State::ALL
        .into_iter()
        .filter(|s| *s != props.state && !allowed.contains(s))
        .filter_map(|s| check_move(props.state, s, props.man).err().map(|why| (s, why)))
        .collect();
    html! {
        <section class="crm-moves" data-state-moves="">
            <h2>{"客户状态:"}<span class={classes!("c-state", props.state.key())} data-state={props.state.key()}>{ props.state.label() }</span></h2>
            <p class="hint">{ props.state.definition() }</p>
            <div class="move-row">
                <input type="text" data-move-reason="" placeholder="变更原因(必填),例如:MAN 三项具备,列为目标客户"
                       aria-label="变更原因" value={(*reason).clone()} oninput={on_reason} />
                { for allowed.iter().map(|to| {
                    let (crm, reason, to) = (crm.clone(), reason.clone(), *to);
                    let onclick = Callback::from(move |_| {
                        crm.dispatch(Action::Move { id, to, reason: (*reason).clone(), now: now() });
                        if crm.ws().customer(id).is_some_and(|c| c.state == to) {
                            reason.set(String::new());
                        }
                    });
                    html! { <button data-move-state={to.key()} {onclick}>{ format!("→ {}", to.label()) }</button> }
                }) }
            </div>
            if let Some(e) = crm.error_at(Place::Move(id)) {
                <p class="field-error" role="alert" data-error="move">{ e.to_string() }</p>
            }
            if !refused.is_empty() {
                <details class="refused-moves">
                    <summary>{"为什么不能变为其他状态?"}</summary>
                    <ul>
                        { for refused.iter().map(|(s, why)| html! {
                            <li data-refused-state={s.key()}><strong>{ s.label() }</strong>{":"}{ why.clone() }</li>
                        }) }
                    </ul>
                </details>
            }
        </section>
    }
}
