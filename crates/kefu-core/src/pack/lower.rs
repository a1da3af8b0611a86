//! Lowering: from the spanned TOML tree to the typed [`Pack`] model. Reports structural problems
//! (unknown or missing fields, wrong types, bad ids and values, unparsable conditions) and keeps
//! going, so one run shows all of them. References between parts of the pack and the dialogue
//! graph are checked afterwards, on the model, by `check`.
//!
//! Field paths (`activity.talk.node.n1.choice[0].goto`) are for messages: they are built when a
//! message needs them (see `reader`), not for every value read, which kept the lowering of a
//! large pack busy formatting strings nobody would see. Only the paths that `Fields` keep for
//! their children (a node's, a choice's, a branch's) are built up front.

use indexmap::IndexMap;
use toml::de::{DeTable, DeValue};

use super::diagnostic::Code;
use super::expr::{self, Value};
use super::lower_crm;
use super::lower_exercise;
use super::model::*;
use super::reader::*;
use super::source::Span;

const TOP: &[&str] = &["pack", "grade", "vars", "activity"];
const PACK: &[&str] =
    &["id", "version", "title", "lang", "source", "project", "summary", "minutes", "dimensions"];
const DIMENSION: &[&str] = &["id", "name"];
const GRADE: &[&str] = &["min", "label", "text"];
const VAR: &[&str] = &["one_of", "weights", "range", "init", "labels"];
const ACTIVITY: &[&str] = &["kind", "title", "intro", "start", "node"];
const ACTIVITY_COMMON: &[&str] = &["kind", "title", "intro"];
const NODE: &[&str] =
    &["speaker", "text", "variant", "choice", "next", "ending", "title", "crm", "depends_on_draw"];
const VARIANT: &[&str] = &["when", "text"];
const CHOICE: &[&str] =
    &["id", "text", "when", "goto", "score", "set", "add", "feedback", "principle", "crm"];
const BRANCH: &[&str] = &["when", "to"];
/// The activity kinds this version plays.
pub const KINDS: &[&str] = &["dialogue", "order", "classify", "calc", "plan", "crm"];

/// Builds the model from a parsed document. Returns `None` only when the document is too broken
/// to have a `[pack]` at all; otherwise a best-effort pack, with every problem in `sink`.
pub fn lower(src: &str, root: &DeTable, root_span: Span, sink: &mut Sink) -> Option<Pack> {
    let top = Fields::new(sink, root, root_span, "", TOP);
    let meta_v = top.req(sink, "pack");
    let pack_fields = meta_v.and_then(|v| Fields::of(sink, v, "pack", PACK));
    let (meta, dimensions) = match &pack_fields {
        Some(f) => (lower_meta(f, sink), lower_dimensions(f, sink)),
        None => return None,
    };
    let grades = top.get("grade").map(|v| lower_grades(v, root_span, sink)).unwrap_or_default();
    let vars = top.get("vars").map(|v| lower_vars(v, sink)).unwrap_or_default();
    let mut activities = Vec::new();
    match top.get("activity") {
        Some(v) => {
            if let Some(t) = as_table(sink, v, "activity") {
                for (k, av) in t.iter() {
                    if let Some(a) = lower_activity(src, k.get_ref(), span_of(k), av, sink) {
                        activities.push(a);
                    }
                }
                if t.is_empty() {
                    sink.push(Code::E005, span_of(v), "the pack has no activity");
                }
            }
        }
        None => {
            sink.push(Code::E005, root_span, "missing required table `activity` (the pack has no activity)")
        }
    }
    Some(Pack { meta, dimensions, vars, grades, activities })
}

