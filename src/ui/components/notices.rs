//! Storage and engine notices the user must see (data recovered, a save that failed…).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<String>,
    pub on_dismiss: Callback<usize>,
}

#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="notices" role="alert">
            { for props.notices.iter().enumerate().map(|(i, n)| {
                let dismiss = props.on_dismiss.reform(move |_| i);
                html! {
                    <div class="notice" data-notice="">
                        <span>{ n.clone() }</span>
                        <button class="link" onclick={dismiss}>{"知道了"}</button>
                    </div>
                }
            }) }
        </div>
    }
}
