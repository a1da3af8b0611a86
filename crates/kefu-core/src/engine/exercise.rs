//! Grading the exercise kinds. Each grader takes the exercise and the student's answer and says,
//! item by item, what was right, what was expected, and why — the feedback names what is out of
//! place, in the wrong category or miscalculated, and an item's own feedback is shown whether it
//! was placed right or wrong. Pure functions: replay grades identically.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::pack::decimal::Decimal;
use crate::pack::{Calc, Classify, FieldInput, Item, Order, Plan, ScoreDelta, Task};

/// The answer to one plan field: free text, or the ids of the options picked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldAnswer {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub picks: Vec<String>,
}

/// One graded item of an exercise.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemResult {
    pub id: String,
    pub label: String,
    pub ok: bool,
    /// What the student gave, as shown.
    pub given: String,
    /// What was expected, as shown (empty when the item was right or has no single answer).
    pub expected: String,
    pub note: String,
}

/// The grade of a submitted exercise.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Graded {
    pub results: Vec<ItemResult>,
    /// How many answers count as right (scored with the task's `score` each); plans score by option.
    pub right: u32,
    pub total: u32,
    /// Score changes per dimension id (zero changes omitted), in no particular order.
    pub deltas: Vec<(String, i64)>,
    /// One line such as "7 项中有 5 项顺序正确".
    pub summary: String,
}

fn scored(task: &Task, right: u32) -> Vec<(String, i64)> {
    let mut out = Vec::new();
    add_scores(&mut out, &task.score, i64::from(right));
    out
}

pub(super) fn add_scores(out: &mut Vec<(String, i64)>, score: &[ScoreDelta], times: i64) {
    for s in score {
        match out.iter_mut().find(|(d, _)| *d == s.dim) {
            Some((_, v)) => *v += s.delta * times,
            None => out.push((s.dim.clone(), s.delta * times)),
        }
    }
    out.retain(|(_, v)| *v != 0);
}

/// Indices (into `seq`) of one longest strictly increasing subsequence, in O(n log n).
fn longest_increasing(seq: &[usize]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new(); // index into seq of the smallest tail of each length
    let mut prev = vec![usize::MAX; seq.len()];
    for (i, &x) in seq.iter().enumerate() {
        let k = tails.partition_point(|&t| seq[t] < x);
        if k > 0 {
            prev[i] = tails[k - 1];
        }
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut cur = tails.last().copied().unwrap_or(usize::MAX);
    while cur != usize::MAX {
        out.push(cur);
        cur = prev[cur];
    }
    out.reverse();
    out
}

/// `order`: the answer lists every item id once. Items in the longest run that is in the right
/// relative order count as right; each other item is named with the place it belongs.
pub fn grade_order(o: &Order, answer: &[String]) -> Result<Graded, String> {
    let pos = |id: &str| o.items.iter().position(|i| i.id == id);
    let seq: Vec<usize> = answer
        .iter()
        .map(|id| pos(id).ok_or_else(|| format!("没有这一项:{id}")))
        .collect::<Result<_, _>>()?;
    let mut seen = seq.clone();
    crate::util::order::sort_by(&mut seen, |a, b| a.cmp(b));
    seen.dedup();
    if seen.len() != o.items.len() || seq.len() != o.items.len() {
        return Err("排序答案必须包含每一项,且每项只出现一次".into());
    }
    let keep: Vec<usize> = longest_increasing(&seq);
    let in_run = |i: usize| keep.binary_search(&i).is_ok();
    let results: Vec<ItemResult> = seq
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let item = &o.items[c];
            let ok = in_run(i);
            // A right item still shows its feedback: why it belongs there is part of the lesson.
            let note = if ok {
                item.feedback.clone()
            } else {
                let place = match c {
                    0 => "应排在第一位".to_string(),
                    _ => format!("应排在「{}」之后", o.items[c - 1].text),
                };
                if item.feedback.is_empty() {
                    place
                } else {
                    format!("{place}。{}", item.feedback)
                }
            };
            ItemResult {
                id: item.id.clone(),
                label: item.text.clone(),
                ok,
                given: format!("第 {} 位", i + 1),
                expected: if ok { String::new() } else { format!("第 {} 位", c + 1) },
                note,
            }
        })
        .collect();
    let right = keep.len() as u32;
    let total = o.items.len() as u32;
    Ok(Graded {
        results,
        right,
        total,
        deltas: scored(&o.task, right),
        summary: format!("{total} 项中有 {right} 项顺序正确"),
    })
}

