//! Generates large, valid, realistic dialogue packs for benchmarks and tests: branching choices
//! with scores, conditions on a seeded variable, Chinese text and several endings. Edges only go
//! forward, so there are no loops and every node can reach an ending.

/// A pack with `nodes` dialogue nodes (the last tenth are endings), deterministic for `seed`.
pub fn generate(nodes: usize, seed: u64) -> String {
    let nodes = nodes.max(4);
    let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let mut rnd = move |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n as u64) as usize
    };
    let endings = (nodes / 10).max(2);
    let inner = nodes - endings;
    let mut t = String::with_capacity(nodes * 260);
    t.push_str(&format!(
        "[pack]\nid = \"generated-{nodes}\"\nversion = 1\ntitle = \"生成的场景 {nodes}\"\nsource = \"benches/packgen.rs\"\n\
         dimensions = [ {{ id = \"needs\", name = \"需求挖掘\" }}, {{ id = \"rapport\", name = \"亲和与赞美\" }}, {{ id = \"upsell\", name = \"关联销售\" }} ]\n\n\
         [[grade]]\nmin = 0\nlabel = \"待提高\"\n[[grade]]\nmin = 80\nlabel = \"优秀\"\n\n\
         [vars.need]\none_of = [\"sour\", \"sweet\", \"soft\"]\n\n[activity.talk]\nkind = \"dialogue\"\nstart = \"n0\"\n\n"
    ));
    let target = |i: usize, r: usize| -> String {
        let j = i + 1 + r % 3;
        if j < inner {
            format!("n{j}")
        } else {
            format!("e{}", (i + r) % endings)
        }
    };
    for i in 0..inner {
        t.push_str(&format!("[activity.talk.node.n{i}]\nspeaker = \"顾客\"\ntext = \"第{i}句:苹果怎么样啊?我想买点儿水果。\"\n"));
        if i % 7 == 3 {
            t.push_str("variant = [ { when = \"need == 'sweet'\", text = \"我孙子爱吃甜的。\" } ]\n");
        }
        for c in 0..3 {
            let r = rnd(1000);
            t.push_str(&format!(
                "[[activity.talk.node.n{i}.choice]]\nid = \"c{c}\"\ntext = \"请问您要什么样的苹果?(说法{c})\"\nfeedback = \"先了解需求,再介绍产品。\"\nprinciple = \"开放式提问\"\nscore = {{ needs = {}, rapport = {} }}\n",
                (r % 3) as i64 - 1,
                (r / 3 % 2) as i64
            ));
            if c == 1 {
                t.push_str(&format!(
                    "goto = [ {{ when = \"need == 'sour'\", to = \"{}\" }}, {{ to = \"{}\" }} ]\n",
                    target(i, r),
                    target(i, r + 1)
                ));
            } else {
                t.push_str(&format!("goto = \"{}\"\n", target(i, r)));
            }
        }
        t.push('\n');
    }
    for e in 0..endings {
        let outcome = ["success", "partial", "fail"][e % 3];
        t.push_str(&format!("[activity.talk.node.e{e}]\ntext = \"结局{e}:老太太买了两斤苹果。\"\nending = \"{outcome}\"\ntitle = \"结局{e}\"\n\n"));
    }
    t
}
