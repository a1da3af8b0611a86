//! The class's distribution in one skill as an SVG histogram: one bar per 10-point band of percent
//! of the maximum, its height the number of students, with the count written above it.

use yew::prelude::*;

use kefu_core::results::SkillStats;

#[derive(Properties, PartialEq)]
pub struct SkillChartProps {
    pub stats: SkillStats,
    /// The pack's title (two packs may score skills of the same name).
    pub pack_title: String,
    /// The `data-skill-chart` value (pack id / skill id).
    pub hook: String,
}

const W: i64 = 320;
const H: i64 = 150;
const BASE: i64 = 118;
const LEFT: i64 = 10;

#[function_component(SkillChart)]
pub fn skill_chart(props: &SkillChartProps) -> Html {
    let s = &props.stats;
    let most = s.buckets.iter().map(|b| b.count).max().unwrap_or(0).max(1) as i64;
    let n = s.buckets.len().max(1) as i64;
    let slot = (W - 2 * LEFT) / n;
    html! {
        <figure class="skill-chart" data-skill-chart={props.hook.clone()} data-students={s.students.to_string()}>
            <figcaption>
                <span class="chart-pack">{ props.pack_title.clone() }</span>
                { format!("{} · {} 人 · 平均 {}%", s.name, s.students, s.mean_percent) }
            </figcaption>
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={format!("{} 得分分布", s.name)}>
                <line x1={LEFT.to_string()} y1={BASE.to_string()} x2={(W - LEFT).to_string()} y2={BASE.to_string()} class="axis" />
                { for s.buckets.iter().enumerate().map(|(i, b)| {
                    let x = LEFT + i as i64 * slot;
                    let h = (BASE - 16) * b.count as i64 / most;
                    html! {
                        <g data-bucket={format!("{}-{}", b.from, b.to)} data-count={b.count.to_string()}>
                            <rect x={(x + 2).to_string()} y={(BASE - h).to_string()} width={(slot - 4).to_string()}
                                  height={h.to_string()} class="bucket" />
                            if b.count > 0 {
                                <text x={(x + slot / 2).to_string()} y={(BASE - h - 3).to_string()} class="count">{ b.count }</text>
                            }
                            <text x={(x + slot / 2).to_string()} y={(BASE + 14).to_string()} class="band">{ b.from }</text>
                        </g>
                    }
                }) }
                <text x={(W / 2).to_string()} y={(H - 2).to_string()} class="band">{"得分率(%)"}</text>
            </svg>
        </figure>
    }
}