fn lower_meta(f: &Fields, sink: &mut Sink) -> Meta {
    let id = f.req_id(sink, "id", false).map(|x| x.0).unwrap_or_default();
    let version = match f.get("version") {
        None => {
            f.req(sink, "version");
            1
        }
        Some(v) => match as_int(sink, v, "pack.version") {
            Some(n) if (1..=i64::from(u32::MAX)).contains(&n) => n as u32,
            Some(n) => {
                sink.push(Code::E019, span_of(v), format!("`pack.version` must be 1 or more, found {n}"));
                1
            }
            None => 1,
        },
    };
    let minutes = match f.opt_int(sink, "minutes") {
        Some((n, _)) if (1..=600).contains(&n) => n as u32,
        Some((n, span)) => {
            sink.push(Code::E019, span, format!("`pack.minutes` must be between 1 and 600, found {n}"));
            0
        }
        None => 0,
    };
    Meta {
        id,
        version,
        title: f.req_text(sink, "title"),
        lang: f.opt_str(sink, "lang").map(|x| x.0).unwrap_or_else(|| "zh-CN".into()),
        source: f.req_text(sink, "source"),
        project: f.opt_text(sink, "project"),
        summary: f.opt_text(sink, "summary"),
        minutes,
    }
}

fn lower_dimensions(f: &Fields, sink: &mut Sink) -> Vec<Dimension> {
    let Some(v) = f.req(sink, "dimensions") else { return vec![] };
    let Some(arr) = as_array(sink, v, "pack.dimensions") else { return vec![] };
    if arr.is_empty() {
        sink.push(Code::E019, span_of(v), "`pack.dimensions` needs at least one skill dimension");
    }
    let mut out: Vec<Dimension> = Vec::new();
    for (i, dv) in arr.iter().enumerate() {
        let path = format!("pack.dimensions[{i}]");
        let Some(df) = Fields::of(sink, dv, &path, DIMENSION) else { continue };
        let Some((id, span)) = df.req_id(sink, "id", true) else { continue };
        let name = df.req_text(sink, "name");
        if out.iter().any(|d| d.id == id) {
            sink.push(Code::E006, span, format!("dimension `{id}` is declared twice"));
            continue;
        }
        out.push(Dimension { id, name, span });
    }
    out
}

fn lower_grades(v: &TVal, root_span: Span, sink: &mut Sink) -> Vec<GradeBand> {
    let Some(arr) = as_array(sink, v, "grade") else { return vec![] };
    let mut out: Vec<GradeBand> = Vec::new();
    for (i, gv) in arr.iter().enumerate() {
        let path = format!("grade[{i}]");
        let Some(gf) = Fields::of(sink, gv, &path, GRADE) else { continue };
        let span = span_of(gv);
        let min = match gf.req(sink, "min").and_then(|m| as_int(sink, m, &format!("{path}.min"))) {
            Some(n) if (0..=100).contains(&n) => n as u32,
            Some(n) => {
                sink.push(Code::E020, span, format!("`{path}.min` is a percentage from 0 to 100, found {n}"));
                continue;
            }
            None => continue,
        };
        let label = gf.req_text(sink, "label");
        let text = gf.opt_text(sink, "text");
        if out.iter().any(|g| g.min == min) {
            sink.push(Code::E020, span, format!("two grade bands start at {min}%"));
            continue;
        }
        out.push(GradeBand { min, label, text, span });
    }
    if !out.is_empty() && !out.iter().any(|g| g.min == 0) {
        let at = out.first().map_or(root_span, |g| g.span);
        sink.push(Code::E020, at, "no grade band starts at 0%: some totals would get no grade");
    }
    crate::util::order::sort_by_key(&mut out, |b| std::cmp::Reverse(b.min));
    out
}

fn toml_value(sink: &mut Sink, v: &TVal, path: &str) -> Option<Value> {
    match v.get_ref() {
        DeValue::String(s) => Some(Value::Str(s.to_string())),
        DeValue::Boolean(b) => Some(Value::Bool(*b)),
        DeValue::Integer(_) => as_int(sink, v, path).map(Value::Int),
        _ => {
            wrong_type(sink, v, path, "text, an integer or true/false");
            None
        }
    }
}

