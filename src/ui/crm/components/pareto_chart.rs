//! The 80/20/30 chart: the Pareto curves of revenue and net profit from the core's `pareto`
//! (cumulative share brought by the top x % of customers) as an inline SVG, with the 20 % line.
//! The profit curve can rise above 100 % and fall back: the fall is what loss-making customers
//! consume. Shares are basis points (10 000 = 100 %), so the drawing needs no floats.

use yew::prelude::*;

use kefu_core::crm::{Pareto, ParetoPoint};

const W: i64 = 400;
const H: i64 = 240;
const PAD: i64 = 36;

/// The y range in basis points: 0 … at least 100 %, more when the profit curve overshoots.
fn top_bp(curves: &[&Pareto]) -> i64 {
    let max = curves.iter().flat_map(|p| p.points.iter().map(|x| x.cumulative_bp)).max().unwrap_or(0);
    (max.max(10_000) + 1_999) / 2_000 * 2_000
}

fn min_bp(curves: &[&Pareto]) -> i64 {
    curves.iter().flat_map(|p| p.points.iter().map(|x| x.cumulative_bp)).min().unwrap_or(0).min(0)
}

/// SVG coordinates of a point.
fn xy(p: &ParetoPoint, lo: i64, hi: i64) -> (i64, i64) {
    let x = PAD + p.customers_bp * (W - 2 * PAD) / 10_000;
    let y = H - PAD - (p.cumulative_bp - lo) * (H - 2 * PAD) / (hi - lo).max(1);
    (x, y)
}

pub fn polyline(p: &Pareto, lo: i64, hi: i64) -> String {
    p.points
        .iter()
        .map(|pt| {
            let (x, y) = xy(pt, lo, hi);
            format!("{x},{y}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Properties, PartialEq)]
pub struct ParetoChartProps {
    pub revenue: Pareto,
    pub profit: Pareto,
}

#[function_component(ParetoChart)]
pub fn pareto_chart(props: &ParetoChartProps) -> Html {
    let curves = [&props.revenue, &props.profit];
    let (lo, hi) = (min_bp(&curves), top_bp(&curves));
    let y_of = |bp: i64| xy(&ParetoPoint { customers_bp: 0, cumulative_bp: bp }, lo, hi).1;
    let x20 = PAD + 2_000 * (W - 2 * PAD) / 10_000;
    let ticks: Vec<i64> = (lo / 2_000..=hi / 2_000).map(|i| i * 2_000).collect();
    html! {
        <svg class="pareto-chart" data-pareto-chart="" viewBox={format!("0 0 {W} {H}")} role="img"
             aria-label="客户价值帕累托曲线:前 x% 的客户带来的销售额与利润累计占比">
            { for ticks.iter().map(|t| {
                let y = y_of(*t);
                html! {
                    <g class="grid">
                        <line x1={PAD.to_string()} x2={(W - PAD).to_string()} y1={y.to_string()} y2={y.to_string()} />
                        <text x={(PAD - 4).to_string()} y={(y + 4).to_string()} text-anchor="end">{ format!("{}%", t / 100) }</text>
                    </g>
                }
            }) }
            <line class="axis" x1={PAD.to_string()} x2={(W - PAD).to_string()} y1={y_of(0).to_string()} y2={y_of(0).to_string()} />
            <line class="mark20" x1={x20.to_string()} x2={x20.to_string()} y1={PAD.to_string()} y2={(H - PAD).to_string()} />
            <text class="mark20" x={x20.to_string()} y={(H - PAD + 14).to_string()} text-anchor="middle">{"20%"}</text>
            <text x={(W - PAD).to_string()} y={(H - PAD + 14).to_string()} text-anchor="end">{"100% 客户"}</text>
            <polyline class="revenue" data-curve="revenue" points={polyline(&props.revenue, lo, hi)} />
            <polyline class="profit" data-curve="profit" points={polyline(&props.profit, lo, hi)} />
            <g class="legend">
                <line class="revenue" x1={(PAD + 8).to_string()} x2={(PAD + 28).to_string()} y1="14" y2="14" />
                <text x={(PAD + 32).to_string()} y="18">{"销售额"}</text>
                <line class="profit" x1={(PAD + 88).to_string()} x2={(PAD + 108).to_string()} y1="14" y2="14" />
                <text x={(PAD + 112).to_string()} y="18">{"净利润"}</text>
            </g>
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kefu_core::crm::value::Measure;
    use kefu_core::crm::{pareto, Customer};

    #[test]
    fn curve_spans_the_plot_and_overshoot_raises_the_top() {
        let cards: Vec<Customer> = [(100, 80), (50, 30), (10, -60)]
            .iter()
            .enumerate()
            .map(|(i, (r, g))| Customer {
                id: i as u32 + 1,
                revenue: *r,
                gross_profit: *g,
                ..Customer::default()
            })
            .collect();
        let p = pareto(&cards, Measure::NetProfit, 10);
        assert!(top_bp(&[&p]) > 10_000, "profit of the top customers exceeds the total");
        let pts = polyline(&p, 0, top_bp(&[&p]));
        assert!(pts.starts_with(&format!("{PAD},{}", H - PAD)), "{pts}");
        assert!(pts.split(' ').count() == 11);
    }
}
