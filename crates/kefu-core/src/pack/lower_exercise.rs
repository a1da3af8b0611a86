//! Lowering of the exercise kinds — `order`, `classify`, `calc`, `plan` — from TOML to the model,
//! with their structural diagnostics (ids, duplicates, unknown categories, value ranges).

use toml::de::DeValue;

use super::decimal::Decimal;
use super::diagnostic::{did_you_mean, Code};
use super::model::*;
use super::reader::*;
use super::source::Span;

/// Fields every exercise has, besides `kind`, `title`, `intro`.
pub const TASK: &[&str] = &["prompt", "score", "feedback", "principle"];
const ITEM: &[&str] = &["id", "text", "category", "feedback"];
const CATEGORY: &[&str] = &["id", "text"];
const STEP: &[&str] = &["id", "text", "answer", "unit", "tolerance", "hint"];
const FIELD: &[&str] = &["id", "label", "input", "options", "min_chars", "criterion"];
const OPTION: &[&str] = &["id", "text", "score", "feedback"];

/// The fields an activity of `kind` may have (beyond `kind`, `title`, `intro`).
pub fn fields_of(kind: &str) -> &'static [&'static str] {
    match kind {
        "order" => &["prompt", "score", "feedback", "principle", "items"],
        "classify" => &["prompt", "score", "feedback", "principle", "categories", "item", "pick"],
        "calc" => &["prompt", "score", "feedback", "principle", "step"],
        "plan" => &["prompt", "feedback", "principle", "field"],
        "crm" => super::lower_crm::FORM,
        _ => &[],
    }
}

/// `score = { dim = n, … }` as written (dimension names are checked by the checker).
pub fn score_table(f: &Fields, sink: &mut Sink) -> Vec<ScoreDelta> {
    let mut out = Vec::new();
    if let Some(sv) = f.get("score") {
        if let Some(t) = as_table(sink, sv, &f.sub("score")) {
            for (k, dv) in t.iter() {
                if let Some(delta) = as_int(sink, dv, &format!("{}.{}", f.sub("score"), k.get_ref())) {
                    if delta.abs() > 1_000_000 {
                        sink.push(
                            Code::E019,
                            span_of(dv),
                            "a score change must be between -1000000 and 1000000",
                        );
                        continue;
                    }
                    out.push(ScoreDelta { dim: k.get_ref().to_string(), delta, span: span_of(k) });
                }
            }
        }
    }
    out
}

fn task(f: &Fields, sink: &mut Sink, scored: bool) -> Task {
    let score = score_table(f, sink);
    if scored && score.is_empty() {
        sink.push(
            Code::E005,
            f.span,
            format!("missing required field `score` in `{}` (what a right answer earns)", f.path),
        );
    }
    Task {
        prompt: f.opt_text(sink, "prompt"),
        score,
        feedback: f.opt_text(sink, "feedback"),
        principle: f.opt_text(sink, "principle"),
    }
}

/// Reads an array of tables with unique ids, calling `each` on every element's fields.
fn list<T>(
    f: &Fields,
    sink: &mut Sink,
    key: &str,
    allowed: &[&str],
    mut each: impl FnMut(&Fields, &mut Sink, String, Span) -> Option<T>,
) -> Vec<T> {
    let mut ids: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let Some(v) = f.req(sink, key) else { return out };
    let Some(arr) = as_array(sink, v, &f.sub(key)) else { return out };
    for (i, item) in arr.iter().enumerate() {
        let path = format!("{}[{i}]", f.sub(key));
        let Some(itf) = Fields::of(sink, item, &path, allowed) else { continue };
        let Some((id, span)) = itf.req_id(sink, "id", false) else { continue };
        if ids.contains(&id) {
            sink.push(Code::E006, span, format!("id `{id}` is used twice in `{}`", f.sub(key)));
            continue;
        }
        ids.push(id.clone());
        if let Some(t) = each(&itf, sink, id, span) {
            out.push(t);
        }
    }
    out
}

fn item(f: &Fields, sink: &mut Sink, id: String, span: Span, with_category: bool) -> Item {
    let category = if with_category {
        f.req_id(sink, "category", false).map(|x| x.0).unwrap_or_default()
    } else {
        String::new()
    };
    if !with_category && f.get("category").is_some() {
        sink.push(Code::E019, span, format!("`{}.category` only goes with `classify`", f.path));
    }
    Item { id, text: f.req_text(sink, "text"), category, feedback: f.opt_text(sink, "feedback"), span }
}

pub fn lower_order(f: &Fields, sink: &mut Sink) -> Order {
    let task = task(f, sink, true);
    let items = list(f, sink, "items", ITEM, |itf, sink, id, span| Some(item(itf, sink, id, span, false)));
    if items.len() < 2 {
        sink.push(Code::E019, f.span, format!("`{}.items` needs at least 2 items to put in order", f.path));
    }
    Order { task, items }
}

