//! The key-value store the app persists to: browser local storage in the app, memory in tests.

/// Why a store operation failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The store is full (local storage's quota, about 5 MB per origin). The old value is intact.
    Quota,
    /// The store cannot be used at all (e.g. storage disabled in the browser's privacy settings).
    Unavailable(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Quota => write!(f, "浏览器存储空间已满,本次没有保存(之前保存的内容不受影响)"),
            StoreError::Unavailable(why) => write!(f, "浏览器存储不可用:{why}"),
        }
    }
}

/// A string key-value store. Methods take `&self` because the browser's store is a global that
/// the app shares; implementations handle their own interior mutability.
pub trait Store {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Writes `value`; on failure the previous value (if any) is left in place.
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key that starts with `prefix`, sorted.
    fn keys(&self, prefix: &str) -> Result<Vec<String>, StoreError>;
}
