//! The fast TOML path (`pack::fast_toml`) against the `toml` crate: whenever the fast path reads a
//! text, `toml` must read it without errors into the same tree — the same keys in the same order,
//! the same values, and the same span for every key and value, since diagnostics point with them.
//! Checked on the built-in packs, every fixture, generated packs and random edits of all of these
//! (edits mostly make texts the fast path must refuse: broken, or outside its subset).

use std::path::Path;

use kefu_core::pack::fast_toml;
use kefu_core::testing::packgen;
use proptest::prelude::*;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// Where two trees first differ, or `None` when they are the same, spans included.
fn diff(a: &Spanned<DeValue>, b: &Spanned<DeValue>, at: &str) -> Option<String> {
    if a.span() != b.span() {
        return Some(format!("{at}: span {:?} vs {:?}", a.span(), b.span()));
    }
    match (a.get_ref(), b.get_ref()) {
        (DeValue::Table(x), DeValue::Table(y)) => table_diff(x, y, at),
        (DeValue::Array(x), DeValue::Array(y)) => {
            if x.len() != y.len() {
                return Some(format!("{at}: {} vs {} items", x.len(), y.len()));
            }
            x.iter().zip(y.iter()).enumerate().find_map(|(i, (p, q))| diff(p, q, &format!("{at}[{i}]")))
        }
        (DeValue::String(x), DeValue::String(y)) if x == y => None,
        (DeValue::Integer(x), DeValue::Integer(y)) if x.as_str() == y.as_str() && x.radix() == y.radix() => {
            None
        }
        (DeValue::Boolean(x), DeValue::Boolean(y)) if x == y => None,
        (x, y) => Some(format!("{at}: {x:?} vs {y:?}")),
    }
}

fn table_diff(x: &DeTable, y: &DeTable, at: &str) -> Option<String> {
    if x.len() != y.len() {
        return Some(format!("{at}: {} vs {} keys", x.len(), y.len()));
    }
    x.iter().zip(y.iter()).find_map(|((kx, vx), (ky, vy))| {
        if kx.get_ref() != ky.get_ref() || kx.span() != ky.span() {
            return Some(format!(
                "{at}: key {:?}@{:?} vs {:?}@{:?}",
                kx.get_ref(),
                kx.span(),
                ky.get_ref(),
                ky.span()
            ));
        }
        diff(vx, vy, &format!("{at}.{}", kx.get_ref()))
    })
}

