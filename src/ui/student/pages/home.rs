//! The home page: the course's role-plays grouped by course project, each with its source, skills
//! and time; an unfinished play is marked. Each entry carries `data-pack` (test-hook contract).

use crate::ui::use_app::use_app;
use yew::prelude::*;

use crate::ui::student::app::AppHandle;
use crate::ui::student::pack_loader;

/// The mark on a pack with an unfinished play (also set by the static home page's script,
/// `student::static_home`, which reads it from the page).
pub const UNFINISHED_BADGE: &str = "未完成,点击继续";

/// The heading of the packs a teacher loaded in this browser.
const LOCAL_GROUP: &str = "教师载入的场景";

#[function_component(Home)]
pub fn home() -> Html {
    let state = use_app::<AppHandle>();
    let unfinished = state.saves.unfinished();
    let mut groups: Vec<(String, Vec<_>)> = Vec::new();
    for p in state.catalog.iter() {
        let project = if state.local.contains(&p.id) {
            LOCAL_GROUP.to_string()
        } else if p.project.is_empty() {
            "其他练习".to_string()
        } else {
            p.project.clone()
        };
        match groups.iter_mut().find(|(g, _)| *g == project) {
            Some((_, list)) => list.push(p.clone()),
            None => groups.push((project, vec![p.clone()])),
        }
    }
    // The course's order: groups by the course document their packs come from (000, 001, 002, 004;
    // a pack's `source` starts with the document number), packs within a group in file order.
    let doc =
        |s: &str| s.chars().take_while(char::is_ascii_digit).collect::<String>().parse().unwrap_or(u32::MAX);
    // The teacher's packs come after the course's; equal keys keep their order. Picked one by one
    // rather than sorted: there are a handful of groups, and a sort instantiation costs the
    // student's wasm kilobytes.
    let key = |i: usize| {
        let (name, packs) = &groups[i];
        (name == LOCAL_GROUP, packs.iter().map(|p| doc(&p.source)).min(), i)
    };
    let mut order: Vec<usize> = Vec::with_capacity(groups.len());
    while let Some(i) = (0..groups.len()).filter(|i| !order.contains(i)).min_by_key(|&i| key(i)) {
        order.push(i);
    }
    let mut slots: Vec<Option<(String, Vec<_>)>> = groups.into_iter().map(Some).collect();
    let groups: Vec<(String, Vec<_>)> = order.into_iter().filter_map(|i| slots[i].take()).collect();
    html! {
        <div class="home">
            <section class="hero">
                <h1>{"客户服务与管理 · 情境实训"}</h1>
                <p>{"选择一个场景,扮演销售或客服人员,和模拟顾客对话。每一步都有点评,结束时按技能打分。"}</p>
            </section>
            { for groups.into_iter().map(|(project, packs)| html! {
                <section class="project">
                    <h2>{ project }</h2>
                    <ul class="pack-list">
                        { for packs.into_iter().map(|meta| {
                            let id = meta.id.clone();
                            let open = {
                                let state = state.clone();
                                let id = id.clone();
                                Callback::from(move |_| pack_loader::open(&state, &id))
                            };
                            let kinds: Vec<&str> = meta.kinds.iter().map(|k| kind_label(k)).collect();
                            html! {
                                <li>
                                    <button class="pack-card" data-pack={id.clone()} onclick={open}
                                        data-local={state.local.contains(&id).then_some("")}>
                                        <span class="pack-title">{ meta.title.clone() }</span>
                                        if unfinished.contains(&id) { <span class="badge">{ UNFINISHED_BADGE }</span> }
                                        if !meta.summary.is_empty() { <span class="pack-summary">{ meta.summary.clone() }</span> }
                                        <span class="pack-meta">
                                            <span>{ kinds.join(" · ") }</span>
                                            if meta.minutes > 0 { <span>{ format!("约 {} 分钟", meta.minutes) }</span> }
                                        </span>
                                        <span class="pack-skills">
                                            { for meta.skills.iter().map(|d| html! { <span class="skill">{ d.clone() }</span> }) }
                                        </span>
                                        <span class="pack-source">{"出处:"}{ meta.source.clone() }</span>
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }) }
        </div>
    }
}

pub fn kind_label(kind: &str) -> &'static str {
    match kind {
        "dialogue" => "情境对话",
        "order" => "排序",
        "classify" => "分类",
        "calc" => "计算",
        "plan" => "方案",
        _ => "练习",
    }
}
