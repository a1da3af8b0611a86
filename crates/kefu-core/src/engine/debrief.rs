//! The debrief of a finished (or abandoned) play: per-skill score against the maximum this play
//! could reach, the grade band, how each activity ended, and a review of every choice.

use serde::Serialize;

use crate::pack::expr::Value;
use crate::pack::{GradeBand, Outcome};

use super::bounds::play_bounds;
use super::session::{Chosen, Event, GradedExercise, Session};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimScore {
    pub id: String,
    pub name: String,
    pub score: i64,
    /// The lowest and highest totals any path could reach for this play's drawn variables.
    pub min: i64,
    pub max: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EndingSummary {
    pub activity: String,
    pub outcome: Outcome,
    pub title: String,
    pub text: String,
}

/// A fact about this play's customer, drawn from the seed (e.g. "need: 儿媳妇怀孕了,想吃酸苹果").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    pub var: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Debrief {
    pub dims: Vec<DimScore>,
    /// Sum of scores (each clamped to 0..=max) over the sum of maxima, in whole percent.
    pub percent: u32,
    pub grade: Option<GradeBand>,
    pub endings: Vec<EndingSummary>,
    pub review: Vec<Chosen>,
    /// Every exercise submitted, with its item-by-item grade.
    pub exercises: Vec<GradedExercise>,
    pub facts: Vec<Fact>,
}

impl Debrief {
    pub fn of(session: &Session) -> Debrief {
        let pack = &session.loaded().pack;
        let bounds = play_bounds(&pack.activities, &pack.dimensions, session.drawn());
        let dims: Vec<DimScore> = pack
            .dimensions
            .iter()
            .zip(session.scores())
            .zip(bounds)
            .map(|((d, &score), (min, max))| DimScore {
                id: d.id.clone(),
                name: d.name.clone(),
                score,
                min,
                max,
            })
            .collect();
        let earned: i64 = dims.iter().map(|d| d.score.clamp(0, d.max.max(0))).sum();
        let possible: i64 = dims.iter().map(|d| d.max.max(0)).sum();
        let percent = if possible > 0 { (earned * 100 / possible) as u32 } else { 0 };
        let grade = pack.grades.iter().filter(|g| g.min <= percent).max_by_key(|g| g.min).cloned();
        let mut endings = Vec::new();
        let mut review = Vec::new();
        let mut exercises = Vec::new();
        let mut last_line = String::new();
        for e in session.events() {
            match e {
                Event::Line { text, .. } => last_line = text.clone(),
                Event::Chose(c) => review.push(c.clone()),
                Event::Ended { activity, outcome, title, .. } => endings.push(EndingSummary {
                    activity: pack.activities[*activity].title.clone(),
                    outcome: *outcome,
                    title: title.clone(),
                    text: last_line.clone(),
                }),
                Event::Graded(g) => exercises.push(g.clone()),
                Event::Intro { .. } | Event::Crm { .. } => {}
            }
        }
        let facts = session
            .drawn()
            .iter()
            .map(|(var, value)| {
                let label = pack.var(var).and_then(|d| {
                    let key = match value {
                        Value::Str(s) => s.clone(),
                        other => other.to_string(),
                    };
                    d.labels.get(&key).cloned()
                });
                Fact { var: var.clone(), value: label.unwrap_or_else(|| value.to_string()) }
            })
            .collect();
        Debrief { dims, percent, grade, endings, review, exercises, facts }
    }
}
