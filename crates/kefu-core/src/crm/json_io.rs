//! JSON export and import of customer cards: `{"format": "kefu-sim-crm-customers", "version": 1,
//! "customers": [ … ]}` with one card per line, each an object of field keys (see
//! `Field::key`) to text values, empty fields left out. Import reports errors by the line a card
//! starts on, like CSV.

use indexmap::IndexMap;
use serde_json::value::RawValue;
use serde_json::Value;

use super::customer::Customer;
use super::field::Field;
use super::import::{ImportPreview, PreviewBuilder};
use super::workspace::Workspace;

pub const FORMAT: &str = "kefu-sim-crm-customers";

/// The cards as a JSON document.
pub fn export_json<'a>(customers: impl IntoIterator<Item = &'a Customer>) -> String {
    let mut out = format!("{{\"format\":\"{FORMAT}\",\"version\":1,\"customers\":[");
    for (i, c) in customers.into_iter().enumerate() {
        let mut obj: IndexMap<&str, String> = IndexMap::new();
        obj.insert("id", c.id.to_string());
        for f in Field::ALL {
            let v = f.get(c);
            if !v.is_empty() {
                obj.insert(f.key(), v);
            }
        }
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&serde_json::to_string(&obj).expect("strings serialize"));
    }
    out.push_str("\n]}\n");
    out
}

#[derive(serde::Deserialize)]
struct Doc<'a> {
    format: Option<String>,
    #[serde(borrow)]
    customers: Vec<&'a RawValue>,
}

/// Reads a JSON document of [`export_json`]'s form (or a bare array of cards) into a preview.
pub fn preview_json(ws: &Workspace, text: &str) -> ImportPreview {
    let mut b = PreviewBuilder::new(ws);
    if text.len() > super::import::MAX_IMPORT_BYTES {
        b.error(0, "", super::import::too_large(text.len()));
        return b.preview;
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let parsed = if text.trim_start().starts_with('[') {
        serde_json::from_str::<Vec<&RawValue>>(text).map(|customers| Doc { format: None, customers })
    } else {
        serde_json::from_str::<Doc>(text)
    };
    let doc = match parsed {
        Ok(d) => d,
        Err(e) => {
            b.error(e.line(), "", format!("JSON 格式错误:{e}"));
            return b.preview;
        }
    };
    if let Some(f) = doc.format.filter(|f| f != FORMAT) {
        b.error(1, "format", format!("这不是客户资料文件(format 为「{f}」)"));
        return b.preview;
    }
    for raw in doc.customers {
        let offset = raw.get().as_ptr() as usize - text.as_ptr() as usize;
        let line = text[..offset].matches('\n').count() + 1;
        let obj: IndexMap<String, Value> = match serde_json::from_str(raw.get()) {
            Ok(o) => o,
            Err(_) => {
                b.error(line, "", "每位客户应是一个 { \"name\": … } 对象");
                continue;
            }
        };
        let mut cells: Vec<(&str, Field, String)> = Vec::new();
        for (key, value) in &obj {
            if key == "id" {
                continue;
            }
            let Some(field) = Field::find(key) else {
                b.error(line, key, "未知的字段");
                continue;
            };
            let text = match value {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                Value::Null => String::new(),
                _ => {
                    b.error(line, key, "应为文字或数字");
                    continue;
                }
            };
            cells.push((key.as_str(), field, text));
        }
        b.row(line, cells.iter().map(|(k, f, t)| (*k, *f, t.as_str())));
    }
    b.preview
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crm::customer::Kind;

    #[test]
    fn one_card_per_line_and_errors_by_line() {
        let c = Customer { id: 3, age: Some(40), ..Customer::new(Kind::Organisation, "宏达物流") };
        let text = export_json([&c, &c]);
        assert_eq!(text.lines().count(), 4);
        assert!(text
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("{\"id\":\"3\",\"kind\":\"单位\",\"name\":\"宏达物流\""));
        let bad = "{\"customers\":[\n{\"name\":\"甲\",\"age\":30},\n{\"name\":\"乙\",\"state\":\"老客户\",\"colour\":\"红\"},\n{\"name\":[1]},\n5\n]}";
        let p = preview_json(&Workspace::new(), bad);
        assert_eq!(p.rows.len(), 1);
        assert_eq!(p.rows[0].customer.age, Some(30));
        let errs: Vec<String> = p.errors.iter().map(ToString::to_string).collect();
        assert_eq!(errs.len(), 4, "{errs:?}");
        assert!(errs[0].starts_with("第 3 行「colour」列:未知的字段"));
        assert!(errs[1].starts_with("第 3 行「state」列"));
        assert!(errs[2].starts_with("第 4 行「name」列:应为文字或数字"));
        assert!(errs[3].starts_with("第 5 行:"));
    }

    #[test]
    fn syntax_errors_and_foreign_files() {
        let p = preview_json(&Workspace::new(), "{\"customers\":[\n{\"name\":\"甲\"\n]}");
        assert_eq!(p.errors[0].line, 3);
        assert!(p.errors[0].reason.starts_with("JSON 格式错误"));
        let p = preview_json(&Workspace::new(), "{\"format\":\"other\",\"customers\":[]}");
        assert!(p.errors[0].reason.contains("不是客户资料文件"));
        let p = preview_json(&Workspace::new(), "[{\"客户名称\":\"甲\"}]");
        assert_eq!(p.rows[0].customer.name, "甲");
    }
}
