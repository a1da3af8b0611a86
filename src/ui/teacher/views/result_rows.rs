//! The imported results, one row per play (or per unreadable file): the file, the student, the
//! pack, the claimed score and the verdict of the replay. Flagged rows say exactly what is wrong
//! and are marked; duplicates say which row they repeat, copies which other student's row they
//! equal. Only verified rows are counted.

use yew::prelude::*;

use kefu_core::results::{Import, Row, Verdict};

/// The `data-verdict` value of a row.
pub fn verdict_key(row: &Row) -> &'static str {
    if row.duplicate_of.is_some() {
        return "duplicate";
    }
    if row.copy_of.is_some() {
        return "copy";
    }
    match &row.verdict {
        Verdict::Verified(_) => "verified",
        Verdict::ScoreMismatch(_) => "score-mismatch",
        Verdict::UnknownPack { .. } => "unknown-pack",
        Verdict::NotFinished { .. } => "not-finished",
        Verdict::Malformed(_) => "malformed",
        Verdict::ReplayFailed(_) => "replay-failed",
    }
}

#[derive(Properties)]
pub struct ResultRowsProps {
    pub import: std::rc::Rc<Import>,
}

impl PartialEq for ResultRowsProps {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.import, &other.import)
    }
}

#[function_component(ResultRows)]
pub fn result_rows(props: &ResultRowsProps) -> Html {
    let rows = &props.import.rows;
    html! {
        <table class="result-rows">
            <thead>
                <tr><th>{"#"}</th><th>{"文件"}</th><th>{"学生"}</th><th>{"场景"}</th><th>{"文件中的得分"}</th><th>{"核对结果"}</th></tr>
            </thead>
            <tbody>
                { for rows.iter().enumerate().map(|(i, r)| {
                    let key = verdict_key(r);
                    let counted = r.counts();
                    let file = match r.index {
                        Some(k) if r.play.is_some() || k > 0 => format!("{}(第 {} 条)", r.file, k + 1),
                        _ => r.file.clone(),
                    };
                    let student = r.student.as_ref().map_or_else(|| "—".to_string(), |s| format!("{} {}", s.number, s.name));
                    let pack = r.play.as_ref().map_or_else(|| "—".to_string(), |p| {
                        let title = if p.pack.title.is_empty() { p.pack.id.clone() } else { p.pack.title.clone() };
                        format!("{title}(第 {} 版)", p.pack.version)
                    });
                    let claimed = r.play.as_ref().map_or_else(|| "—".to_string(), |p| format!("{}%", p.claimed.percent));
                    let verdict = match (r.duplicate_of, r.copy_of) {
                        (Some(j), _) => format!("重复:与第 {} 行相同,只计一次", j + 1),
                        (None, Some(j)) => format!(
                            "疑似复制:与第 {} 行另一位学生的练习完全相同(种子、开始时间和每一步作答及时间),两行都不计入",
                            j + 1
                        ),
                        (None, None) => r.verdict.to_string(),
                    };
                    let label = match (r.duplicate_of, r.copy_of) {
                        (Some(_), _) => "重复",
                        (None, Some(_)) => "疑似复制",
                        (None, None) => r.verdict.label(),
                    };
                    html! {
                        <tr class={classes!("result-row", key, (!counted).then_some("flagged"))}
                            data-result-row={i.to_string()} data-result="" data-verdict={key}
                            data-verified={if r.verdict.is_verified() { "true" } else { "false" }}
                            data-counted={counted.to_string()}
                            data-student-number={r.student.as_ref().map(|s| s.number.clone())}>
                            <td>{ i + 1 }</td>
                            <td>{ file }</td>
                            <td>{ student }</td>
                            <td>{ pack }</td>
                            <td>{ claimed }</td>
                            <td class="verdict">
                                <strong>{ label }</strong>
                                if !counted { <span class="why">{ verdict }</span> }
                            </td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}
