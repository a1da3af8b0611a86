//! References between the parts of a pack: dialogue targets (E008), dimensions (E009) and
//! variables (E010), each with a "did you mean".
//!
//! What a branch belongs to ("choice `ask` of node `n1`") is formatted only for a message: doing it
//! for every choice of a large pack cost more than the checks themselves. Names are checked
//! against sets, not by scanning the declared lists for each reference.

use std::collections::BTreeSet;

use super::super::diagnostic::{did_you_mean, Code};
use super::super::expr::visit_refs;
use super::super::model::*;
use super::super::reader::Sink;
use super::super::source::Span;

pub fn check(pack: &Pack, sink: &mut Sink) {
    let dims: Vec<&str> = pack.dimensions.iter().map(|d| d.id.as_str()).collect();
    let vars: Vec<&str> = pack.vars.iter().map(|v| v.id.as_str()).collect();
    let dim_set: BTreeSet<&str> = dims.iter().copied().collect();
    let var_set: BTreeSet<&str> = vars.iter().copied().collect();
    let dim = |sink: &mut Sink, id: &str, span: Span| {
        if !dim_set.contains(id) {
            let hint = did_you_mean(id, dims.iter().copied());
            sink.push(
                Code::E009,
                span,
                format!("unknown dimension `{id}`{hint} (declared: {})", dims.join(", ")),
            );
        }
    };
    let var = |sink: &mut Sink, id: &str, span: Span| {
        if !var_set.contains(id) {
            let hint = did_you_mean(id, vars.iter().copied());
            sink.push(Code::E010, span, format!("unknown variable `{id}`{hint}"));
        }
    };
    let cond = |sink: &mut Sink, c: &Cond| {
        visit_refs(&c.expr, &mut |name, at, is_score| {
            let span = c.span.sub(at, name.len());
            if is_score {
                dim(sink, name, span)
            } else {
                var(sink, name, span)
            }
        });
    };
    let scores = |sink: &mut Sink, s: &[ScoreDelta]| s.iter().for_each(|d| dim(sink, &d.dim, d.span));
    for a in &pack.activities {
        match &a.body {
            ActivityBody::Dialogue(d) => {
                let ids = || d.nodes.keys().map(String::as_str);
                let target = |sink: &mut Sink, to: &str, span: Span, what: &dyn Fn() -> String| {
                    if !d.nodes.contains_key(to) {
                        let hint = did_you_mean(to, ids());
                        sink.push(
                            Code::E008,
                            span,
                            format!(
                                "{} names node `{to}`, which does not exist in activity `{}`{hint}",
                                what(),
                                a.id
                            ),
                        );
                    }
                };
                target(sink, &d.start, d.start_span, &|| "`start`".to_string());
                for n in d.nodes.values() {
                    n.variants.iter().for_each(|v| cond(sink, &v.when));
                    let branches = |sink: &mut Sink, bs: &[Branch], what: &dyn Fn() -> String| {
                        for b in bs {
                            target(sink, &b.to, b.span, what);
                            if let Some(w) = &b.when {
                                cond(sink, w);
                            }
                        }
                    };
                    match &n.body {
                        NodeBody::Choices(cs) => {
                            for c in cs {
                                branches(sink, &c.goto, &|| format!("choice `{}` of node `{}`", c.id, n.id));
                                if let Some(w) = &c.when {
                                    cond(sink, w);
                                }
                                scores(sink, &c.score);
                                c.set.iter().for_each(|s| var(sink, &s.var, s.span));
                                c.add.iter().for_each(|s| var(sink, &s.var, s.span));
                            }
                        }
                        NodeBody::Next(bs) => branches(sink, bs, &|| format!("`next` of node `{}`", n.id)),
                        NodeBody::Ending(_) => {}
                    }
                }
            }
            ActivityBody::Order(o) => scores(sink, &o.task.score),
            ActivityBody::Classify(c) => scores(sink, &c.task.score),
            ActivityBody::Calc(c) => scores(sink, &c.task.score),
            ActivityBody::Plan(p) => {
                scores(sink, &p.task.score);
                p.fields.iter().flat_map(|f| &f.options).for_each(|o| scores(sink, &o.score));
            }
            ActivityBody::Crm(c) => c.checks.iter().for_each(|k| scores(sink, &k.score)),
        }
    }
}
