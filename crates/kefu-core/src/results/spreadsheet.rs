//! The teacher's CSV exports for Excel and WPS, written with `util::csv` (UTF-8 with a byte-order
//! mark, every field quoted, CRLF line ends). Text that came from students or packs is defused
//! against formula injection by the one rule there (`util::csv::defuse`).

use crate::util::csv::{defuse, write_record, BOM};

use super::dashboard::Dashboard;
use super::import::{Import, Row};
use super::marking::{detail, total};

/// Writes `rows` as CSV with the BOM.
fn write(rows: Vec<Vec<String>>) -> Vec<u8> {
    let mut out = String::from(BOM);
    for r in &rows {
        write_record(&mut out, r.iter().map(String::as_str));
    }
    out.into_bytes()
}

/// Minutes with one decimal, from ms (rounded), without float formatting.
fn minutes(ms: i64) -> String {
    let tenths = (ms.max(0) + 3000) / 6000;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// One row per student: number, name, packs finished, minutes spent, then per pack the best
/// attempt's percent, grade, attempts, and each skill's score and maximum.
pub fn students_csv(d: &Dashboard) -> Vec<u8> {
    let mut header = vec!["学号".to_string(), "姓名".into(), "完成场景数".into(), "用时(分钟)".into()];
    for p in &d.packs {
        let t = defuse(&p.title);
        header.extend([format!("{t}·得分率(%)"), format!("{t}·等级"), format!("{t}·次数")]);
        for (_, name) in &p.dims {
            header.extend([format!("{t}·{name}·得分"), format!("{t}·{name}·满分")]);
        }
    }
    let mut rows = vec![header];
    for s in &d.students {
        let mut row = vec![
            defuse(&s.student.number),
            defuse(&s.student.name),
            format!("{}/{}", s.completed, d.packs.len()),
            minutes(s.time_ms),
        ];
        for (p, result) in d.packs.iter().zip(&s.packs) {
            match result {
                Some(r) => {
                    row.extend([r.percent.to_string(), defuse(&r.grade), r.attempts.to_string()]);
                    for k in 0..p.dims.len() {
                        let sc = r.dims.get(k);
                        row.extend([
                            sc.map(|x| x.score.to_string()).unwrap_or_default(),
                            sc.map(|x| x.max.to_string()).unwrap_or_default(),
                        ]);
                    }
                }
                None => row.extend(std::iter::repeat_n(String::new(), 3 + 2 * p.dims.len())),
            }
        }
        rows.push(row);
    }
    write(rows)
}

/// The choices and exercise items most students got wrong, most frequent first.
pub fn mistakes_csv(d: &Dashboard) -> Vec<u8> {
    let mut rows =
        vec![["场景", "活动", "类型", "情境/题目", "学生的选择", "更好的做法", "要点", "人数", "到达人数"]
            .map(String::from)
            .to_vec()];
    for m in &d.mistakes {
        rows.push(vec![
            defuse(&d.packs[m.pack].title),
            defuse(&m.activity),
            "对话选择".into(),
            defuse(&m.node_text),
            defuse(&m.choice_text),
            defuse(m.better.as_deref().unwrap_or_default()),
            defuse(if m.principle.is_empty() { &m.feedback } else { &m.principle }),
            m.students.to_string(),
            m.reached.to_string(),
        ]);
    }
    for m in &d.missed_items {
        rows.push(vec![
            defuse(&d.packs[m.pack].title),
            defuse(&m.activity),
            "练习题".into(),
            defuse(&m.label),
            String::new(),
            defuse(&m.expected),
            String::new(),
            m.students.to_string(),
            m.answered.to_string(),
        ]);
    }
    write(rows)
}

/// Every imported row with its verdict, flagged ones included: the teacher's record of what was
/// handed in and what was wrong with it. The last two columns are the teacher's marking of the
/// play's free-text answers where its pack has a rubric (`marking.rs`): the total as
/// `points/max` (未评 when no criterion is marked) and each criterion (`field·criterion:
/// points/max`, or 未评); empty when the pack has no rubric for the play's answers.
pub fn results_csv(import: &Import) -> Vec<u8> {
    let mut rows = vec![[
        "文件",
        "序号",
        "学号",
        "姓名",
        "场景包",
        "版本",
        "种子",
        "核对结果",
        "说明",
        "得分率(%)",
        "重复",
        "疑似复制",
        "教师评分",
        "评分明细",
    ]
    .map(String::from)
    .to_vec()];
    for r in &import.rows {
        let (number, name) = r.student.as_ref().map_or(("", ""), |s| (s.number.as_str(), s.name.as_str()));
        let pack = r.play.as_ref().map(|p| &p.pack);
        rows.push(vec![
            defuse(&r.file),
            r.index.map(|i| (i + 1).to_string()).unwrap_or_default(),
            defuse(number),
            defuse(name),
            defuse(
                &pack
                    .map(|p| if p.title.is_empty() { p.id.clone() } else { p.title.clone() })
                    .unwrap_or_default(),
            ),
            pack.map(|p| p.version.to_string()).unwrap_or_default(),
            r.play.as_ref().map(|p| p.seed.to_string()).unwrap_or_default(),
            r.verdict.label().into(),
            defuse(&r.verdict.to_string()),
            r.verdict.verified().map(|v| v.debrief.percent.to_string()).unwrap_or_default(),
            r.duplicate_of.map(|_| "是".to_string()).unwrap_or_default(),
            r.copy_of.map(|j| format!("与第 {} 行相同", j + 1)).unwrap_or_default(),
        ]);
        let (total, detail) = marking_columns(r);
        if let Some(row) = rows.last_mut() {
            row.extend([total, defuse(&detail)]);
        }
    }
    write(rows)
}

/// The marking total and detail of a row (empty when its pack has no rubric for its answers).
fn marking_columns(r: &Row) -> (String, String) {
    let (Some(v), Some(play)) = (r.verdict.verified(), &r.play) else { return Default::default() };
    let pack = &v.session.loaded().pack;
    let t = total(pack, &play.answers, &r.marks);
    if t.criteria == 0 {
        return Default::default();
    }
    // Nothing marked yet reads 未评, not 0 points: the answer has not been judged.
    let shown = if t.marked == 0 { "未评".to_string() } else { format!("{}/{}", t.points, t.max) };
    (shown, detail(pack, &play.answers, &r.marks))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_crlf_with_bom_and_defused_formulas() {
        let out = write(vec![
            vec![defuse("=HYPERLINK(\"x\")"), defuse("张三"), defuse("a\"b"), defuse("-1"), "-1".into()],
            vec![defuse("多行\n文本")],
        ]);
        let s = String::from_utf8(out).unwrap();
        assert_eq!(
            s,
            "\u{feff}\"'=HYPERLINK(\"\"x\"\")\",\"张三\",\"a\"\"b\",\"'-1\",\"-1\"\r\n\"多行\n文本\"\r\n"
        );
    }

    #[test]
    fn minutes_round_to_a_tenth() {
        assert_eq!(minutes(0), "0.0");
        assert_eq!(minutes(2999), "0.0");
        assert_eq!(minutes(3000), "0.1");
        assert_eq!(minutes(90_000), "1.5");
        assert_eq!(minutes(-5), "0.0");
    }
}
