//! `calc`: one number input per step (`data-step`, an `input` inside), with its unit.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use kefu_core::engine::Input;
use kefu_core::pack::CalcStep;

#[derive(Properties, PartialEq)]
pub struct CalcProps {
    pub steps: Vec<CalcStep>,
    pub input: Input,
    pub on_change: Callback<Input>,
}

#[function_component(CalcView)]
pub fn calc_view(props: &CalcProps) -> Html {
    let Input::Calc(map) = &props.input else { return html! {} };
    html! {
        <ol class="calc-list">
            { for props.steps.iter().map(|s| {
                let oninput = {
                    let (map, on_change, id) = (map.clone(), props.on_change.clone(), s.id.clone());
                    Callback::from(move |e: InputEvent| {
                        let mut m = map.clone();
                        m.insert(id.clone(), e.target_unchecked_into::<HtmlInputElement>().value());
                        on_change.emit(Input::Calc(m));
                    })
                };
                html! {
                    <li class="calc-step" data-step={s.id.clone()}>
                        <label>
                            <span class="text">{ s.text.clone() }</span>
                            <span class="answer">
                                <input type="text" inputmode="decimal" value={map.get(&s.id).cloned().unwrap_or_default()} {oninput} />
                                if !s.unit.is_empty() { <span class="unit">{ s.unit.clone() }</span> }
                            </span>
                        </label>
                    </li>
                }
            }) }
        </ol>
    }
}
