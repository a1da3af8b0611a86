//! CSV export and import of customer cards, for Excel and WPS: UTF-8 with a byte-order mark (so
//! Chinese opens correctly), every field quoted, CRLF line ends, a header of Chinese labels.
//! Phone and fax cells get a leading tab so the spreadsheet keeps them as text (no 1.38E+10);
//! import trims it off again. Other text follows the one formula rule of `util::csv`.

use super::customer::Customer;
use super::field::Field;
use super::import::{map_header, Column, ImportPreview, PreviewBuilder, ID_HEADER};
use super::workspace::Workspace;
use crate::util::csv::{defuse, parse, undefuse, write_record, BOM};

fn protect(field: Field, text: String) -> String {
    if !text.is_empty() && matches!(field, Field::Phone | Field::Fax) {
        format!("\t{text}")
    } else {
        defuse(&text)
    }
}

/// The cards as a CSV file (with the BOM), ready to save as `客户资料.csv`.
pub fn export_csv<'a>(customers: impl IntoIterator<Item = &'a Customer>) -> String {
    let mut out = String::from(BOM);
    write_record(&mut out, std::iter::once(ID_HEADER).chain(Field::ALL.iter().map(|f| f.label())));
    for c in customers {
        let cells: Vec<String> = std::iter::once(c.id.to_string())
            .chain(Field::ALL.iter().map(|f| protect(*f, f.get(c))))
            .collect();
        write_record(&mut out, cells.iter().map(String::as_str));
    }
    out
}

/// 1-based line of byte `offset` in `bytes`.
fn line_at(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset].iter().filter(|b| **b == b'\n').count() + 1
}

