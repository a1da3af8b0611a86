//! Lowering of the pack's CRM parts: `crm = [...]` writes on nodes and choices, and the `crm`
//! activity (a customer card to fill in, graded by card checks). Names are checked against the
//! CRM's own vocabulary (card fields, states, outcomes, MAN codes) and fixed values against the
//! CRM's field rules, so a pack cannot ask the CRM for something it would refuse.

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::diagnostic::{did_you_mean, Code};
use super::lower_exercise::score_table;
use super::model::*;
use super::reader::*;
use super::template;
use crate::crm::contact::{ContactKind, Outcome as ContactOutcome};
use crate::crm::customer::Kind as CardKind;
use crate::crm::field::Field;
use crate::crm::man::{Man, ManClass};
use crate::crm::state::State;

/// Fields of a `crm` activity besides `kind`, `title`, `intro`.
pub const FORM: &[&str] = &["prompt", "feedback", "principle", "customer", "fixed", "field", "check"];
const FORM_FIELD: &[&str] = &["field", "label", "options"];

/// The serde name of an enum value (`"actual"`, `"no_answer"` …): the pack's spelling.
fn name_of<T: Serialize>(x: &T) -> String {
    serde_json::to_value(x).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// Reads one of `all` by its serde name; E023 with the allowed names otherwise.
fn keyword<T: Serialize + DeserializeOwned + Copy>(
    sink: &mut Sink,
    v: &TVal,
    path: &str,
    all: &[T],
) -> Option<T> {
    let s = as_str(sink, v, path)?;
    let names: Vec<String> = all.iter().map(name_of).collect();
    match names.iter().position(|n| n == s) {
        Some(i) => Some(all[i]),
        None => {
            let hint = did_you_mean(s, names.iter().map(String::as_str));
            sink.push(
                Code::E023,
                span_of(v),
                format!("`{path}` must be one of {}, found `{s}`{hint}", names.join(", ")),
            );
            None
        }
    }
}

/// A required keyword field of `f`.
fn req_keyword<T: Serialize + DeserializeOwned + Copy>(
    f: &Fields,
    sink: &mut Sink,
    key: &str,
    all: &[T],
) -> Option<T> {
    let v = f.req(sink, key)?;
    keyword(sink, v, &f.sub(key), all)
}

fn field_key(sink: &mut Sink, key: &str, span: super::source::Span, path: &str) -> Option<Field> {
    let found = Field::ALL.iter().copied().find(|f| f.key() == key);
    if found.is_none() {
        let hint = did_you_mean(key, Field::ALL.iter().map(|f| f.key()));
        sink.push(Code::E023, span, format!("`{path}`: `{key}` is not a customer card field{hint}"));
    }
    found
}

/// A fixed card value (no template) must be one the CRM accepts for that field.
fn card_value(sink: &mut Sink, field: Field, text: &str, v: &TVal, path: &str) {
    if template::refs(text).is_empty() {
        if let Err(reason) = field.canonical(text) {
            sink.push(Code::E023, span_of(v), format!("`{path}`: the CRM refuses this value: {reason}"));
        }
    }
}

/// `{ field = "text", … }`, in file order.
fn card_fields(f: &Fields, sink: &mut Sink, key: &str) -> Vec<(Field, String)> {
    let mut out = Vec::new();
    let Some(v) = f.get(key) else { return out };
    let Some(t) = as_table(sink, v, &f.sub(key)) else { return out };
    for (k, x) in t.iter() {
        let path = format!("{}.{}", f.sub(key), k.get_ref());
        let Some(field) = field_key(sink, k.get_ref(), span_of(k), &path) else { continue };
        let Some(text) = as_str(sink, x, &path) else { continue };
        card_value(sink, field, text, x, &path);
        out.push((field, text.to_string()));
    }
    out
}

fn handle(f: &Fields, sink: &mut Sink) -> Option<String> {
    let (h, span) = f.req_str(sink, "customer")?;
    check_id(sink, &h, span, &f.sub("customer"), false).then_some(h)
}

/// `crm = [ { do = "…", customer = "…", … }, … ]` on a node or choice.
pub fn lower_writes(f: &Fields, sink: &mut Sink) -> Vec<CrmWrite> {
    let mut out = Vec::new();
    let Some(v) = f.get("crm") else { return out };
    let Some(arr) = as_array(sink, v, &f.sub("crm")) else { return out };
    for (i, item) in arr.iter().enumerate() {
        let path = format!("{}[{i}]", f.sub("crm"));
        if let Some(w) = lower_write(item, &path, sink) {
            out.push(w);
        }
    }
    out
}

fn lower_write(v: &TVal, path: &str, sink: &mut Sink) -> Option<CrmWrite> {
    let t = as_table(sink, v, path)?;
    let op_v = t.get("do");
    let op = op_v.and_then(|o| as_str(sink, o, &format!("{path}.do"))).map(str::to_string);
    let allowed: Vec<&str> = match op.as_deref() {
        Some("create") => vec!["do", "customer", "kind", "fields"],
        Some("update") => vec!["do", "customer", "fields"],
        Some("log_contact") => vec!["do", "customer", "kind", "outcome", "person", "summary"],
        Some("move_state") => vec!["do", "customer", "to"],
        Some("set_man") => vec!["do", "customer", "man"],
        // Unknown operation: its fields cannot be judged, so only the operation is reported.
        _ => t.iter().map(|(k, _)| k.get_ref().as_ref()).collect(),
    };
    let f = Fields::new(sink, t, span_of(v), path, &allowed);
    let op = match (op, op_v) {
        (None, None) => {
            f.req(sink, "do");
            return None;
        }
        (None, Some(_)) => return None,
        (Some(op), Some(ov)) if !CrmOp::NAMES.contains(&op.as_str()) => {
            let hint = did_you_mean(&op, CrmOp::NAMES);
            sink.push(
                Code::E023,
                span_of(ov),
                format!("unknown CRM operation `{op}`{hint} (one of: {})", CrmOp::NAMES.join(", ")),
            );
            return None;
        }
        (Some(op), _) => op,
    };
    let customer = handle(&f, sink);
    let op = match op.as_str() {
        "create" => {
            let kind = match f.get("kind") {
                Some(k) => keyword(sink, k, &f.sub("kind"), &[CardKind::Individual, CardKind::Organisation])?,
                None => CardKind::Individual,
            };
            let fields = card_fields(&f, sink, "fields");
            if !fields.iter().any(|(k, _)| *k == Field::Name) {
                sink.push(Code::E023, f.span, format!("`{path}` creates a card without `fields.name`"));
            }
            CrmOp::Create { kind, fields }
        }
        "update" => {
            if f.get("fields").is_none() {
                f.req(sink, "fields");
            }
            CrmOp::Update { fields: card_fields(&f, sink, "fields") }
        }
        "log_contact" => {
            let kind = req_keyword(&f, sink, "kind", &ContactKind::ALL)?;
            let outcome = req_keyword(&f, sink, "outcome", &ContactOutcome::ALL)?;
            let person = f.opt_text(sink, "person");
            let summary = f.opt_text(sink, "summary");
            CrmOp::LogContact { kind, outcome, person, summary }
        }
        "move_state" => CrmOp::MoveState { to: req_keyword(&f, sink, "to", &State::ALL)? },
        _ => {
            let (code, span) = f.req_str(sink, "man")?;
            match Man::parse(&code) {
                Ok(man) => CrmOp::SetMan { man },
                Err(reason) => {
                    sink.push(Code::E023, span, format!("`{}`: {reason}", f.sub("man")));
                    return None;
                }
            }
        }
    };
    Some(CrmWrite { customer: customer?, op, span: f.span })
}

/// The `crm` activity.
pub fn lower_form(f: &Fields, sink: &mut Sink) -> CrmForm {
    let task = Task {
        prompt: f.opt_text(sink, "prompt"),
        score: vec![],
        feedback: f.opt_text(sink, "feedback"),
        principle: f.opt_text(sink, "principle"),
    };
    let customer = handle(f, sink).unwrap_or_default();
    let fixed = card_fields(f, sink, "fixed");
    let mut fields: Vec<FormField> = Vec::new();
    if let Some(v) = f.get("field") {
        for (i, item) in as_array(sink, v, &f.sub("field")).into_iter().flat_map(|a| a.iter()).enumerate() {
            let path = format!("{}[{i}]", f.sub("field"));
            let Some(ff) = Fields::of(sink, item, &path, FORM_FIELD) else { continue };
            let Some((key, span)) = ff.req_str(sink, "field") else { continue };
            let Some(field) = field_key(sink, &key, span, &ff.sub("field")) else { continue };
            if fields.iter().any(|x| x.field == field) {
                sink.push(Code::E006, span, format!("card field `{key}` is asked twice in `{}`", f.path));
                continue;
            }
            let options = match ff.get("options") {
                None => FormOptions::Free,
                Some(_) if field == Field::Man => {
                    sink.push(
                        Code::E019,
                        span,
                        format!("`{path}`: the MAN field is asked as three yes/no questions and takes no `options`"),
                    );
                    FormOptions::Free
                }
                Some(ov) => match ov.get_ref() {
                    toml::de::DeValue::String(var) => FormOptions::Var(var.to_string()),
                    _ => {
                        let list: Vec<String> = as_array(sink, ov, &ff.sub("options"))
                            .into_iter()
                            .flat_map(|a| a.iter())
                            .filter_map(|x| {
                                let s = as_str(sink, x, &ff.sub("options"))?;
                                check_text(sink, s, span_of(x), &ff.sub("options"));
                                card_value(sink, field, s, x, &ff.sub("options"));
                                Some(s.to_string())
                            })
                            .collect();
                        if list.len() < 2 {
                            sink.push(
                                Code::E019,
                                span_of(ov),
                                format!("`{}` needs at least 2 options", ff.sub("options")),
                            );
                        }
                        FormOptions::List(list)
                    }
                },
            };
            let label = ff.opt_text(sink, "label");
            fields.push(FormField { field, label, options, span });
        }
    }
    let mut checks: Vec<CardCheck> = Vec::new();
    match f.get("check") {
        None => {
            f.req(sink, "check");
        }
        Some(v) => {
            for (i, item) in as_array(sink, v, &f.sub("check")).into_iter().flat_map(|a| a.iter()).enumerate()
            {
                let path = format!("{}[{i}]", f.sub("check"));
                if let Some(c) = lower_check(item, &path, &customer, sink) {
                    if checks.iter().any(|o| o.id == c.id) {
                        sink.push(
                            Code::E006,
                            c.span,
                            format!("check id `{}` is used twice in `{}`", c.id, f.path),
                        );
                        continue;
                    }
                    checks.push(c);
                }
            }
        }
    }
    CrmForm { task, customer, fixed, fields, checks }
}

fn lower_check(v: &TVal, path: &str, default_customer: &str, sink: &mut Sink) -> Option<CardCheck> {
    const COMMON: [&str; 6] = ["id", "check", "customer", "score", "feedback", "principle"];
    let t = as_table(sink, v, path)?;
    let kind_v = t.get("check");
    let kind = kind_v.and_then(|k| as_str(sink, k, &format!("{path}.check"))).map(str::to_string);
    let extra: &[&str] = match kind.as_deref() {
        Some("field") => &["field", "equals"],
        Some("field_contains") => &["field", "contains"],
        Some("man") => &["man"],
        Some("man_class") => &["class"],
        Some("state") => &["state"],
        Some("contacted") => &["kind", "outcome"],
        _ => &[],
    };
    let known = kind.as_deref().is_some_and(|k| CrmTest::NAMES.contains(&k));
    let allowed: Vec<&str> = if known || kind_v.is_none() {
        COMMON.iter().chain(extra).copied().collect()
    } else {
        t.iter().map(|(k, _)| k.get_ref().as_ref()).collect()
    };
    let f = Fields::new(sink, t, span_of(v), path, &allowed);
    let (id, _) = f.req_id(sink, "id", false)?;
    let kind = match (kind, kind_v) {
        (Some(k), _) if CrmTest::NAMES.contains(&k.as_str()) => k,
        (Some(k), Some(kv)) => {
            let hint = did_you_mean(&k, CrmTest::NAMES);
            sink.push(
                Code::E023,
                span_of(kv),
                format!("unknown card check `{k}`{hint} (one of: {})", CrmTest::NAMES.join(", ")),
            );
            return None;
        }
        _ => {
            f.req(sink, "check");
            return None;
        }
    };
    let customer = match f.get("customer") {
        Some(_) => handle(&f, sink)?,
        None => default_customer.to_string(),
    };
    let field = |sink: &mut Sink| -> Option<Field> {
        let (key, span) = f.req_str(sink, "field")?;
        field_key(sink, &key, span, &f.sub("field"))
    };
    let test = match kind.as_str() {
        "field" => {
            let field = field(sink)?;
            let v = f.req(sink, "equals")?;
            let equals = as_str(sink, v, &f.sub("equals"))?.to_string();
            card_value(sink, field, &equals, v, &f.sub("equals"));
            CrmTest::Field { field, equals }
        }
        "field_contains" => {
            let field = field(sink)?;
            let (contains, span) = f.req_str(sink, "contains")?;
            check_text(sink, &contains, span, &f.sub("contains"));
            CrmTest::FieldContains { field, contains }
        }
        "man" => {
            let (code, span) = f.req_str(sink, "man")?;
            if !template::refs(&code).is_empty() {
                // A drawn MAN code (`{prospect.value}`) is compared as the card's MAN field.
                CrmTest::Field { field: Field::Man, equals: code }
            } else {
                match Man::parse(&code) {
                    Ok(man) => CrmTest::Man { man },
                    Err(reason) => {
                        sink.push(Code::E023, span, format!("`{}`: {reason}", f.sub("man")));
                        return None;
                    }
                }
            }
        }
        "man_class" => CrmTest::ManClass {
            class: req_keyword(
                &f,
                sink,
                "class",
                &[ManClass::Prospect, ManClass::Contactable, ManClass::NonCustomer],
            )?,
        },
        "state" => CrmTest::State { state: req_keyword(&f, sink, "state", &State::ALL)? },
        _ => CrmTest::Contacted {
            kind: match f.get("kind") {
                Some(k) => Some(keyword(sink, k, &f.sub("kind"), &ContactKind::ALL)?),
                None => None,
            },
            outcome: match f.get("outcome") {
                Some(o) => Some(keyword(sink, o, &f.sub("outcome"), &ContactOutcome::ALL)?),
                None => None,
            },
        },
    };
    let score = score_table(&f, sink);
    if score.is_empty() {
        sink.push(
            Code::E005,
            f.span,
            format!("missing required field `score` in `{path}` (what passing earns)"),
        );
    }
    Some(CardCheck {
        id,
        customer,
        test,
        score,
        feedback: f.opt_text(sink, "feedback"),
        principle: f.opt_text(sink, "principle"),
        span: f.span,
    })
}
