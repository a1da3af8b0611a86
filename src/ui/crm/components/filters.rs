//! The list's search box, filters (lifecycle state, MAN class) with the count of each, and sort.
//! Every change is a new `Query` for the core's `SearchIndex`, run per keystroke.

use crate::ui::use_app::use_app;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::ui::crm::app::CrmHandle;
use crate::ui::crm::keys::key;
use crate::ui::crm::state::Action;
use kefu_core::crm::{Counts, Man, ManClass, ManSet, Query, SortKey, State, StateSet};

const CLASSES: [ManClass; 3] = [ManClass::Prospect, ManClass::Contactable, ManClass::NonCustomer];

pub const SORTS: [(SortKey, &str, &str); 7] = [
    (SortKey::Id, "id", "创建顺序"),
    (SortKey::Name, "name", "名称"),
    (SortKey::State, "state", "客户状态"),
    (SortKey::Man, "man", "MAN 分类"),
    (SortKey::Revenue, "revenue", "累计销售额"),
    (SortKey::NetProfit, "net_profit", "净利润"),
    (SortKey::Purchases, "purchases", "购买次数"),
];

/// Whether the MAN filter includes `class` (a class is all or none of its combinations).
fn has_class(set: ManSet, class: ManClass) -> bool {
    Man::all().find(|m| m.class() == class).is_some_and(|m| set.contains(Some(m)))
}

/// `set` with `class` (or unassessed, `None`) switched on or off.
fn toggle_man(set: ManSet, class: Option<ManClass>) -> ManSet {
    let on = |c: Option<ManClass>| match c {
        Some(c) => has_class(set, c),
        None => set.contains(None),
    };
    let mut out = ManSet::EMPTY;
    for c in CLASSES.map(Some).into_iter().chain([None]) {
        if on(c) != (c == class) {
            out = match c {
                Some(c) => out.with_class(c),
                None => out.with_unassessed(),
            };
        }
    }
    out
}

fn toggle_state(set: StateSet, s: State) -> StateSet {
    let kept: Vec<State> = State::ALL.into_iter().filter(|x| set.contains(*x) != (*x == s)).collect();
    StateSet::of(&kept)
}

#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    pub counts: Counts,
}

#[function_component(Filters)]
pub fn filters(props: &FiltersProps) -> Html {
    let state = use_app::<CrmHandle>();
    let q = state.query.clone();
    let set = {
        let state = state.clone();
        move |f: Box<dyn Fn(Query) -> Query>| {
            let state = state.clone();
            let q = state.query.clone();
            state.dispatch(Action::SetQuery(f(q)));
        }
    };
    let on_search = {
        let set = set.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            set(Box::new(move |q| Query { text: text.clone(), ..q }));
        })
    };
    let on_sort = {
        let set = set.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let sort = SORTS.iter().find(|s| s.1 == v).map_or(SortKey::Id, |s| s.0);
            set(Box::new(move |q| Query { sort, ..q }));
        })
    };
    let on_desc = {
        let set = set.clone();
        Callback::from(move |e: Event| {
            let descending = e.target_unchecked_into::<HtmlInputElement>().checked();
            set(Box::new(move |q| Query { descending, ..q }));
        })
    };
    let c = &props.counts;
    let man_filter = |class: Option<ManClass>, hook: String, label: &str, n: usize| {
        let set = set.clone();
        let checked = match class {
            Some(cl) => has_class(q.man, cl),
            None => q.man.contains(None),
        };
        let onchange =
            Callback::from(move |_| set(Box::new(move |q| Query { man: toggle_man(q.man, class), ..q })));
        html! {
            <label class="chip">
                <input type="checkbox" data-filter-man={hook.clone()} {checked} {onchange} />
                { label.to_string() }<span class="count" data-count-man={hook}>{ n }</span>
            </label>
        }
    };
    html! {
        <div class="crm-filters">
            <input type="search" class="search" data-search="" placeholder="搜索姓名、电话、单位或需求"
                   aria-label="搜索客户" value={q.text.clone()} oninput={on_search} />
            <fieldset>
                <legend>{"客户状态"}<span class="count" data-count-total="">{ c.total }</span></legend>
                { for State::ALL.into_iter().map(|s| {
                    let set = set.clone();
                    let onchange = Callback::from(move |_| set(Box::new(move |q| Query { states: toggle_state(q.states, s), ..q })));
                    html! {
                        <label class="chip">
                            <input type="checkbox" data-filter-state={s.key()} checked={q.states.contains(s)} {onchange} />
                            { s.label() }<span class="count" data-count-state={s.key()}>{ c.state(s) }</span>
                        </label>
                    }
                }) }
            </fieldset>
            <fieldset>
                <legend>{"MAN 分类"}</legend>
                { for CLASSES.into_iter().map(|cl| man_filter(Some(cl), key(&cl), cl.label(), c.class(cl))) }
                { man_filter(None, "unassessed".into(), "未评估", c.unassessed) }
            </fieldset>
            <label class="sort">{"排序:"}
                <select data-sort="" onchange={on_sort}>
                    { for SORTS.iter().map(|(k, v, label)| html! {
                        <option value={*v} selected={*k == q.sort}>{ *label }</option>
                    }) }
                </select>
                <label><input type="checkbox" data-sort-desc="" checked={q.descending} onchange={on_desc} />{"倒序"}</label>
            </label>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggling_filters_adds_and_removes() {
        let s = toggle_state(StateSet::EMPTY, State::Target);
        assert!(s.contains(State::Target) && !s.contains(State::Actual));
        assert!(toggle_state(s, State::Target).is_empty());
        let m = toggle_man(ManSet::EMPTY, Some(ManClass::Contactable));
        assert!(has_class(m, ManClass::Contactable) && !has_class(m, ManClass::Prospect));
        let m = toggle_man(m, None);
        assert!(m.contains(None));
        let m = toggle_man(toggle_man(m, Some(ManClass::Contactable)), None);
        assert!(m.is_empty());
    }
}
