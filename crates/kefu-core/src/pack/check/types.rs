//! Types in conditions and effects (E012), and comparisons that can never hold (W003).
//!
//! The choices are walked once to find what `add` and `set` do to each variable, and variables are
//! looked up in a map: scanning every choice for each variable, and every variable for each name
//! in a condition, made this quadratic in packs with many variables.

use std::collections::{BTreeMap, BTreeSet};

use super::super::diagnostic::{did_you_mean, Code};
use super::super::expr::{CmpOp, Expr, Type, Value};
use super::super::model::*;
use super::super::reader::Sink;

/// What the checker knows about one variable.
struct VarInfo<'a> {
    ty: Type,
    /// The values it can ever hold, when that is a known finite set (one_of values plus every
    /// `set` literal); `None` when `add` or a range makes it open.
    values: Option<Vec<&'a Value>>,
    range: Option<(i64, i64)>,
}

pub fn check<'p>(pack: &'p Pack, sink: &mut Sink) {
    let choices: Vec<&Choice> = pack
        .activities
        .iter()
        .filter_map(|a| a.body.dialogue())
        .flat_map(|d| d.nodes.values())
        .flat_map(|n| n.choices())
        .collect();
    // Variables some `add` changes, and the literals `set` gives each (in the choices' order).
    let mut added_to: BTreeSet<&str> = BTreeSet::new();
    let mut set_to: BTreeMap<&str, Vec<&Value>> = BTreeMap::new();
    for c in &choices {
        added_to.extend(c.add.iter().map(|a| a.var.as_str()));
        for s in &c.set {
            set_to.entry(s.var.as_str()).or_default().push(&s.value);
        }
    }
    let info = |v: &'p VarDef| -> VarInfo<'p> {
        let added = added_to.contains(v.id.as_str());
        let assigned: Vec<&Value> = set_to.get(v.id.as_str()).cloned().unwrap_or_default();
        match &v.kind {
            VarKind::OneOf { values, .. } => VarInfo {
                ty: values[0].ty(),
                values: (!added).then(|| values.iter().chain(assigned).collect()),
                range: None,
            },
            VarKind::Range { lo, hi } => VarInfo {
                ty: Type::Int,
                values: None,
                range: (!added && assigned.is_empty()).then_some((*lo, *hi)),
            },
            VarKind::Init(x) => VarInfo { ty: x.ty(), values: None, range: None },
        }
    };
    // The first definition of a name wins, as a search of the list would find it.
    let mut vars: BTreeMap<&str, VarInfo> = BTreeMap::new();
    for v in &pack.vars {
        vars.entry(v.id.as_str()).or_insert_with(|| info(v));
    }
    let lookup = |name: &str| vars.get(name);

    let mut conds: Vec<&Cond> = Vec::new();
    for d in pack.activities.iter().filter_map(|a| a.body.dialogue()) {
        for n in d.nodes.values() {
            conds.extend(n.variants.iter().map(|v| &v.when));
            // The branches of the choices, or the `next` ones (no list collected per node).
            let next: &[Branch] = match &n.body {
                NodeBody::Next(bs) => bs,
                _ => &[],
            };
            let branches = n.choices().iter().flat_map(|c| c.goto.iter()).chain(next);
            conds.extend(branches.filter_map(|b| b.when.as_ref()));
            conds.extend(n.choices().iter().filter_map(|c| c.when.as_ref()));
        }
    }
    for c in conds {
        let mut cx = Cx { cond: c, sink, lookup: &lookup };
        if let Some(t) = cx.infer(&c.expr) {
            if t != Type::Bool {
                cx.sink.push(Code::E012, c.span, format!("condition `{}` is {t}, not true/false", c.src));
            }
        }
    }
    for c in &choices {
        for s in &c.set {
            if let Some(i) = lookup(&s.var) {
                if s.value.ty() != i.ty {
                    sink.push(
                        Code::E012,
                        s.span,
                        format!("`{}` is {}, so it cannot be set to {}", s.var, i.ty, s.value),
                    );
                }
            }
        }
        for a in &c.add {
            if let Some(i) = lookup(&a.var) {
                if i.ty != Type::Int {
                    sink.push(
                        Code::E012,
                        a.span,
                        format!("`add` needs an integer variable; `{}` is {}", a.var, i.ty),
                    );
                }
            }
        }
    }
}

