//! The 客户拜访计划表 of seed 001. The seed shows its heading (销售专员, 年度) but its columns were
//! lost in the text extraction; the columns here follow what seeds 001 and 002 say a visit needs:
//! who and when, the purpose, how contact is made (电话约访 first), the materials to bring (样品、名片、
//! 图片、权威认证、媒体报道 …), the expected and the actual result, and the next appointment
//! (下一次的拜访约定). One row per planned visit; a plan table is the rows of one salesperson and year.

use serde::{Deserialize, Serialize};

/// One row of a visit plan.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct VisitRow {
    /// Given by the workspace; editing a row keeps its id.
    pub id: u32,
    pub customer: u32,
    /// 销售专员
    pub salesperson: String,
    /// 拜访日期, `YYYY-MM-DD` (its year is the table's 年度).
    pub date: String,
    /// 拜访对象 (the person to meet).
    pub person: String,
    /// 拜访目的
    pub purpose: String,
    /// 拜访方式 (电话约访, 上门拜访, 外展 …)
    pub method: String,
    /// 准备资料
    pub materials: String,
    /// 预期效果
    pub expected: String,
    /// 实际结果 (empty until the visit took place)
    pub result: String,
    /// 下次拜访约定
    pub next: String,
}

/// Column headings, in table order (the customer's name is shown before them).
pub const VISIT_COLUMNS: [&str; 9] = [
    "拜访日期",
    "拜访对象",
    "拜访目的",
    "拜访方式",
    "准备资料",
    "预期效果",
    "实际结果",
    "下次拜访约定",
    "销售专员",
];

impl VisitRow {
    /// The cells under [`VISIT_COLUMNS`].
    pub fn cells(&self) -> [&str; 9] {
        [
            &self.date,
            &self.person,
            &self.purpose,
            &self.method,
            &self.materials,
            &self.expected,
            &self.result,
            &self.next,
            &self.salesperson,
        ]
    }

    /// `YYYY` of the date, the table's 年度.
    pub fn year(&self) -> Option<u32> {
        self.date.get(..4)?.parse().ok()
    }

    /// Checks the row: a date in `YYYY-MM-DD` form (or none yet) and a purpose.
    pub fn validate(&self) -> Result<(), String> {
        if !self.date.is_empty() && !valid_date(&self.date) {
            return Err(format!("拜访日期「{}」应写成 2024-03-05 这样的年-月-日", self.date));
        }
        if self.purpose.trim().is_empty() {
            return Err("请填写拜访目的".into());
        }
        Ok(())
    }
}

fn valid_date(d: &str) -> bool {
    let parts: Vec<&str> = d.split('-').collect();
    let [y, m, day] = parts[..] else { return false };
    let num = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().unwrap())
    };
    matches!((num(y, 4), num(m, 2), num(day, 2)), (Some(_), Some(1..=12), Some(1..=31)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_years() {
        let mut r =
            VisitRow { date: "2024-03-05".into(), purpose: "介绍新车型".into(), ..VisitRow::default() };
        assert!(r.validate().is_ok());
        assert_eq!(r.year(), Some(2024));
        for bad in ["2024-3-5", "2024/03/05", "2024-13-01", "24-03-05", "2024-03-32"] {
            r.date = bad.into();
            assert!(r.validate().unwrap_err().contains("年-月-日"), "{bad}");
        }
        r.date.clear();
        assert!(r.validate().is_ok());
        r.purpose = " ".into();
        assert!(r.validate().unwrap_err().contains("拜访目的"));
    }

    #[test]
    fn cells_follow_the_column_order() {
        let r =
            VisitRow { date: "d".into(), person: "p".into(), salesperson: "s".into(), ..VisitRow::default() };
        let cells = r.cells();
        assert_eq!(cells[VISIT_COLUMNS.iter().position(|c| *c == "拜访日期").unwrap()], "d");
        assert_eq!(cells[VISIT_COLUMNS.iter().position(|c| *c == "拜访对象").unwrap()], "p");
        assert_eq!(cells[VISIT_COLUMNS.iter().position(|c| *c == "销售专员").unwrap()], "s");
    }
}