fn lower_vars(v: &TVal, sink: &mut Sink) -> Vec<VarDef> {
    let Some(t) = as_table(sink, v, "vars") else { return vec![] };
    let mut out = Vec::new();
    for (k, vv) in t.iter() {
        let id = k.get_ref().to_string();
        let path = format!("vars.{id}");
        let span = span_of(k);
        check_id(sink, &id, span, "variable", true);
        let Some(f) = Fields::of(sink, vv, &path, VAR) else { continue };
        let present: Vec<&str> =
            ["one_of", "range", "init"].into_iter().filter(|k| f.get(k).is_some()).collect();
        if present.len() != 1 {
            sink.push(
                Code::E017,
                span,
                format!("`{path}` needs exactly one of `one_of`, `range`, `init` (found {})", present.len()),
            );
            continue;
        }
        let kind = match present[0] {
            "one_of" => {
                let ov = f.get("one_of").unwrap();
                let Some(arr) = as_array(sink, ov, &format!("{path}.one_of")) else { continue };
                let values: Vec<Value> = arr
                    .iter()
                    .enumerate()
                    .filter_map(|(i, x)| toml_value(sink, x, &format!("{path}.one_of[{i}]")))
                    .collect();
                if values.is_empty() {
                    sink.push(Code::E019, span_of(ov), format!("`{path}.one_of` is empty"));
                    continue;
                }
                if values.iter().any(|x| x.ty() != values[0].ty()) {
                    sink.push(Code::E004, span_of(ov), format!("`{path}.one_of` mixes value types"));
                    continue;
                }
                let weights = match f.get("weights") {
                    None => vec![1; values.len()],
                    Some(wv) => {
                        let ws: Vec<i64> = as_array(sink, wv, &format!("{path}.weights"))
                            .map(|a| {
                                a.iter().filter_map(|x| as_int(sink, x, &format!("{path}.weights"))).collect()
                            })
                            .unwrap_or_default();
                        if ws.len() != values.len()
                            || ws.iter().any(|w| !(0..=1_000_000).contains(w))
                            || ws.iter().all(|w| *w == 0)
                        {
                            sink.push(
                                Code::E019,
                                span_of(wv),
                                format!("`{path}.weights` needs one weight from 0 to 1000000 per value, not all 0"),
                            );
                            continue;
                        }
                        ws.into_iter().map(|w| w as u32).collect()
                    }
                };
                VarKind::OneOf { values, weights }
            }
            "range" => {
                let rv = f.get("range").unwrap();
                let nums: Vec<i64> = as_array(sink, rv, &format!("{path}.range"))
                    .map(|a| a.iter().filter_map(|x| as_int(sink, x, &format!("{path}.range"))).collect())
                    .unwrap_or_default();
                match nums.as_slice() {
                    [lo, hi] if lo <= hi => VarKind::Range { lo: *lo, hi: *hi },
                    _ => {
                        sink.push(
                            Code::E019,
                            span_of(rv),
                            format!("`{path}.range` must be [low, high] with low <= high"),
                        );
                        continue;
                    }
                }
            }
            _ => match toml_value(sink, f.get("init").unwrap(), &format!("{path}.init")) {
                Some(x) => VarKind::Init(x),
                None => continue,
            },
        };
        if f.get("weights").is_some() && !matches!(kind, VarKind::OneOf { .. }) {
            sink.push(Code::E019, span, format!("`{path}.weights` only goes with `one_of`"));
        }
        let mut labels = IndexMap::new();
        if let Some(lv) = f.get("labels") {
            if let Some(lt) = as_table(sink, lv, &format!("{path}.labels")) {
                for (lk, lval) in lt.iter() {
                    if let Some(s) = as_str(sink, lval, &format!("{path}.labels.{}", lk.get_ref())) {
                        labels.insert(lk.get_ref().to_string(), s.to_string());
                    }
                }
            }
        }
        out.push(VarDef { id, kind, labels, span });
    }
    out
}

