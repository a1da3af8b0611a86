//! A fast path for reading a pack's TOML: a single pass over the text that builds the very tree
//! the `toml` crate builds (`toml::de::DeTable`, same values, same key order, same spans), for
//! the plain subset of TOML packs are written in. On anything outside that subset — and on
//! anything that might be an error — it gives up (`None`) and the caller parses with `toml`,
//! which then also gives the syntax errors. So the lowering, every diagnostic and every location
//! stay exactly what `toml` alone gives; this only decides how fast a well-formed pack is read.
//!
//! Why hand-written (measured December 2026, native, 2 shared cores, generated packs): `toml`
//! 1.2's parse was about half of parse + check, 8–17 µs per node of a generated pack (it lexes the
//! whole file into a token vector, then into an event vector — two million entries each for a
//! 10 000-node pack — and then builds the tree). This pass builds the same tree from the text
//! directly; see `benches/check.rs` for the numbers before and after.
//!
//! The subset: comments, blank lines, `[a.b.c]` and `[[a]]` headers of bare keys, `key = value`
//! with a bare key, basic strings without escapes or with the common escapes, literal strings,
//! decimal integers, booleans, arrays (over several lines, with comments and a trailing comma)
//! and one-line inline tables. Not in it (so read by `toml`): quoted and dotted keys, multi-line
//! strings, floats, dates, other integer forms, a table defined after one of its sub-tables,
//! a header below an array of tables, any duplicate, any control character, a bare CR.
//!
//! The spans follow `toml`'s: the root table 0..0; a table from a header the header `[a.b]`; a
//! table only implied by a header (`a` in `[a.b]`) the key where it is first named; an array of
//! tables its first `[[a]]` header, and each of its tables its own header; keys, strings (with
//! their quotes), integers, arrays and inline tables their own text. Tests compare the two trees
//! span by span on the built-in packs, the fixtures, generated packs and random edits of them.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use toml::de::{DeArray, DeInteger, DeTable, DeValue};
use toml::map::Entry;
use toml::Spanned;

/// More digits than this and `toml` is left to judge the integer (it may be out of range).
const MAX_INT_DIGITS: usize = 18;
/// Deeper nesting of arrays and inline tables than this is left to `toml` (its own limit, which
/// reports an error, is deeper).
const MAX_DEPTH: usize = 32;

/// The document tree exactly as `toml::de::DeTable::parse_recoverable` gives it with no errors,
/// or `None` when the text is outside the subset this reads (then parse it with `toml`).
pub fn parse(src: &str) -> Option<Spanned<DeTable<'_>>> {
    let mut p =
        Parser { src, b: src.as_bytes(), pos: 0, ints: HashMap::new(), arrays_of_tables: HashSet::new() };
    let mut root = DeTable::new();
    p.body(&mut root)?;
    while p.pos < p.b.len() {
        let table = p.header(&mut root)?;
        p.body(table)?;
    }
    Some(Spanned::new(0..0, root))
}

type Value<'i> = Spanned<DeValue<'i>>;

struct Parser<'i> {
    src: &'i str,
    b: &'i [u8],
    pos: usize,
    /// `DeInteger`'s fields are private: each distinct integer text is parsed once by `toml`
    /// (packs use few distinct numbers) and cloned, which borrows the same text.
    ints: HashMap<&'i str, DeInteger<'i>>,
    /// Where the arrays made by `[[…]]` headers start (a static array may also start with `[[`).
    arrays_of_tables: HashSet<usize>,
}

fn is_bare(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-'
}

/// A control character TOML does not allow in strings and comments (tab is allowed).
fn is_control(c: u8) -> bool {
    (c < 0x20 && c != b'\t') || c == 0x7f
}

