//! The score range a particular play could reach: the checker's path bounds, with the conditions
//! that only read seeded (never-changing) variables evaluated for this play's draw. Conditions on
//! variables that change during play are assumed satisfiable, so the maximum is an upper bound
//! that the best path reaches in the built-in packs.

use indexmap::IndexMap;

use crate::pack::check::graph::dialogue_bounds;
use crate::pack::exercise::exercise_bounds;
use crate::pack::expr::{self, Env, Value};
use crate::pack::{Activity, Branch, Choice, Cond, Dialogue, Dimension, NodeBody};
use crate::util::order::sort_by;

/// Per dimension (in pack order), the lowest and highest total over the whole pack for a play
/// whose seeded variables are `drawn`.
pub fn play_bounds(
    activities: &[Activity],
    dims: &[Dimension],
    drawn: &IndexMap<String, Value>,
) -> Vec<(i64, i64)> {
    let mut mutated: Vec<&str> = activities
        .iter()
        .filter_map(|a| a.body.dialogue())
        .flat_map(|d| d.nodes.values())
        .flat_map(|n| n.choices())
        .flat_map(|c| c.set.iter().map(|s| s.var.as_str()).chain(c.add.iter().map(|a| a.var.as_str())))
        .collect();
    sort_by(&mut mutated, |a, b| a.cmp(b));
    mutated.dedup();
    let fixed = Fixed { drawn, mutated: &mutated };
    let ids: Vec<&str> = dims.iter().map(|d| d.id.as_str()).collect();
    let mut total = vec![(0i64, 0i64); dims.len()];
    for a in activities {
        if let Some(b) = exercise_bounds(&a.body, dims) {
            for (t, (lo, hi)) in total.iter_mut().zip(b) {
                t.0 += lo;
                t.1 += hi;
            }
            continue;
        }
        let Some(d) = a.body.dialogue() else { continue };
        let mut dropped = dropped_branches(d, &fixed);
        sort_by(&mut dropped, |a, b| a.cmp(b));
        let keep = |b: &Branch| dropped.binary_search(&(b as *const Branch)).is_err();
        let offer = |c: &Choice| fixed.verdict(c.when.as_ref()) != Some(false);
        for (t, (lo, hi)) in total.iter_mut().zip(dialogue_bounds(d, &ids, &keep, &offer)) {
            t.0 += lo.unwrap_or(0);
            t.1 += hi.unwrap_or(0);
        }
    }
    total
}

/// Evaluates conditions that read only fixed seeded variables.
struct Fixed<'a> {
    drawn: &'a IndexMap<String, Value>,
    mutated: &'a [&'a str],
}

impl Env for Fixed<'_> {
    fn var(&self, name: &str) -> Option<&Value> {
        self.drawn.get(name)
    }
    fn score(&self, _: &str) -> i64 {
        0
    }
}

impl Fixed<'_> {
    /// `Some(holds)` when the condition is decided by the draw alone, `None` when it depends on
    /// the play.
    fn verdict(&self, c: Option<&Cond>) -> Option<bool> {
        let Some(c) = c else { return Some(true) };
        let mut decided = true;
        expr::visit_refs(&c.expr, &mut |name, _, is_score| {
            if is_score || self.mutated.binary_search(&name).is_ok() || !self.drawn.contains_key(name) {
                decided = false;
            }
        });
        decided.then(|| expr::truthy(&expr::eval(&c.expr, self)))
    }
}

/// Branches this play can never take: decided false, or after a branch decided true. Identified
/// by address: the filter is asked about the very `Branch` values of the pack.
fn dropped_branches(d: &Dialogue, fixed: &Fixed) -> Vec<*const Branch> {
    let mut out = Vec::new();
    let lists = d.nodes.values().flat_map(|n| {
        let (cs, next): (&[Choice], &[Branch]) = match &n.body {
            NodeBody::Choices(c) => (c, &[]),
            NodeBody::Next(b) => (&[], b),
            NodeBody::Ending(_) => (&[], &[]),
        };
        cs.iter().map(|c| c.goto.as_slice()).chain(std::iter::once(next))
    });
    for list in lists {
        let mut closed = false;
        for b in list {
            let v = fixed.verdict(b.when.as_ref());
            if closed || v == Some(false) {
                out.push(b as *const Branch);
            }
            if v == Some(true) {
                closed = true;
            }
        }
    }
    out
}
