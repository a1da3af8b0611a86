//! Text templates in CRM effects and checks: `{need}` stands for the play's value of variable
//! `need` as a person reads it (its label when the pack gives one, else the value), `{need.value}`
//! for the raw value. So a pack can write the customer this seed drew onto a card, and grade the
//! card against it. Anything else in braces is plain text. The checker reports unknown variables;
//! the engine expands templates when an effect runs or a check is graded.

use super::expr::Value;
use super::model::VarDef;

/// One `{…}` reference in a template: the variable, whether `.value` was asked for, and its byte
/// range in the template text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref<'a> {
    pub var: &'a str,
    pub raw: bool,
    pub at: usize,
    pub len: usize,
}

fn is_var(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && cs.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The references in `text`, in order.
pub fn refs(text: &str) -> Vec<Ref<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('{').map(|i| i + from) {
        let Some(close) = text[open..].find('}').map(|i| i + open) else { break };
        let inner = &text[open + 1..close];
        let (var, raw) = match inner.strip_suffix(".value") {
            Some(v) => (v, true),
            None => (inner, false),
        };
        if is_var(var) {
            out.push(Ref { var, raw, at: open, len: close + 1 - open });
            from = close + 1;
        } else {
            from = open + 1;
        }
    }
    out
}

/// The text of a value for a person: its label, or the value itself.
pub fn shown(def: Option<&VarDef>, value: &Value, raw: bool) -> String {
    let plain = match value {
        Value::Str(s) => s.clone(),
        other => other.to_string(),
    };
    if raw {
        return plain;
    }
    def.and_then(|d| d.labels.get(&plain)).cloned().unwrap_or(plain)
}

/// `text` with every reference replaced through `lookup(var, raw)`; a reference `lookup` does not
/// know stays as written (the checker has already reported it).
pub fn expand(text: &str, lookup: impl Fn(&str, bool) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for r in refs(text) {
        out.push_str(&text[last..r.at]);
        match lookup(r.var, r.raw) {
            Some(v) => out.push_str(&v),
            None => out.push_str(&text[r.at..r.at + r.len]),
        }
        last = r.at + r.len;
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_references_and_leaves_other_braces() {
        let r = refs("需求:{need},代码 {man.value};{ 不是 } {1x} {}");
        assert_eq!(r.len(), 2);
        assert_eq!((r[0].var, r[0].raw), ("need", false));
        assert_eq!((r[1].var, r[1].raw), ("man", true));
    }

    #[test]
    fn expands_known_references_only() {
        let t = expand("{a}/{a.value}/{b}/{", |v, raw| (v == "a").then(|| format!("A{raw}")));
        assert_eq!(t, "Afalse/Atrue/{b}/{");
    }
}