/// `classify`: each shown item must be given one of the categories.
pub fn grade_classify(
    c: &Classify,
    shown: &[&Item],
    answer: &IndexMap<String, String>,
) -> Result<Graded, String> {
    let name = |id: &str| c.categories.iter().find(|k| k.id == id).map(|k| k.text.clone());
    let mut results = Vec::new();
    for item in shown {
        let given = answer.get(&item.id).ok_or_else(|| format!("「{}」还没有分类", item.text))?;
        let given_name = name(given).ok_or_else(|| format!("没有这个类别:{given}"))?;
        let ok = *given == item.category;
        results.push(ItemResult {
            id: item.id.clone(),
            label: item.text.clone(),
            ok,
            given: given_name,
            expected: if ok { String::new() } else { name(&item.category).unwrap_or_default() },
            // Shown for right and wrong items alike: the student reads why, not only after a mistake.
            note: item.feedback.clone(),
        });
    }
    if answer.len() != shown.len() {
        return Err("答案里有不属于本题的项目".into());
    }
    let right = results.iter().filter(|r| r.ok).count() as u32;
    let total = shown.len() as u32;
    Ok(Graded {
        results,
        right,
        total,
        deltas: scored(&c.task, right),
        summary: format!("{total} 项中分对 {right} 项"),
    })
}

/// Reads a number as a student types it: `497.2`, `497.2万`, `6,905`, full-width digits.
pub fn parse_number(text: &str, unit: &str) -> Option<Decimal> {
    let mut t: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '0'..='9' => c,
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            '－' => '-',
            _ => c,
        })
        // U+FF0C is the full-width comma a Chinese IME types; written as an escape so no editor
        // or formatter can flatten it into the ASCII one.
        .filter(|c| *c != ',' && *c != '\u{ff0c}' && !c.is_whitespace())
        .collect();
    if !unit.is_empty() {
        if let Some(stripped) = t.strip_suffix(unit) {
            t = stripped.to_string();
        }
    }
    Decimal::parse(&t)
}

/// `calc`: each step's answer within its tolerance of the expected value.
pub fn grade_calc(c: &Calc, answer: &IndexMap<String, String>) -> Result<Graded, String> {
    let mut results = Vec::new();
    for s in &c.steps {
        let given = answer.get(&s.id).map_or("", String::as_str);
        let value = parse_number(given, &s.unit);
        let ok = value.is_some_and(|v| v.abs_diff(s.answer) <= s.tolerance.0.unsigned_abs());
        let note = match (ok, value) {
            (true, _) => String::new(),
            (false, None) if given.trim().is_empty() => format!("没有作答。{}", s.hint),
            (false, None) => format!("「{given}」不是一个数。{}", s.hint),
            (false, Some(_)) => s.hint.clone(),
        };
        results.push(ItemResult {
            id: s.id.clone(),
            label: s.text.clone(),
            ok,
            given: if given.is_empty() {
                String::new()
            } else {
                format!("{given}{}", if value.is_some() && !given.ends_with(&s.unit) { &s.unit } else { "" })
            },
            expected: if ok { String::new() } else { format!("{}{}", s.answer, s.unit) },
            note: note.trim().to_string(),
        });
    }
    let right = results.iter().filter(|r| r.ok).count() as u32;
    let total = c.steps.len() as u32;
    Ok(Graded {
        results,
        right,
        total,
        deltas: scored(&c.task, right),
        summary: format!("{total} 步中算对 {right} 步"),
    })
}