fn lower_activity(src: &str, id: &str, id_span: Span, v: &TVal, sink: &mut Sink) -> Option<Activity> {
    let path = format!("activity.{id}");
    check_id(sink, id, id_span, "activity", false);
    let t = as_table(sink, v, &path)?;
    // The allowed fields depend on the kind, so read the kind first.
    let kind_v = t.get("kind");
    let kind = kind_v.and_then(|k| as_str(sink, k, &format!("{path}.kind"))).map(str::to_string);
    let allowed: Vec<&str> = match kind.as_deref() {
        Some("dialogue") => ACTIVITY.to_vec(),
        Some(k) if KINDS.contains(&k) => {
            ACTIVITY_COMMON.iter().chain(lower_exercise::fields_of(k)).copied().collect()
        }
        // Unknown kind: its fields cannot be judged, so only the kind is reported.
        _ => t.iter().map(|(k, _)| k.get_ref().as_ref()).collect(),
    };
    let f = Fields::new(sink, t, span_of(v), &path, &allowed);
    let Some(kind) = kind else {
        if kind_v.is_none() {
            f.req(sink, "kind");
        }
        return None;
    };
    if !KINDS.contains(&kind.as_str()) {
        sink.push(
            Code::E021,
            span_of(kind_v.unwrap()),
            format!(
                "unknown activity kind `{kind}`{} (this version plays: {})",
                super::diagnostic::did_you_mean(&kind, KINDS.iter().copied()),
                KINDS.join(", ")
            ),
        );
        return None;
    }
    let title = f.opt_text(sink, "title");
    let intro = f.opt_text(sink, "intro");
    let body = match kind.as_str() {
        "dialogue" => ActivityBody::Dialogue(lower_dialogue(src, &f, sink)?),
        "order" => ActivityBody::Order(lower_exercise::lower_order(&f, sink)),
        "classify" => ActivityBody::Classify(lower_exercise::lower_classify(&f, sink)),
        "calc" => ActivityBody::Calc(lower_exercise::lower_calc(&f, sink)),
        "crm" => ActivityBody::Crm(lower_crm::lower_form(&f, sink)),
        _ => ActivityBody::Plan(lower_exercise::lower_plan(&f, sink)),
    };
    Some(Activity { id: id.to_string(), title, intro, body, span: id_span })
}

fn lower_dialogue(src: &str, f: &Fields, sink: &mut Sink) -> Option<Dialogue> {
    let (start, start_span) = f.req_id(sink, "start", false).unwrap_or_default();
    let mut nodes = IndexMap::new();
    if let Some(nv) = f.req(sink, "node") {
        if let Some(nt) = f.table_of(sink, nv, "node") {
            nodes.reserve(nt.len());
            // `f.sub("node.{id}")`, with the common part formatted once.
            let base = f.sub("node");
            for (k, v) in nt.iter() {
                let id = k.get_ref().to_string();
                if let Some(n) = lower_node(src, format!("{base}.{id}"), &id, span_of(k), v, sink) {
                    nodes.insert(id, n);
                }
            }
        }
    }
    Some(Dialogue { start, start_span, nodes })
}