/// Reads a CSV file into a preview (nothing is imported yet). Accepts the header labels of
/// [`export_csv`], the ASCII field keys, and a few common aliases (姓名, 手机 …).
pub fn preview_csv(ws: &Workspace, bytes: &[u8]) -> ImportPreview {
    let mut b = PreviewBuilder::new(ws);
    if bytes.len() > super::import::MAX_IMPORT_BYTES {
        b.error(0, "", super::import::too_large(bytes.len()));
        return b.preview;
    }
    let bytes = bytes.strip_prefix(BOM.as_bytes()).unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = line_at(bytes, e.valid_up_to());
            b.error(
                line,
                "",
                "文件不是 UTF-8 编码(可能是 Excel 默认的 GBK):请在 Excel/WPS 中「另存为」选择「CSV UTF-8(逗号分隔)」后再导入",
            );
            return b.preview;
        }
    };
    let records = match parse(text) {
        Ok(r) => r,
        Err(e) => {
            b.error(e.line, "", "这一行的引号没有配对(从这里起的内容都在一个单元格里):请检查文件");
            return b.preview;
        }
    };
    let mut records = records.into_iter();
    let Some(header) = records.next() else {
        b.error(0, "", "文件是空的:第一行应为表头(客户名称、电话 …)");
        return b.preview;
    };
    let columns = map_header(&header.fields, header.line, &mut b.preview.errors);
    let width = header.fields.len();
    for record in records {
        let line = record.line;
        let cells: &Vec<String> = &record.fields.into_iter().map(undefuse).collect();
        if cells.len() > width && cells.iter().skip(width).any(|c| !c.trim().is_empty()) {
            b.error(
                line,
                "",
                format!("这一行有 {} 个单元格,比表头多 {} 个", cells.len(), cells.len() - width),
            );
        }
        let row = columns.iter().zip(&header.fields).enumerate().filter_map(|(i, (col, name))| match col {
            Column::Field(f) => Some((name.as_str(), *f, cells.get(i).map_or("", String::as_str))),
            _ => None,
        });
        b.row(line, row);
    }
    b.preview
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crm::customer::Kind;
    use crate::crm::state::State;

    #[test]
    fn export_has_bom_quotes_crlf_and_protected_phones() {
        let c = Customer {
            id: 7,
            phone: "13800138000".into(),
            needs: "=1+1".into(),
            ..Customer::new(Kind::Individual, "李\"小\"明")
        };
        let text = export_csv([&c]);
        assert!(text.starts_with("\u{feff}\"编号\",\"客户类型\",\"客户名称\""));
        assert!(text.contains("\r\n\"7\",\"个人\",\"李\"\"小\"\"明\""), "{text}");
        assert!(text.contains("\"\t13800138000\""));
        assert!(text.contains("\"'=1+1\""), "the one formula rule of util::csv");
    }

    #[test]
    fn errors_name_the_line_and_column_and_nothing_is_imported_yet() {
        let ws = Workspace::new();
        let csv = "客户名称,电话,客户状态,年龄\n张三,138 0013 8000,潜在,30\n李四,abc,老客户,x\n\"王\n五\",,目标,\n,,,\n";
        let p = preview_csv(&ws, csv.as_bytes());
        let errs: Vec<String> = p.errors.iter().map(ToString::to_string).collect();
        assert_eq!(errs.len(), 3, "{errs:?}");
        assert!(errs[0].starts_with("第 3 行「电话」列:"));
        assert!(errs[1].starts_with("第 3 行「客户状态」列:"));
        assert!(errs[2].starts_with("第 3 行「年龄」列:"));
        let lines: Vec<usize> = p.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 4], "the quoted cell spans lines 4-5; the blank line 6 is skipped");
        assert_eq!(p.rows[1].customer.name, "王\n五");
        assert_eq!(p.rows[1].customer.state, State::Target);
        assert!(ws.is_empty());
    }

    #[test]
    fn header_problems_are_reported_with_suggestions() {
        let ws = Workspace::new();
        let p = preview_csv(&ws, "客户名,电话,电话,需求\n".as_bytes());
        let errs: Vec<String> = p.errors.iter().map(ToString::to_string).collect();
        assert!(errs[0].contains("「客户名」列:未知的列名,是不是「客户名称」?"), "{errs:?}");
        assert!(errs[1].contains("「电话」列:与前面的「电话」列重复"));
        assert!(errs[2].contains("缺少「客户名称」列"));
        assert!(preview_csv(&ws, b"").errors[0].reason.contains("空"));
    }

    #[test]
    fn an_unclosed_quote_is_reported_at_its_line() {
        let p = preview_csv(&Workspace::new(), "客户名称,需求\n甲,好\n乙,\"没有结束\n丙,x\n".as_bytes());
        assert!(p.rows.is_empty());
        assert_eq!(p.errors[0].line, 3);
        assert!(p.errors[0].reason.contains("引号"));
    }

    #[test]
    fn gbk_files_are_refused_with_advice() {
        let ws = Workspace::new();
        // "客户名称" in GBK.
        let gbk = [0xbf, 0xcd, 0xbb, 0xa7, 0xc3, 0xfb, 0xb3, 0xc6, b'\n'];
        let p = preview_csv(&ws, &gbk);
        assert!(p.rows.is_empty());
        assert!(p.errors[0].reason.contains("CSV UTF-8"));
    }

    #[test]
    fn extra_cells_and_duplicates() {
        let mut ws = Workspace::new();
        ws.create(
            Customer { phone: "13800138000".into(), ..Customer::new(Kind::Individual, "老客户") },
            1,
            "",
        )
        .unwrap();
        let csv =
            "客户名称,手机\n甲,+86 138-0013-8000\n乙,13900000000,多余\n丙,139 0000 0001\n丁,13900000001\n";
        let p = preview_csv(&ws, csv.as_bytes());
        assert_eq!(p.errors.len(), 1);
        assert_eq!(p.errors[0].line, 3, "a row with more cells than the header is refused");
        let lines: Vec<usize> = p.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 4, 5]);
        assert_eq!(p.rows[0].duplicates[0].existing, 1);
        assert_eq!(p.rows[2].same_as_line, Some(4));
        assert!(!p.is_clean());
        let ids = p.without_duplicates().accept(&mut ws, 2, "导入").unwrap();
        assert_eq!(ids, [2]);
        assert_eq!(ws.customer(2).unwrap().name, "丙");
    }
}
