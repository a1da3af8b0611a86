//! The structural re-check of a pack that arrives already compiled (a teacher's pack read back from
//! storage, a pack file fetched from a link): the engine plays only packs the checker passed, but
//! bytes decoded from storage or the network may have been damaged or hand-made, so before a
//! decoded pack is played this refuses anything the engine relies on and could panic or loop on —
//! empty value lists, weights that do not match their values, ranges with low above high, a
//! `goto` or `start` that names no node, scores for unknown dimensions, out-of-range counts.
//!
//! It is not the checker (no spans, no diagnostics, no reachability): a pack the checker passed
//! always validates (a test over the built-in packs says so).

use std::collections::HashSet;

use super::model::*;

/// The largest score change a choice or exercise may carry (the checker's limit, `lower.rs`).
pub const MAX_DELTA: i64 = 1_000_000;

/// `Ok` when the engine may play `pack`; otherwise a Chinese message naming the first problem.
pub fn validate(pack: &Pack) -> Result<(), String> {
    let bad = |what: String| Err(format!("场景包内容不完整或已损坏:{what}"));
    if pack.activities.is_empty() {
        return bad("没有活动".into());
    }
    let dims: HashSet<&str> = pack.dimensions.iter().map(|d| d.id.as_str()).collect();
    let vars: HashSet<&str> = pack.vars.iter().map(|v| v.id.as_str()).collect();
    for v in &pack.vars {
        match &v.kind {
            VarKind::OneOf { values, weights } => {
                if values.is_empty() {
                    return bad(format!("变量「{}」没有可选的值", v.id));
                }
                if weights.len() != values.len() {
                    return bad(format!("变量「{}」的权重个数与取值个数不符", v.id));
                }
                if weights.iter().all(|&w| w == 0) {
                    return bad(format!("变量「{}」的权重全为 0", v.id));
                }
            }
            VarKind::Range { lo, hi } => {
                if lo > hi {
                    return bad(format!("变量「{}」的范围下限大于上限", v.id));
                }
            }
            VarKind::Init(_) => {}
        }
    }
    let scores = |s: &[ScoreDelta], at: &str| -> Result<(), String> {
        for d in s {
            if !dims.contains(d.dim.as_str()) {
                return bad(format!("{at} 的得分指向不存在的维度「{}」", d.dim));
            }
            if d.delta.abs() > MAX_DELTA {
                return bad(format!("{at} 的得分超出范围"));
            }
        }
        Ok(())
    };
    let mut ids = HashSet::new();
    for a in &pack.activities {
        if !ids.insert(a.id.as_str()) {
            return bad(format!("活动「{}」重复", a.id));
        }
        let at = format!("活动「{}」", a.id);
        match &a.body {
            ActivityBody::Dialogue(d) => {
                if !d.nodes.contains_key(&d.start) {
                    return bad(format!("{at} 的起点「{}」不是节点", d.start));
                }
                for (key, n) in &d.nodes {
                    if *key != n.id {
                        return bad(format!("{at} 的节点「{key}」编号不符"));
                    }
                    for to in n.successors() {
                        if !d.nodes.contains_key(to) {
                            return bad(format!("{at} 的节点「{key}」指向不存在的节点「{to}」"));
                        }
                    }
                    match &n.body {
                        NodeBody::Choices(cs) => {
                            if cs.is_empty() {
                                return bad(format!("{at} 的节点「{key}」没有选项"));
                            }
                            for c in cs {
                                if c.goto.is_empty() {
                                    return bad(format!("{at} 的选项「{}」没有去向", c.id));
                                }
                                scores(&c.score, &at)?;
                                for s in &c.set {
                                    if !vars.contains(s.var.as_str()) {
                                        return bad(format!("{at} 设置了不存在的变量「{}」", s.var));
                                    }
                                }
                                for s in &c.add {
                                    if !vars.contains(s.var.as_str()) {
                                        return bad(format!("{at} 改变了不存在的变量「{}」", s.var));
                                    }
                                }
                            }
                        }
                        NodeBody::Next(b) if b.is_empty() => {
                            return bad(format!("{at} 的节点「{key}」没有去向"));
                        }
                        NodeBody::Next(_) | NodeBody::Ending(_) => {}
                    }
                }
            }
            ActivityBody::Order(o) => {
                scores(&o.task.score, &at)?;
                if o.items.is_empty() {
                    return bad(format!("{at} 没有条目"));
                }
            }
            ActivityBody::Classify(c) => {
                scores(&c.task.score, &at)?;
                if c.items.is_empty() || c.categories.is_empty() {
                    return bad(format!("{at} 没有条目或类别"));
                }
                if c.pick as usize > c.items.len() {
                    return bad(format!("{at} 抽取的条目数超过条目总数"));
                }
                for i in &c.items {
                    if !c.categories.iter().any(|k| k.id == i.category) {
                        return bad(format!("{at} 的条目「{}」属于不存在的类别「{}」", i.id, i.category));
                    }
                }
            }
            ActivityBody::Calc(c) => {
                scores(&c.task.score, &at)?;
                if c.steps.is_empty() {
                    return bad(format!("{at} 没有步骤"));
                }
            }
            ActivityBody::Plan(p) => {
                scores(&p.task.score, &at)?;
                for f in &p.fields {
                    for o in &f.options {
                        scores(&o.score, &at)?;
                    }
                    if f.input != FieldInput::Text && f.options.is_empty() {
                        return bad(format!("{at} 的字段「{}」没有选项", f.id));
                    }
                    if let Some(p) = super::rubric::rubric_problem(&f.rubric) {
                        return bad(format!("{at} 的字段「{}」:{p}", f.id));
                    }
                }
            }
            ActivityBody::Crm(c) => {
                scores(&c.task.score, &at)?;
                for k in &c.checks {
                    scores(&k.score, &at)?;
                }
                for f in &c.fields {
                    if let FormOptions::Var(v) = &f.options {
                        if !vars.contains(v.as_str()) {
                            return bad(format!("{at} 的字段引用了不存在的变量「{v}」"));
                        }
                    }
                }
            }
        }
    }
    Ok(())
}