impl<'i> Parser<'i> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    /// A comment (from `#`) up to, not including, its line end.
    fn comment(&mut self) -> Option<()> {
        if self.peek() == Some(b'#') {
            while let Some(c) = self.peek() {
                if c == b'\n' || c == b'\r' {
                    break;
                }
                if is_control(c) {
                    return None;
                }
                self.pos += 1;
            }
        }
        Some(())
    }

    /// A line end (`\n` or `\r\n`); `Some(false)` when there is none here.
    fn newline(&mut self) -> Option<bool> {
        match self.peek() {
            Some(b'\n') => {
                self.pos += 1;
                Some(true)
            }
            Some(b'\r') if self.b.get(self.pos + 1) == Some(&b'\n') => {
                self.pos += 2;
                Some(true)
            }
            Some(b'\r') => None,
            _ => Some(false),
        }
    }

    /// The end of a line after a header or a key/value: spaces, a comment, then a line end or EOF.
    fn end_of_line(&mut self) -> Option<()> {
        self.spaces();
        self.comment()?;
        if self.newline()? || self.pos == self.b.len() {
            Some(())
        } else {
            None
        }
    }

    /// Blank lines, spaces and comments (between key/values, and inside arrays).
    fn blank(&mut self) -> Option<()> {
        loop {
            self.spaces();
            self.comment()?;
            if !self.newline()? {
                return Some(());
            }
        }
    }

    /// A bare key and its span.
    fn key(&mut self) -> Option<Spanned<Cow<'i, str>>> {
        let start = self.pos;
        while self.peek().is_some_and(is_bare) {
            self.pos += 1;
        }
        if self.pos == start {
            return None;
        }
        Some(Spanned::new(start..self.pos, Cow::Borrowed(&self.src[start..self.pos])))
    }

    /// The key/values of one table, up to the next header or the end.
    fn body(&mut self, table: &mut DeTable<'i>) -> Option<()> {
        loop {
            self.blank()?;
            match self.peek() {
                None | Some(b'[') => return Some(()),
                _ => {}
            }
            let key = self.key()?;
            self.spaces();
            if self.peek() != Some(b'=') {
                return None; // a dotted key, or not a key/value at all
            }
            self.pos += 1;
            self.spaces();
            let value = self.value(0)?;
            self.end_of_line()?;
            if table.insert(key, value).is_some() {
                return None;
            }
        }
    }

    /// A `[a.b]` or `[[a.b]]` header (at `[`) and the table its key/values go into.
    fn header<'r>(&mut self, root: &'r mut DeTable<'i>) -> Option<&'r mut DeTable<'i>> {
        let start = self.pos;
        let array = self.b.get(start + 1) == Some(&b'[');
        self.pos += if array { 2 } else { 1 };
        let mut keys = vec![self.key()?];
        while self.peek() == Some(b'.') {
            self.pos += 1;
            keys.push(self.key()?);
        }
        let close: &[u8] = if array { b"]]" } else { b"]" };
        if !self.b[self.pos..].starts_with(close) {
            return None;
        }
        self.pos += close.len();
        let span = start..self.pos;
        self.end_of_line()?;
        let last = keys.pop()?;
        let mut table = root;
        for key in keys {
            let key_span = key.span();
            let v = match table.entry(key) {
                Entry::Vacant(e) => e.insert(Spanned::new(key_span, DeValue::Table(DeTable::new()))),
                Entry::Occupied(e) => e.into_mut(),
            };
            // Only a table from a header or implied by one: an inline table is closed.
            if self.b.get(v.span().start) == Some(&b'{') {
                return None;
            }
            let DeValue::Table(t) = v.get_mut() else { return None };
            table = t;
        }
        let value = match table.entry(last) {
            Entry::Vacant(e) if array => {
                self.arrays_of_tables.insert(span.start);
                let mut items = DeArray::new();
                items.push(Spanned::new(span.clone(), DeValue::Table(DeTable::new())));
                e.insert(Spanned::new(span, DeValue::Array(items)))
            }
            Entry::Vacant(e) => e.insert(Spanned::new(span, DeValue::Table(DeTable::new()))),
            Entry::Occupied(e) if array && self.arrays_of_tables.contains(&e.get().span().start) => {
                let v = e.into_mut();
                let DeValue::Array(items) = v.get_mut() else { return None };
                items.push(Spanned::new(span, DeValue::Table(DeTable::new())));
                v
            }
            Entry::Occupied(_) => return None,
        };
        match value.get_mut() {
            DeValue::Table(t) => Some(t),
            DeValue::Array(items) => match items.last_mut()?.get_mut() {
                DeValue::Table(t) => Some(t),
                _ => None,
            },
            _ => None,
        }
    }

    fn value(&mut self, depth: usize) -> Option<Value<'i>> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.peek()? {
            b'"' => self.basic_string(),
            b'\'' => self.literal_string(),
            b'[' => self.array(depth),
            b'{' => self.inline_table(depth),
            b't' | b'f' => self.boolean(),
            b'-' | b'0'..=b'9' => self.integer(),
            _ => None,
        }
    }

    /// Whether a scalar may end here (what can follow a value).
    fn at_value_end(&self) -> bool {
        matches!(self.peek(), None | Some(b' ' | b'\t' | b',' | b']' | b'}' | b'\n' | b'\r' | b'#'))
    }

    fn basic_string(&mut self) -> Option<Value<'i>> {
        let start = self.pos;
        if self.b[start..].starts_with(b"\"\"\"") {
            return None;
        }
        self.pos += 1;
        let mut owned: Option<String> = None;
        let mut run = self.pos; // start of the text not yet copied into `owned`
        loop {
            let c = self.peek()?;
            match c {
                b'"' => break,
                b'\\' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.src[run..self.pos]);
                    let decoded = match self.b.get(self.pos + 1)? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'n' => '\n',
                        b't' => '\t',
                        b'r' => '\r',
                        // \b \f \e \x.. \u.... \U........: left to `toml`.
                        _ => return None,
                    };
                    s.push(decoded);
                    self.pos += 2;
                    run = self.pos;
                }
                c if is_control(c) => return None,
                _ => self.pos += 1,
            }
        }
        let text = match owned {
            Some(mut s) => {
                s.push_str(&self.src[run..self.pos]);
                Cow::Owned(s)
            }
            None => Cow::Borrowed(&self.src[start + 1..self.pos]),
        };
        self.pos += 1;
        Some(Spanned::new(start..self.pos, DeValue::String(text)))
    }

    fn literal_string(&mut self) -> Option<Value<'i>> {
        let start = self.pos;
        if self.b[start..].starts_with(b"'''") {
            return None;
        }
        self.pos += 1;
        loop {
            match self.peek()? {
                b'\'' => break,
                c if is_control(c) => return None,
                _ => self.pos += 1,
            }
        }
        self.pos += 1;
        Some(Spanned::new(
            start..self.pos,
            DeValue::String(Cow::Borrowed(&self.src[start + 1..self.pos - 1])),
        ))
    }

    fn boolean(&mut self) -> Option<Value<'i>> {
        let start = self.pos;
        let value = if self.b[start..].starts_with(b"true") {
            true
        } else if self.b[start..].starts_with(b"false") {
            false
        } else {
            return None;
        };
        self.pos += if value { 4 } else { 5 };
        if !self.at_value_end() {
            return None;
        }
        Some(Spanned::new(start..self.pos, DeValue::Boolean(value)))
    }

    /// A decimal integer: `-?(0|[1-9][0-9]*)`, at most `MAX_INT_DIGITS` digits.
    fn integer(&mut self) -> Option<Value<'i>> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let digits = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        let n = self.pos - digits;
        if n == 0 || n > MAX_INT_DIGITS || (n > 1 && self.b[digits] == b'0') || !self.at_value_end() {
            return None;
        }
        let text = &self.src[start..self.pos];
        let int = match self.ints.get(text) {
            Some(i) => i.clone(),
            None => {
                let DeValue::Integer(i) = DeValue::parse(text).ok()?.into_inner() else { return None };
                self.ints.insert(text, i.clone());
                i
            }
        };
        Some(Spanned::new(start..self.pos, DeValue::Integer(int)))
    }

    /// `[ v, v, … ]`, over lines, with comments and a trailing comma.
    fn array(&mut self, depth: usize) -> Option<Value<'i>> {
        let start = self.pos;
        self.pos += 1;
        let mut items = DeArray::new();
        loop {
            self.blank()?;
            if self.peek() == Some(b']') {
                break;
            }
            items.push(self.value(depth + 1)?);
            self.blank()?;
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => break,
                _ => return None,
            }
        }
        self.pos += 1;
        Some(Spanned::new(start..self.pos, DeValue::Array(items)))
    }

    /// `{ k = v, … }` on one line, without a trailing comma.
    fn inline_table(&mut self, depth: usize) -> Option<Value<'i>> {
        let start = self.pos;
        self.pos += 1;
        let mut table = DeTable::new();
        self.spaces();
        if self.peek() != Some(b'}') {
            loop {
                let key = self.key()?;
                self.spaces();
                if self.peek() != Some(b'=') {
                    return None;
                }
                self.pos += 1;
                self.spaces();
                let value = self.value(depth + 1)?;
                if table.insert(key, value).is_some() {
                    return None;
                }
                self.spaces();
                match self.peek()? {
                    b',' => {
                        self.pos += 1;
                        self.spaces();
                    }
                    b'}' => break,
                    _ => return None,
                }
            }
        }
        self.pos += 1;
        Some(Spanned::new(start..self.pos, DeValue::Table(table)))
    }
}
