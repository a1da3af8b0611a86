//! Customer value (seed 004, 客户的选择): the 80/20/30 rule as Pareto curves of revenue and net
//! profit, a value ranking, and the "big but not good" flag (大客户不等于好客户). Shares are in
//! basis points (1/10 000) so no floating point is needed, and curves are sampled to a fixed
//! number of points for a chart.

use super::customer::Customer;

/// 10 000 basis points = 100 %.
pub const WHOLE: i64 = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Revenue,
    /// Gross profit less the cost to serve.
    NetProfit,
}

impl Measure {
    fn of(self, c: &Customer) -> i64 {
        match self {
            Measure::Revenue => c.revenue,
            Measure::NetProfit => c.net_profit(),
        }
    }
}

/// One point of a Pareto curve: the top `customers_bp` of customers (by the measure, largest
/// first) bring `cumulative_bp` of the total. For net profit the curve can rise above 100 %
/// and fall back: that fall is the profit eaten by loss-making customers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParetoPoint {
    pub customers_bp: i64,
    pub cumulative_bp: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pareto {
    pub measure: Measure,
    pub customers: usize,
    pub total: i64,
    /// From (0, 0) to (100 %, 100 %), `samples + 1` points evenly spaced in customers.
    pub points: Vec<ParetoPoint>,
    /// Share of the total brought by the top 20 % of customers (80/20: about 8 000).
    pub top20_bp: i64,
    /// Customers with a negative value, as a share of all customers.
    pub loss_making_bp: i64,
    /// What the loss-making customers consume, as a share of what the others bring (80/20/30:
    /// about half).
    pub consumed_bp: i64,
}

fn share(part: i64, whole: i64) -> i64 {
    if whole == 0 {
        0
    } else {
        (part as i128 * WHOLE as i128 / whole as i128) as i64
    }
}

/// The Pareto curve of `measure` over `customers`, sampled at `samples` even steps.
pub fn pareto<'a>(
    customers: impl IntoIterator<Item = &'a Customer>,
    measure: Measure,
    samples: usize,
) -> Pareto {
    let mut values: Vec<i64> = customers.into_iter().map(|c| measure.of(c)).collect();
    crate::util::order::sort_by(&mut values, |a, b| b.cmp(a));
    let n = values.len();
    let mut prefix = Vec::with_capacity(n + 1);
    prefix.push(0i64);
    for v in &values {
        prefix.push(prefix.last().unwrap().saturating_add(*v));
    }
    let total = prefix[n];
    let samples = samples.max(1);
    let points = (0..=samples)
        .map(|s| {
            // The first k customers with k / n closest to s / samples.
            let k = (s * n + samples / 2) / samples;
            ParetoPoint {
                customers_bp: share(s as i64, samples as i64),
                cumulative_bp: share(prefix[k], total),
            }
        })
        .collect();
    let top20 = (n * 2).div_ceil(10);
    let gains: i64 = values.iter().filter(|v| **v > 0).sum();
    let losses: i64 = values.iter().filter(|v| **v < 0).map(|v| -v).sum();
    Pareto {
        measure,
        customers: n,
        total,
        points,
        top20_bp: share(prefix[top20], total),
        loss_making_bp: share(values.iter().filter(|v| **v < 0).count() as i64, n as i64),
        consumed_bp: share(losses, gains),
    }
}

/// One line of the value ranking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub rank: usize,
    pub id: u32,
    pub net_profit: i64,
    pub revenue: i64,
}

/// Customers by value: net profit first (what the customer is worth to the company), then
/// revenue, then creation order. Ranks are 1-based; equal values share a rank.
pub fn ranking<'a>(customers: impl IntoIterator<Item = &'a Customer>) -> Vec<Ranked> {
    let mut v: Vec<&Customer> = customers.into_iter().collect();
    crate::util::order::sort_by(&mut v, |a, b| {
        b.net_profit().cmp(&a.net_profit()).then(b.revenue.cmp(&a.revenue)).then(a.id.cmp(&b.id))
    });
    let mut out: Vec<Ranked> = Vec::with_capacity(v.len());
    for (i, c) in v.iter().enumerate() {
        let rank = match out.last() {
            Some(p) if p.net_profit == c.net_profit() && p.revenue == c.revenue => p.rank,
            _ => i + 1,
        };
        out.push(Ranked { rank, id: c.id, net_profit: c.net_profit(), revenue: c.revenue });
    }
    out
}

/// The thresholds of [`big_not_good`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BigNotGoodRule {
    /// "Big": among the top this share of customers by revenue.
    pub top_revenue_bp: i64,
    /// "Not good": net profit below this share of revenue (利润风险) …
    pub min_margin_bp: i64,
    /// … or the cost to serve above this share of gross profit (服务成本高, 管理风险).
    pub max_cost_bp: i64,
}

