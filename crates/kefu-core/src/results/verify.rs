//! Verifying one claimed result by replaying it (DESIGN contract "Plays are deterministic"): the
//! pack must be one the teacher has (same id, version and content hash), the answers must replay
//! through the engine to the end, and every claimed score must equal the replayed one. Only a
//! [`Verdict::Verified`] result is ever counted; every other verdict says exactly what is wrong.

use std::rc::Rc;

use crate::engine::{Debrief, EngineError, LoadedPack, PackRef, Session};

use super::file::ResultPlay;
use super::parse::Malformed;

/// A result that replayed to exactly the claimed scores.
#[derive(Debug, Clone)]
pub struct Verified {
    pub session: Session,
    pub debrief: Debrief,
}

/// Which claimed figure differs from the replay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// The score of a skill (dimension id and name).
    Score {
        dim: String,
        name: String,
    },
    /// The maximum of a skill.
    Max {
        dim: String,
        name: String,
    },
    Percent,
    Grade,
}

/// A claimed figure and what the replay gave ("—" when one side has no such skill).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    pub field: Field,
    pub claimed: String,
    pub replayed: String,
}

#[derive(Debug, Clone)]
pub enum Verdict {
    Verified(Box<Verified>),
    /// The answers replay, but to other scores than claimed (the file was edited, or made by
    /// another program).
    ScoreMismatch(Vec<Mismatch>),
    /// No known pack has this id, version and hash. `same_id` lists the known packs with the same
    /// id (another version, or the same version with different text).
    UnknownPack {
        same_id: Vec<PackRef>,
    },
    /// The answers replay but the play is not over: `done` of `total` activities.
    NotFinished {
        done: usize,
        total: usize,
    },
    Malformed(Malformed),
    /// The engine refused an answer (an answer that does not exist or was not offered).
    ReplayFailed(EngineError),
}

impl Verdict {
    pub fn is_verified(&self) -> bool {
        matches!(self, Verdict::Verified(_))
    }

    pub fn verified(&self) -> Option<&Verified> {
        match self {
            Verdict::Verified(v) => Some(v),
            _ => None,
        }
    }

    /// A short label for the result table.
    pub fn label(&self) -> &'static str {
        match self {
            Verdict::Verified(_) => "已核实",
            Verdict::ScoreMismatch(_) => "分数不符",
            Verdict::UnknownPack { .. } => "未知场景包",
            Verdict::NotFinished { .. } => "未完成",
            Verdict::Malformed(_) => "文件损坏",
            Verdict::ReplayFailed(_) => "无法重放",
        }
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Field::Score { name, .. } => write!(f, "「{name}」得分"),
            Field::Max { name, .. } => write!(f, "「{name}」满分"),
            Field::Percent => write!(f, "得分率"),
            Field::Grade => write!(f, "等级"),
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Verdict::Verified(v) => write!(f, "已核实:重放得分与文件一致({}%)", v.debrief.percent),
            Verdict::ScoreMismatch(ms) => {
                write!(f, "分数不符:")?;
                for (i, m) in ms.iter().enumerate() {
                    let sep = if i == 0 { "" } else { ";" };
                    write!(f, "{sep}{} 文件写 {},重放为 {}", m.field, m.claimed, m.replayed)?;
                }
                Ok(())
            }
            Verdict::UnknownPack { same_id } if same_id.is_empty() => {
                write!(f, "没有这个场景包:请先载入学生练习用的场景包")
            }
            Verdict::UnknownPack { same_id } => {
                let versions: Vec<String> = same_id
                    .iter()
                    .map(|p| format!("第 {} 版({})", p.version, p.hash.get(..8).unwrap_or(&p.hash)))
                    .collect();
                write!(f, "场景包版本不同:已载入的是{},与学生练习用的不是同一份内容", versions.join("、"))
            }
            Verdict::NotFinished { done, total } => write!(f, "练习未完成(完成 {done}/{total} 个活动)"),
            Verdict::Malformed(m) => write!(f, "文件损坏:{m}"),
            Verdict::ReplayFailed(e) => write!(f, "无法重放:{e}"),
        }
    }
}

/// Compares the claimed scores with the replay's debrief, skill by skill (matched by id).
pub fn compare(play: &ResultPlay, d: &Debrief) -> Vec<Mismatch> {
    let dash = || "—".to_string();
    let mut out = Vec::new();
    for r in &d.dims {
        let c = play.claimed.dims.iter().find(|c| c.id == r.id);
        let (dim, name) = (r.id.clone(), r.name.clone());
        if c.map(|c| c.score) != Some(r.score) {
            out.push(Mismatch {
                field: Field::Score { dim: dim.clone(), name: name.clone() },
                claimed: c.map_or_else(dash, |c| c.score.to_string()),
                replayed: r.score.to_string(),
            });
        }
        if let Some(c) = c.filter(|c| c.max != r.max) {
            out.push(Mismatch {
                field: Field::Max { dim, name },
                claimed: c.max.to_string(),
                replayed: r.max.to_string(),
            });
        }
    }
    for c in play.claimed.dims.iter().filter(|c| !d.dims.iter().any(|r| r.id == c.id)) {
        out.push(Mismatch {
            field: Field::Score { dim: c.id.clone(), name: c.name.clone() },
            claimed: c.score.to_string(),
            replayed: dash(),
        });
    }
    if play.claimed.percent != d.percent {
        out.push(Mismatch {
            field: Field::Percent,
            claimed: format!("{}%", play.claimed.percent),
            replayed: format!("{}%", d.percent),
        });
    }
    let grade = d.grade.as_ref().map(|g| g.label.as_str()).unwrap_or_default();
    if play.claimed.grade != grade {
        out.push(Mismatch {
            field: Field::Grade,
            claimed: play.claimed.grade.clone(),
            replayed: grade.into(),
        });
    }
    out
}

/// Replays one claimed result against the packs the teacher has.
pub fn verify(packs: &[Rc<LoadedPack>], play: &ResultPlay) -> Verdict {
    let wanted = play.pack.pack_ref();
    let Some(pack) = packs.iter().find(|p| p.pack_ref() == wanted) else {
        let mut same_id: Vec<PackRef> =
            packs.iter().map(|p| p.pack_ref()).filter(|r| r.id == wanted.id).collect();
        same_id.dedup();
        return Verdict::UnknownPack { same_id };
    };
    let session = match Session::replay(Rc::clone(pack), &play.play()) {
        Ok(s) => s,
        Err(e) => return Verdict::ReplayFailed(e),
    };
    if !session.is_finished() {
        let (done, total) = session.progress();
        return Verdict::NotFinished { done, total };
    }
    let debrief = Debrief::of(&session);
    let mismatches = compare(play, &debrief);
    if mismatches.is_empty() {
        Verdict::Verified(Box::new(Verified { session, debrief }))
    } else {
        Verdict::ScoreMismatch(mismatches)
    }
}