struct Cx<'a, 's, 'v> {
    cond: &'a Cond,
    sink: &'s mut Sink,
    lookup: &'a dyn Fn(&str) -> Option<&'a VarInfo<'v>>,
}

impl Cx<'_, '_, '_> {
    fn err(&mut self, at: usize, len: usize, msg: String) {
        self.sink.push(Code::E012, self.cond.span.sub(at, len), msg);
    }

    /// The type of `e`, reporting mismatches; `None` when unknown (already reported elsewhere).
    fn infer(&mut self, e: &Expr) -> Option<Type> {
        match e {
            Expr::Lit(v) => Some(v.ty()),
            Expr::Var { name, .. } => (self.lookup)(name).map(|i| i.ty),
            Expr::Score { .. } => Some(Type::Int),
            Expr::Not(a) => {
                self.want_bool(a, "`not`");
                Some(Type::Bool)
            }
            Expr::And(a, b) | Expr::Or(a, b) => {
                self.want_bool(a, "`and`/`or`");
                self.want_bool(b, "`and`/`or`");
                Some(Type::Bool)
            }
            Expr::Cmp(op, a, b) => {
                let (ta, tb) = (self.infer(a), self.infer(b));
                if let (Some(ta), Some(tb)) = (ta, tb) {
                    if ta != tb {
                        self.err(
                            0,
                            self.cond.src.len(),
                            format!("`{}` compares {ta} with {tb}", self.cond.src),
                        );
                    } else if !matches!(op, CmpOp::Eq | CmpOp::Ne) && ta != Type::Int {
                        self.err(
                            0,
                            self.cond.src.len(),
                            format!("`<`, `<=`, `>`, `>=` compare integers, not {ta}"),
                        );
                    } else {
                        self.never_equal(*op, a, b);
                    }
                }
                Some(Type::Bool)
            }
        }
    }

    fn want_bool(&mut self, e: &Expr, what: &str) {
        if let Some(t) = self.infer(e) {
            if t != Type::Bool {
                self.err(
                    0,
                    self.cond.src.len(),
                    format!("{what} needs true/false, but `{}` has {t} there", self.cond.src),
                );
            }
        }
    }

    /// W003: `var == literal` where the variable can never hold the literal.
    fn never_equal(&mut self, op: CmpOp, a: &Expr, b: &Expr) {
        if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
            return;
        }
        let (name, at, lit) = match (a, b) {
            (Expr::Var { name, at }, Expr::Lit(v)) | (Expr::Lit(v), Expr::Var { name, at }) => (name, *at, v),
            _ => return,
        };
        let Some(info) = (self.lookup)(name) else { return };
        let impossible = match (&info.values, info.range, lit) {
            (Some(values), _, _) => !values.contains(&lit),
            (None, Some((lo, hi)), Value::Int(x)) => *x < lo || *x > hi,
            _ => false,
        };
        if impossible {
            let hint = match &info.values {
                Some(values) => {
                    let texts: Vec<String> = values
                        .iter()
                        .map(|v| match v {
                            Value::Str(s) => s.clone(),
                            other => other.to_string(),
                        })
                        .collect();
                    let lit_text = match lit {
                        Value::Str(s) => s.clone(),
                        other => other.to_string(),
                    };
                    let dym = did_you_mean(&lit_text, texts.iter().map(String::as_str));
                    format!("{dym} (possible: {})", texts.join(", "))
                }
                None => format!(" (range {}..={})", info.range.unwrap().0, info.range.unwrap().1),
            };
            let verdict = if op == CmpOp::Eq { "never true" } else { "always true" };
            self.sink.push(
                Code::W003,
                self.cond.span.sub(at, name.len()),
                format!("`{}` is {verdict}: `{name}` can never be {lit}{hint}", self.cond.src),
            );
        }
    }
}
