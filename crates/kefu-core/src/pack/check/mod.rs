//! Semantic checks on a lowered pack: references between its parts (`refs`), types in conditions
//! and effects (`types`), CRM handles and templates (`crm`), options that give the seed's draw
//! away (`draw`, W005), and the dialogue graph (`graph`): unreachable nodes, dead ends, loops
//! that could raise a score forever, and the score bounds of every dimension.

pub mod crm;
pub mod draw;
pub mod graph;
pub mod refs;
pub mod types;

use serde::{Deserialize, Serialize};

use super::diagnostic::Code;
use super::exercise::exercise_bounds;
use super::model::{ActivityBody, Dialogue, NodeBody, Pack};
use super::reader::Sink;

/// Runs every check on `pack`, adding diagnostics to `sink`.
pub fn check(pack: &Pack, sink: &mut Sink) {
    refs::check(pack, sink);
    types::check(pack, sink);
    crm::check(pack, sink);
    draw::check(pack, sink);
    let dims: Vec<&str> = pack.dimensions.iter().map(|d| d.id.as_str()).collect();
    // Each dialogue's graph is built once: its checks also give the score bounds from its start,
    // which the "never scored" check below reuses instead of building the graph again.
    let mut start_bounds: Vec<Option<Vec<Bounds>>> = vec![None; pack.activities.len()];
    for (i, a) in pack.activities.iter().enumerate() {
        if let ActivityBody::Dialogue(d) = &a.body {
            let g = graph::Graph::build(d, &dims, &|_| true, &|_| true);
            // With a missing target the graph is wrong; its findings would only echo E008.
            if g.start.is_some() && g.dangling == 0 {
                start_bounds[i] = check_dialogue(&a.id, d, &g, &dims, sink);
            }
        }
    }
    // Bounds of a pack with errors are meaningless (and "never scored" mostly echoes an E009).
    if sink.diags.iter().any(|d| d.is_error()) {
        return;
    }
    let bounds = score_bounds_with(pack, &|i, d| match &start_bounds[i] {
        Some(b) => b.clone(),
        None => graph::dialogue_bounds(d, &dims, &|_| true, &|_| true),
    });
    for (d, b) in pack.dimensions.iter().zip(bounds) {
        if b.max.is_some_and(|m| m <= 0) {
            sink.push(
                Code::W002,
                d.span,
                format!("dimension `{}` ({}) can never be scored above 0", d.id, d.name),
            );
        }
    }
}

/// A (min, max) range; `None` = unbounded.
type Bounds = (Option<i64>, Option<i64>);

/// Checks one dialogue on its graph `g` (built for `dims` with nothing filtered out), and returns
/// the score bounds from its start (what `graph::dialogue_bounds` gives) unless it has no ending.
fn check_dialogue(
    activity: &str,
    d: &Dialogue,
    g: &graph::Graph,
    dims: &[&str],
    sink: &mut Sink,
) -> Option<Vec<Bounds>> {
    let nodes: Vec<_> = d.nodes.values().collect();
    if !g.ending.iter().any(|&e| e) {
        sink.push(
            Code::E014,
            d.start_span,
            format!("dialogue `{activity}` has no ending node (`ending = \"success\"`…)"),
        );
        return None;
    }
    let reachable = g.reachable();
    let live = g.reaches_ending();
    for (i, n) in nodes.iter().enumerate() {
        if g.start.is_some() && !reachable[i] {
            sink.push(
                Code::W001,
                n.span,
                format!("node `{}` cannot be reached from the start `{}`", n.id, d.start),
            );
        } else if reachable[i] && !live[i] {
            sink.push(
                Code::E015,
                n.span,
                format!("from node `{}` no ending can be reached: a student there would be stuck", n.id),
            );
        }
        if let NodeBody::Choices(cs) = &n.body {
            if !cs.is_empty() && cs.iter().all(|c| c.when.is_some()) {
                sink.push(
                    Code::W004,
                    n.span,
                    format!("every choice of node `{}` has a `when`: if none holds, the student is stuck; add one without", n.id),
                );
            }
        }
    }
    let sccs = g.sccs();
    let mut start_bounds = Vec::with_capacity(dims.len());
    for (k, dim) in dims.iter().enumerate() {
        let b = graph::bounds_from(g, &sccs, k);
        start_bounds.push(g.start.and_then(|s| b.at[s]).unwrap_or((Some(0), Some(0))));
        if let Some(&(node, ci)) = b.gaining_loops.first() {
            let n = nodes[node];
            let c = &n.choices()[ci];
            let (comp, comps) = &sccs;
            let members: Vec<&str> =
                comps[comp[node]].iter().take(4).map(|&m| nodes[m].id.as_str()).collect();
            sink.push(
                Code::E016,
                c.span,
                format!(
                    "choice `{}` of node `{}` gains `{dim}` inside a loop ({}{}): replaying the loop would raise the score without bound; score such choices 0",
                    c.id,
                    n.id,
                    members.join(" → "),
                    if comps[comp[node]].len() > 4 { " …" } else { "" }
                ),
            );
        }
    }
    Some(start_bounds)
}

/// The range one dimension can take over the whole pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DimBounds {
    pub dim: String,
    /// `None`: unbounded.
    pub min: Option<i64>,
    pub max: Option<i64>,
}

/// Per dimension, the lowest and highest totals over every path through every activity, for any
/// seed (conditions are ignored). Linear in the size of the pack.
pub fn score_bounds(pack: &Pack) -> Vec<DimBounds> {
    let dims: Vec<&str> = pack.dimensions.iter().map(|d| d.id.as_str()).collect();
    score_bounds_with(pack, &|_, d| graph::dialogue_bounds(d, &dims, &|_| true, &|_| true))
}

/// `score_bounds`, taking the bounds of the dialogue of activity `i` from `dialogue(i, d)`.
fn score_bounds_with(pack: &Pack, dialogue: &dyn Fn(usize, &Dialogue) -> Vec<Bounds>) -> Vec<DimBounds> {
    let dims: Vec<&str> = pack.dimensions.iter().map(|d| d.id.as_str()).collect();
    let mut total: Vec<(Option<i64>, Option<i64>)> = vec![(Some(0), Some(0)); dims.len()];
    for (i, a) in pack.activities.iter().enumerate() {
        let part: Vec<(Option<i64>, Option<i64>)> = match exercise_bounds(&a.body, &pack.dimensions) {
            Some(b) => b.into_iter().map(|(lo, hi)| (Some(lo), Some(hi))).collect(),
            None => match &a.body {
                ActivityBody::Dialogue(d) => dialogue(i, d),
                _ => continue,
            },
        };
        for (t, p) in total.iter_mut().zip(part) {
            t.0 = t.0.zip(p.0).and_then(|(x, y)| x.checked_add(y));
            t.1 = t.1.zip(p.1).and_then(|(x, y)| x.checked_add(y));
        }
    }
    dims.iter().zip(total).map(|(d, (min, max))| DimBounds { dim: d.to_string(), min, max }).collect()
}
