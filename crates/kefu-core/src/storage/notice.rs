//! What the user must be told about storage: a value set aside because it could not be read, or a
//! write that failed. Every store above this module reports through it.

use super::store::StoreError;

/// Something about storage the user must be told.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// A stored value could not be read; a copy was kept under `recovery_key`.
    Recovered { key: String, recovery_key: String, reason: String },
    /// A stored value could not be read and there was no room to copy it: it is left untouched and
    /// this key will not be written until the user frees space.
    Untouchable { key: String, reason: String },
    /// A write failed; the previous value is intact.
    SaveFailed { key: String, error: StoreError },
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::Recovered { key, recovery_key, reason } => {
                write!(f, "存档「{key}」无法读取({reason}),原始内容已备份到「{recovery_key}」")
            }
            Notice::Untouchable { key, reason } => write!(
                f,
                "存档「{key}」无法读取({reason}),且存储空间不足以备份:为防止丢失,这项存档暂不写入。请先导出或清理历史记录"
            ),
            Notice::SaveFailed { key, error } => write!(f, "保存「{key}」失败:{error}"),
        }
    }
}
