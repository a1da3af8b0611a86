//! W005: a choice offered only in some draws. When a choice's `when` reads a variable drawn from
//! the seed, which options the student sees depends on the customer drawn, so the options give
//! away what the student should find out by listening. A node is quiet when every draw of the
//! seeded variables its conditions read offers the same set of choice texts (each reading offered
//! in every play, in a right and a wrong version), or when it says why it must depend on the draw
//! (`depends_on_draw`).

use std::collections::BTreeSet;

use super::super::diagnostic::Code;
use super::super::expr::{eval, truthy, visit_refs, Env, Value};
use super::super::model::{NodeBody, Pack, VarKind};
use super::super::reader::Sink;

/// More combinations than this are not enumerated: every seeded condition is then reported.
const MAX_DRAWS: usize = 4096;

struct Draw<'a> {
    names: &'a [&'a str],
    values: Vec<&'a Value>,
}

impl Env for Draw<'_> {
    fn var(&self, name: &str) -> Option<&Value> {
        self.names.iter().position(|n| *n == name).map(|i| self.values[i])
    }
    fn score(&self, _dim: &str) -> i64 {
        0
    }
}

pub fn check(pack: &Pack, sink: &mut Sink) {
    // The values each seeded variable can be drawn with.
    let seeded: Vec<(&str, Vec<Value>)> = pack
        .vars
        .iter()
        .filter_map(|v| match &v.kind {
            VarKind::OneOf { values, weights } => Some((
                v.id.as_str(),
                values.iter().zip(weights).filter(|(_, w)| **w > 0).map(|(x, _)| x.clone()).collect(),
            )),
            VarKind::Range { lo, hi } => {
                Some((v.id.as_str(), (*lo..=*hi).take(MAX_DRAWS + 1).map(Value::Int).collect()))
            }
            VarKind::Init(_) => None,
        })
        .collect();
    if seeded.is_empty() {
        return;
    }
    let is_seeded = |name: &str| seeded.iter().any(|(n, _)| *n == name);
    for a in &pack.activities {
        let Some(d) = a.body.dialogue() else { continue };
        for n in d.nodes.values() {
            let NodeBody::Choices(choices) = &n.body else { continue };
            if !n.depends_on_draw.is_empty() {
                continue;
            }
            // The variables each condition reads; which of them are seeded.
            let reads: Vec<Vec<String>> = choices
                .iter()
                .map(|c| {
                    let mut names = Vec::new();
                    if let Some(w) = &c.when {
                        visit_refs(&w.expr, &mut |name, _, is_score| {
                            if !is_score && !names.iter().any(|x: &String| x == name) {
                                names.push(name.to_string());
                            }
                        });
                    }
                    names
                })
                .collect();
            let drawn: Vec<usize> =
                (0..choices.len()).filter(|&i| reads[i].iter().any(|v| is_seeded(v))).collect();
            if drawn.is_empty() {
                continue;
            }
            // A condition that also reads a variable changed during play cannot be enumerated.
            let mixed: Vec<usize> =
                drawn.iter().copied().filter(|&i| reads[i].iter().any(|v| !is_seeded(v))).collect();
            let names: Vec<&str> = seeded
                .iter()
                .map(|(n, _)| *n)
                .filter(|n| drawn.iter().any(|&i| reads[i].iter().any(|v| v == n)))
                .collect();
            let domains: Vec<&Vec<Value>> =
                names.iter().map(|n| &seeded.iter().find(|(s, _)| s == n).unwrap().1).collect();
            let combos = domains.iter().try_fold(1usize, |acc, d| acc.checked_mul(d.len().max(1)));
            let mut offending: BTreeSet<usize> = mixed.iter().copied().collect();
            match combos {
                Some(total) if total <= MAX_DRAWS && domains.iter().all(|d| !d.is_empty()) => {
                    // Texts offered by the pure-draw choices, per draw.
                    let pure: Vec<usize> = drawn.iter().copied().filter(|i| !mixed.contains(i)).collect();
                    let mut per_draw: Vec<BTreeSet<&str>> = Vec::with_capacity(total);
                    for k in 0..total {
                        let mut rest = k;
                        let values: Vec<&Value> = domains
                            .iter()
                            .map(|d| {
                                let v = &d[rest % d.len()];
                                rest /= d.len();
                                v
                            })
                            .collect();
                        let env = Draw { names: &names, values };
                        per_draw.push(
                            pure.iter()
                                .filter(|&&i| {
                                    choices[i].when.as_ref().is_some_and(|w| truthy(&eval(&w.expr, &env)))
                                })
                                .map(|&i| choices[i].text.as_str())
                                .collect(),
                        );
                    }
                    let always: BTreeSet<&str> = per_draw
                        .iter()
                        .skip(1)
                        .fold(per_draw[0].clone(), |acc, s| acc.intersection(s).copied().collect());
                    for &i in &pure {
                        if !always.contains(choices[i].text.as_str()) {
                            offending.insert(i);
                        }
                    }
                }
                _ => offending.extend(drawn.iter().copied()),
            }
            for i in offending {
                let c = &choices[i];
                let var = reads[i].iter().find(|v| is_seeded(v)).cloned().unwrap_or_default();
                let why = if mixed.contains(&i) {
                    " (it also reads a variable changed during play, so no check can show it is offered in every draw)"
                } else {
                    ""
                };
                sink.push(
                    Code::W005,
                    c.when.as_ref().map_or(c.span, |w| w.span),
                    format!(
                        "choice `{}` of node `{}` is offered only in some draws: its `when` reads `{var}`, drawn from the seed, so the options give away what the student should find out{why}; offer every reading in every play (the same text with a right and a wrong `when`), or mark the node `depends_on_draw = \"why\"`",
                        c.id, n.id
                    ),
                );
            }
        }
    }
}
