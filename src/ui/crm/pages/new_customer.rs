//! A new customer card (客户资料卡): a person or an organisation (with seed 002's key-account
//! fields). Each bad field is shown under it (the core's `Field::set` says why); a card that
//! may duplicate an existing one (same phone, or same name and organisation) is only created
//! after the user has seen the warning and confirmed.

use std::collections::BTreeMap;

use crate::ui::clock::now;
use crate::ui::use_app::use_app;
use yew::prelude::*;

use crate::ui::crm::app::CrmHandle;
use crate::ui::crm::components::field_input::FieldInput;
use crate::ui::crm::route::{navigate, Route};
use crate::ui::crm::state::{Action, Place};
use kefu_core::crm::field::canonical_card;
use kefu_core::crm::{Customer, Duplicate, Field, Kind};

/// The fields asked for on a new card of `kind`, in card order (status and MAN come later, on
/// the card page; the figures of value and loyalty too).
pub fn form_fields(kind: Kind) -> Vec<Field> {
    Field::ALL
        .into_iter()
        .filter(|f| !matches!(f, Field::Kind | Field::Man))
        .filter(|f| match kind {
            Kind::Individual => !f.organisation_only(),
            Kind::Organisation => !f.individual_only(),
        })
        .collect()
}

/// The card the form describes, or every field that cannot be read.
pub fn build_card(kind: Kind, values: &BTreeMap<Field, String>) -> Result<Customer, BTreeMap<Field, String>> {
    let mut card = Customer::new(kind, "");
    let mut errors = BTreeMap::new();
    for f in form_fields(kind) {
        // Untouched fields keep the new card's defaults (a select shows its first value, 潜在客户);
        // the name is always read so that a missing one is reported.
        let Some(text) = values.get(&f).map(String::as_str).or((f == Field::Name).then_some("")) else {
            continue;
        };
        if let Err(e) = f.set(&mut card, text) {
            errors.insert(f, e);
        }
    }
    if errors.is_empty() {
        if let Err(errs) = canonical_card(&card) {
            errors.extend(errs.into_iter().map(|e| (e.field, e.reason)));
        }
    }
    if errors.is_empty() {
        Ok(card)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untouched_fields_keep_defaults_and_every_bad_field_is_reported() {
        let mut v = BTreeMap::new();
        v.insert(Field::Phone, "打电话".to_string());
        v.insert(Field::Age, "200".to_string());
        let errors = build_card(Kind::Individual, &v).unwrap_err();
        assert_eq!(errors.keys().copied().collect::<Vec<_>>(), vec![Field::Name, Field::Phone, Field::Age]);
        v.insert(Field::Name, "王阿姨".into());
        v.insert(Field::Phone, "138 0013 8000".into());
        v.remove(&Field::Age);
        let card = build_card(Kind::Individual, &v).unwrap();
        assert_eq!((card.name.as_str(), card.state), ("王阿姨", kefu_core::crm::State::Potential));
        assert!(!form_fields(Kind::Individual).contains(&Field::DecisionGroup));
        assert!(form_fields(Kind::Organisation).contains(&Field::DecisionGroup));
    }
}

#[function_component(NewCustomer)]
pub fn new_customer() -> Html {
    let state = use_app::<CrmHandle>();
    let kind = use_state(|| Kind::Individual);
    let values = use_state(BTreeMap::<Field, String>::new);
    let errors = use_state(BTreeMap::<Field, String>::new);
    // Duplicates the user has been shown for exactly this card; a second click creates it.
    let warned = use_state(|| None::<(Customer, Vec<Duplicate>)>);

    let set_kind = |k: Kind| {
        let (kind, warned) = (kind.clone(), warned.clone());
        Callback::from(move |_| {
            kind.set(k);
            warned.set(None);
        })
    };
    let submit = {
        let (state, kind, values, errors, warned) =
            (state.clone(), kind.clone(), values.clone(), errors.clone(), warned.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match build_card(*kind, &values) {
                Err(errs) => errors.set(errs),
                Ok(card) => {
                    errors.set(BTreeMap::new());
                    let dups = state.ws().duplicates_of(&card);
                    let confirmed = warned.as_ref().is_some_and(|(c, _)| *c == card);
                    if !dups.is_empty() && !confirmed {
                        warned.set(Some((card, dups)));
                        return;
                    }
                    let id = state.ws().next_id();
                    state.dispatch(Action::Create { card: Box::new(card), now: now() });
                    if state.ws().customer(id).is_some() {
                        navigate(&Route::Customer(id));
                    }
                }
            }
        })
    };
    // What an untouched field holds (shown, so a select never displays a value it will not save).
    let blank = Customer::new(*kind, "");
    html! {
        <form class="crm-form" data-new-customer-form="" onsubmit={submit} novalidate=true>
            <h1>{"新建客户资料卡"}</h1>
            <div class="kind-switch" role="radiogroup" aria-label="客户类型">
                <label><input type="radio" name="kind" data-kind="individual" checked={*kind == Kind::Individual}
                    onchange={set_kind(Kind::Individual)} />{"个人客户"}</label>
                <label><input type="radio" name="kind" data-kind="organisation" checked={*kind == Kind::Organisation}
                    onchange={set_kind(Kind::Organisation)} />{"单位客户(大客户)"}</label>
            </div>
            <div class="crm-fields">
                { for form_fields(*kind).into_iter().map(|f| {
                    let onchange = {
                        let (values, warned) = (values.clone(), warned.clone());
                        Callback::from(move |text: String| {
                            let mut v = (*values).clone();
                            v.insert(f, text);
                            values.set(v);
                            warned.set(None);
                        })
                    };
                    html! {
                        <FieldInput field={f} value={values.get(&f).cloned().unwrap_or_else(|| f.get(&blank))} live=true
                            {onchange} error={errors.get(&f).cloned()} />
                    }
                }) }
            </div>
            if let Some(e) = state.error_at(Place::Create) {
                <p class="field-error" role="alert" data-error="create">{ e.to_string() }</p>
            }
            if let Some((_, dups)) = &*warned {
                <div class="crm-warning" role="alert" data-duplicate-warning="">
                    <ul>
                        { for dups.iter().map(|d| html! {
                            <li data-duplicate={d.existing.to_string()}>
                                { d.to_string() }{" "}
                                <a href={Route::Customer(d.existing).href()}>{"查看"}</a>
                            </li>
                        }) }
                    </ul>
                    <p>{"确认是另一位客户?再点一次「创建」即可。"}</p>
                </div>
            }
            <div class="actions">
                <button type="submit" class="primary" data-create="">
                    { if warned.is_some() { "仍然创建" } else { "创建" } }
                </button>
                <a href={Route::List.href()}>{"取消"}</a>
            </div>
        </form>
    }
}
