//! Pack diagnostics: every problem the checker finds, with a numbered code (documented in
//! docs/diagnostics.md), a severity and a location. Rendered in the contract form
//! `FILE:LINE:COL: error[CODE]: message`.

use serde::{Deserialize, Serialize};

use super::source::{LineCol, SourceMap, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// Every diagnostic code. The numbers are stable: tests, docs and teachers' notes refer to them.
/// Errors are `E…`, warnings `W…`; a code never changes severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Code {
    /// The file is not a readable pack at all: empty, not UTF-8, too large.
    E001,
    /// TOML syntax error.
    E002,
    /// A field that the pack format does not have.
    E003,
    /// A field has the wrong type.
    E004,
    /// A required field is missing.
    E005,
    /// An id is used twice where it must be unique.
    E006,
    /// An id has characters outside the allowed set.
    E007,
    /// A `goto`/`next`/`start` names a node that does not exist.
    E008,
    /// A score names a dimension the pack does not declare.
    E009,
    /// An expression or effect names a variable the pack does not declare.
    E010,
    /// An expression does not parse.
    E011,
    /// An expression is well-formed but its types do not fit (e.g. `need > 3` on a text variable).
    E012,
    /// A text that the student would see is empty.
    E013,
    /// A dialogue has no ending node.
    E014,
    /// From this node no ending can be reached: the student would be stuck.
    E015,
    /// A loop in the dialogue can raise a score without bound.
    E016,
    /// A node must be exactly one of: choices, `next`, `ending`.
    E017,
    /// A conditional `goto` list has no unconditional last branch.
    E018,
    /// A value is out of its allowed range (version 0, bad weights, empty range…).
    E019,
    /// Grade bands are malformed: none at 0, duplicate or out-of-range minimums.
    E020,
    /// An activity kind this version of the app does not know.
    E021,
    /// A `classify` item names a category the exercise does not declare.
    E022,
    /// A CRM write, card check or card field is invalid: unknown operation, card field, state,
    /// outcome or MAN code, or a fixed value the CRM would refuse.
    E023,
    /// A customer handle is used by a CRM write or check, but nothing in the pack creates it.
    E024,
    /// A node cannot be reached from the dialogue's start.
    W001,
    /// A skill dimension can never be scored above zero.
    W002,
    /// A comparison can never be true: the literal is not among the variable's possible values.
    W003,
    /// A choice node whose choices can all be hidden by their conditions at once.
    W004,
    /// A choice offered only in some draws: its condition reads a variable drawn from the seed,
    /// so the options give away what the student should find out.
    W005,
    /// A teacher's rubric is malformed: on a field that is not free text, a criterion with fewer
    /// than 2 or more than 6 levels, or level points out of 0..=100 or not rising.
    E025,
}

impl Code {
    pub fn severity(self) -> Severity {
        if format!("{self:?}").starts_with('W') {
            Severity::Warning
        } else {
            Severity::Error
        }
    }

    pub fn as_str(self) -> String {
        format!("{self:?}")
    }

    /// Every code, in order (used by the docs/fixtures coverage test).
    pub const ALL: [Code; 30] = [
        Code::E001,
        Code::E002,
        Code::E003,
        Code::E004,
        Code::E005,
        Code::E006,
        Code::E007,
        Code::E008,
        Code::E009,
        Code::E010,
        Code::E011,
        Code::E012,
        Code::E013,
        Code::E014,
        Code::E015,
        Code::E016,
        Code::E017,
        Code::E018,
        Code::E019,
        Code::E020,
        Code::E021,
        Code::E022,
        Code::E023,
        Code::E024,
        Code::W001,
        Code::W002,
        Code::W003,
        Code::W004,
        Code::W005,
        Code::E025,
    ];
}

/// One problem found in a pack, located by byte span (resolved to line/column on output).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub span: Span,
    pub message: String,
}

impl Diagnostic {
    pub fn new(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic { code, span, message: message.into() }
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }
}

/// A diagnostic resolved against its file: what `packcheck --json` prints and the UI shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Located {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    /// The source line the diagnostic points into, so a report can show it.
    pub source_line: String,
}

impl Located {
    pub fn new(file: &str, map: &SourceMap, d: &Diagnostic) -> Self {
        let LineCol { line, col } = map.line_col(d.span.start);
        Located {
            file: file.to_string(),
            line,
            col,
            severity: d.severity(),
            code: d.code,
            message: d.message.clone(),
            source_line: map.line_text(line).to_string(),
        }
    }
}

impl std::fmt::Display for Located {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}:{}:{}: {}[{:?}]: {}", self.file, self.line, self.col, sev, self.code, self.message)
    }
}

/// "did you mean …?" for a misspelt name, or an empty string when nothing is close.
pub fn did_you_mean<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    let best = candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(wrong, c), c))
        .filter(|(d, c)| {
            *d <= (c.chars().count().max(wrong.chars().count()) / 3).max(1) && *d < wrong.chars().count()
        })
        .min_by_key(|(d, c)| (*d, c.to_string()));
    match best {
        Some((_, c)) => format!(" (did you mean `{c}`?)"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_know_their_severity() {
        assert_eq!(Code::E008.severity(), Severity::Error);
        assert_eq!(Code::W001.severity(), Severity::Warning);
        assert_eq!(Code::ALL.len(), Code::ALL.iter().collect::<std::collections::BTreeSet<_>>().len());
    }

    #[test]
    fn suggestions_only_for_close_names() {
        assert_eq!(did_you_mean("wants_sur", ["wants_sour", "walks_away"]), " (did you mean `wants_sour`?)");
        assert_eq!(did_you_mean("zzz", ["wants_sour", "walks_away"]), "");
    }

    #[test]
    fn renders_the_contract_form() {
        let text = "a = 1\nb = 2\n";
        let map = SourceMap::new(text);
        let d = Diagnostic::new(Code::E003, Span::new(6, 7), "unknown field `b`");
        let l = Located::new("p.toml", &map, &d);
        assert_eq!(l.to_string(), "p.toml:2:1: error[E003]: unknown field `b`");
        assert_eq!(l.source_line, "b = 2");
    }
}
