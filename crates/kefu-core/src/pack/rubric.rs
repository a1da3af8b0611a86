//! The teacher's rubric for a free-text answer (issue 14): criteria, each with descriptors per
//! level and the points a level earns. Students' free text is never scored by the engine (a play
//! replays to the same scores without it); the teacher reads the answer beside these descriptors
//! and marks each criterion on the results page (`results::marking`).

use serde::{Deserialize, Serialize};

use super::source::Span;

/// Most levels a criterion may have, and most points a level may earn: a rubric is read by a
/// teacher beside one answer, so it stays short.
pub const MAX_LEVELS: usize = 6;
pub const MAX_POINTS: u32 = 100;

/// One level of a criterion: what an answer at this level does, and what it earns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Level {
    pub points: u32,
    /// The descriptor: what an answer at this level looks like.
    pub text: String,
    #[serde(skip)]
    pub span: Span,
}

/// One criterion of a rubric, its levels from the lowest points to the highest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    pub id: String,
    /// What is judged, e.g. "目的与背景".
    pub text: String,
    pub levels: Vec<Level>,
    #[serde(skip)]
    pub span: Span,
}

impl Criterion {
    /// The most this criterion earns (its top level).
    pub fn max(&self) -> u32 {
        self.levels.iter().map(|l| l.points).max().unwrap_or(0)
    }

    /// The level that earns `points`, if there is one.
    pub fn level(&self, points: u32) -> Option<&Level> {
        self.levels.iter().find(|l| l.points == points)
    }
}

/// The most a rubric earns: every criterion at its top level.
pub fn rubric_max(rubric: &[Criterion]) -> u32 {
    rubric.iter().map(Criterion::max).sum()
}

/// Why a decoded rubric cannot be used (the checker reports the same as E025 with a location).
pub fn rubric_problem(rubric: &[Criterion]) -> Option<String> {
    let mut ids = std::collections::HashSet::new();
    for c in rubric {
        if !ids.insert(c.id.as_str()) {
            return Some(format!("评分标准「{}」重复", c.id));
        }
        if c.levels.len() < 2 || c.levels.len() > MAX_LEVELS {
            return Some(format!("评分标准「{}」的等级数不在 2 到 {MAX_LEVELS} 之间", c.id));
        }
        if c.levels.windows(2).any(|w| w[0].points >= w[1].points) || c.max() > MAX_POINTS {
            return Some(format!("评分标准「{}」的分值没有从低到高排列,或超过 {MAX_POINTS}", c.id));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crit(points: &[u32]) -> Criterion {
        Criterion {
            id: "c".into(),
            text: "c".into(),
            levels: points.iter().map(|&p| Level { points: p, text: "x".into(), span: Span::NONE }).collect(),
            span: Span::NONE,
        }
    }

    #[test]
    fn levels_rise_and_the_top_is_the_max() {
        assert_eq!(rubric_problem(&[crit(&[0, 1, 2])]), None);
        assert_eq!(rubric_max(&[crit(&[0, 1, 2]), crit(&[0, 3])]), 5);
        assert!(rubric_problem(&[crit(&[0, 2, 1])]).is_some());
        assert!(rubric_problem(&[crit(&[1, 1])]).is_some());
        assert!(rubric_problem(&[crit(&[2])]).is_some());
        assert!(rubric_problem(&[crit(&[0, 101])]).is_some());
        assert!(rubric_problem(&[crit(&[0, 1]), crit(&[0, 1])]).is_some());
        assert_eq!(crit(&[0, 1, 3]).level(3).map(|l| l.points), Some(3));
        assert!(crit(&[0, 1, 3]).level(2).is_none());
    }
}
