//! An organisation's decision group (决策群体, seed 002): who is 看门者, 采购者, 使用者, 决策者 or
//! 影响者, with each role's description. Changes are written as the field's one text form and go
//! through the core's `set_field`, so they are checked and logged like any other edit.

use crate::ui::clock::now;
use crate::ui::use_app::use_app;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::ui::crm::app::CrmHandle;
use crate::ui::crm::keys::key;
use crate::ui::crm::state::{Action, Place};
use kefu_core::crm::field::decision_group_text;
use kefu_core::crm::{Field, Member, Role};

#[derive(Properties, PartialEq)]
pub struct DecisionGroupProps {
    pub id: u32,
    pub members: Vec<Member>,
}

#[function_component(DecisionGroup)]
pub fn decision_group(props: &DecisionGroupProps) -> Html {
    let crm = use_app::<CrmHandle>();
    let id = props.id;
    let role = use_state(|| Role::DecisionMaker);
    let name = use_state(String::new);
    let title = use_state(String::new);
    let write = {
        let crm = crm.clone();
        move |members: Vec<Member>| {
            let text = decision_group_text(&members);
            crm.dispatch(Action::SetField { id, field: Field::DecisionGroup, text, now: now() });
        }
    };
    let add = {
        let (write, members, role, name, title) =
            (write.clone(), props.members.clone(), role.clone(), name.clone(), title.clone());
        Callback::from(move |_| {
            let mut m = members.clone();
            m.push(Member { role: *role, name: (*name).clone(), title: (*title).clone() });
            write(m);
            name.set(String::new());
            title.set(String::new());
        })
    };
    let text = |h: &UseStateHandle<String>| {
        let h = h.clone();
        Callback::from(move |e: InputEvent| h.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_role = {
        let role = role.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            role.set(Role::ALL.into_iter().find(|r| key(r) == v).unwrap_or(Role::DecisionMaker));
        })
    };
    html! {
        <section class="crm-group" data-decision-group="">
            <h2>{"决策群体"}</h2>
            <ul class="roles">
                { for Role::ALL.iter().map(|r| html! {
                    <li class="role-card">
                        <strong>{ r.label() }</strong><small>{ r.description() }</small>
                        <ul>
                            { for props.members.iter().enumerate().filter(|(_, m)| m.role == *r).map(|(i, m)| {
                                let (write, members) = (write.clone(), props.members.clone());
                                let remove = Callback::from(move |_| {
                                    let mut m = members.clone();
                                    m.remove(i);
                                    write(m);
                                });
                                html! {
                                    <li data-member={key(&m.role)}>
                                        { m.name.clone() }
                                        if !m.title.is_empty() { <span class="hint">{ format!("({})", m.title) }</span> }
                                        <button class="link" data-remove-member={i.to_string()} onclick={remove} aria-label="移除">{"×"}</button>
                                    </li>
                                }
                            }) }
                        </ul>
                    </li>
                }) }
            </ul>
            <div class="member-form">
                <select data-member-role="" onchange={on_role} aria-label="角色">
                    { for Role::ALL.iter().map(|r| html! { <option value={key(r)} selected={*r == *role}>{ r.label() }</option> }) }
                </select>
                <input type="text" data-member-name="" placeholder="姓名" aria-label="姓名" value={(*name).clone()} oninput={text(&name)} />
                <input type="text" data-member-title="" placeholder="职务" aria-label="职务" value={(*title).clone()} oninput={text(&title)} />
                <button data-add-member="" onclick={add}>{"加入"}</button>
            </div>
            if let Some(e) = crm.error_at(Place::Field(id, Field::DecisionGroup)) {
                <p class="field-error" role="alert" data-field-error="decision_group">{ e.to_string() }</p>
            }
        </section>
    }
}
