//! A card's rows of the 客户拜访计划表 (seed 001; columns from the core's `VISIT_COLUMNS`) and a
//! form for a new row, checked by the core (`VisitRow::validate`: a 年-月-日 date, a purpose).
//! A row's 实际结果 can be filled in after the visit (`update_visit`).

use crate::ui::clock::now;
use crate::ui::use_app::use_app;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::crm::app::CrmHandle;
use crate::ui::crm::state::{Action, Place};
use kefu_core::crm::{VisitRow, VISIT_COLUMNS};

/// The hook names of the columns, in `VISIT_COLUMNS` order.
const KEYS: [&str; 9] =
    ["date", "person", "purpose", "method", "materials", "expected", "result", "next", "salesperson"];

/// The column of 实际结果 in `VISIT_COLUMNS`.
const RESULT: usize = 6;

fn set_cell(row: &mut VisitRow, i: usize, text: String) {
    let cell = match i {
        0 => &mut row.date,
        1 => &mut row.person,
        2 => &mut row.purpose,
        3 => &mut row.method,
        4 => &mut row.materials,
        5 => &mut row.expected,
        6 => &mut row.result,
        7 => &mut row.next,
        _ => &mut row.salesperson,
    };
    *cell = text;
}

#[derive(Properties, PartialEq)]
pub struct VisitPlanProps {
    pub id: u32,
    pub rows: Vec<VisitRow>,
}

#[function_component(VisitPlan)]
pub fn visit_plan(props: &VisitPlanProps) -> Html {
    let crm = use_app::<CrmHandle>();
    let id = props.id;
    let draft = use_state(|| VisitRow { customer: id, ..VisitRow::default() });
    let plan = {
        let (crm, draft) = (crm.clone(), draft.clone());
        Callback::from(move |_| {
            let before = crm.ws().visits().len();
            let row = VisitRow { customer: id, ..(*draft).clone() };
            crm.dispatch(Action::PlanVisit { row: Box::new(row), now: now() });
            if crm.ws().visits().len() > before {
                draft.set(VisitRow {
                    customer: id,
                    salesperson: draft.salesperson.clone(),
                    ..VisitRow::default()
                });
            }
        })
    };
    html! {
        <section class="crm-visits" data-visit-plan="">
            <h2>{"客户拜访计划表"}</h2>
            <div class="table-scroll">
                <table class="crm-table">
                    <thead><tr>{ for VISIT_COLUMNS.iter().map(|c| html! { <th>{ *c }</th> }) }</tr></thead>
                    <tbody>
                        { for props.rows.iter().map(|r| {
                            // 实际结果 is known only after the visit: it stays editable.
                            let on_result = {
                                let (crm, row) = (crm.clone(), r.clone());
                                Callback::from(move |e: Event| {
                                    let result = e.target_unchecked_into::<HtmlInputElement>().value();
                                    let row = VisitRow { result, ..row.clone() };
                                    crm.dispatch(Action::UpdateVisit { row: Box::new(row), now: now() });
                                })
                            };
                            html! {
                                <tr data-visit={r.id.to_string()}>
                                    { for r.cells().iter().enumerate().map(|(i, c)| if i == RESULT {
                                        html! { <td><input type="text" data-visit-result={r.id.to_string()} aria-label="实际结果"
                                            value={c.to_string()} onchange={on_result.clone()} /></td> }
                                    } else {
                                        html! { <td>{ c.to_string() }</td> }
                                    }) }
                                </tr>
                            }
                        }) }
                        <tr class="new-row">
                            { for KEYS.iter().enumerate().map(|(i, k)| {
                                let value = draft.cells()[i].to_string();
                                let draft = draft.clone();
                                let oninput = Callback::from(move |e: InputEvent| {
                                    let mut row = (*draft).clone();
                                    set_cell(&mut row, i, e.target_unchecked_into::<HtmlInputElement>().value());
                                    draft.set(row);
                                });
                                let placeholder = if i == 0 { "2024-05-06" } else { VISIT_COLUMNS[i] };
                                html! {
                                    <td><input type="text" data-visit-field={*k} aria-label={VISIT_COLUMNS[i]} {placeholder}
                                        {value} {oninput} /></td>
                                }
                            }) }
                        </tr>
                    </tbody>
                </table>
            </div>
            <button data-plan-visit="" onclick={plan}>{"加入拜访计划"}</button>
            if let Some(e) = crm.error_at(Place::Visit(id)) {
                <p class="field-error" role="alert" data-error="visit">{ e.to_string() }</p>
            }
        </section>
    }
}
