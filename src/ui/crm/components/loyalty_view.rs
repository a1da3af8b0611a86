//! One customer's loyalty measures (seed 004) as the core's `loyalty` reads them off the card.

use yew::prelude::*;

use kefu_core::crm::loyalty::Signal;
use kefu_core::crm::Loyalty;

fn signal_class(s: Signal) -> &'static str {
    match s {
        Signal::Loyal => "good",
        Signal::Disloyal => "low",
        Signal::Neutral => "mid",
        Signal::Unknown => "unknown",
    }
}

#[derive(Properties, PartialEq)]
pub struct LoyaltyViewProps {
    pub loyalty: Loyalty,
}

#[function_component(LoyaltyView)]
pub fn loyalty_view(props: &LoyaltyViewProps) -> Html {
    let l = &props.loyalty;
    html! {
        <div class="crm-loyalty">
            <p>{"忠诚度:"}<strong data-loyalty-level={l.level.label()}>{ l.level.label() }</strong></p>
            <ul>
                { for l.indicators.iter().map(|i| html! {
                    <li class={signal_class(i.signal)}>
                        { i.measure.label() }{":"}{ if i.value.is_empty() { "未填写".to_string() } else { i.value.clone() } }
                        {" · "}{ i.signal.label() }
                    </li>
                }) }
            </ul>
        </div>
    }
}
