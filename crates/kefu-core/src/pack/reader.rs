//! Reading a spanned TOML tree field by field, collecting every structural problem (unknown field,
//! wrong type, missing field, empty text, bad id) as a located diagnostic instead of stopping at
//! the first one, which is what serde's derive would do.
//!
//! A field's path (`activity.talk.node.n1.choice[0].text`) only appears in messages, so the
//! `Fields` readers build it only when they report: they first try the value as the expected type
//! and call the reporting function (`as_str`, `check_id`, …) with the path only when that fails.
//! Building every path eagerly cost a `format!` per field read, a third of the lowering time of a
//! large pack; the messages are the same either way.

use toml::de::{DeArray, DeTable, DeValue};
use toml::Spanned;

use super::diagnostic::{did_you_mean, Code, Diagnostic};
use super::source::Span;

pub type TVal<'a> = Spanned<DeValue<'a>>;

/// Up to this many keys, `Fields::get` compares keys in order instead of hashing.
const SMALL_TABLE: usize = 12;

/// The diagnostics found so far while reading one file.
#[derive(Default)]
pub struct Sink {
    pub diags: Vec<Diagnostic>,
}

impl Sink {
    pub fn push(&mut self, code: Code, span: Span, message: impl Into<String>) {
        self.diags.push(Diagnostic::new(code, span, message));
    }
}

pub fn span_of<T>(v: &Spanned<T>) -> Span {
    Span::from_range(v.span())
}

fn type_name(v: &DeValue) -> &'static str {
    match v {
        DeValue::String(_) => "text",
        DeValue::Integer(_) => "integer",
        DeValue::Float(_) => "float",
        DeValue::Boolean(_) => "bool",
        DeValue::Datetime(_) => "date",
        DeValue::Array(_) => "array",
        DeValue::Table(_) => "table",
    }
}

pub fn wrong_type(sink: &mut Sink, v: &TVal, path: &str, expected: &str) {
    sink.push(
        Code::E004,
        span_of(v),
        format!("`{path}` should be {expected}, found {}", type_name(v.get_ref())),
    );
}

pub fn as_table<'v, 'a>(sink: &mut Sink, v: &'v TVal<'a>, path: &str) -> Option<&'v DeTable<'a>> {
    match v.get_ref() {
        DeValue::Table(t) => Some(t),
        _ => {
            wrong_type(sink, v, path, "a table");
            None
        }
    }
}

pub fn as_array<'v, 'a>(sink: &mut Sink, v: &'v TVal<'a>, path: &str) -> Option<&'v DeArray<'a>> {
    match v.get_ref() {
        DeValue::Array(a) => Some(a),
        _ => {
            wrong_type(sink, v, path, "an array");
            None
        }
    }
}

pub fn as_str<'v>(sink: &mut Sink, v: &'v TVal, path: &str) -> Option<&'v str> {
    match v.get_ref() {
        DeValue::String(s) => Some(s),
        _ => {
            wrong_type(sink, v, path, "text");
            None
        }
    }
}

pub fn as_int(sink: &mut Sink, v: &TVal, path: &str) -> Option<i64> {
    match v.get_ref() {
        DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) => Some(n),
            Err(_) => {
                sink.push(Code::E019, span_of(v), format!("`{path}` is too large"));
                None
            }
        },
        _ => {
            wrong_type(sink, v, path, "an integer");
            None
        }
    }
}

pub fn as_bool(sink: &mut Sink, v: &TVal, path: &str) -> Option<bool> {
    match v.get_ref() {
        DeValue::Boolean(b) => Some(*b),
        _ => {
            wrong_type(sink, v, path, "true or false");
            None
        }
    }
}

/// The fields of one TOML table, checked against the names the format allows there.
pub struct Fields<'v, 'a> {
    pub table: &'v DeTable<'a>,
    /// Where to point when a required field is missing: the table's header or inline table.
    pub span: Span,
    pub path: String,
}

impl<'v, 'a> Fields<'v, 'a> {
    /// Reports every key of `table` that is not in `allowed`, with a suggestion. `path` may be
    /// given owned (the lowering's per-node paths), so that it is not copied.
    pub fn new(
        sink: &mut Sink,
        table: &'v DeTable<'a>,
        span: Span,
        path: impl Into<String>,
        allowed: &[&str],
    ) -> Self {
        let path: String = path.into();
        for (k, _) in table.iter() {
            let key: &str = k.get_ref();
            if !allowed.contains(&key) {
                let hint = did_you_mean(key, allowed.iter().copied());
                let hint =
                    if hint.is_empty() { format!(" (allowed here: {})", allowed.join(", ")) } else { hint };
                let at = if path.is_empty() { String::new() } else { format!(" in `{path}`") };
                sink.push(Code::E003, span_of(k), format!("unknown field `{key}`{at}{hint}"));
            }
        }
        Fields { table, span, path }
    }

    /// A table value as `Fields`, or `None` after reporting a wrong type.
    pub fn of(sink: &mut Sink, v: &'v TVal<'a>, path: impl Into<String>, allowed: &[&str]) -> Option<Self> {
        let path: String = path.into();
        let t = as_table(sink, v, &path)?;
        Some(Fields::new(sink, t, span_of(v), path, allowed))
    }

