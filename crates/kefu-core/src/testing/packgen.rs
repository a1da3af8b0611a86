//! Generates large, valid, realistic dialogue packs for benchmarks and tests: branching choices
//! with scores on every dimension, conditions on a seeded variable, Chinese text and several
//! endings. Edges only go forward (no loops); choice 0 always leads to the next node and every
//! ninth node offers a way out to an ending, so every node and every ending is reachable and the
//! checker reports nothing: the benchmark measures a clean pack, not diagnostics.

/// A pack with `nodes` dialogue nodes (the last tenth are endings), deterministic for `seed`.
/// About 500 bytes per node (a 100 000-node pack is ~50 MB, under the checker's 64 MB limit).
pub fn generate(nodes: usize, seed: u64) -> String {
    let nodes = nodes.max(20);
    let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let mut rnd = move |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n as u64) as usize
    };
    let endings = nodes / 10;
    let inner = nodes - endings;
    let mut t = String::with_capacity(nodes * 520);
    t.push_str(&format!(
        "[pack]\nid = \"generated-{nodes}\"\nversion = 1\ntitle = \"生成的场景 {nodes}\"\nsource = \"benches/packgen.rs\"\n\
         dimensions = [ {{ id = \"needs\", name = \"需求挖掘\" }}, {{ id = \"rapport\", name = \"亲和与赞美\" }}, {{ id = \"upsell\", name = \"关联销售\" }} ]\n\n\
         [[grade]]\nmin = 0\nlabel = \"待提高\"\n[[grade]]\nmin = 80\nlabel = \"优秀\"\n\n\
         [vars.need]\none_of = [\"sour\", \"sweet\", \"soft\"]\n\n[activity.talk]\nkind = \"dialogue\"\nstart = \"n0\"\n\n"
    ));
    let node = |j: usize| if j < inner { format!("n{j}") } else { format!("e{}", j % endings) };
    for i in 0..inner {
        let r = rnd(1000);
        t.push_str(&format!("[activity.talk.node.n{i}]\nspeaker = \"顾客\"\ntext = \"第{i}句:苹果怎么样啊?我想买点儿水果。\"\n"));
        if i % 7 == 3 {
            t.push_str("variant = [ { when = \"need == 'sweet'\", text = \"我孙子爱吃甜的。\" } ]\n");
        }
        let jump = node(i + 2 + r % 3);
        let out = if i % 9 == 0 { format!("e{}", (i / 9) % endings) } else { node(i + 1 + r % 4) };
        t.push_str(&format!(
            "choice = [\n\
             \x20 {{ id = \"ask\", text = \"请问您要什么样的苹果?\", score = {{ needs = 1 }}, goto = \"{}\", feedback = \"先了解需求,再介绍产品。\", principle = \"开放式提问\" }},\n\
             \x20 {{ id = \"praise\", text = \"您气色真好!\", score = {{ rapport = {} }}, goto = [ {{ when = \"need == 'sour'\", to = \"{jump}\" }}, {{ to = \"{}\" }} ], feedback = \"真诚的赞美。\" }},\n\
             \x20 {{ id = \"kiwi\", text = \"再来点猕猴桃?\", score = {{ upsell = {}, needs = -1 }}, goto = \"{out}\", feedback = \"关联销售要基于需求。\" }},\n]\n\n",
            node(i + 1),
            (r % 2) as i64,
            node(i + 1 + r % 2),
            (r % 3) as i64 - 1,
        ));
    }
    for e in 0..endings {
        let outcome = ["success", "partial", "fail"][e % 3];
        t.push_str(&format!(
            "[activity.talk.node.e{e}]\ntext = \"结局{e}:老太太买了两斤苹果。\"\nending = \"{outcome}\"\ntitle = \"结局{e}\"\n\n"
        ));
    }
    t
}
