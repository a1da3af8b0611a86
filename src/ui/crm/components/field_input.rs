//! One card field as a form control: a select for the fields with a fixed set of values (labels
//! from the core), a text area for long text, a text input otherwise. The control carries
//! `data-field="KEY"`; its error, if any, is shown right under it with `data-field-error="KEY"`.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use kefu_core::crm::labels::SOURCES;
use kefu_core::crm::{CompetitorAttitude, Field, Gender, IncidentAttitude, Kind, Level, State};

/// The values a field may take, when they are a fixed list (the first is "unknown" where empty).
pub fn choices(field: Field) -> Option<Vec<&'static str>> {
    let labels = |v: &[&'static str]| Some(v.to_vec());
    match field {
        Field::Kind => labels(&[Kind::Individual.label(), Kind::Organisation.label()]),
        Field::State => Some(State::ALL.iter().map(|s| s.label()).collect()),
        Field::Gender => labels(&[Gender::Unknown.label(), Gender::Male.label(), Gender::Female.label()]),
        Field::SelectionTime | Field::PriceSensitivity => {
            Some(Level::ALL.iter().map(|l| l.label()).collect())
        }
        Field::CompetitorAttitude => Some(CompetitorAttitude::ALL.iter().map(|l| l.label()).collect()),
        Field::IncidentAttitude => Some(IncidentAttitude::ALL.iter().map(|l| l.label()).collect()),
        _ => None,
    }
}

fn multiline(field: Field) -> bool {
    matches!(
        field,
        Field::Needs
            | Field::Family
            | Field::Interests
            | Field::NextAction
            | Field::Note
            | Field::Projects
            | Field::Competitors
            | Field::DecisionGroup
    )
}

fn hint(field: Field) -> Option<&'static str> {
    match field {
        Field::DecisionGroup => Some("每人一项,用分号隔开,例如:决策者:何局长/局长;采购者:马科长/采购科科长"),
        Field::Revenue | Field::GrossProfit | Field::ServiceCost | Field::Income => Some("整数,单位:元"),
        _ => None,
    }
}

#[derive(Properties, PartialEq)]
pub struct FieldInputProps {
    pub field: Field,
    pub value: String,
    /// The new text: on every keystroke when `live`, otherwise when the control is left.
    pub onchange: Callback<String>,
    #[prop_or_default]
    pub live: bool,
    #[prop_or_default]
    pub error: Option<String>,
    #[prop_or_default]
    pub disabled: bool,
}

#[function_component(FieldInput)]
pub fn field_input(props: &FieldInputProps) -> Html {
    let f = props.field;
    let key = f.key();
    let id = format!("field-{key}");
    let emit = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let oninput = props.live.then(|| {
        let cb = props.onchange.clone();
        Callback::from(move |e: InputEvent| cb.emit(e.target_unchecked_into::<HtmlInputElement>().value()))
    });
    let control = if let Some(values) = choices(f) {
        html! {
            <select id={id.clone()} data-field={key} onchange={emit} disabled={props.disabled}>
                { for values.into_iter().map(|v| html! {
                    <option value={v} selected={v == props.value}>{ if v.is_empty() { "(未知)" } else { v } }</option>
                }) }
            </select>
        }
    } else if multiline(f) {
        html! {
            <textarea id={id.clone()} data-field={key} rows="2" value={props.value.clone()} onchange={emit} {oninput}
                      disabled={props.disabled} />
        }
    } else {
        let list = (f == Field::Source).then_some("crm-sources");
        html! {
            <input id={id.clone()} type="text" data-field={key} value={props.value.clone()} onchange={emit} {oninput}
                   list={list} disabled={props.disabled} />
        }
    };
    html! {
        <div class={classes!("crm-field", props.error.is_some().then_some("invalid"))}>
            <label for={id}>{ f.label() }</label>
            { control }
            if let Some(h) = hint(f) { <small class="hint">{ h }</small> }
            if let Some(e) = &props.error { <p class="field-error" role="alert" data-field-error={key}>{ e.clone() }</p> }
            if f == Field::Source {
                <datalist id="crm-sources">{ for SOURCES.iter().map(|s| html! { <option value={*s} /> }) }</datalist>
            }
        </div>
    }
}
