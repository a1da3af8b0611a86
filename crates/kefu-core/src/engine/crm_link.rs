//! The play's own CRM (docs/pack-format.md, "Role-plays and the CRM"). A play writes to a
//! workspace of its own, built from nothing by its answers, so replaying a play rebuilds the same
//! cards and grades them the same way; the student's own CRM gets the play's writes only when the
//! play is finished (`applied`, see `crm::record`). Writes and checks are the pack's mirrors of
//! `crm::CrmEffect` and `crm::CrmCheck`, with their templates expanded for this play.

use indexmap::IndexMap;

use crate::crm::{Bindings, CrmCheck, CrmEffect, Field, Kind, Workspace};
use crate::pack::expr::Value;
use crate::pack::template::{self, shown};
use crate::pack::{CardCheck, CrmForm, CrmOp, CrmTest, CrmWrite, FormField, FormOptions, VarDef, VarKind};

use super::exercise::{add_scores, FieldAnswer, Graded, ItemResult};

/// The play's workspace, the cards its handles stand for, and every write that succeeded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlayCrm {
    pub ws: Workspace,
    pub bindings: Bindings,
    /// `(time, effect)` in order, templates expanded: what the student's CRM gets at the end.
    pub applied: Vec<(i64, CrmEffect)>,
}

/// Expands templates against the play's current variables.
pub struct Texts<'a> {
    pub vars: &'a IndexMap<String, Value>,
    pub defs: &'a [VarDef],
}

impl Texts<'_> {
    pub fn expand(&self, text: &str) -> String {
        template::expand(text, |var, raw| {
            let v = self.vars.get(var)?;
            Some(shown(self.defs.iter().find(|d| d.id == var), v, raw))
        })
    }

    /// The choices a form field offers, in pack order (empty for free text and MAN).
    pub fn options(&self, f: &FormField) -> Vec<String> {
        match &f.options {
            FormOptions::Free => vec![],
            FormOptions::List(l) => l.iter().map(|t| self.expand(t)).collect(),
            FormOptions::Var(id) => match self.defs.iter().find(|d| d.id == *id) {
                Some(d @ VarDef { kind: VarKind::OneOf { values, .. }, .. }) => {
                    values.iter().map(|v| shown(Some(d), v, false)).collect()
                }
                _ => vec![],
            },
        }
    }

    fn fields(&self, fields: &[(Field, String)]) -> IndexMap<Field, String> {
        fields.iter().map(|(f, t)| (*f, self.expand(t))).collect()
    }

    /// The CRM effect a write stands for in this play.
    pub fn effect(&self, w: &CrmWrite) -> CrmEffect {
        let customer = w.customer.clone();
        match &w.op {
            CrmOp::Create { kind, fields } => {
                CrmEffect::Create { customer, kind: *kind, fields: self.fields(fields) }
            }
            CrmOp::Update { fields } => CrmEffect::Update { customer, fields: self.fields(fields) },
            CrmOp::LogContact { kind, outcome, person, summary } => CrmEffect::LogContact {
                customer,
                kind: *kind,
                outcome: *outcome,
                person: self.expand(person),
                summary: self.expand(summary),
            },
            CrmOp::MoveState { to } => CrmEffect::MoveState { customer, to: *to },
            CrmOp::SetMan { man } => CrmEffect::SetMan { customer, man: *man },
        }
    }

    /// The CRM check a card check stands for in this play.
    pub fn check(&self, c: &CardCheck) -> CrmCheck {
        let customer = c.customer.clone();
        match &c.test {
            CrmTest::Field { field, equals } => {
                CrmCheck::Field { customer, field: *field, equals: self.expand(equals) }
            }
            CrmTest::FieldContains { field, contains } => {
                CrmCheck::FieldContains { customer, field: *field, contains: self.expand(contains) }
            }
            CrmTest::Man { man } => CrmCheck::Man { customer, man: *man },
            CrmTest::ManClass { class } => CrmCheck::ManClass { customer, class: *class },
            CrmTest::State { state } => CrmCheck::State { customer, state: *state },
            CrmTest::Contacted { kind, outcome } => {
                CrmCheck::Contacted { customer, kind: *kind, outcome: *outcome }
            }
        }
    }
}

