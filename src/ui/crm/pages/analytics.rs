//! Customer analytics (seed 004): the 80/20/30 Pareto of revenue and net profit with its chart,
//! the value ranking, the "big but not good" flag (大客户不等于好客户), each customer's loyalty
//! and the counts by state and MAN class. Every figure comes from the core.

use crate::ui::use_app::use_app;
use yew::prelude::*;

use crate::ui::crm::app::CrmHandle;
use crate::ui::crm::components::pareto_chart::ParetoChart;
use crate::ui::crm::keys::key;
use crate::ui::crm::route::Route;
use kefu_core::crm::labels::LOYALTY_CULTIVATION;
use kefu_core::crm::value::Measure;
use kefu_core::crm::{
    big_not_good, loyalty, pareto, ranking, BigNotGoodRule, Counts, ManClass, Pareto, State,
};

/// Rows of the ranking and loyalty tables (the rest are a search away in the list).
const SHOWN: usize = 50;

fn percent(bp: i64) -> String {
    let sign = if bp < 0 { "-" } else { "" };
    format!("{sign}{}.{}%", bp.abs() / 100, bp.abs() % 100 / 10)
}

fn yuan(v: i64) -> String {
    format!("{v} 元")
}

fn pareto_summary(p: &Pareto, what: &str, hook: &str) -> Html {
    html! {
        <li data-pareto={hook.to_string()} data-top20={p.top20_bp.to_string()}>
            { format!("前 20% 的客户带来了 {} 的{what}", percent(p.top20_bp)) }
            if p.measure == Measure::NetProfit && p.loss_making_bp > 0 {
                { format!(";{} 的客户亏损,吃掉了其他客户所创利润的 {}", percent(p.loss_making_bp), percent(p.consumed_bp)) }
            }
        </li>
    }
}

#[function_component(Analytics)]
pub fn analytics() -> Html {
    let crm = use_app::<CrmHandle>();
    let ws = crm.ws();
    let cards = ws.customers();
    if cards.is_empty() {
        return html! { <div class="empty"><p>{"还没有客户,无法分析。"}</p><a href={Route::List.href()}>{"返回客户列表"}</a></div> };
    }
    let revenue = pareto(cards, Measure::Revenue, 20);
    let profit = pareto(cards, Measure::NetProfit, 20);
    let ranked = ranking(cards);
    let flagged = big_not_good(cards, BigNotGoodRule::default());
    let counts = Counts::of(cards);
    let name = |id: u32| ws.customer(id).map(|c| c.name.clone()).unwrap_or_default();
    html! {
        <div class="crm-analytics" data-analytics="">
            <h1>{"客户分析"}</h1>
            <section>
                <h2>{"客户数量"}</h2>
                <div class="count-grid">
                    { for State::ALL.iter().map(|s| html! {
                        <div class="count-box"><span>{ s.label() }</span><strong data-count-state={s.key()}>{ counts.state(*s) }</strong></div>
                    }) }
                    { for [ManClass::Prospect, ManClass::Contactable, ManClass::NonCustomer].iter().map(|c| html! {
                        <div class="count-box man"><span>{ c.label() }</span><strong data-count-man={key(c)}>{ counts.class(*c) }</strong></div>
                    }) }
                    <div class="count-box man"><span>{"未评估"}</span><strong data-count-man="unassessed">{ counts.unassessed }</strong></div>
                </div>
            </section>
            <section>
                <h2>{"80/20/30 法则"}</h2>
                <ul class="pareto-summary">
                    { pareto_summary(&revenue, "销售额", "revenue") }
                    { pareto_summary(&profit, "利润", "profit") }
                </ul>
                <ParetoChart revenue={revenue.clone()} profit={profit.clone()} />
            </section>
            <section>
                <h2>{"大客户不等于好客户"}</h2>
                if flagged.is_empty() {
                    <p class="hint">{"销售额前 20% 的客户中,没有利润低或服务成本过高的。"}</p>
                } else {
                    <ul class="flags">
                        { for flagged.iter().map(|f| html! {
                            <li data-big-not-good={f.id.to_string()}>
                                <a href={Route::Customer(f.id).href()}>{ name(f.id) }</a>{":"}
                                { f.reasons.iter().map(|r| r.label()).collect::<Vec<_>>().join(";") }
                            </li>
                        }) }
                    </ul>
                }
            </section>
            <section>
                <h2>{"客户价值排名"}</h2>
                <table class="crm-table">
                    <thead><tr><th>{"名次"}</th><th>{"客户"}</th><th>{"净利润"}</th><th>{"销售额"}</th></tr></thead>
                    <tbody>
                        { for ranked.iter().take(SHOWN).map(|r| html! {
                            <tr data-rank={r.rank.to_string()} data-ranked={r.id.to_string()}>
                                <td>{ r.rank }</td>
                                <td><a href={Route::Customer(r.id).href()}>{ name(r.id) }</a></td>
                                <td class={classes!((r.net_profit < 0).then_some("loss"))}>{ yuan(r.net_profit) }</td>
                                <td>{ yuan(r.revenue) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </section>
            <section>
                <h2>{"客户忠诚度"}</h2>
                <table class="crm-table">
                    <thead><tr><th>{"客户"}</th><th>{"忠诚度"}</th><th>{"测量标准"}</th></tr></thead>
                    <tbody>
                        { for cards.iter().take(SHOWN).map(|c| {
                            let l = loyalty(c);
                            html! {
                                <tr data-loyalty={c.id.to_string()} data-level={l.level.label()}>
                                    <td><a href={Route::Customer(c.id).href()}>{ c.name.clone() }</a></td>
                                    <td class="nowrap">{ l.level.label() }</td>
                                    <td class="hint">{ l.indicators.iter().filter(|i| !i.value.is_empty())
                                        .map(|i| format!("{}:{}", i.measure.label(), i.signal.label())).collect::<Vec<_>>().join(";") }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                <h3>{"培养客户忠诚的方法"}</h3>
                <ul>{ for LOYALTY_CULTIVATION.iter().map(|t| html! { <li>{ *t }</li> }) }</ul>
            </section>
        </div>
    }
}
