//! A bar per skill dimension, drawn as SVG: score against the maximum this play could reach.

use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct Bar {
    pub name: String,
    pub score: i64,
    pub max: i64,
}

#[derive(Properties, PartialEq)]
pub struct ScoreChartProps {
    pub bars: Vec<Bar>,
}

const ROW: i64 = 34;
const LABEL: i64 = 112;
const WIDTH: i64 = 420;

#[function_component(ScoreChart)]
pub fn score_chart(props: &ScoreChartProps) -> Html {
    let height = ROW * props.bars.len() as i64 + 8;
    let track = WIDTH - LABEL - 64;
    html! {
        <svg class="score-chart" viewBox={format!("0 0 {WIDTH} {height}")} role="img"
             aria-label="各项技能得分">
            { for props.bars.iter().enumerate().map(|(i, b)| {
                let y = i as i64 * ROW + 6;
                let filled = if b.max > 0 { track * b.score.clamp(0, b.max) / b.max } else { 0 };
                let level = if b.max > 0 && b.score * 100 >= b.max * 80 { "good" }
                    else if b.score > 0 { "mid" } else { "low" };
                html! {
                    <g>
                        <text x="0" y={(y + 17).to_string()} class="bar-label">{ b.name.clone() }</text>
                        <rect x={LABEL.to_string()} y={y.to_string()} width={track.to_string()} height="22"
                              rx="4" class="bar-track" />
                        <rect x={LABEL.to_string()} y={y.to_string()} width={filled.to_string()} height="22"
                              rx="4" class={classes!("bar-fill", level)} />
                        <text x={(LABEL + track + 8).to_string()} y={(y + 17).to_string()} class="bar-value">
                            { format!("{} / {}", b.score, b.max) }
                        </text>
                    </g>
                }
            }) }
        </svg>
    }
}
