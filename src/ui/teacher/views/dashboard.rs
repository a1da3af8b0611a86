//! The class dashboard of the counted results: per student the best attempt's score per skill,
//! completion and time; per skill the class's distribution; the choices most students got wrong
//! and the exercise items most missed; and the CSV downloads. In a class, a student's row opens
//! that student's plays (`on_open`).

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::download;
use crate::ui::teacher::views::skill_chart::SkillChart;
use kefu_core::results::{mistakes_csv, results_csv, students_csv, Dashboard, Import};

#[derive(Properties)]
pub struct DashboardProps {
    pub dashboard: Rc<Dashboard>,
    pub import: Rc<Import>,
    /// Reports a failed download.
    pub on_error: Callback<String>,
    /// Opens a student's plays (by number); rows have no such control when `None` (an import
    /// not kept in a class has no stored plays to open).
    #[prop_or_default]
    pub on_open: Option<Callback<String>>,
}

impl PartialEq for DashboardProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.dashboard, &other.dashboard)
            && Rc::ptr_eq(&self.import, &other.import)
            && self.on_open.is_some() == other.on_open.is_some()
    }
}

/// `12 分 05 秒` for a duration in ms.
pub fn duration(ms: i64) -> String {
    let s = ms.max(0) / 1000;
    format!("{} 分 {:02} 秒", s / 60, s % 60)
}

#[function_component(DashboardView)]
pub fn dashboard_view(props: &DashboardProps) -> Html {
    let d = &props.dashboard;
    let export = |what: &'static str| {
        let d = props.dashboard.clone();
        let import = props.import.clone();
        let on_error = props.on_error.clone();
        Callback::from(move |_: MouseEvent| {
            let (name, bytes) = match what {
                "students" => ("班级成绩-学生.csv", students_csv(&d)),
                "mistakes" => ("班级成绩-常见错误.csv", mistakes_csv(&d)),
                _ => ("班级成绩-核对结果.csv", results_csv(&import)),
            };
            if let Err(e) = download::save(name, "text/csv;charset=utf-8", &bytes) {
                on_error.emit(e);
            }
        })
    };
    let total_packs = d.packs.len();
    html! {
        <section class="dashboard" data-dashboard="" data-students={d.students.len().to_string()}>
            <h2>{"班级概况"}</h2>
            <div class="actions exports">
                <button data-export-csv="students" onclick={export("students")}>{"导出学生成绩 CSV"}</button>
                <button data-export-csv="mistakes" onclick={export("mistakes")}>{"导出常见错误 CSV"}</button>
                <button data-export-csv="results" onclick={export("results")}>{"导出核对结果 CSV"}</button>
            </div>
            if d.students.is_empty() {
                <p class="empty">{"还没有核实通过的成绩。"}</p>
            } else {
                <div class="table-wrap">
                <table class="class-table">
                    <thead>
                        <tr>
                            <th rowspan="2">{"学号"}</th><th rowspan="2">{"姓名"}</th>
                            <th rowspan="2">{"完成"}</th><th rowspan="2">{"用时"}</th>
                            { for d.packs.iter().map(|p| html! {
                                <th colspan={(p.dims.len() + 1).to_string()}>{ format!("{}(第 {} 版)", p.title, p.pack.version) }</th>
                            }) }
                        </tr>
                        <tr>
                            { for d.packs.iter().map(|p| html! { <>
                                <th>{"总分"}</th>
                                { for p.dims.iter().map(|(_, name)| html! { <th>{ name.clone() }</th> }) }
                            </> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for d.students.iter().map(|row| html! {
                            <tr data-student-row={row.student.number.clone()} data-completed={row.completed.to_string()}>
                                <td>{ row.student.number.clone() }</td>
                                <td>
                                    { row.student.name.clone() }
                                    if let Some(open) = &props.on_open {
                                        <button class="link" data-open-plays={row.student.number.clone()}
                                                onclick={ let (open, n) = (open.clone(), row.student.number.clone());
                                                          Callback::from(move |_: MouseEvent| open.emit(n.clone())) }>
                                            {"查看作答"}
                                        </button>
                                    }
                                </td>
                                <td>{ format!("{}/{}", row.completed, total_packs) }</td>
                                <td>{ duration(row.time_ms) }</td>
                                { for row.packs.iter().zip(&d.packs).map(|(r, col)| match r {
                                    Some(r) => html! { <>
                                        <td data-pack-percent={col.pack.id.clone()}>
                                            { format!("{}%", r.percent) }
                                            if !r.grade.is_empty() { <span class="grade-label">{ r.grade.clone() }</span> }
                                            if r.attempts > 1 { <span class="attempts">{ format!("({} 次)", r.attempts) }</span> }
                                        </td>
                                        { for r.dims.iter().zip(&col.dims).map(|(s, (id, _))| html! {
                                            <td data-skill={id.clone()} data-score={s.score.to_string()} data-max={s.max.to_string()}>
                                                { format!("{}/{}", s.score, s.max) }
                                            </td>
                                        }) }
                                    </> },
                                    None => html! { <td colspan={(col.dims.len() + 1).to_string()} class="missing">{"未完成"}</td> },
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
                </div>
                <h3>{"各项技能的得分分布"}</h3>
                <div class="skill-charts">
                    { for d.skills.iter().filter(|s| s.students > 0).map(|s| html! {
                        <SkillChart stats={s.clone()} pack_title={d.packs[s.pack].title.clone()}
                            hook={format!("{}/{}", d.packs[s.pack].pack.id, s.dim)} />
                    }) }
                </div>
                <h3>{"最常见的错误选择"}</h3>
                if d.mistakes.is_empty() && d.missed_items.is_empty() {
                    <p class="empty">{"没有错误选择。"}</p>
                }
                <ol class="mistakes">
                    { for d.mistakes.iter().take(20).map(|m| html! {
                        <li data-mistake={m.choice.clone()} data-students={m.students.to_string()} data-reached={m.reached.to_string()}>
                            <p class="m-count">{ format!("{} / {} 名学生", m.students, m.reached) }{" · "}{ d.packs[m.pack].title.clone() }</p>
                            if !m.node_text.is_empty() { <p class="m-node">{"顾客:"}{ m.node_text.clone() }</p> }
                            <p class="m-choice">{"学生选择:"}{ m.choice_text.clone() }</p>
                            if let Some(b) = &m.better { <p class="better">{"更好的说法:"}{ b.clone() }</p> }
                            if !m.principle.is_empty() { <p class="principle">{"原则:"}{ m.principle.clone() }</p> }
                        </li>
                    }) }
                    { for d.missed_items.iter().take(20).map(|m| html! {
                        <li data-missed-item={m.item.clone()} data-students={m.students.to_string()}>
                            <p class="m-count">{ format!("{} / {} 名学生", m.students, m.answered) }{" · "}{ d.packs[m.pack].title.clone() }{" · "}{ m.activity.clone() }</p>
                            <p class="m-choice">{"答错:"}{ m.label.clone() }</p>
                            if !m.expected.is_empty() { <p class="better">{"正确:"}{ m.expected.clone() }</p> }
                        </li>
                    }) }
                </ol>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::duration;

    #[test]
    fn durations_read_as_minutes_and_seconds() {
        assert_eq!(duration(0), "0 分 00 秒");
        assert_eq!(duration(125_400), "2 分 05 秒");
        assert_eq!(duration(-5), "0 分 00 秒");
    }
}
