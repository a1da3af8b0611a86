//! A card's audit history: every change from the core's append-only log (when, what, from, to,
//! why), newest first.

use yew::prelude::*;

use kefu_core::crm::AuditEntry;
use kefu_core::util::time::{datetime, CHINA_UTC_OFFSET_MINUTES};

#[derive(Properties, PartialEq)]
pub struct HistoryProps {
    pub entries: Vec<AuditEntry>,
}

#[function_component(History)]
pub fn history(props: &HistoryProps) -> Html {
    html! {
        <section class="crm-history" data-history="">
            <h2>{"变更记录"}</h2>
            <table class="crm-table">
                <thead><tr><th>{"时间"}</th><th>{"项目"}</th><th>{"原值"}</th><th>{"新值"}</th><th>{"原因"}</th></tr></thead>
                <tbody>
                    { for props.entries.iter().rev().map(|e| html! {
                        <tr data-history-row="">
                            <td>{ datetime(e.at, CHINA_UTC_OFFSET_MINUTES) }</td>
                            <td data-what="">{ e.what() }</td>
                            <td>{ e.from().to_string() }</td>
                            <td data-to="">{ e.to() }</td>
                            <td>{ e.reason.clone() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
