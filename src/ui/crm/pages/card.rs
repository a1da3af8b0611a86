//! A customer card (客户资料卡): its fields (each saved when left), MAN, lifecycle moves, the
//! decision group of an organisation, contacts, the visit plan, loyalty and the audit history.

use crate::ui::clock::now;
use crate::ui::use_app::use_app;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::crm::app::CrmHandle;
use crate::ui::crm::components::contact_log::ContactLog;
use crate::ui::crm::components::decision_group::DecisionGroup;
use crate::ui::crm::components::field_input::FieldInput;
use crate::ui::crm::components::history::History;
use crate::ui::crm::components::loyalty_view::LoyaltyView;
use crate::ui::crm::components::man_editor::ManEditor;
use crate::ui::crm::components::state_moves::StateMoves;
use crate::ui::crm::components::visit_plan::VisitPlan;
use crate::ui::crm::route::{navigate, Route};
use crate::ui::crm::state::{Action, Place};
use kefu_core::crm::{loyalty, Field, Kind};

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub id: u32,
}

/// The fields edited in the card's form: state and MAN have their own controls, and an
/// organisation's decision group its own editor.
fn card_fields(kind: Kind) -> impl Iterator<Item = Field> {
    Field::ALL.into_iter().filter(move |f| {
        !matches!(f, Field::State | Field::Man | Field::DecisionGroup)
            && match kind {
                Kind::Individual => !f.organisation_only(),
                Kind::Organisation => !f.individual_only(),
            }
    })
}

#[function_component(Card)]
pub fn card(props: &CardProps) -> Html {
    let crm = use_app::<CrmHandle>();
    let remove_reason = use_state(String::new);
    let id = props.id;
    let ws = crm.ws();
    let Some(c) = ws.customer(id).cloned() else {
        let removed = ws.history_of(id).next().is_some();
        return html! {
            <div class="empty" data-customer-missing={id.to_string()}>
                <p>{ if removed { format!("编号 {id} 的客户已删除。") } else { format!("没有编号为 {id} 的客户。") } }</p>
                <a href={Route::List.href()}>{"返回客户列表"}</a>
            </div>
        };
    };
    let contacts: Vec<_> = ws.contacts_of(id).cloned().collect();
    let visits: Vec<_> = ws.visits_of(id).into_iter().cloned().collect();
    let history: Vec<_> = ws.history_of(id).cloned().collect();
    drop(ws);
    let remove = {
        let (crm, reason) = (crm.clone(), remove_reason.clone());
        Callback::from(move |_| {
            crm.dispatch(Action::Remove { id, reason: (*reason).clone(), now: now() });
            if crm.ws().customer(id).is_none() {
                navigate(&Route::List);
            }
        })
    };
    let on_remove_reason = {
        let reason = remove_reason.clone();
        Callback::from(move |e: InputEvent| reason.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    html! {
        <article class="crm-card" data-card={id.to_string()}>
            <header class="card-head">
                <a href={Route::List.href()}>{"← 客户列表"}</a>
                <h1 data-card-name="">{ c.name.clone() }</h1>
                <span class="c-kind">{ c.kind.label() }{"客户 · 编号 "}{ id }</span>
            </header>
            <div class="card-top">
                <ManEditor {id} man={c.man} />
                <StateMoves {id} state={c.state} man={c.man} />
            </div>
            <section class="crm-fields-section">
                <h2>{"客户资料"}</h2>
                <div class="crm-fields">
                    { for card_fields(c.kind).map(|f| {
                        let error = crm.error_at(Place::Field(id, f)).map(str::to_string);
                        let crm = crm.clone();
                        let onchange = Callback::from(move |text: String| {
                            crm.dispatch(Action::SetField { id, field: f, text, now: now() });
                        });
                        html! {
                            <FieldInput field={f} value={f.get(&c)} {onchange} {error} />
                        }
                    }) }
                </div>
                <LoyaltyView loyalty={loyalty(&c)} />
            </section>
            if c.kind == Kind::Organisation {
                <DecisionGroup {id} members={c.decision_group.clone()} />
            }
            <ContactLog {id} {contacts} />
            <VisitPlan {id} rows={visits} />
            <History entries={history} />
            <details class="crm-remove">
                <summary>{"删除这位客户"}</summary>
                <p class="hint">{"删除后客户不再出现在列表中,变更记录仍然保留。"}</p>
                <input type="text" data-remove-reason="" placeholder="删除原因(必填)" aria-label="删除原因"
                       value={(*remove_reason).clone()} oninput={on_remove_reason} />
                <button data-remove="" onclick={remove}>{"删除"}</button>
                if let Some(e) = crm.error_at(Place::Remove(id)) {
                    <p class="field-error" role="alert" data-error="remove">{ e.to_string() }</p>
                }
            </details>
        </article>
    }
}