/// The label a form field shows.
pub fn field_label(f: &FormField) -> &str {
    if f.label.is_empty() {
        f.field.label()
    } else {
        &f.label
    }
}

impl PlayCrm {
    fn name(&self, handle: &str) -> String {
        self.bindings
            .get(handle)
            .and_then(|id| self.ws.customer(id))
            .map_or_else(|| handle.to_string(), |c| c.name.clone())
    }

    /// Applies one effect; on success records it and returns a line for the transcript, on
    /// failure returns the CRM's reason (nothing changed).
    pub fn apply(&mut self, e: CrmEffect, at: i64, reason: &str) -> Result<String, String> {
        e.apply(&mut self.ws, &mut self.bindings, at, reason)
            .map_err(|err| format!("客户资料卡未能更新:{err}"))?;
        let who = self.name(e.customer());
        let text = match &e {
            CrmEffect::Create { .. } => format!("客户资料卡:新建「{who}」"),
            CrmEffect::Update { fields, .. } => {
                let what: Vec<&str> = fields.keys().map(|f| f.label()).collect();
                format!("客户资料卡:更新「{who}」的{}", what.join("、"))
            }
            CrmEffect::LogContact { kind, outcome, .. } => {
                format!("客户资料卡:记录与「{who}」的{}({})", kind.label(), outcome.label())
            }
            CrmEffect::MoveState { to, .. } => format!("客户资料卡:「{who}」转为{}", to.label()),
            CrmEffect::SetMan { man, .. } => format!("客户资料卡:「{who}」的MAN评估为 {}", man.code()),
        };
        self.applied.push((at, e));
        Ok(text)
    }

    /// Grades a `crm` activity: writes the form to the card (creating it when the handle is not
    /// bound), then runs the checks. An incomplete form or a value the CRM refuses is an error and
    /// changes nothing.
    pub fn grade_form(
        &mut self,
        form: &CrmForm,
        answer: &IndexMap<String, FieldAnswer>,
        texts: &Texts,
        at: i64,
        reason: &str,
    ) -> Result<Graded, String> {
        let mut fields = texts.fields(&form.fixed);
        for f in &form.fields {
            let label = field_label(f);
            let given = answer.get(f.field.key()).map_or("", |a| a.text.trim());
            if given.is_empty() || f.field == Field::Man && given.contains('?') {
                return Err(format!("「{label}」还没有填写"));
            }
            let options = texts.options(f);
            if !options.is_empty() && !options.iter().any(|o| o == given) {
                return Err(format!("「{label}」请从选项中选择"));
            }
            fields.insert(f.field, given.to_string());
        }
        if let Some((k, _)) =
            answer.iter().find(|(k, _)| !form.fields.iter().any(|f| f.field.key() == k.as_str()))
        {
            return Err(format!("客户资料卡没有「{k}」这一栏"));
        }
        let customer = form.customer.clone();
        let effect = if self.bindings.get(&customer).is_some() {
            CrmEffect::Update { customer, fields }
        } else {
            CrmEffect::Create { customer, kind: Kind::default(), fields }
        };
        self.apply(effect, at, reason).map_err(|e| e.replace("客户资料卡未能更新:", ""))?;
        let mut results = Vec::new();
        let mut deltas = Vec::new();
        for c in &form.checks {
            let r = texts.check(c).evaluate(&self.ws, &self.bindings);
            if r.passed {
                add_scores(&mut deltas, &c.score, 1);
            }
            let mut note = if r.passed { String::new() } else { c.feedback.clone() };
            if !c.principle.is_empty() {
                note = format!("{note}{}原则:{}", if note.is_empty() { "" } else { " " }, c.principle);
            }
            results.push(ItemResult {
                id: c.id.clone(),
                label: r.message,
                ok: r.passed,
                given: String::new(),
                expected: String::new(),
                note,
            });
        }
        let right = results.iter().filter(|r| r.ok).count() as u32;
        let total = results.len() as u32;
        Ok(Graded {
            results,
            right,
            total,
            deltas,
            summary: format!("客户资料卡 {total} 项核对中通过 {right} 项"),
        })
    }
}
