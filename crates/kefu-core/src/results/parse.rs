//! Reading a result file from the bytes a teacher picked. Everything that can be wrong with a
//! file — not UTF-8, not JSON, another kind of JSON, a newer format, a missing or mistyped field —
//! is a [`Malformed`] with the line and column where it was found. Each play of a multi-play file
//! is read on its own, so one damaged play does not hide the others.

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::pack::source::SourceMap;

use super::file::{ResultPlay, FORMAT, RESULT_SCHEMA};
use super::student::Student;

/// Larger files are refused unread: a class's export is a few kilobytes per play, and parsing a
/// huge file would freeze the browser tab.
pub const MAX_FILE_BYTES: usize = 4 << 20;

/// What is wrong with a file, and where (1-based line; column in characters, as editors count).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl std::fmt::Display for Malformed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "第 {} 行第 {} 列:{}", self.line, self.col, self.message)
    }
}

/// A file read as far as its plays: the student, and each play or why it could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFile {
    pub app: String,
    pub exported: i64,
    pub student: Student,
    pub plays: Vec<Result<ResultPlay, Malformed>>,
}

#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    schema: Option<u32>,
}

#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(default)]
    app: String,
    #[serde(default)]
    exported: i64,
    student: Student,
    #[serde(borrow)]
    plays: Vec<&'a RawValue>,
}

/// Byte offset of serde_json's (1-based line, 1-based byte column) within `text`.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start =
        if line <= 1 { 0 } else { text.match_indices('\n').nth(line - 2).map_or(text.len(), |(i, _)| i + 1) };
    (start + column.saturating_sub(1)).min(text.len())
}

/// serde_json's message without its own " at line L column C" (we give the location ourselves),
/// after a Chinese word on what kind of problem it is.
fn describe(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let detail = full.rfind(" at line ").map_or(full.as_str(), |i| &full[..i]);
    let kind = match e.classify() {
        serde_json::error::Category::Syntax => "JSON 语法错误",
        serde_json::error::Category::Eof => "文件不完整(提前结束)",
        serde_json::error::Category::Data => "内容不符合成绩文件格式",
        serde_json::error::Category::Io => "读取失败",
    };
    format!("{kind}({detail})")
}

struct Located<'a> {
    text: &'a str,
    map: SourceMap<'a>,
}

impl Located<'_> {
    fn at(&self, offset: usize, message: impl Into<String>) -> Malformed {
        let lc = self.map.line_col(offset);
        Malformed { line: lc.line, col: lc.col, message: message.into() }
    }

    /// A serde_json error from parsing `part`, a slice of the whole text.
    fn json(&self, part: &str, e: &serde_json::Error) -> Malformed {
        let base = part.as_ptr() as usize - self.text.as_ptr() as usize;
        self.at(base + offset_of(part, e.line(), e.column()), describe(e))
    }
}

/// Reads a result file. `Err` when nothing in it can be used; otherwise each play is read on its
/// own.
pub fn parse(bytes: &[u8]) -> Result<ParsedFile, Malformed> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Malformed {
            line: 1,
            col: 1,
            message: format!("文件过大({} KB,成绩文件最多 {} KB)", bytes.len() >> 10, MAX_FILE_BYTES >> 10),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        // Locate the first bad byte by the valid text before it.
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        Located { text: valid, map: SourceMap::new(valid) }
            .at(valid.len(), "不是 UTF-8 文本:成绩文件应由本应用导出,不要用其他软件另存")
    })?;
    let loc = Located { text, map: SourceMap::new(text) };
    let header: Header = serde_json::from_str(text).map_err(|e| loc.json(text, &e))?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(loc.at(0, format!("不是客服实训的成绩文件(缺少 \"format\": \"{FORMAT}\")")));
    }
    match header.schema {
        None | Some(0) => return Err(loc.at(0, "缺少有效的 \"schema\" 版本号")),
        Some(s) if s > RESULT_SCHEMA => {
            return Err(loc.at(
                0,
                format!(
                    "文件来自更新版本的应用(格式第 {s} 版,本应用只认识到第 {RESULT_SCHEMA} 版),请更新应用"
                ),
            ))
        }
        Some(_) => {}
    }
    let env: Envelope = serde_json::from_str(text).map_err(|e| loc.json(text, &e))?;
    if env.plays.is_empty() {
        return Err(loc.at(0, "文件里没有练习记录(\"plays\" 为空)"));
    }
    let plays = env
        .plays
        .iter()
        .map(|raw| serde_json::from_str::<ResultPlay>(raw.get()).map_err(|e| loc.json(raw.get(), &e)))
        .collect();
    Ok(ParsedFile { app: env.app, exported: env.exported, student: env.student, plays })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_offsets_map_back_to_characters() {
        let text = "{\n  \"a\": \"苹果\", x\n}";
        let e = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        let loc = Located { text, map: SourceMap::new(text) };
        let m = loc.json(text, &e);
        // `x` is the 14th character of line 2 (the Chinese characters count once each).
        assert_eq!((m.line, m.col), (2, 14), "{m}");
        assert!(m.message.starts_with("JSON 语法错误"), "{m}");
        assert!(!m.message.contains("at line"), "{m}");
    }

    #[test]
    fn whole_file_problems() {
        let bad = |bytes: &[u8]| parse(bytes).unwrap_err();
        assert_eq!(bad(b"").message, "文件不完整(提前结束)(EOF while parsing a value)");
        let m = bad(b"{\"format\": \"kefu-sim-result\",\n \"schema\": 1,\n \"x\": \xff}");
        assert_eq!((m.line, m.col), (3, 7), "{m}");
        assert!(bad(b"[1,2]").message.contains("内容不符合"));
        assert!(bad(br#"{"format":"other","schema":1}"#).message.contains("不是客服实训的成绩文件"));
        assert!(bad(br#"{"format":"kefu-sim-result","schema":99}"#).message.contains("第 99 版"));
        assert!(bad(br#"{"format":"kefu-sim-result"}"#).message.contains("schema"));
        let empty =
            br#"{"format":"kefu-sim-result","schema":1,"student":{"name":"a","number":"1"},"plays":[]}"#;
        assert!(bad(empty).message.contains("没有练习记录"));
        let big = vec![b' '; MAX_FILE_BYTES + 1];
        assert!(bad(&big).message.contains("文件过大"));
    }
}
