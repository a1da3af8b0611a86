//! Helpers shared by the native integration tests.
#![allow(dead_code)]

use std::path::PathBuf;
use std::rc::Rc;

use kefu_sim::engine::LoadedPack;
use kefu_sim::pack::compile;

/// Compiles a pack text that must have no errors.
pub fn load(name: &str, text: &str) -> Rc<LoadedPack> {
    let c = compile(name, text.as_bytes());
    let errors: Vec<String> = c.diagnostics.iter().map(|d| d.to_string()).collect();
    let pack = c.pack.unwrap_or_else(|| panic!("{name} does not compile:\n{}", errors.join("\n")));
    Rc::new(LoadedPack { pack, hash: c.hash })
}

/// Every built-in pack under scenarios/, by file name.
pub fn builtin() -> Vec<(String, Rc<LoadedPack>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("scenarios/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let text = std::fs::read_to_string(&p).unwrap();
            let loaded = load(&name, &text);
            (name, loaded)
        })
        .collect()
}

/// A small pack exercising conditions, variants, `next` nodes, effects and two activities.
pub const SAMPLE: &str = r#"
[pack]
id = "sample"
version = 3
title = "样例"
source = "tests"
dimensions = [ { id = "needs", name = "需求挖掘" }, { id = "rapport", name = "亲和" } ]

[[grade]]
min = 80
label = "优秀"
[[grade]]
min = 0
label = "待提高"

[vars.need]
one_of = ["sour", "sweet"]
labels = { sour = "要酸的", sweet = "要甜的" }
[vars.asked]
init = false
[vars.patience]
init = 2

[activity.talk]
kind = "dialogue"
title = "摊位"
intro = "老太太走来。"
start = "ask"

[activity.talk.node.ask]
speaker = "老太太"
text = "苹果怎么样啊?"
variant = [ { when = "asked", text = "你还没说呢。" } ]

[[activity.talk.node.ask.choice]]
id = "pitch"
text = "又大又甜。"
goto = [ { when = "need == 'sweet'", to = "buys" }, { to = "leaves" } ]
score = { needs = -1 }
feedback = "先问需求"
principle = "先了解需求,再介绍产品"

[[activity.talk.node.ask.choice]]
id = "probe"
text = "您要什么样的?"
when = "not asked"
goto = "tells"
score = { needs = 2 }
set = { asked = true }

[[activity.talk.node.ask.choice]]
id = "chat"
text = "您气色真好。"
when = "patience > 0"
goto = "ask"
add = { patience = -1 }

[activity.talk.node.tells]
speaker = "老太太"
text = "我要酸的。"
variant = [ { when = "need == 'sweet'", text = "我要甜的。" } ]
next = "offer"

[activity.talk.node.offer]
text = "你拿起苹果。"
[[activity.talk.node.offer.choice]]
id = "praise"
text = "您真会挑。"
goto = "buys"
score = { rapport = 1 }
[[activity.talk.node.offer.choice]]
id = "plain"
text = "给您称。"
goto = "buys"

[activity.talk.node.buys]
text = "买了一斤。"
ending = "success"
title = "成交"

[activity.talk.node.leaves]
text = "摇摇头走了。"
ending = "fail"

[activity.after]
kind = "dialogue"
start = "bye"
[activity.after.node.bye]
text = "还来吗?"
[[activity.after.node.bye.choice]]
id = "invite"
text = "您再来。"
goto = "end"
score = { rapport = 1 }
[activity.after.node.end]
text = "行。"
ending = "success"
"#;
