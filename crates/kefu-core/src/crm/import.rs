//! Importing customer cards (from CSV or JSON) in two steps: a preview that changes nothing and
//! lists every bad cell (1-based line, column header, reason) and every likely duplicate, then
//! [`ImportPreview::accept`], which creates the good rows once the user has agreed.

/// The largest CSV or JSON file the CRM imports (about 50 000 cards): larger files are refused
/// before they are read (the app checks the file's size first) or parsed.
pub const MAX_IMPORT_BYTES: usize = 20 << 20;

/// The refusal of a file of `len` bytes over [`MAX_IMPORT_BYTES`].
pub fn too_large(len: usize) -> String {
    format!(
        "文件过大({:.1} MB),客户资料导入最多 {} MB:请分成几个文件导入",
        len as f64 / (1 << 20) as f64,
        MAX_IMPORT_BYTES >> 20
    )
}

use super::customer::Customer;
use super::duplicate::{Duplicate, DuplicateIndex};
use super::error::CrmError;
use super::field::Field;
use super::workspace::Workspace;

/// A row that can be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// 1-based line where the row starts in the file.
    pub line: usize,
    pub customer: Customer,
    /// Existing cards this row may duplicate.
    pub duplicates: Vec<Duplicate>,
    /// An earlier row of the same file this one may duplicate.
    pub same_as_line: Option<usize>,
}

/// A cell (or a whole row, or the file) that cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// 1-based line; 0 when the problem is not on a line (e.g. an empty file).
    pub line: usize,
    /// The column header as written in the file, or empty for the whole row.
    pub column: String,
    pub reason: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column.is_empty()) {
            (0, _) => write!(f, "{}", self.reason),
            (line, true) => write!(f, "第 {line} 行:{}", self.reason),
            (line, false) => write!(f, "第 {line} 行「{}」列:{}", self.column, self.reason),
        }
    }
}

/// The result of reading a file, before anything is imported.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportPreview {
    pub rows: Vec<ImportRow>,
    pub errors: Vec<ImportError>,
}

impl ImportPreview {
    /// True when every row can be imported and none looks like a duplicate.
    pub fn is_clean(&self) -> bool {
        self.errors.is_empty()
            && self.rows.iter().all(|r| r.duplicates.is_empty() && r.same_as_line.is_none())
    }

    /// Drops the rows that look like duplicates (of existing cards or of earlier rows).
    pub fn without_duplicates(mut self) -> ImportPreview {
        self.rows.retain(|r| r.duplicates.is_empty() && r.same_as_line.is_none());
        self
    }

    /// Creates the good rows, in file order; returns their ids. Bad rows are not imported.
    pub fn accept(self, ws: &mut Workspace, at: i64, reason: &str) -> Result<Vec<u32>, CrmError> {
        ws.create_many(self.rows.into_iter().map(|r| r.customer).collect(), at, reason)
    }
}

/// Where each column of a file goes.
pub(crate) enum Column {
    Field(Field),
    /// Read but not imported (the 编号 an export writes: imported cards get new ids).
    Ignored,
    Unknown,
}

/// The header name for the id column of exports.
pub const ID_HEADER: &str = "编号";

/// Maps header names to fields, reporting unknown and repeated columns and a missing name.
pub(crate) fn map_header(names: &[String], line: usize, errors: &mut Vec<ImportError>) -> Vec<Column> {
    let mut seen: Vec<Field> = Vec::new();
    let cols = names
        .iter()
        .map(|h| {
            let h = h.trim();
            if h == ID_HEADER || h.eq_ignore_ascii_case("id") {
                return Column::Ignored;
            }
            match Field::find(h) {
                Some(f) if seen.contains(&f) => {
                    errors.push(ImportError {
                        line,
                        column: h.into(),
                        reason: format!("与前面的「{}」列重复", f.label()),
                    });
                    Column::Unknown
                }
                Some(f) => {
                    seen.push(f);
                    Column::Field(f)
                }
                None if h.is_empty() => Column::Ignored,
                None => {
                    errors.push(ImportError { line, column: h.into(), reason: unknown_column(h) });
                    Column::Unknown
                }
            }
        })
        .collect();
    if !seen.contains(&Field::Name) {
        errors
            .push(ImportError { line, column: String::new(), reason: "缺少「客户名称」列".into() });
    }
    cols
}

fn unknown_column(h: &str) -> String {
    let best = Field::ALL
        .iter()
        .flat_map(|f| [f.label(), f.key()])
        .map(|name| (strsim::levenshtein(h, name), name))
        .min();
    match best {
        Some((d, name)) if d <= 2 => format!("未知的列名,是不是「{name}」?"),
        _ => "未知的列名(列名应为客户资料卡的项目,例如「客户名称」「电话」「需求」)".into(),
    }
}

/// Collects rows into a preview, checking duplicates against `ws` and earlier rows.
pub(crate) struct PreviewBuilder {
    existing: DuplicateIndex,
    in_file: DuplicateIndex,
    pub preview: ImportPreview,
}

impl PreviewBuilder {
    pub fn new(ws: &Workspace) -> PreviewBuilder {
        PreviewBuilder {
            existing: DuplicateIndex::of(ws.customers()),
            in_file: DuplicateIndex::default(),
            preview: ImportPreview::default(),
        }
    }

    pub fn error(&mut self, line: usize, column: &str, reason: impl Into<String>) {
        self.preview.errors.push(ImportError { line, column: column.into(), reason: reason.into() });
    }

    /// Reads one row given as (header, field, text) cells; blank rows are skipped.
    pub fn row<'a>(&mut self, line: usize, cells: impl IntoIterator<Item = (&'a str, Field, &'a str)>) {
        let cells: Vec<(&str, Field, &str)> = cells.into_iter().collect();
        if cells.iter().all(|(_, _, text)| text.trim().is_empty())
            && !self.preview.errors.iter().any(|e| e.line == line)
        {
            // A blank line (Excel often leaves some at the end), not an error.
            return;
        }
        let mut c = Customer::default();
        let mut ok = true;
        let mut has_name = false;
        for (header, field, text) in cells {
            has_name |= field == Field::Name;
            if let Err(reason) = field.set(&mut c, text) {
                ok = false;
                self.error(line, header, reason);
            }
        }
        if !has_name && !self.preview.errors.iter().any(|e| e.line == line) {
            self.error(line, Field::Name.label(), "名称不能为空");
        }
        if !ok || !has_name || self.preview.errors.iter().any(|e| e.line == line) {
            return;
        }
        let duplicates = self.existing.find(&c);
        c.id = line as u32;
        let same_as_line = self.in_file.find(&c).first().map(|d| d.existing as usize);
        self.in_file.insert(&c);
        c.id = 0;
        self.preview.rows.push(ImportRow { line, customer: c, duplicates, same_as_line });
    }
}
