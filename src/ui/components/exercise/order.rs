//! `order`: the items as a list with move-up / move-down buttons (keyboard and screen-reader
//! friendly, and easy to drive in tests: `data-item`, `data-move="up|down"`).

use yew::prelude::*;

use kefu_core::engine::Input;
use kefu_core::pack::Item;

#[derive(Properties, PartialEq)]
pub struct OrderProps {
    pub items: Vec<Item>,
    pub input: Input,
    pub on_change: Callback<Input>,
}

#[function_component(OrderView)]
pub fn order_view(props: &OrderProps) -> Html {
    let Input::Order(ids) = &props.input else { return html! {} };
    let n = ids.len();
    html! {
        <ol class="order-list">
            { for ids.iter().enumerate().map(|(i, id)| {
                let text = props.items.iter().find(|x| &x.id == id).map(|x| x.text.clone()).unwrap_or_default();
                let mover = |to: usize| {
                    let (ids, on_change) = (ids.clone(), props.on_change.clone());
                    Callback::from(move |_: MouseEvent| {
                        let mut v = ids.clone();
                        v.swap(i, to);
                        on_change.emit(Input::Order(v));
                    })
                };
                html! {
                    <li class="order-item" data-item={id.clone()}>
                        <span class="pos">{ i + 1 }</span>
                        <span class="text">{ text }</span>
                        <button data-move="up" aria-label="上移" disabled={i == 0} onclick={mover(i.saturating_sub(1))}>{"↑"}</button>
                        <button data-move="down" aria-label="下移" disabled={i + 1 == n} onclick={mover((i + 1).min(n - 1))}>{"↓"}</button>
                    </li>
                }
            }) }
        </ol>
    }
}
