//! Score bounds of the exercise kinds (`order`, `classify`, `calc`, `plan`, `crm`): unlike a dialogue they
//! have no paths, so the lowest and highest totals follow from how they are scored. Shared by the
//! checker (pack-wide bounds) and the engine (a play's maximum).

use super::model::{ActivityBody, Dimension, FieldInput, ScoreDelta, Task};

fn per_right(task: &Task, dim: &str) -> i64 {
    task.score.iter().filter(|s| s.dim == dim).map(|s| s.delta).sum()
}

fn sum(score: &[ScoreDelta], dim: &str) -> i64 {
    score.iter().filter(|s| s.dim == dim).map(|s| s.delta).sum()
}

/// `(min, max)` per dimension for an exercise; `None` for a dialogue.
pub fn exercise_bounds(body: &ActivityBody, dims: &[Dimension]) -> Option<Vec<(i64, i64)>> {
    let span = |lo: i64, hi: i64, p: i64| (lo * p).min(hi * p)..=(lo * p).max(hi * p);
    let out = dims.iter().map(|d| {
        let r = match body {
            ActivityBody::Dialogue(_) => return (0, 0),
            // At least one item is always "in order" (the longest ordered run is never empty).
            ActivityBody::Order(o) => {
                span(o.items.len().min(1) as i64, o.items.len() as i64, per_right(&o.task, &d.id))
            }
            ActivityBody::Classify(c) => {
                let n = if c.pick == 0 { c.items.len() } else { (c.pick as usize).min(c.items.len()) };
                span(0, n as i64, per_right(&c.task, &d.id))
            }
            ActivityBody::Calc(c) => span(0, c.steps.len() as i64, per_right(&c.task, &d.id)),
            ActivityBody::Plan(p) => {
                let (mut lo, mut hi) = (0, 0);
                for f in &p.fields {
                    let scores: Vec<i64> = f.options.iter().map(|o| sum(&o.score, &d.id)).collect();
                    match f.input {
                        FieldInput::Text => {}
                        FieldInput::One => {
                            lo += scores.iter().copied().min().unwrap_or(0);
                            hi += scores.iter().copied().max().unwrap_or(0);
                        }
                        FieldInput::Many => {
                            lo += scores.iter().filter(|s| **s < 0).sum::<i64>();
                            hi += scores.iter().filter(|s| **s > 0).sum::<i64>();
                        }
                    }
                }
                lo..=hi
            }
            // Each check passes or fails on its own: the best card passes every check, the worst
            // none (a check's score may be negative: then failing it is the better outcome).
            ActivityBody::Crm(c) => {
                let per: Vec<i64> = c.checks.iter().map(|k| sum(&k.score, &d.id)).collect();
                per.iter().filter(|s| **s < 0).sum::<i64>()..=per.iter().filter(|s| **s > 0).sum::<i64>()
            }
        };
        (*r.start(), *r.end())
    });
    match body {
        ActivityBody::Dialogue(_) => None,
        _ => Some(out.collect()),
    }
}
