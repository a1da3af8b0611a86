//! A card's calls and visits (电话/拜访 with their outcome), newest first, and the form that logs
//! a new one through the core's `log_contact`.

use crate::ui::clock::now;
use crate::ui::use_app::use_app;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::ui::crm::app::CrmHandle;
use crate::ui::crm::keys::key;
use crate::ui::crm::state::{Action, Place};
use kefu_core::crm::{Contact, ContactKind, NewContact, Outcome};
use kefu_core::util::time::{datetime, CHINA_UTC_OFFSET_MINUTES};

#[derive(Properties, PartialEq)]
pub struct ContactLogProps {
    pub id: u32,
    pub contacts: Vec<Contact>,
}

#[function_component(ContactLog)]
pub fn contact_log(props: &ContactLogProps) -> Html {
    let crm = use_app::<CrmHandle>();
    let id = props.id;
    let kind = use_state(|| ContactKind::Call);
    let outcome = use_state(|| Outcome::Progress);
    let person = use_state(String::new);
    let summary = use_state(String::new);
    let text = |h: &UseStateHandle<String>| {
        let h = h.clone();
        Callback::from(move |e: InputEvent| h.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            kind.set(ContactKind::ALL.into_iter().find(|k| key(k) == v).unwrap_or(ContactKind::Call));
        })
    };
    let on_outcome = {
        let outcome = outcome.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            outcome.set(Outcome::ALL.into_iter().find(|o| key(o) == v).unwrap_or(Outcome::Progress));
        })
    };
    let log = {
        let (crm, kind, outcome, person, summary) =
            (crm.clone(), kind.clone(), outcome.clone(), person.clone(), summary.clone());
        Callback::from(move |_| {
            let before = crm.ws().contacts().len();
            let contact = NewContact {
                customer: id,
                kind: *kind,
                person: (*person).clone(),
                outcome: *outcome,
                summary: (*summary).clone(),
            };
            crm.dispatch(Action::LogContact { contact, now: now() });
            if crm.ws().contacts().len() > before {
                summary.set(String::new());
            }
        })
    };
    html! {
        <section class="crm-contacts" data-contacts="">
            <h2>{"联系记录"}</h2>
            <div class="contact-form">
                <select data-contact-kind="" onchange={on_kind} aria-label="方式">
                    { for ContactKind::ALL.iter().map(|k| html! {
                        <option value={key(k)} selected={*k == *kind}>{ k.label() }</option>
                    }) }
                </select>
                <input type="text" data-contact-person="" placeholder="联系人" aria-label="联系人"
                       value={(*person).clone()} oninput={text(&person)} />
                <select data-contact-outcome="" onchange={on_outcome} aria-label="结果">
                    { for Outcome::ALL.iter().map(|o| html! {
                        <option value={key(o)} selected={*o == *outcome}>{ o.label() }</option>
                    }) }
                </select>
                <input type="text" class="wide" data-contact-summary="" placeholder="内容摘要,例如:介绍了新款牛奶,约定周五送样品"
                       aria-label="内容摘要" value={(*summary).clone()} oninput={text(&summary)} />
                <button class="primary" data-log-contact="" onclick={log}>{"记录"}</button>
            </div>
            if let Some(e) = crm.error_at(Place::Contact(id)) {
                <p class="field-error" role="alert" data-error="contact">{ e.to_string() }</p>
            }
            if props.contacts.is_empty() {
                <p class="hint">{"还没有联系记录。"}</p>
            } else {
                <table class="crm-table">
                    <thead><tr><th>{"时间"}</th><th>{"方式"}</th><th>{"联系人"}</th><th>{"结果"}</th><th>{"内容"}</th></tr></thead>
                    <tbody>
                        { for props.contacts.iter().rev().map(|c| html! {
                            <tr data-contact={c.id.to_string()} data-kind={key(&c.kind)} data-outcome={key(&c.outcome)}>
                                <td>{ datetime(c.at, CHINA_UTC_OFFSET_MINUTES) }</td><td>{ c.kind.label() }</td><td>{ c.person.clone() }</td>
                                <td>{ c.outcome.label() }</td><td>{ c.summary.clone() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </section>
    }
}
