//! `classify`: each item with a drop-down of the categories (`data-item`, a `select` inside).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use kefu_core::engine::Input;
use kefu_core::pack::{Category, Item};

#[derive(Properties, PartialEq)]
pub struct ClassifyProps {
    pub categories: Vec<Category>,
    pub items: Vec<Item>,
    pub input: Input,
    pub on_change: Callback<Input>,
}

#[function_component(ClassifyView)]
pub fn classify_view(props: &ClassifyProps) -> Html {
    let Input::Classify(map) = &props.input else { return html! {} };
    html! {
        <ul class="classify-list">
            { for props.items.iter().map(|item| {
                let chosen = map.get(&item.id).cloned().unwrap_or_default();
                let onchange = {
                    let (map, on_change, id) = (map.clone(), props.on_change.clone(), item.id.clone());
                    Callback::from(move |e: Event| {
                        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                        let mut m = map.clone();
                        if value.is_empty() { m.shift_remove(&id); } else { m.insert(id.clone(), value); }
                        on_change.emit(Input::Classify(m));
                    })
                };
                html! {
                    <li class="classify-item" data-item={item.id.clone()}>
                        <label>
                            <span class="text">{ item.text.clone() }</span>
                            <select {onchange} aria-label="选择类别">
                                <option value="" selected={chosen.is_empty()}>{"请选择……"}</option>
                                { for props.categories.iter().map(|c| html! {
                                    <option value={c.id.clone()} selected={chosen == c.id}>{ c.text.clone() }</option>
                                }) }
                            </select>
                        </label>
                    </li>
                }
            }) }
        </ul>
    }
}