pub fn lower_classify(f: &Fields, sink: &mut Sink) -> Classify {
    let task = task(f, sink, true);
    let categories = list(f, sink, "categories", CATEGORY, |cf, sink, id, span| {
        Some(Category { id, text: cf.req_text(sink, "text"), span })
    });
    if categories.len() < 2 {
        sink.push(Code::E019, f.span, format!("`{}.categories` needs at least 2 categories", f.path));
    }
    let items = list(f, sink, "item", ITEM, |itf, sink, id, span| Some(item(itf, sink, id, span, true)));
    for it in &items {
        if !it.category.is_empty() && !categories.iter().any(|c| c.id == it.category) {
            let hint = did_you_mean(&it.category, categories.iter().map(|c| c.id.as_str()));
            sink.push(
                Code::E022,
                it.span,
                format!("item `{}` names unknown category `{}`{hint}", it.id, it.category),
            );
        }
    }
    let pick = match f.opt_int(sink, "pick") {
        None => 0,
        Some((n, span)) if n < 1 || n as usize > items.len() => {
            sink.push(
                Code::E019,
                span,
                format!("`{}.pick` must be from 1 to the number of items ({})", f.path, items.len()),
            );
            0
        }
        Some((n, _)) => n as u32,
    };
    if items.is_empty() {
        sink.push(Code::E019, f.span, format!("`{}` has no `item`", f.path));
    }
    Classify { task, categories, items, pick }
}

fn number(sink: &mut Sink, v: &TVal, path: &str) -> Option<Decimal> {
    let x = match v.get_ref() {
        DeValue::Integer(_) => Decimal::parse(&as_int(sink, v, path)?.to_string()),
        // Exponents, `inf` and `nan` are refused by the decimal parser.
        DeValue::Float(f) => Decimal::parse(f.as_str()),
        _ => {
            wrong_type(sink, v, path, "a number");
            return None;
        }
    };
    if x.is_none() {
        sink.push(
            Code::E019,
            span_of(v),
            format!("`{path}` must be a plain decimal number with at most 6 decimals"),
        );
    }
    x
}

pub fn lower_calc(f: &Fields, sink: &mut Sink) -> Calc {
    let task = task(f, sink, true);
    let steps = list(f, sink, "step", STEP, |sf, sink, id, span| {
        let text = sf.req_text(sink, "text");
        let answer = sf.req(sink, "answer").and_then(|v| number(sink, v, &sf.sub("answer")))?;
        let tolerance = match sf.get("tolerance") {
            None => Decimal(0),
            Some(v) => match number(sink, v, &sf.sub("tolerance")) {
                Some(t) if t.0 >= 0 => t,
                Some(_) => {
                    sink.push(
                        Code::E019,
                        span_of(v),
                        format!("`{}` cannot be negative", sf.sub("tolerance")),
                    );
                    Decimal(0)
                }
                None => Decimal(0),
            },
        };
        let unit = sf.opt_str(sink, "unit").map(|x| x.0).unwrap_or_default();
        Some(CalcStep { id, text, answer, unit, tolerance, hint: sf.opt_text(sink, "hint"), span })
    });
    if steps.is_empty() {
        sink.push(Code::E019, f.span, format!("`{}` has no `step`", f.path));
    }
    Calc { task, steps }
}

pub fn lower_plan(f: &Fields, sink: &mut Sink) -> Plan {
    let task = task(f, sink, false);
    let fields = list(f, sink, "field", FIELD, |ff, sink, id, span| {
        let label = ff.req_text(sink, "label");
        let input = match ff.req_str(sink, "input") {
            Some((s, _)) if s == "text" => FieldInput::Text,
            Some((s, _)) if s == "one" => FieldInput::One,
            Some((s, _)) if s == "many" => FieldInput::Many,
            Some((s, sp)) => {
                sink.push(
                    Code::E019,
                    sp,
                    format!("`{}` must be \"text\", \"one\" or \"many\", found \"{s}\"", ff.sub("input")),
                );
                return None;
            }
            None => return None,
        };
        let options = if input == FieldInput::Text {
            if ff.get("options").is_some() {
                sink.push(Code::E019, span, format!("`{}` is a text field and takes no `options`", ff.path));
            }
            vec![]
        } else {
            let opts = list(ff, sink, "options", OPTION, |of, sink, id, span| {
                Some(PlanOption {
                    id,
                    text: of.req_text(sink, "text"),
                    score: score_table(of, sink),
                    feedback: of.opt_text(sink, "feedback"),
                    span,
                })
            });
            if opts.len() < 2 {
                sink.push(Code::E019, span, format!("`{}` needs at least 2 options", ff.path));
            }
            opts
        };
        let min_chars = match ff.opt_int(sink, "min_chars") {
            None => 0,
            Some((n, sp)) if !(0..=10_000).contains(&n) || input != FieldInput::Text => {
                sink.push(
                    Code::E019,
                    sp,
                    format!("`{}` is for text fields, from 0 to 10000", ff.sub("min_chars")),
                );
                0
            }
            Some((n, _)) => n as u32,
        };
        let rubric = super::lower_rubric::lower_rubric(ff, sink, input);
        Some(PlanField { id, label, input, options, min_chars, rubric, span })
    });
    Plan { task, fields }
}
