//! Where things are in a pack file: byte spans, 1-based line/column lookup, and the content hash
//! that ties a play to the exact text of the pack it was played on.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// A byte range in a pack's source text. `Span::NONE` marks things that have no source (e.g. a
/// pack loaded from its compiled JSON form, where spans are not kept).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const NONE: Span = Span { start: 0, end: 0 };

    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn from_range(r: std::ops::Range<usize>) -> Self {
        Span { start: r.start, end: r.end }
    }

    /// A span `len` bytes long starting `offset` bytes into this one.
    pub fn sub(self, offset: usize, len: usize) -> Span {
        let start = (self.start + offset).min(self.end.max(self.start));
        Span { start, end: (start + len).min(self.end.max(start)) }
    }
}

/// A 1-based line and column. Columns count characters (not bytes), so a Chinese line points
/// where an editor puts the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineCol {
    pub line: usize,
    pub col: usize,
}

/// Maps byte offsets of one source text to line/column, in O(log lines) per lookup.
pub struct SourceMap<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> SourceMap<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceMap { text, line_starts }
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        LineCol { line: line + 1, col: self.text[start..offset].chars().count() + 1 }
    }

    /// The text of 1-based line `line`, without its line ending.
    pub fn line_text(&self, line: usize) -> &'a str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else { return "" };
        let end = self.line_starts.get(line).map_or(self.text.len(), |&e| e);
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}

/// The content hash of a pack: SHA-256 of its exact bytes, hex. A play records it so that a
/// replay against a different text of the same pack id and version is detected, not mis-scored.
pub fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let map = SourceMap::new("a = 1\ntext = \"苹果\" Z\n");
        assert_eq!(map.line_col(0), LineCol { line: 1, col: 1 });
        let z = "a = 1\ntext = \"苹果\" Z".find('Z').unwrap();
        assert_eq!(map.line_col(z), LineCol { line: 2, col: 13 });
        assert_eq!(map.line_text(2), "text = \"苹果\" Z");
        assert_eq!(map.line_text(9), "");
    }

    #[test]
    fn line_col_inside_a_multibyte_char_rounds_down() {
        let map = SourceMap::new("苹果");
        assert_eq!(map.line_col(1), LineCol { line: 1, col: 1 });
        assert_eq!(map.line_col(100), LineCol { line: 1, col: 3 });
    }

    #[test]
    fn hash_is_stable_sha256() {
        assert_eq!(content_hash(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
