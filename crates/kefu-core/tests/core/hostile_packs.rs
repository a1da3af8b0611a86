//! Hostile files: whatever the bytes, `compile` returns located diagnostics (or a pack), never
//! panics, never hangs, and stays linear on huge inputs. No timing is asserted; `make bench`
//! measures speed.

use kefu_core::testing::packgen;

use kefu_core::pack::{compile, Code};

fn codes(bytes: &[u8]) -> Vec<Code> {
    compile("h.toml", bytes).diagnostics.iter().map(|d| d.code).collect()
}

#[test]
fn not_a_pack_at_all() {
    assert_eq!(codes(b""), vec![Code::E001]);
    assert_eq!(codes(b" \n\t\n"), vec![Code::E001]);
    assert_eq!(codes(&[0xff, 0xd8, 0xff, 0xe0, 0, 16, b'J', b'F', b'I', b'F']), vec![Code::E001]);
    let bad_utf8 = [b"title = \"".as_slice(), &[0xe8, 0x8b], b"\"\n"].concat();
    let d = compile("h.toml", &bad_utf8).diagnostics;
    assert_eq!((d[0].code, d[0].line, d[0].col), (Code::E001, 1, 10));
    assert!(codes(br#"{"pack": {"id": "x"}}"#).contains(&Code::E002));
    assert!(codes(b"just some words\n").contains(&Code::E002));
    // TOML, but not a pack.
    assert_eq!(codes(b"[server]\nport = 80\n"), vec![Code::E005, Code::E003]); // sorted by position
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid/minimal.toml"))
            .unwrap();
    let c = compile("bom.toml", format!("\u{feff}{text}").as_bytes());
    assert!(c.pack.is_some(), "{:?}", c.diagnostics);
}

#[test]
fn absurd_nesting_is_an_error_not_a_stack_overflow() {
    let arrays = format!("a = {}", "[".repeat(100_000));
    assert!(codes(arrays.as_bytes()).iter().all(|c| *c == Code::E002));
    let tables = format!("a = {}", "{ b = ".repeat(100_000));
    assert!(codes(tables.as_bytes()).iter().all(|c| *c == Code::E002));
    let deep_cond = format!("{}need == 'sour'{}", "(".repeat(5000), ")".repeat(5000));
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid/minimal.toml"))
            .unwrap()
            .replace("goto = \"done\"", &format!("goto = \"done\"\nwhen = \"{deep_cond}\""));
    assert!(codes(text.as_bytes()).contains(&Code::E011));
}

#[test]
fn huge_values_and_ids() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid/minimal.toml"))
            .unwrap();
    assert!(codes(text.replace("version = 1", "version = 99999999999999999999999").as_bytes())
        .iter()
        .all(|c| *c == Code::E002 || *c == Code::E019));
    assert!(codes(text.replace("id = \"probe\"", &format!("id = \"{}\"", "a".repeat(10_000))).as_bytes())
        .contains(&Code::E007));
    let long_line = format!("title = \"{}\"\n", "长".repeat(3_500_000));
    assert!(codes(long_line.as_bytes()).contains(&Code::E003));
}

#[test]
fn a_100k_node_chain_and_a_5mb_pack_compile() {
    // A single path of 100 000 nodes: the graph algorithms must not recurse.
    let mut t = String::from("[pack]\nid = \"chain\"\nversion = 1\ntitle = \"链\"\nsource = \"t\"\ndimensions = [ { id = \"d\", name = \"d\" } ]\n[activity.a]\nkind = \"dialogue\"\nstart = \"n0\"\n");
    for i in 0..100_000 {
        t.push_str(&format!("[activity.a.node.n{i}]\ntext = \"第{i}步\"\n[[activity.a.node.n{i}.choice]]\nid = \"c\"\ntext = \"继续\"\ngoto = \"n{}\"\nscore = {{ d = 1 }}\n", i + 1));
    }
    t.push_str("[activity.a.node.n100000]\ntext = \"完\"\nending = \"success\"\n");
    let c = compile("chain.toml", t.as_bytes());
    assert!(c.diagnostics.is_empty(), "{:?}", &c.diagnostics[..c.diagnostics.len().min(3)]);
    let b = kefu_core::pack::check::score_bounds(&c.pack.unwrap());
    assert_eq!((b[0].min, b[0].max), (Some(100_000), Some(100_000)));

    let big = packgen::generate(30_000, 1);
    assert!(big.len() > 5_000_000, "{} bytes", big.len());
    let c = compile("big.toml", big.as_bytes());
    assert!(c.pack.is_some(), "{:?}", &c.diagnostics[..c.diagnostics.len().min(3)]);
}
