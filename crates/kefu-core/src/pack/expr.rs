//! The condition language of packs: a tiny, side-effect-free expression language, parsed once at
//! load time into an AST and evaluated by walking it. Nothing is ever `eval`'d.
//!
//! ```text
//! expr := or
//! or   := and (("or" | "||") and)*
//! and  := not (("and" | "&&") not)*
//! not  := ("not" | "!") not | cmp
//! cmp  := atom (("==" | "!=" | "<" | "<=" | ">" | ">=") atom)?
//! atom := INT | 'text' | "text" | true | false | VAR | score.DIM | "(" expr ")"
//! ```

use serde::{Deserialize, Serialize};

/// A value a variable can hold. In JSON it is the plain value (`true`, `3`, `"sour"`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Value {
    Bool(bool),
    Int(i64),
    Str(String),
}

// Hand-written rather than `#[serde(untagged)]`: the derived untagged form buffers every value
// through serde's generic `Content` type, which costs ~20 KB of wasm for three cases. Binary
// formats (postcard, used to embed built-in packs) cannot guess a type, so there it is tagged.
#[derive(Serialize, Deserialize)]
enum Tagged {
    Bool(bool),
    Int(i64),
    Str(String),
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if !s.is_human_readable() {
            return match self.clone() {
                Value::Bool(b) => Tagged::Bool(b),
                Value::Int(i) => Tagged::Int(i),
                Value::Str(x) => Tagged::Str(x),
            }
            .serialize(s);
        }
        match self {
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Int(i) => s.serialize_i64(*i),
            Value::Str(x) => s.serialize_str(x),
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if !d.is_human_readable() {
            return Ok(match Tagged::deserialize(d)? {
                Tagged::Bool(b) => Value::Bool(b),
                Tagged::Int(i) => Value::Int(i),
                Tagged::Str(x) => Value::Str(x),
            });
        }
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Value;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a bool, an integer or a text")
            }
            fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
                Ok(Value::Bool(b))
            }
            fn visit_i64<E>(self, i: i64) -> Result<Value, E> {
                Ok(Value::Int(i))
            }
            fn visit_u64<E: serde::de::Error>(self, u: u64) -> Result<Value, E> {
                i64::try_from(u).map(Value::Int).map_err(|_| E::custom("integer too large"))
            }
            fn visit_str<E>(self, s: &str) -> Result<Value, E> {
                Ok(Value::Str(s.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

impl Value {
    pub fn ty(&self) -> Type {
        match self {
            Value::Bool(_) => Type::Bool,
            Value::Int(_) => Type::Int,
            Value::Str(_) => Type::Str,
        }
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Str(s) => write!(f, "'{s}'"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Type {
    Bool,
    Int,
    Str,
}

impl std::fmt::Display for Type {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Type::Bool => "bool",
            Type::Int => "integer",
            Type::Str => "text",
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// A parsed expression. `at` is the byte offset of the item inside the expression text, kept so
/// that the checker can point at a misspelt variable, not just at the start of the condition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Expr {
    Lit(Value),
    Var {
        name: String,
        #[serde(skip)]
        at: usize,
    },
    Score {
        dim: String,
        #[serde(skip)]
        at: usize,
    },
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Cmp(CmpOp, Box<Expr>, Box<Expr>),
}

/// Why an expression did not parse, with the byte offset (inside the expression) where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub at: usize,
    pub message: String,
}

/// Longest accepted expression and deepest nesting: hostile packs get an error, not a stack
/// overflow.
pub const MAX_LEN: usize = 2000;
pub const MAX_DEPTH: usize = 32;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Int(i64),
    Str(String),
    Ident(String),
    Dot,
    LParen,
    RParen,
    Not,
    And,
    Or,
    Op(CmpOp),
}

fn lex(src: &str) -> Result<Vec<(usize, Tok)>, ParseError> {
    let err = |at: usize, m: &str| Err(ParseError { at, message: m.to_string() });
    let mut out = Vec::new();
    let mut it = src.char_indices().peekable();
    while let Some(&(i, c)) = it.peek() {
        match c {
            c if c.is_whitespace() => {
                it.next();
            }
            '(' | ')' | '.' => {
                it.next();
                out.push((
                    i,
                    if c == '(' {
                        Tok::LParen
                    } else if c == ')' {
                        Tok::RParen
                    } else {
                        Tok::Dot
                    },
                ));
            }
            '\'' | '"' => {
                it.next();
                let mut s = String::new();
                let mut closed = false;
                for (_, ch) in it.by_ref() {
                    if ch == c {
                        closed = true;
                        break;
                    }
                    s.push(ch);
                }
                if !closed {
                    return err(i, "text literal is not closed");
                }
                out.push((i, Tok::Str(s)));
            }
            '0'..='9' | '-' => {
                it.next();
                let mut s = String::from(c);
                while let Some(&(_, d)) = it.peek() {
                    if d.is_ascii_digit() {
                        s.push(d);
                        it.next();
                    } else {
                        break;
                    }
                }
                match s.parse::<i64>() {
                    Ok(n) => out.push((i, Tok::Int(n))),
                    Err(_) => return err(i, "not a valid integer"),
                }
            }
            '=' | '!' | '<' | '>' | '&' | '|' => {
                it.next();
                let next = it.peek().map(|&(_, d)| d);
                let (tok, two) = match (c, next) {
                    ('=', Some('=')) => (Tok::Op(CmpOp::Eq), true),
                    ('!', Some('=')) => (Tok::Op(CmpOp::Ne), true),
                    ('<', Some('=')) => (Tok::Op(CmpOp::Le), true),
                    ('>', Some('=')) => (Tok::Op(CmpOp::Ge), true),
                    ('&', Some('&')) => (Tok::And, true),
                    ('|', Some('|')) => (Tok::Or, true),
                    ('<', _) => (Tok::Op(CmpOp::Lt), false),
                    ('>', _) => (Tok::Op(CmpOp::Gt), false),
                    ('!', _) => (Tok::Not, false),
                    ('=', _) => return err(i, "`=` assigns; compare with `==`"),
                    _ => return err(i, &format!("unexpected `{c}`")),
                };
                if two {
                    it.next();
                }
                out.push((i, tok));
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let mut s = String::new();
                while let Some(&(_, d)) = it.peek() {
                    if d.is_ascii_alphanumeric() || d == '_' {
                        s.push(d);
                        it.next();
                    } else {
                        break;
                    }
                }
                out.push((
                    i,
                    match s.as_str() {
                        "and" => Tok::And,
                        "or" => Tok::Or,
                        "not" => Tok::Not,
                        _ => Tok::Ident(s),
                    },
                ));
            }
            _ => return err(i, &format!("unexpected `{c}`")),
        }
    }
    Ok(out)
}

struct Parser {
    toks: Vec<(usize, Tok)>,
    pos: usize,
    end: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(_, t)| t)
    }
    fn at(&self) -> usize {
        self.toks.get(self.pos).map_or(self.end, |(i, _)| *i)
    }
    fn fail<T>(&self, message: impl Into<String>) -> Result<T, ParseError> {
        Err(ParseError { at: self.at(), message: message.into() })
    }
    fn enter(&mut self) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.fail(format!("expression is nested more than {MAX_DEPTH} levels deep"));
        }
        Ok(())
    }

    fn or(&mut self) -> Result<Expr, ParseError> {
        let mut lhs = self.and()?;
        while self.peek() == Some(&Tok::Or) {
            self.pos += 1;
            lhs = Expr::Or(Box::new(lhs), Box::new(self.and()?));
        }
        Ok(lhs)
    }
    fn and(&mut self) -> Result<Expr, ParseError> {
        let mut lhs = self.not()?;
        while self.peek() == Some(&Tok::And) {
            self.pos += 1;
            lhs = Expr::And(Box::new(lhs), Box::new(self.not()?));
        }
        Ok(lhs)
    }
    fn not(&mut self) -> Result<Expr, ParseError> {
        if self.peek() == Some(&Tok::Not) {
            self.pos += 1;
            self.enter()?;
            let inner = self.not()?;
            self.depth -= 1;
            return Ok(Expr::Not(Box::new(inner)));
        }
        self.cmp()
    }
    fn cmp(&mut self) -> Result<Expr, ParseError> {
        let lhs = self.atom()?;
        if let Some(Tok::Op(op)) = self.peek().cloned() {
            self.pos += 1;
            let rhs = self.atom()?;
            if let Some(Tok::Op(_)) = self.peek() {
                return self.fail("comparisons do not chain; use `and`");
            }
            return Ok(Expr::Cmp(op, Box::new(lhs), Box::new(rhs)));
        }
        Ok(lhs)
    }
    fn atom(&mut self) -> Result<Expr, ParseError> {
        let at = self.at();
        let Some(tok) = self.peek().cloned() else {
            return self.fail("expression ends too early");
        };
        self.pos += 1;
        match tok {
            Tok::Int(n) => Ok(Expr::Lit(Value::Int(n))),
            Tok::Str(s) => Ok(Expr::Lit(Value::Str(s))),
            Tok::Ident(id) if id == "true" => Ok(Expr::Lit(Value::Bool(true))),
            Tok::Ident(id) if id == "false" => Ok(Expr::Lit(Value::Bool(false))),
            Tok::Ident(id) if id == "score" && self.peek() == Some(&Tok::Dot) => {
                self.pos += 1;
                let dim_at = self.at();
                match self.peek().cloned() {
                    Some(Tok::Ident(dim)) => {
                        self.pos += 1;
                        Ok(Expr::Score { dim, at: dim_at })
                    }
                    _ => self.fail("expected a dimension id after `score.`"),
                }
            }
            Tok::Ident(name) => Ok(Expr::Var { name, at }),
            Tok::LParen => {
                self.enter()?;
                let e = self.or()?;
                self.depth -= 1;
                if self.peek() != Some(&Tok::RParen) {
                    return self.fail("expected `)`");
                }
                self.pos += 1;
                Ok(e)
            }
            _ => {
                self.pos -= 1;
                self.fail("expected a value, a variable or `(`")
            }
        }
    }
}

