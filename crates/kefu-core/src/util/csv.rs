//! CSV for Excel and WPS, the one reader and writer of the CRM's and the results' spreadsheets:
//! RFC 4180 as those programs write it (fields separated by commas, records by CRLF or LF, fields in
//! double quotes when they hold commas, quotes or line breaks, a quote inside doubled). Files start
//! with a byte-order mark ([`BOM`]): without it Excel on a Chinese Windows reads UTF-8 as GBK.
//!
//! One formula-escaping rule for every export ([`defuse`]): a text cell a spreadsheet would run as
//! a formula gets a leading `'`, and imports take it off again ([`undefuse`]).
//!
//! Hand-written rather than the `csv` crate: measured in the release wasm, the crate added about
//! 26 KB gzip (reader + writer; its writer's run-time quoting links a float parser), this about 1 KB.

/// The UTF-8 byte-order mark every exported CSV starts with.
pub const BOM: &str = "\u{feff}";

/// First characters that make a spreadsheet read a cell as a formula (or that hide one: a tab or a
/// carriage return before `=`).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell as exported: prefixed with `'` when a spreadsheet would take it for a formula (or
/// when it already starts with `'`, so that [`undefuse`] gives back exactly what was written).
pub fn defuse(text: &str) -> String {
    if text.starts_with(FORMULA_START) || text.starts_with('\'') {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The inverse of [`defuse`], for imports: drops the one `'` that [`defuse`] adds.
pub fn undefuse(text: String) -> String {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) || rest.starts_with('\'') => rest.to_string(),
        _ => text,
    }
}

/// One record and the 1-based line it starts on (a quoted field may span lines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// A quoted field that never ends: the 1-based line where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnclosedQuote {
    pub line: usize,
}

/// Splits `text` into records. A final line break does not start a new record. Characters after
/// a closing quote are kept (as spreadsheets do) rather than refused.
pub fn parse(text: &str) -> Result<Vec<Record>, UnclosedQuote> {
    let mut records = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    while chars.peek().is_some() {
        let start = line;
        let mut fields = Vec::new();
        let mut field = String::new();
        loop {
            match chars.next() {
                None => {
                    fields.push(field);
                    break;
                }
                Some('"') if field.is_empty() => {
                    let quote_line = line;
                    loop {
                        match chars.next() {
                            None => return Err(UnclosedQuote { line: quote_line }),
                            Some('"') if chars.peek() == Some(&'"') => {
                                chars.next();
                                field.push('"');
                            }
                            Some('"') => break,
                            Some(c) => {
                                if c == '\n' {
                                    line += 1;
                                }
                                field.push(c);
                            }
                        }
                    }
                }
                Some(',') => fields.push(std::mem::take(&mut field)),
                Some('\r') if chars.peek() == Some(&'\n') => {}
                Some('\n' | '\r') => {
                    line += 1;
                    fields.push(field);
                    break;
                }
                Some(c) => field.push(c),
            }
        }
        records.push(Record { line: start, fields });
    }
    Ok(records)
}

/// Appends one record with every field quoted and a CRLF.
pub fn write_record<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('"');
        out.push_str(&f.replace('"', "\"\""));
        out.push('"');
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<(usize, Vec<&'static str>)> {
        parse(text)
            .unwrap()
            .into_iter()
            .map(|r| (r.line, r.fields.into_iter().map(|f| &*Box::leak(f.into_boxed_str())).collect()))
            .collect()
    }

    #[test]
    fn quoting_line_breaks_and_line_numbers() {
        let text = "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",x\n\nlast,\"\"";
        assert_eq!(
            fields(text),
            vec![
                (1, vec!["a", "b,c", "say \"hi\""]),
                (2, vec!["multi\nline", "x"]),
                (4, vec![""]),
                (5, vec!["last", ""]),
            ]
        );
        assert_eq!(fields("a\n"), vec![(1, vec!["a"])], "a final line break starts no record");
        assert_eq!(fields("a\rb"), vec![(1, vec!["a"]), (2, vec!["b"])]);
        assert_eq!(fields("\"ab\"c,d"), vec![(1, vec!["abc", "d"])]);
        assert!(parse("").unwrap().is_empty());
    }

    #[test]
    fn an_unclosed_quote_names_its_line() {
        assert_eq!(parse("a\nb,\"open\nstill open"), Err(UnclosedQuote { line: 2 }));
    }

    #[test]
    fn formulas_are_defused_and_imports_restore_them() {
        for text in ["=1+1", "+86", "-1", "@SUM(A1)", "\t=x", "\r=x", "'=x", "'", "''", "=HYPERLINK(\"x\")"] {
            let out = defuse(text);
            assert!(out.starts_with('\''), "{text:?} → {out:?}");
            assert_eq!(undefuse(out), text);
        }
        for text in ["", "张三", "1", "a=b", "'abc"] {
            assert_eq!(undefuse(defuse(text)), text);
        }
        assert_eq!(defuse("张三"), "张三");
        assert_eq!(undefuse("'abc".to_string()), "'abc", "a quote a person typed is kept");
    }

    #[test]
    fn writing_then_parsing_gives_the_fields_back() {
        let rows = [vec!["客户", "a,b", "\"q\"", "l1\r\nl2", ""], vec!["", "\t138"]];
        let mut out = String::new();
        for r in &rows {
            write_record(&mut out, r.iter().copied());
        }
        let back = parse(&out).unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[1].line, 3);
        for (r, b) in rows.iter().zip(&back) {
            assert_eq!(&b.fields, r);
        }
    }
}
