//! The dialogue graph: reachability from the start, which nodes can still reach an ending, strongly
//! connected components (iterative Tarjan, so a 100 000-node chain cannot overflow the stack), and
//! score bounds per dimension over all paths from a node to an ending. Everything is linear in the
//! size of the dialogue.
//!
//! Score bounds treat a loop (a cycle of nodes) as follows: moving around inside it is assumed to
//! gain nothing. A loop edge that gains points makes the maximum unbounded — the checker refuses that
//! (E016) because it cannot prove that conditions stop the loop — and a loop edge that loses points
//! makes the minimum unbounded. So the bounds are exact for dialogues whose looping choices score 0,
//! and safe (never too low a maximum) otherwise.
//!
//! The score changes of the steps are kept in one flat table (`Graph::deltas`, one row per choice)
//! rather than a small vector per step: a large dialogue has tens of thousands of steps, and
//! allocating, cloning and freeing a vector for each cost more than the graph algorithms.

use super::super::model::{Branch, Choice, Dialogue, NodeBody, ScoreDelta};

/// One possible step: to node `to`, changing the scores by row `row` of the graph's `deltas` (see
/// [`Graph::delta`]).
pub struct Edge {
    pub to: usize,
    pub row: usize,
    /// The node and index of the choice taken (`None` for a `next` step).
    pub choice: Option<(usize, usize)>,
}

/// A dialogue as an index graph. Edges to unknown nodes are left out (the checker reports them).
pub struct Graph {
    pub out: Vec<Vec<Edge>>,
    pub ending: Vec<bool>,
    pub start: Option<usize>,
    /// Score changes, one row of `dims` values per choice (one per dimension asked for); row 0 is
    /// all zeros (a `next` step).
    pub deltas: Vec<i64>,
    pub dims: usize,
    /// How many kept steps name a node that does not exist (they are left out of `out`).
    pub dangling: usize,
}

fn sum(score: &[ScoreDelta], dim: &str) -> i64 {
    score.iter().filter(|s| s.dim == dim).map(|s| s.delta).sum()
}

impl Graph {
    /// Builds the graph of `d` for dimensions `dims`, keeping only the branches and choices the
    /// filters accept (the checker keeps all; the engine drops what a play's draw rules out).
    pub fn build(
        d: &Dialogue,
        dims: &[&str],
        keep: &dyn Fn(&Branch) -> bool,
        offer: &dyn Fn(&Choice) -> bool,
    ) -> Graph {
        let index = |id: &str| d.nodes.get_index_of(id);
        let mut out = Vec::with_capacity(d.nodes.len());
        let mut ending = Vec::with_capacity(d.nodes.len());
        let mut deltas = vec![0; dims.len()];
        let mut dangling = 0;
        for (i, n) in d.nodes.values().enumerate() {
            let mut edges = Vec::new();
            match &n.body {
                NodeBody::Choices(cs) => {
                    for (ci, c) in cs.iter().enumerate().filter(|(_, c)| offer(c)) {
                        let row = deltas.len() / dims.len().max(1);
                        deltas.extend(dims.iter().map(|dim| sum(&c.score, dim)));
                        for b in c.goto.iter().filter(|b| keep(b)) {
                            match index(&b.to) {
                                Some(to) => edges.push(Edge { to, row, choice: Some((i, ci)) }),
                                None => dangling += 1,
                            }
                        }
                    }
                }
                NodeBody::Next(bs) => {
                    for b in bs.iter().filter(|b| keep(b)) {
                        match index(&b.to) {
                            Some(to) => edges.push(Edge { to, row: 0, choice: None }),
                            None => dangling += 1,
                        }
                    }
                }
                NodeBody::Ending(_) => {}
            }
            out.push(edges);
            ending.push(n.is_ending());
        }
        Graph { out, ending, start: index(&d.start), deltas, dims: dims.len(), dangling }
    }

    /// The change of dimension `k` (an index into the `dims` the graph was built with) on step `e`.
    pub fn delta(&self, e: &Edge, k: usize) -> i64 {
        self.deltas[e.row * self.dims + k]
    }

    /// Nodes reachable from the start.
    pub fn reachable(&self) -> Vec<bool> {
        let mut seen = vec![false; self.out.len()];
        let mut stack: Vec<usize> = self.start.into_iter().collect();
        while let Some(n) = stack.pop() {
            if !std::mem::replace(&mut seen[n], true) {
                stack.extend(self.out[n].iter().map(|e| e.to).filter(|&t| !seen[t]));
            }
        }
        seen
    }

    /// Nodes from which some ending can be reached.
    pub fn reaches_ending(&self) -> Vec<bool> {
        let mut back: Vec<Vec<usize>> = vec![vec![]; self.out.len()];
        for (from, edges) in self.out.iter().enumerate() {
            for e in edges {
                back[e.to].push(from);
            }
        }
        let mut seen = vec![false; self.out.len()];
        let mut stack: Vec<usize> = (0..self.out.len()).filter(|&i| self.ending[i]).collect();
        while let Some(n) = stack.pop() {
            if !std::mem::replace(&mut seen[n], true) {
                stack.extend(back[n].iter().copied().filter(|&t| !seen[t]));
            }
        }
        seen
    }