/// `plan`: option fields earn their options' scores; text fields are kept for the teacher and must
/// only meet their minimum length.
pub fn grade_plan(p: &Plan, answer: &IndexMap<String, FieldAnswer>) -> Result<Graded, String> {
    let mut deltas = Vec::new();
    let mut results = Vec::new();
    let mut right = 0;
    let mut total = 0;
    for f in &p.fields {
        let a = answer.get(&f.id).cloned().unwrap_or_default();
        match f.input {
            FieldInput::Text => {
                let n = a.text.trim().chars().count() as u32;
                if n < f.min_chars {
                    return Err(format!("「{}」至少要写 {} 个字", f.label, f.min_chars));
                }
                results.push(ItemResult {
                    id: f.id.clone(),
                    label: f.label.clone(),
                    ok: true,
                    given: a.text.trim().to_string(),
                    expected: String::new(),
                    note: "由老师评阅".into(),
                });
            }
            FieldInput::One | FieldInput::Many => {
                if f.input == FieldInput::One && a.picks.len() != 1 {
                    return Err(format!("「{}」请选择一项", f.label));
                }
                let mut picked = Vec::new();
                for id in &a.picks {
                    let o = f
                        .options
                        .iter()
                        .find(|o| &o.id == id)
                        .ok_or_else(|| format!("「{}」没有选项 {id}", f.label))?;
                    if picked.iter().any(|p: &&crate::pack::PlanOption| p.id == o.id) {
                        return Err(format!("「{}」的选项 {id} 选了两次", f.label));
                    }
                    picked.push(o);
                }
                let got: i64 = picked.iter().flat_map(|o| o.score.iter()).map(|s| s.delta).sum();
                let best: i64 = match f.input {
                    FieldInput::One => f
                        .options
                        .iter()
                        .map(|o| o.score.iter().map(|s| s.delta).sum::<i64>())
                        .max()
                        .unwrap_or(0),
                    _ => f
                        .options
                        .iter()
                        .map(|o| o.score.iter().map(|s| s.delta).sum::<i64>())
                        .filter(|s| *s > 0)
                        .sum(),
                };
                for o in &picked {
                    add_scores(&mut deltas, &o.score, 1);
                }
                let ok = got >= best;
                total += 1;
                right += u32::from(ok);
                let notes: Vec<String> =
                    picked.iter().filter(|o| !o.feedback.is_empty()).map(|o| o.feedback.clone()).collect();
                let missed: Vec<String> = f
                    .options
                    .iter()
                    .filter(|o| {
                        o.score.iter().map(|s| s.delta).sum::<i64>() > 0
                            && !picked.iter().any(|p| p.id == o.id)
                    })
                    .map(|o| o.text.clone())
                    .collect();
                results.push(ItemResult {
                    id: f.id.clone(),
                    label: f.label.clone(),
                    ok,
                    given: picked.iter().map(|o| o.text.as_str()).collect::<Vec<_>>().join(";"),
                    expected: if ok || f.input == FieldInput::One && missed.is_empty() {
                        String::new()
                    } else {
                        missed.join(";")
                    },
                    note: notes.join(" "),
                });
            }
        }
    }
    Ok(Graded {
        results, right, total, deltas, summary: format!("{total} 个评分项中有 {right} 项达到最佳")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_increasing_finds_a_longest_run() {
        assert_eq!(longest_increasing(&[0, 1, 2, 3]), vec![0, 1, 2, 3]);
        assert_eq!(longest_increasing(&[3, 2, 1, 0]).len(), 1);
        assert_eq!(longest_increasing(&[1, 0, 2, 3, 6, 4, 5]).len(), 5);
        assert!(longest_increasing(&[]).is_empty());
    }

    #[test]
    fn numbers_are_read_as_typed() {
        let d = |s| Decimal::parse(s);
        assert_eq!(parse_number("497.2", "万元"), d("497.2"));
        assert_eq!(parse_number(" 497.2万元 ", "万元"), d("497.2"));
        assert_eq!(parse_number("6,905", "元"), d("6905"));
        assert_eq!(parse_number("6\u{ff0c}905元", "元"), d("6905"), "full-width comma");
        assert_eq!(
            parse_number("\u{ff14}\u{ff19}\u{ff17}\u{ff0e}\u{ff12}", ""),
            d("497.2"),
            "full-width digits and point"
        );
        assert_eq!(parse_number("６９０５", ""), d("6905"));
        assert_eq!(parse_number("abc", ""), None);
        assert_eq!(parse_number("inf", ""), None);
    }
}