/// Parses an expression. Errors carry the byte offset inside `src`.
pub fn parse(src: &str) -> Result<Expr, ParseError> {
    if src.len() > MAX_LEN {
        return Err(ParseError { at: 0, message: format!("expression is longer than {MAX_LEN} bytes") });
    }
    if src.trim().is_empty() {
        return Err(ParseError { at: 0, message: "expression is empty".into() });
    }
    let toks = lex(src)?;
    let mut p = Parser { toks, pos: 0, end: src.len(), depth: 0 };
    let e = p.or()?;
    if p.pos < p.toks.len() {
        return p.fail("unexpected text after the expression");
    }
    Ok(e)
}

/// What an expression can read while it is evaluated: variables and scores of the play.
pub trait Env {
    fn var(&self, name: &str) -> Option<&Value>;
    fn score(&self, dim: &str) -> i64;
}

/// Evaluates an expression that has passed the checker. Unknown variables (impossible after a
/// clean check) evaluate as `false`, never panic.
pub fn eval(e: &Expr, env: &dyn Env) -> Value {
    match e {
        Expr::Lit(v) => v.clone(),
        Expr::Var { name, .. } => env.var(name).cloned().unwrap_or(Value::Bool(false)),
        Expr::Score { dim, .. } => Value::Int(env.score(dim)),
        Expr::Not(a) => Value::Bool(!truthy(&eval(a, env))),
        Expr::And(a, b) => Value::Bool(truthy(&eval(a, env)) && truthy(&eval(b, env))),
        Expr::Or(a, b) => Value::Bool(truthy(&eval(a, env)) || truthy(&eval(b, env))),
        Expr::Cmp(op, a, b) => {
            let (a, b) = (eval(a, env), eval(b, env));
            let ord = match (&a, &b) {
                (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
                (Value::Str(x), Value::Str(y)) => Some(x.cmp(y)),
                (Value::Bool(x), Value::Bool(y)) => Some(x.cmp(y)),
                _ => None,
            };
            let Some(ord) = ord else { return Value::Bool(matches!(op, CmpOp::Ne)) };
            Value::Bool(match op {
                CmpOp::Eq => ord.is_eq(),
                CmpOp::Ne => ord.is_ne(),
                CmpOp::Lt => ord.is_lt(),
                CmpOp::Le => ord.is_le(),
                CmpOp::Gt => ord.is_gt(),
                CmpOp::Ge => ord.is_ge(),
            })
        }
    }
}

pub fn truthy(v: &Value) -> bool {
    matches!(v, Value::Bool(true))
}

/// Calls `f` for every variable and score reference in `e` (name, offset in the expression,
/// whether it is a score).
pub fn visit_refs(e: &Expr, f: &mut dyn FnMut(&str, usize, bool)) {
    match e {
        Expr::Lit(_) => {}
        Expr::Var { name, at } => f(name, *at, false),
        Expr::Score { dim, at } => f(dim, *at, true),
        Expr::Not(a) => visit_refs(a, f),
        Expr::And(a, b) | Expr::Or(a, b) | Expr::Cmp(_, a, b) => {
            visit_refs(a, f);
            visit_refs(b, f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    struct E(HashMap<String, Value>);
    impl Env for E {
        fn var(&self, n: &str) -> Option<&Value> {
            self.0.get(n)
        }
        fn score(&self, d: &str) -> i64 {
            if d == "needs" {
                2
            } else {
                0
            }
        }
    }

    fn env() -> E {
        E(HashMap::from([
            ("need".to_string(), Value::Str("sour".into())),
            ("asked".to_string(), Value::Bool(true)),
            ("mood".to_string(), Value::Int(3)),
        ]))
    }

    fn run(src: &str) -> Value {
        eval(&parse(src).unwrap(), &env())
    }

    #[test]
    fn evaluates_comparisons_and_logic() {
        assert_eq!(run("need == 'sour'"), Value::Bool(true));
        assert_eq!(run("need != \"sour\""), Value::Bool(false));
        assert_eq!(run("asked and mood >= 3"), Value::Bool(true));
        assert_eq!(run("not asked || mood < 0"), Value::Bool(false));
        assert_eq!(run("!(mood > 5) && score.needs == 2"), Value::Bool(true));
        assert_eq!(run("mood > -1"), Value::Bool(true));
    }

    #[test]
    fn and_binds_tighter_than_or() {
        assert_eq!(run("true or false and false"), Value::Bool(true));
    }

    #[test]
    fn errors_point_at_the_problem() {
        assert_eq!(parse("need = 'sour'").unwrap_err().at, 5);
        assert_eq!(parse("need == ").unwrap_err().at, 8);
        assert_eq!(parse("(a == 1").unwrap_err().message, "expected `)`");
        assert!(parse("a == 1 == 2").is_err());
        assert!(parse("'open").is_err());
        assert!(parse("   ").is_err());
        assert!(parse("a # b").is_err());
    }

    #[test]
    fn hostile_nesting_is_an_error_not_a_crash() {
        let deep = format!("{}a{}", "(".repeat(500), ")".repeat(500));
        assert!(parse(&deep).unwrap_err().message.contains("nested"));
        let nots = "not ".repeat(400) + "a";
        assert!(parse(&nots).is_err());
        assert!(parse(&"a or ".repeat(1000)).is_err());
    }

    #[test]
    fn values_are_plain_json() {
        let vals = vec![Value::Bool(true), Value::Int(-3), Value::Str("酸".into())];
        let json = serde_json::to_string(&vals).unwrap();
        assert_eq!(json, r#"[true,-3,"酸"]"#);
        assert_eq!(serde_json::from_str::<Vec<Value>>(&json).unwrap(), vals);
        assert!(serde_json::from_str::<Value>("1.5").is_err());
        assert!(serde_json::from_str::<Value>("18446744073709551615").is_err());
    }

    #[test]
    fn refs_are_visited_with_offsets() {
        let mut seen = vec![];
        visit_refs(&parse("need == 'x' and score.rapport > 1").unwrap(), &mut |n, at, s| {
            seen.push((n.to_string(), at, s))
        });
        assert_eq!(seen, vec![("need".into(), 0, false), ("rapport".into(), 22, true)]);
    }
}