fn lower_node(src: &str, path: String, id: &str, id_span: Span, v: &TVal, sink: &mut Sink) -> Option<Node> {
    check_id(sink, id, id_span, "node", false);
    let f = Fields::of(sink, v, path, NODE)?;
    let path = f.path.as_str();
    let span = f.span;
    let speaker = f.opt_text(sink, "speaker");
    let text = f.req_text(sink, "text");
    let mut variants = Vec::new();
    if let Some(vv) = f.get("variant") {
        for (i, item) in f.array_of(sink, vv, "variant").into_iter().flat_map(|a| a.iter()).enumerate() {
            let vpath = format!("{path}.variant[{i}]");
            let Some(vf) = Fields::of(sink, item, &vpath, VARIANT) else { continue };
            let when = vf.req(sink, "when").and_then(|w| cond(src, w, &|| format!("{vpath}.when"), sink));
            let vtext = vf.req_text(sink, "text");
            if let Some(when) = when {
                variants.push(Variant { when, text: vtext });
            }
        }
    }
    // Ending first: with several, an author who wrote `ending` meant the node to end.
    let has: Vec<&str> = ["ending", "choice", "next"].into_iter().filter(|k| f.get(k).is_some()).collect();
    if has.len() != 1 {
        let found = if has.is_empty() { "none".to_string() } else { has.join(" and ") };
        sink.push(
            Code::E017,
            span,
            format!("node `{id}` must have exactly one of `choice`, `next` or `ending` (found {found})"),
        );
        // With several, go on with the first so the rest of the pack is still checked normally.
        if has.is_empty() {
            return None;
        }
    }
    if f.get("title").is_some() && has[0] != "ending" {
        sink.push(
            Code::E019,
            span_of(f.get("title").unwrap()),
            format!("`{path}.title` only goes with `ending`"),
        );
    }
    let body = match has[0] {
        "choice" => {
            let cv = f.get("choice").unwrap();
            let arr = f.array_of(sink, cv, "choice")?;
            if arr.is_empty() {
                sink.push(Code::E017, span_of(cv), format!("node `{id}` has an empty choice list"));
            }
            let mut choices: Vec<Choice> = Vec::new();
            for (i, item) in arr.iter().enumerate() {
                if let Some(c) = lower_choice(src, format!("{path}.choice[{i}]"), item, sink) {
                    if choices.iter().any(|o| o.id == c.id) {
                        sink.push(
                            Code::E006,
                            c.span,
                            format!("choice id `{}` is used twice in node `{id}`", c.id),
                        );
                        continue;
                    }
                    choices.push(c);
                }
            }
            NodeBody::Choices(choices)
        }
        "next" => NodeBody::Next(branches(src, f.get("next").unwrap(), &|| f.sub("next"), sink)),
        _ => {
            let ev = f.get("ending").unwrap();
            let name = f.str_of(sink, ev, "ending")?;
            let Some(&(_, outcome)) = Outcome::ALL.iter().find(|(n, _)| *n == name) else {
                sink.push(
                    Code::E019,
                    span_of(ev),
                    format!("`{path}.ending` must be \"success\", \"partial\" or \"fail\", found \"{name}\""),
                );
                return None;
            };
            NodeBody::Ending(Ending { outcome, title: f.opt_text(sink, "title") })
        }
    };
    let crm = lower_crm::lower_writes(&f, sink);
    let depends_on_draw = f.opt_text(sink, "depends_on_draw");
    Some(Node { id: id.to_string(), speaker, text, variants, body, crm, depends_on_draw, span })
}

fn lower_choice(src: &str, path: String, v: &TVal, sink: &mut Sink) -> Option<Choice> {
    let f = Fields::of(sink, v, path, CHOICE)?;
    let span = f.span;
    let id = f.req_id(sink, "id", false).map(|x| x.0);
    let text = f.req_text(sink, "text");
    let when = f.get("when").and_then(|w| cond(src, w, &|| f.sub("when"), sink));
    let goto = f.req(sink, "goto").map(|g| branches(src, g, &|| f.sub("goto"), sink)).unwrap_or_default();
    let mut score = Vec::new();
    if let Some(sv) = f.get("score") {
        if let Some(t) = f.table_of(sink, sv, "score") {
            for (k, dv) in t.iter() {
                let delta = match int_value(dv) {
                    Some(n) => Some(n),
                    None => as_int(sink, dv, &format!("{}.{}", f.sub("score"), k.get_ref())),
                };
                if let Some(delta) = delta {
                    if delta.abs() > 1_000_000 {
                        sink.push(
                            Code::E019,
                            span_of(dv),
                            "a score change must be between -1000000 and 1000000",
                        );
                        continue;
                    }
                    score.push(ScoreDelta { dim: k.get_ref().to_string(), delta, span: span_of(k) });
                }
            }
        }
    }
    let mut set = Vec::new();
    if let Some(sv) = f.get("set") {
        if let Some(t) = f.table_of(sink, sv, "set") {
            for (k, x) in t.iter() {
                if let Some(value) = toml_value(sink, x, &format!("{}.{}", f.sub("set"), k.get_ref())) {
                    set.push(Assign { var: k.get_ref().to_string(), value, span: span_of(k) });
                }
            }
        }
    }
    let mut add = Vec::new();
    if let Some(av) = f.get("add") {
        if let Some(t) = f.table_of(sink, av, "add") {
            for (k, x) in t.iter() {
                if let Some(by) = as_int(sink, x, &format!("{}.{}", f.sub("add"), k.get_ref())) {
                    add.push(Increment { var: k.get_ref().to_string(), by, span: span_of(k) });
                }
            }
        }
    }
    let feedback = f.opt_text(sink, "feedback");
    let principle = f.opt_text(sink, "principle");
    let crm = lower_crm::lower_writes(&f, sink);
    Some(Choice { id: id?, text, when, goto, score, set, add, feedback, principle, crm, span })
}