    /// Strongly connected components: `comp[node]`, and the components in reverse topological
    /// order (every edge leaves a component for one listed earlier, or stays inside).
    pub fn sccs(&self) -> (Vec<usize>, Vec<Vec<usize>>) {
        let n = self.out.len();
        const UNSEEN: usize = usize::MAX;
        let mut index = vec![UNSEEN; n];
        let mut low = vec![0; n];
        let mut on_stack = vec![false; n];
        let mut stack = Vec::new();
        let mut comp = vec![UNSEEN; n];
        let mut comps: Vec<Vec<usize>> = Vec::new();
        let mut next = 0;
        // Explicit call stack of (node, next edge to look at).
        let mut calls: Vec<(usize, usize)> = Vec::new();
        for root in 0..n {
            if index[root] != UNSEEN {
                continue;
            }
            calls.push((root, 0));
            index[root] = next;
            low[root] = next;
            next += 1;
            stack.push(root);
            on_stack[root] = true;
            while let Some(top) = calls.last_mut() {
                let v = top.0;
                if let Some(e) = self.out[v].get(top.1) {
                    top.1 += 1;
                    let w = e.to;
                    if index[w] == UNSEEN {
                        index[w] = next;
                        low[w] = next;
                        next += 1;
                        stack.push(w);
                        on_stack[w] = true;
                        calls.push((w, 0));
                    } else if on_stack[w] {
                        low[v] = low[v].min(index[w]);
                    }
                    continue;
                }
                calls.pop();
                if let Some(&(parent, _)) = calls.last() {
                    low[parent] = low[parent].min(low[v]);
                }
                if low[v] == index[v] {
                    let id = comps.len();
                    let mut members = Vec::new();
                    while let Some(w) = stack.pop() {
                        on_stack[w] = false;
                        comp[w] = id;
                        members.push(w);
                        if w == v {
                            break;
                        }
                    }
                    comps.push(members);
                }
            }
        }
        (comp, comps)
    }
}

/// The bounds of one dimension from every node to an ending.
pub struct DimBoundsFrom {
    /// `None` when no ending can be reached from the node; otherwise (min, max), each `None` when
    /// unbounded.
    pub at: Vec<Option<(Option<i64>, Option<i64>)>>,
    /// Loop edges (node, choice index) that gain points in this dimension.
    pub gaining_loops: Vec<(usize, usize)>,
}

/// Bounds of dimension `k` (an index into the `dims` the graph was built with).
pub fn bounds_from(g: &Graph, sccs: &(Vec<usize>, Vec<Vec<usize>>), k: usize) -> DimBoundsFrom {
    let (comp, comps) = sccs;
    let mut at: Vec<Option<(Option<i64>, Option<i64>)>> = vec![None; g.out.len()];
    let mut gaining_loops = Vec::new();
    let add = |v: Option<i64>, d: i64| v.and_then(|x| x.checked_add(d));
    for (id, members) in comps.iter().enumerate() {
        let mut value: Option<(Option<i64>, Option<i64>)> = None;
        let (mut inner_gain, mut inner_loss) = (false, false);
        let cyclic = members.len() > 1 || g.out[members[0]].iter().any(|e| e.to == members[0]);
        for &v in members {
            if g.ending[v] {
                value = Some(merge(value, (Some(0), Some(0))));
            }
            for e in &g.out[v] {
                let d = g.delta(e, k);
                if comp[e.to] == id {
                    if d > 0 {
                        inner_gain = true;
                        if let Some(c) = e.choice {
                            gaining_loops.push(c);
                        }
                    }
                    inner_loss |= d < 0;
                } else if let Some((lo, hi)) = at[e.to] {
                    value = Some(merge(value, (add(lo, d), add(hi, d))));
                }
            }
        }
        if cyclic {
            value = value
                .map(|(lo, hi)| (if inner_loss { None } else { lo }, if inner_gain { None } else { hi }));
        }
        for &v in members {
            at[v] = value;
        }
    }
    DimBoundsFrom { at, gaining_loops }
}

/// Combines two (min, max) ranges; `None` inside means unbounded in that direction.
fn merge(a: Option<(Option<i64>, Option<i64>)>, b: (Option<i64>, Option<i64>)) -> (Option<i64>, Option<i64>) {
    let Some((alo, ahi)) = a else { return b };
    let lo = match (alo, b.0) {
        (Some(x), Some(y)) => Some(x.min(y)),
        _ => None,
    };
    let hi = match (ahi, b.1) {
        (Some(x), Some(y)) => Some(x.max(y)),
        _ => None,
    };
    (lo, hi)
}

/// For each of `dims`, the (min, max) total over the paths from the dialogue's start to an ending,
/// keeping only the branches and choices the filters accept. `None` = unbounded; (0, 0) when no
/// ending can be reached from the start.
pub fn dialogue_bounds(
    d: &Dialogue,
    dims: &[&str],
    keep: &dyn Fn(&Branch) -> bool,
    offer: &dyn Fn(&Choice) -> bool,
) -> Vec<(Option<i64>, Option<i64>)> {
    let g = Graph::build(d, dims, keep, offer);
    let sccs = g.sccs();
    (0..dims.len())
        .map(|k| match g.start.and_then(|s| bounds_from(&g, &sccs, k).at[s]) {
            Some(b) => b,
            None => (Some(0), Some(0)),
        })
        .collect()
}