/// Panics when the fast path reads `text` differently from `toml`; returns whether it read it.
fn agrees(text: &str) -> bool {
    let Some(fast) = fast_toml::parse(text) else { return false };
    let (slow, errors) = DeTable::parse_recoverable(text);
    assert!(errors.is_empty(), "the fast path read a text toml refuses ({:?}):\n{text}", errors[0].message());
    let (fs, ss) = (fast.span(), slow.span());
    let fast = Spanned::new(fs, DeValue::Table(fast.into_inner()));
    let slow = Spanned::new(ss, DeValue::Table(slow.into_inner()));
    if let Some(d) = diff(&fast, &slow, "") {
        panic!("fast path and toml differ at {d} in:\n{text}");
    }
    true
}

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let mut dirs = vec![root.join("../../scenarios"), root.join("tests/fixtures")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "toml") {
                files.push(std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    files.sort();
    files
}

#[test]
fn generated_packs_take_the_fast_path_and_read_the_same() {
    for (nodes, seed) in [(20, 1), (100, 7), (1_000, 3)] {
        assert!(agrees(&packgen::generate(nodes, seed)), "a generated pack left the fast path");
    }
}

#[test]
fn every_pack_and_fixture_reads_the_same() {
    let corpus = corpus();
    assert!(corpus.len() > 20);
    let fast = corpus.iter().filter(|t| agrees(t)).count();
    // The built-in packs are plain TOML: most of the corpus must take the fast path, or it is
    // not doing its job (the broken fixtures are left to toml).
    assert!(fast * 2 > corpus.len(), "only {fast} of {} texts took the fast path", corpus.len());
}

#[test]
fn the_subset_edges_agree_or_are_left_to_toml() {
    let texts = [
        "a = 1\r\nb = 'x'\r\n",
        "a = 1\rb = 2\n",
        "a = \"x\\\"y\\\\z\\n\\t\"\n",
        "a = \"\\u00e9\"\n",
        "a = \"\"\"x\"\"\"\n",
        "a = ''\nb = \"\"\n",
        "a = [\n  1, # one\n  2,\n]\n",
        "a = [ ]\nb = [[1], [2]]\n",
        "a = { }\nb = {x=1,y={z=-0}}\n",
        "a = { x = 1, }\n",
        "a = { x = 1,\n y = 2 }\n",
        "a = 01\n",
        "a = 1_000\n",
        "a = +1\n",
        "a = 1.5\n",
        "a = 1979-05-27\n",
        "a = 9223372036854775808\n",
        "a = 123456789012345678\n",
        "a = true\nb = false\nc = truex\n",
        "a = 1\na = 2\n",
        "a.b = 1\n",
        "\"a\" = 1\n",
        "[a.b]\nx = 1\n[a]\ny = 2\n",
        "[a]\ny = 2\n[a.b]\nx = 1\n[a.c.d]\n",
        "[[g]]\nx = 1\n[[g]]\nx = 2\n[g.h]\n",
        "[[g]]\n[g]\n",
        "a = [[1]]\n[[a]]\n",
        "a = {x = 1}\n[a.y]\n",
        "[a]\n[a]\n",
        "  [a]  # c\n\tx = 1\n",
        "[ a ]\n",
        "a = \"tab\there\"\n",
        "a = \"nul\u{0}\"\n",
        "# c\u{7f}\n",
        "a = 1 b = 2\n",
        "\u{feff}a = 1\n",
        "a = \"苹果\" # 注释\n[活动]\n",
        "",
        "a = [1,\n",
        "a = {x = [\n1,\n2]}\n",
    ];
    for t in texts {
        agrees(t);
    }
    // What packs are written in must stay on the fast path.
    let read = [
        "a = 1\r\nb = 'x'\r\n",
        "a = \"x\\\"y\\\\z\\n\\t\"\n",
        "a = ''\nb = \"\"\n",
        "a = [\n  1, # one\n  2,\n]\n",
        "a = [ ]\nb = [[1], [2]]\n",
        "a = { }\nb = {x=1,y={z=-0}}\n",
        "a = 123456789012345678\n",
        "[a]\ny = 2\n[a.b]\nx = 1\n[a.c.d]\n",
        "[[g]]\nx = 1\n[[g]]\nx = 2\n",
        "  [a]  # c\n\tx = 1\n",
        "a = \"tab\there\"\n",
        "a = \"苹果\" # 注释\n",
        "a = {x = [\n1,\n2]}\n",
    ];
    for t in read {
        assert!(agrees(t), "left the fast path: {t:?}");
    }
}

/// One random edit: delete, insert one of TOML's significant characters, or repeat a line.
fn edit(text: &str, at: usize, kind: u8, ch: usize) -> String {
    const CHARS: &[&str] = &[
        "[", "]", "{", "}", "=", ",", "\"", "'", "\n", "\r", "#", ".", "-", "_", " ", "\t", "0", "a", "\\",
        "苹",
    ];
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let mut s = text.to_string();
    match kind % 3 {
        0 if at < s.len() => {
            let end = (at + 1..=s.len()).find(|&i| s.is_char_boundary(i)).unwrap();
            s.replace_range(at..end, "");
        }
        1 => s.insert_str(at, CHARS[ch % CHARS.len()]),
        _ => {
            let start = s[..at].rfind('\n').map_or(0, |i| i + 1);
            let end = s[at..].find('\n').map_or(s.len(), |i| at + i + 1);
            let line = s[start..end].to_string();
            s.insert_str(start, &line);
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn random_edits_agree_or_are_left_to_toml(
        which in 0usize..1000,
        edits in proptest::collection::vec((0usize..1_000_000, 0u8..3, 0usize..64), 1..4),
    ) {
        let corpus = corpus();
        let mut text = if which % 4 == 0 { packgen::generate(20, which as u64) } else { corpus[which % corpus.len()].clone() };
        for (at, kind, ch) in edits {
            text = edit(&text, at, kind, ch);
        }
        agrees(&text);
    }
}