/// `goto`/`next`: a node id, or a list of `{ when, to }` tried in order, the last one without `when`.
/// `path` builds the field's path, when a list or a message needs it.
fn branches(src: &str, v: &TVal, path: &dyn Fn() -> String, sink: &mut Sink) -> Vec<Branch> {
    match v.get_ref() {
        DeValue::String(s) => {
            check_id(sink, s, span_of(v), "target node", false);
            vec![Branch { when: None, to: s.to_string(), span: span_of(v) }]
        }
        DeValue::Array(arr) => {
            let path = &path();
            let mut out = Vec::new();
            for (i, item) in arr.iter().enumerate() {
                let bpath = format!("{path}[{i}]");
                let Some(bf) = Fields::of(sink, item, bpath, BRANCH) else { continue };
                let when = bf.get("when").and_then(|w| cond(src, w, &|| bf.sub("when"), sink));
                let Some((to, span)) = bf.req_id(sink, "to", false) else { continue };
                out.push(Branch { when, to, span });
            }
            match out.last() {
                None => sink.push(Code::E018, span_of(v), format!("`{path}` is an empty list")),
                Some(b) if b.when.is_some() => sink.push(
                    Code::E018,
                    b.span,
                    format!("the last branch of `{path}` must have no `when`, so that some branch is always taken"),
                ),
                _ => {}
            }
            for b in out.iter().rev().skip(1) {
                if b.when.is_none() {
                    sink.push(
                        Code::E018,
                        b.span,
                        format!("a branch without `when` in `{path}` hides the branches after it"),
                    );
                }
            }
            out
        }
        _ => {
            wrong_type(sink, v, &path(), "a node id or a list of { when, to }");
            vec![]
        }
    }
}

/// Where the expression text of a TOML string starts in the file: just after the opening quote
/// when the string has no escapes (so columns are exact), else at the string itself.
fn expr_base(src: &str, span: Span, decoded: &str) -> Span {
    let raw = src.get(span.start..span.end).unwrap_or("");
    let q = raw.chars().next().map_or(0, |c| if c == '"' || c == '\'' { 1 } else { 0 });
    if q == 1 && raw.len() >= 2 && &raw[1..raw.len() - 1] == decoded {
        Span::new(span.start + 1, span.end - 1)
    } else {
        span
    }
}

/// A condition; `path` builds the field's path for a message.
fn cond(src: &str, v: &TVal, path: &dyn Fn() -> String, sink: &mut Sink) -> Option<Cond> {
    let s = match v.get_ref() {
        DeValue::String(s) => s,
        _ => as_str(sink, v, &path())?,
    };
    let base = expr_base(src, span_of(v), s);
    match expr::parse(s) {
        Ok(e) => Some(Cond { src: s.to_string(), expr: e, span: base }),
        Err(err) => {
            sink.push(
                Code::E011,
                base.sub(err.at, 1),
                format!("bad condition in `{}`: {}", path(), err.message),
            );
            None
        }
    }
}
