//! Lowering of a free-text plan field's rubric (`[[activity.ID.field.criterion]]`, see
//! `rubric.rs`) with its diagnostics: a rubric on a field that is not free text, a criterion with
//! too few or too many levels, or levels whose points do not rise are E025. Kept apart from
//! `lower_exercise.rs` so that the rubric is one addition there (one field name, one call).

use super::diagnostic::Code;
use super::model::FieldInput;
use super::reader::*;
use super::rubric::{Criterion, Level, MAX_LEVELS, MAX_POINTS};

const CRITERION: &[&str] = &["id", "text", "levels"];
const LEVEL: &[&str] = &["points", "text"];

/// The rubric of the plan field `ff` (empty when it has none).
pub fn lower_rubric(ff: &Fields, sink: &mut Sink, input: FieldInput) -> Vec<Criterion> {
    let Some(v) = ff.get("criterion") else { return vec![] };
    let Some(arr) = ff.array_of(sink, v, "criterion") else { return vec![] };
    if input != FieldInput::Text {
        sink.push(
            Code::E025,
            span_of(v),
            format!(
                "`{}` has a rubric but is not a text field: options are scored by their `score`",
                ff.path
            ),
        );
        return vec![];
    }
    let mut out: Vec<Criterion> = vec![];
    for (i, item) in arr.iter().enumerate() {
        let path = format!("{}[{i}]", ff.sub("criterion"));
        let Some(cf) = Fields::of(sink, item, &path, CRITERION) else { continue };
        let Some((id, span)) = cf.req_id(sink, "id", false) else { continue };
        if out.iter().any(|c| c.id == id) {
            sink.push(Code::E006, span, format!("id `{id}` is used twice in `{}`", ff.sub("criterion")));
            continue;
        }
        let text = cf.req_text(sink, "text");
        let mut levels: Vec<Level> = vec![];
        if let Some(lv) = cf.req(sink, "levels") {
            if let Some(larr) = cf.array_of(sink, lv, "levels") {
                for (j, l) in larr.iter().enumerate() {
                    let Some(lf) = Fields::of(sink, l, format!("{}[{j}]", cf.sub("levels")), LEVEL) else {
                        continue;
                    };
                    let text = lf.req_text(sink, "text");
                    let Some((points, psp)) = lf.opt_int(sink, "points").or_else(|| {
                        lf.req(sink, "points");
                        None
                    }) else {
                        continue;
                    };
                    if !(0..=MAX_POINTS as i64).contains(&points) {
                        sink.push(
                            Code::E025,
                            psp,
                            format!("`{}` must be from 0 to {MAX_POINTS}", lf.sub("points")),
                        );
                        continue;
                    }
                    if let Some(prev) = levels.last().filter(|p| p.points as i64 >= points) {
                        sink.push(
                            Code::E025,
                            psp,
                            format!(
                                "levels of criterion `{id}` must be written from the lowest points to the highest, each higher: {points} follows {}",
                                prev.points
                            ),
                        );
                        continue;
                    }
                    levels.push(Level { points: points as u32, text, span: span_of(l) });
                }
                if larr.len() < 2 || larr.len() > MAX_LEVELS {
                    sink.push(
                        Code::E025,
                        span_of(lv),
                        format!(
                            "criterion `{id}` has {} level(s): a rubric criterion needs from 2 to {MAX_LEVELS} levels",
                            larr.len()
                        ),
                    );
                }
            }
        }
        out.push(Criterion { id, text, levels, span });
    }
    out
}
