//! The 客户拜访计划表 as seed 001 heads it: one 销售专员's rows for one 年度, across customers
//! (the core's `visit_plan`), with the customer's name before the table's columns.

use crate::ui::use_app::use_app;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::ui::crm::app::CrmHandle;
use crate::ui::crm::route::Route;
use kefu_core::crm::VISIT_COLUMNS;
use kefu_core::util::order::sort_by;

#[function_component(Visits)]
pub fn visits() -> Html {
    let crm = use_app::<CrmHandle>();
    let ws = crm.ws();
    // Sorted, deduplicated lists (a Vec rather than a BTreeSet: smaller wasm).
    let mut people: Vec<String> = ws.visits().iter().map(|v| v.salesperson.clone()).collect();
    sort_by(&mut people, |a, b| a.cmp(b));
    people.dedup();
    let mut years: Vec<u32> = ws.visits().iter().filter_map(|v| v.year()).collect();
    sort_by(&mut years, |a, b| a.cmp(b));
    years.dedup();
    let picked = use_state(|| None::<String>);
    let year = use_state(|| None::<u32>);
    let person = (*picked).clone().or_else(|| people.first().cloned());
    let the_year = (*year).or_else(|| years.last().copied());
    let on_person = {
        let picked = picked.clone();
        Callback::from(move |e: Event| {
            picked.set(Some(e.target_unchecked_into::<HtmlSelectElement>().value()))
        })
    };
    let on_year = {
        let year = year.clone();
        Callback::from(move |e: Event| {
            year.set(e.target_unchecked_into::<HtmlSelectElement>().value().parse().ok())
        })
    };
    let (Some(person), Some(the_year)) = (person, the_year) else {
        return html! {
            <div class="empty">
                <p>{"还没有拜访计划。在客户资料卡的「客户拜访计划表」中加入拜访(写明日期和销售专员)。"}</p>
                <a href={Route::List.href()}>{"返回客户列表"}</a>
            </div>
        };
    };
    let rows = ws.visit_plan(&person, the_year);
    html! {
        <div class="crm-plan">
            <h1>{"客户拜访计划表"}</h1>
            <div class="actions">
                <label>{"销售专员:"}
                    <select data-visit-salesperson="" onchange={on_person}>
                        { for people.iter().map(|p| html! {
                            <option value={p.clone()} selected={*p == person}>{ if p.is_empty() { "(未填写)" } else { p.as_str() } }</option>
                        }) }
                    </select>
                </label>
                <label>{"年度:"}
                    <select data-visit-year="" onchange={on_year}>
                        { for years.iter().map(|y| html! { <option value={y.to_string()} selected={*y == the_year}>{ y }</option> }) }
                    </select>
                </label>
            </div>
            <div class="table-scroll">
                <table class="crm-table">
                    <thead><tr><th>{"客户"}</th>{ for VISIT_COLUMNS.iter().map(|c| html! { <th>{ *c }</th> }) }</tr></thead>
                    <tbody>
                        { for rows.iter().map(|r| html! {
                            <tr data-plan-row={r.id.to_string()}>
                                <td><a href={Route::Customer(r.customer).href()}>
                                    { ws.customer(r.customer).map(|c| c.name.clone()).unwrap_or_else(|| format!("编号 {}(已删除)", r.customer)) }
                                </a></td>
                                { for r.cells().iter().map(|c| html! { <td>{ c.to_string() }</td> }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}