    pub fn sub(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// The value of `key`. A pack's tables are small (a choice has at most ten fields): comparing
    /// the keys in order is cheaper there than hashing `key` (SipHash) for the map's index,
    /// and the lowering asks for every field of every node and choice (~40 lookups per node).
    pub fn get(&self, key: &str) -> Option<&'v TVal<'a>> {
        if self.table.len() <= SMALL_TABLE {
            self.table.iter().find(|(k, _)| k.get_ref() == key).map(|(_, v)| v)
        } else {
            self.table.get(key)
        }
    }

    fn missing(&self, sink: &mut Sink, key: &str) {
        let at = if self.path.is_empty() { String::new() } else { format!(" in `{}`", self.path) };
        sink.push(Code::E005, self.span, format!("missing required field `{key}`{at}"));
    }

    pub fn req<'s>(&'s self, sink: &mut Sink, key: &str) -> Option<&'v TVal<'a>> {
        let v = self.get(key);
        if v.is_none() {
            self.missing(sink, key);
        }
        v
    }

    /// The text of `v` (the value of `key`), reporting a wrong type with the path only then.
    pub fn str_of(&self, sink: &mut Sink, v: &'v TVal<'a>, key: &str) -> Option<&'v str> {
        match v.get_ref() {
            DeValue::String(s) => Some(s),
            _ => as_str(sink, v, &self.sub(key)),
        }
    }

    /// The table in `v` (the value of `key`), reporting a wrong type with the path only then.
    pub fn table_of(&self, sink: &mut Sink, v: &'v TVal<'a>, key: &str) -> Option<&'v DeTable<'a>> {
        match v.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => as_table(sink, v, &self.sub(key)),
        }
    }

    /// The array in `v` (the value of `key`), reporting a wrong type with the path only then.
    pub fn array_of(&self, sink: &mut Sink, v: &'v TVal<'a>, key: &str) -> Option<&'v DeArray<'a>> {
        match v.get_ref() {
            DeValue::Array(a) => Some(a),
            _ => as_array(sink, v, &self.sub(key)),
        }
    }

    /// Optional text; `Some("")` is kept (callers decide whether empty is allowed).
    pub fn opt_str(&self, sink: &mut Sink, key: &str) -> Option<(String, Span)> {
        let v = self.get(key)?;
        self.str_of(sink, v, key).map(|s| (s.to_string(), span_of(v)))
    }

    pub fn req_str(&self, sink: &mut Sink, key: &str) -> Option<(String, Span)> {
        let v = self.req(sink, key)?;
        self.str_of(sink, v, key).map(|s| (s.to_string(), span_of(v)))
    }

    /// Required text a student sees: empty or blank is E013.
    pub fn req_text(&self, sink: &mut Sink, key: &str) -> String {
        let Some((s, span)) = self.req_str(sink, key) else { return String::new() };
        if is_blank(&s) {
            check_text(sink, &s, span, &self.sub(key));
        }
        s
    }

    /// Optional text a student sees: when present it must not be blank.
    pub fn opt_text(&self, sink: &mut Sink, key: &str) -> String {
        let Some((s, span)) = self.opt_str(sink, key) else { return String::new() };
        if is_blank(&s) {
            check_text(sink, &s, span, &self.sub(key));
        }
        s
    }

    pub fn opt_int(&self, sink: &mut Sink, key: &str) -> Option<(i64, Span)> {
        let v = self.get(key)?;
        let n = match int_value(v) {
            Some(n) => Some(n),
            None => as_int(sink, v, &self.sub(key)),
        };
        n.map(|n| (n, span_of(v)))
    }

    /// A required id matching `[a-z0-9_-]+` (or the stricter `[a-z_][a-z0-9_]*` for names used
    /// inside expressions).
    pub fn req_id(&self, sink: &mut Sink, key: &str, strict: bool) -> Option<(String, Span)> {
        let (s, span) = self.req_str(sink, key)?;
        if !is_valid_id(&s, strict) {
            check_id(sink, &s, span, &self.sub(key), strict);
        }
        Some((s, span))
    }
}

/// The integer in `v` when it is one that fits in `i64` (what `as_int` accepts without a report).
pub fn int_value(v: &TVal) -> Option<i64> {
    match v.get_ref() {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
        _ => None,
    }
}

/// Whether `check_text` would report `s` as empty.
fn is_blank(s: &str) -> bool {
    s.trim().is_empty()
}

pub fn check_text(sink: &mut Sink, s: &str, span: Span, path: &str) {
    if is_blank(s) {
        sink.push(Code::E013, span, format!("`{path}` is empty"));
    }
}

/// Whether `check_id` accepts `id` (without reporting).
pub fn is_valid_id(id: &str, strict: bool) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && if strict {
            id.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
                && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        } else {
            id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
        }
}

/// Ids are ASCII so that they work in URLs, `data-*` attributes and file names. Names read by
/// expressions (variables, dimensions) must also be valid expression identifiers.
pub fn check_id(sink: &mut Sink, id: &str, span: Span, what: &str, strict: bool) -> bool {
    let ok = is_valid_id(id, strict);
    if !ok {
        let rule = if strict {
            "a lowercase letter or `_`, then lowercase letters, digits or `_`"
        } else {
            "lowercase ASCII letters, digits, `_` or `-`"
        };
        sink.push(Code::E007, span, format!("{what} `{id}` is not a valid id: use {rule} (at most 64)"));
    }
    ok
}
