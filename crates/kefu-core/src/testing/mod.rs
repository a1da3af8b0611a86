//! Fixtures and players shared by the test crates (`tests/core`, the app's `tests/ui`) and the
//! benches: small packs, the built-in packs compiled from `scenarios/`, deterministic plays, and
//! generators of large packs and CRM workspaces. Not used by the apps (so absent from the wasm).

pub mod class_gen;
pub mod crm_gen;
pub mod packgen;
pub mod plays;
pub mod timing;

use std::path::PathBuf;
use std::rc::Rc;
use std::sync::OnceLock;

use crate::pack::{compile, compile_dir, LoadedPack};

/// Compiles a pack text that must have no errors.
pub fn load(name: &str, text: &str) -> Rc<LoadedPack> {
    let c = compile(name, text.as_bytes());
    let errors: Vec<String> = c.diagnostics.iter().map(|d| d.to_string()).collect();
    let pack = c.pack.unwrap_or_else(|| panic!("{name} does not compile:\n{}", errors.join("\n")));
    Rc::new(LoadedPack { pack, hash: c.hash })
}

/// The workspace's `scenarios/` folder (the built-in packs' sources).
pub fn scenarios_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scenarios")
}

/// Every built-in pack under scenarios/, by file name, compiled from source with the checker once
/// per test process (many tests ask for them; compiling 13 packs in a debug build takes a while).
pub fn builtin() -> Vec<(String, Rc<LoadedPack>)> {
    static COMPILED: OnceLock<Vec<(String, LoadedPack)>> = OnceLock::new();
    let compiled = COMPILED.get_or_init(|| {
        compile_dir(&scenarios_dir())
            .expect("scenarios/ is readable")
            .into_iter()
            .map(|(path, c)| {
                let name = path.file_name().unwrap().to_string_lossy().to_string();
                let errors: Vec<String> = c.diagnostics.iter().map(|d| d.to_string()).collect();
                let pack =
                    c.pack.unwrap_or_else(|| panic!("{name} does not compile:\n{}", errors.join("\n")));
                (name, LoadedPack { pack, hash: c.hash })
            })
            .collect()
    });
    compiled.iter().map(|(name, p)| (name.clone(), Rc::new(p.clone()))).collect()
}

/// The built-in packs in file-name order (what the app's `library::builtin()` embeds).
pub fn builtin_packs() -> Vec<Rc<LoadedPack>> {
    builtin().into_iter().map(|(_, p)| p).collect()
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

/// A pack with one exercise of each kind.
pub const EXERCISES: &str = r#"
[pack]
id = "exercises"
version = 1
title = "练习"
source = "tests"
dimensions = [ { id = "know", name = "知识" }, { id = "plan", name = "计划" } ]

[activity.steps]
kind = "order"
prompt = "排序"
score = { know = 1 }
principle = "客户开发的基本步骤"
items = [
  { id = "find", text = "发现预期顾客并鉴定资格" },
  { id = "prepare", text = "接触顾客以前的准备工作" },
  { id = "approach", text = "接触顾客" },
  { id = "present", text = "解说和演示" },
  { id = "objections", text = "处理异议" },
  { id = "close", text = "结单" },
  { id = "follow", text = "跟进和维持", feedback = "成交不是终点。" },
]

[activity.man]
kind = "classify"
prompt = "分类"
score = { know = 2 }
pick = 3
categories = [ { id = "ideal", text = "有望客户" }, { id = "grow", text = "长期观察、培养" }, { id = "stop", text = "非客户,停止接触" } ]
[[activity.man.item]]
id = "man"
text = "M+A+N"
category = "ideal"
[[activity.man.item]]
id = "m_a_n_low"
text = "m+a+N"
category = "grow"
[[activity.man.item]]
id = "none"
text = "m+a+n"
category = "stop"
feedback = "三个条件都不具备。"
[[activity.man.item]]
id = "m_big_a_n"
text = "m+A+n"
category = "grow"

[activity.life]
kind = "calc"
score = { know = 1 }
[[activity.life.step]]
id = "total"
text = "总共需要多少万元?"
answer = 497.2
unit = "万元"
tolerance = 0.05
hint = "150+100+108+30+30+43.2+36"
[[activity.life.step]]
id = "monthly"
text = "每月需要多少元?"
answer = 6905
unit = "元"
tolerance = 1

[activity.draft]
kind = "plan"
prompt = "写计划"
[[activity.draft.field]]
id = "intro"
label = "引言"
input = "text"
min_chars = 4
[[activity.draft.field]]
id = "target"
label = "目标客户"
input = "one"
options = [ { id = "parents", text = "家长", score = { plan = 2 } }, { id = "tourists", text = "游客", score = { plan = -1 }, feedback = "不在店附近" } ]
[[activity.draft.field]]
id = "tools"
label = "开发工具"
input = "many"
options = [ { id = "flyer", text = "传单", score = { plan = 1 } }, { id = "club", text = "读书会", score = { plan = 1 } }, { id = "tv", text = "电视广告", score = { plan = -1 } } ]
"#;
