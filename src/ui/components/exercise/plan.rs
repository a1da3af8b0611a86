//! `plan`: a form. Text fields (`textarea`) are kept for the teacher; option fields are radio
//! buttons or check boxes (`data-option`). Each field is `data-field="ID"`.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use kefu_core::engine::exercise::FieldAnswer;
use kefu_core::engine::Input;
use kefu_core::pack::{FieldInput, PlanField};

#[derive(Properties, PartialEq)]
pub struct PlanProps {
    pub fields: Vec<PlanField>,
    pub input: Input,
    pub on_change: Callback<Input>,
}

#[function_component(PlanView)]
pub fn plan_view(props: &PlanProps) -> Html {
    let Input::Plan(map) = &props.input else { return html! {} };
    html! {
        <div class="plan-form">
            { for props.fields.iter().map(|f| {
                let current = map.get(&f.id).cloned().unwrap_or_default();
                let set = {
                    let (map, on_change, id) = (map.clone(), props.on_change.clone(), f.id.clone());
                    move |a: FieldAnswer| {
                        let mut m = map.clone();
                        m.insert(id.clone(), a);
                        on_change.emit(Input::Plan(m));
                    }
                };
                let control = match f.input {
                    FieldInput::Text => {
                        let oninput = Callback::from(move |e: InputEvent| {
                            set(FieldAnswer { text: e.target_unchecked_into::<HtmlTextAreaElement>().value(), picks: vec![] })
                        });
                        html! {
                            <textarea rows="4" value={current.text.clone()} {oninput}
                                placeholder={if f.min_chars > 0 { format!("至少 {} 个字", f.min_chars) } else { "选填".into() }} />
                        }
                    }
                    FieldInput::One | FieldInput::Many => {
                        let many = f.input == FieldInput::Many;
                        html! {
                            <div class="options" role={if many { "group" } else { "radiogroup" }}>
                                { for f.options.iter().map(|o| {
                                    let on = current.picks.contains(&o.id);
                                    let onchange = {
                                        let (set, picks, oid) = (set.clone(), current.picks.clone(), o.id.clone());
                                        Callback::from(move |_: Event| {
                                            let picks = if !many { vec![oid.clone()] }
                                                else if picks.contains(&oid) { picks.iter().filter(|p| **p != oid).cloned().collect() }
                                                else { let mut p = picks.clone(); p.push(oid.clone()); p };
                                            set(FieldAnswer { text: String::new(), picks });
                                        })
                                    };
                                    html! {
                                        <label class="option">
                                            <input type={if many { "checkbox" } else { "radio" }} name={f.id.clone()}
                                                data-option={o.id.clone()} checked={on} {onchange} />
                                            <span>{ o.text.clone() }</span>
                                        </label>
                                    }
                                }) }
                            </div>
                        }
                    }
                };
                html! {
                    <fieldset class="plan-field" data-field={f.id.clone()}>
                        <legend>{ f.label.clone() }</legend>
                        { control }
                    </fieldset>
                }
            }) }
        </div>
    }
}
