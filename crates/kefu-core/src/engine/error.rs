//! Why the engine refused a step. Shown to students and teachers, so the messages are Chinese and
//! name the ids involved.

use crate::pack::PackRef;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EngineError {
    /// The play is over; nothing more can be chosen.
    Finished,
    /// An answer was given at a different place than where the play is.
    OutOfStep { expected: String, got: String },
    /// The choice does not exist at this node.
    UnknownChoice { node: String, choice: String },
    /// The choice exists but its condition hides it now.
    NotOffered { node: String, choice: String },
    /// A node named by the pack is missing (only possible with an unchecked pack).
    MissingNode { activity: String, node: String },
    /// The dialogue cannot go on: no choice is offered, or `next` nodes loop.
    Stuck { activity: String, node: String },
    /// The play was made on a different pack (id, version or text) than the one given.
    PackMismatch { play: PackRef, pack: PackRef },
    /// The pack has no activity.
    Empty,
    /// The answer is for another kind of activity than the current one.
    WrongInput { activity: String, expected: &'static str },
    /// An exercise answer that cannot be graded (an item missing, an unknown option…).
    InvalidAnswer { activity: String, why: String },
}

impl std::fmt::Display for EngineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EngineError::Finished => write!(f, "这次练习已经结束"),
            EngineError::OutOfStep { expected, got } => {
                write!(f, "记录的作答与进度不符:应在「{expected}」,记录为「{got}」")
            }
            EngineError::UnknownChoice { node, choice } => write!(f, "节点「{node}」没有选项「{choice}」"),
            EngineError::NotOffered { node, choice } => write!(f, "节点「{node}」此时不提供选项「{choice}」"),
            EngineError::MissingNode { activity, node } => write!(f, "活动「{activity}」缺少节点「{node}」"),
            EngineError::Stuck { activity, node } => {
                write!(f, "活动「{activity}」在节点「{node}」无法继续:没有可选的选项")
            }
            EngineError::PackMismatch { play, pack } => write!(
                f,
                "这条记录是在场景包「{}」第 {} 版(校验码 {})上完成的,当前的场景包是第 {} 版(校验码 {}),内容不同,无法继续或核对",
                play.id,
                play.version,
                short(&play.hash),
                pack.version,
                short(&pack.hash)
            ),
            EngineError::Empty => write!(f, "场景包里没有活动"),
            EngineError::WrongInput { activity, expected } => {
                write!(f, "活动「{activity}」需要 {expected} 类型的作答")
            }
            EngineError::InvalidAnswer { activity, why } => write!(f, "活动「{activity}」:{why}"),
        }
    }
}

fn short(hash: &str) -> &str {
    hash.get(..8).unwrap_or(hash)
}

impl std::error::Error for EngineError {}
