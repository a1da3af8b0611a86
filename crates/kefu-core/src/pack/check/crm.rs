//! The pack's CRM parts, checked as a whole: every customer handle a write or check uses is
//! created somewhere (E024), and every `{var}` template and `options = "var"` names a declared
//! variable (E010). Names are checked against sets, not by scanning lists for each use.

use std::collections::BTreeSet;

use super::super::diagnostic::{did_you_mean, Code};
use super::super::model::*;
use super::super::reader::Sink;
use super::super::source::Span;
use super::super::template;

/// The texts of a write that may hold templates.
fn write_texts(w: &CrmWrite) -> Vec<&str> {
    match &w.op {
        CrmOp::Create { fields, .. } | CrmOp::Update { fields } => {
            fields.iter().map(|(_, t)| t.as_str()).collect()
        }
        CrmOp::LogContact { person, summary, .. } => vec![person, summary],
        CrmOp::MoveState { .. } | CrmOp::SetMan { .. } => vec![],
    }
}

pub fn check(pack: &Pack, sink: &mut Sink) {
    let vars: Vec<&str> = pack.vars.iter().map(|v| v.id.as_str()).collect();
    let var_set: BTreeSet<&str> = vars.iter().copied().collect();
    let var = |sink: &mut Sink, id: &str, span: Span| {
        if !var_set.contains(id) {
            let hint = did_you_mean(id, vars.iter().copied());
            sink.push(Code::E010, span, format!("unknown variable `{id}` in a CRM template{hint}"));
        }
    };
    let texts = |sink: &mut Sink, list: &[&str], span: Span| {
        for t in list {
            template::refs(t).iter().for_each(|r| var(sink, r.var, span));
        }
    };
    // (handle, where it is used, whether this use creates it)
    let mut uses: Vec<(&str, Span, bool)> = Vec::new();
    for a in &pack.activities {
        match &a.body {
            ActivityBody::Dialogue(d) => {
                let writes = d
                    .nodes
                    .values()
                    .flat_map(|n| n.crm.iter().chain(n.choices().iter().flat_map(|c| &c.crm)));
                for w in writes {
                    texts(sink, &write_texts(w), w.span);
                    uses.push((&w.customer, w.span, matches!(w.op, CrmOp::Create { .. })));
                }
            }
            ActivityBody::Crm(c) => {
                uses.push((&c.customer, a.span, true));
                texts(sink, &[c.task.prompt.as_str()], a.span);
                let fixed: Vec<&str> = c.fixed.iter().map(|(_, t)| t.as_str()).collect();
                texts(sink, &fixed, a.span);
                for f in &c.fields {
                    if let FormOptions::Var(v) = &f.options {
                        var(sink, v, f.span);
                        if pack.var(v).is_some_and(|d| !matches!(d.kind, VarKind::OneOf { .. })) {
                            sink.push(
                                Code::E019,
                                f.span,
                                format!("`options = \"{v}\"` needs a `one_of` variable: its values are the options"),
                            );
                        }
                    }
                }
                for k in &c.checks {
                    let t: Vec<&str> = match &k.test {
                        CrmTest::Field { equals, .. } => vec![equals],
                        CrmTest::FieldContains { contains, .. } => vec![contains],
                        _ => vec![],
                    };
                    texts(sink, &t, k.span);
                    uses.push((&k.customer, k.span, false));
                }
            }
            _ => {}
        }
    }
    let created: Vec<&str> = uses.iter().filter(|u| u.2).map(|u| u.0).collect();
    let created_set: BTreeSet<&str> = created.iter().copied().collect();
    for (h, span, _) in uses.iter().filter(|u| !u.2) {
        if !h.is_empty() && !created_set.contains(h) {
            let hint = did_you_mean(h, created.iter().copied());
            sink.push(
                Code::E024,
                *span,
                format!("customer `{h}` is never created: add a `do = \"create\"` write or a `crm` activity for it{hint}"),
            );
        }
    }
}