impl Default for BigNotGoodRule {
    fn default() -> Self {
        BigNotGoodRule { top_revenue_bp: 2_000, min_margin_bp: 500, max_cost_bp: 5_000 }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BigNotGoodReason {
    LowProfit,
    HighCostToServe,
}

impl BigNotGoodReason {
    pub fn label(self) -> &'static str {
        match self {
            BigNotGoodReason::LowProfit => "销售额大但利润低(利润风险)",
            BigNotGoodReason::HighCostToServe => "服务成本高,吃掉了大部分毛利",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BigNotGood {
    pub id: u32,
    pub reasons: Vec<BigNotGoodReason>,
}

/// Seed 004: 大客户不等于好客户. Flags the customers among the biggest by revenue whose net profit
/// is thin (or negative) or whose cost to serve eats their gross profit.
pub fn big_not_good<'a>(
    customers: impl IntoIterator<Item = &'a Customer>,
    rule: BigNotGoodRule,
) -> Vec<BigNotGood> {
    let mut v: Vec<&Customer> = customers.into_iter().filter(|c| c.revenue > 0).collect();
    crate::util::order::sort_by(&mut v, |a, b| b.revenue.cmp(&a.revenue).then(a.id.cmp(&b.id)));
    let all = v.len() as i64;
    let big = ((all * rule.top_revenue_bp + WHOLE - 1) / WHOLE) as usize;
    v.truncate(big);
    v.into_iter()
        .filter_map(|c| {
            let mut reasons = Vec::new();
            if share(c.net_profit(), c.revenue) < rule.min_margin_bp {
                reasons.push(BigNotGoodReason::LowProfit);
            }
            if c.service_cost > 0
                && (c.gross_profit <= 0 || share(c.service_cost, c.gross_profit) > rule.max_cost_bp)
            {
                reasons.push(BigNotGoodReason::HighCostToServe);
            }
            (!reasons.is_empty()).then_some(BigNotGood { id: c.id, reasons })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crm::customer::Kind;

    fn c(id: u32, revenue: i64, gross: i64, cost: i64) -> Customer {
        Customer {
            id,
            revenue,
            gross_profit: gross,
            service_cost: cost,
            ..Customer::new(Kind::Individual, "x")
        }
    }

    #[test]
    fn the_80_20_30_shape_is_measured() {
        // 10 customers: two bring 80 of 100 profit before losses; three lose 40 between them.
        let cards: Vec<Customer> = [50, 30, 8, 6, 4, 2, 0, -10, -10, -20]
            .iter()
            .enumerate()
            .map(|(i, p)| c(i as u32 + 1, 100, *p, 0))
            .collect();
        let p = pareto(&cards, Measure::NetProfit, 10);
        assert_eq!(p.total, 60);
        assert_eq!(p.top20_bp, share(80, 60));
        assert_eq!(p.loss_making_bp, 3_000);
        assert_eq!(p.consumed_bp, 4_000);
        assert_eq!(p.points.first(), Some(&ParetoPoint { customers_bp: 0, cumulative_bp: 0 }));
        assert_eq!(p.points.last(), Some(&ParetoPoint { customers_bp: 10_000, cumulative_bp: 10_000 }));
        let peak = p.points.iter().map(|pt| pt.cumulative_bp).max().unwrap();
        assert_eq!(peak, share(100, 60), "the curve peaks above 100 % before the loss-makers");
    }

    #[test]
    fn revenue_curves_rise_monotonically_and_handle_empty_sets() {
        let cards: Vec<Customer> = (1..=7).map(|i| c(i, i as i64 * 100, 0, 0)).collect();
        let p = pareto(&cards, Measure::Revenue, 4);
        assert_eq!(p.points.len(), 5);
        assert!(p
            .points
            .windows(2)
            .all(|w| w[0].cumulative_bp <= w[1].cumulative_bp && w[0].customers_bp < w[1].customers_bp));
        let empty = pareto(std::iter::empty(), Measure::Revenue, 4);
        assert_eq!((empty.total, empty.top20_bp, empty.points.len()), (0, 0, 5));
    }

    #[test]
    fn ranking_by_net_profit_with_shared_ranks() {
        let cards = [c(1, 100, 50, 10), c(2, 500, 30, 0), c(3, 100, 40, 0), c(4, 900, 10, 50)];
        let r = ranking(&cards);
        let ids: Vec<(usize, u32)> = r.iter().map(|x| (x.rank, x.id)).collect();
        assert_eq!(ids, [(1, 1), (1, 3), (3, 2), (4, 4)]);
    }

    #[test]
    fn big_but_not_good() {
        let mut cards: Vec<Customer> = (1..=8).map(|i| c(i, 1_000, 300, 50)).collect();
        cards.push(c(9, 50_000, 1_000, 900)); // big, margin 0.2 %, cost eats 90 % of gross
        cards.push(c(10, 40_000, 12_000, 1_000)); // big and good
        let flagged = big_not_good(&cards, BigNotGoodRule::default());
        assert_eq!(
            flagged,
            [BigNotGood {
                id: 9,
                reasons: vec![BigNotGoodReason::LowProfit, BigNotGoodReason::HighCostToServe]
            }]
        );
        // A small customer with a thin margin is not "big".
        cards.push(c(11, 500, 0, 100));
        assert!(big_not_good(&cards, BigNotGoodRule::default()).iter().all(|b| b.id != 11));
    }
}
