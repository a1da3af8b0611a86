//! Who the student is: a name and a student number (学号), typed once and kept in local storage,
//! written into every result file and used as the xAPI actor. A `Student` only exists validated:
//! deserializing one (from storage or from a result file) runs the same checks as typing it.

use serde::{Deserialize, Serialize};

use crate::storage::versioned::{load, save};
use crate::storage::{Loaded, Store, StoreError, Versioned};

/// Where the identity is stored.
pub const STUDENT_KEY: &str = "kefu-sim/student";
/// Longest name accepted, in characters (Chinese names are 2–4; foreign names run longer).
pub const NAME_MAX: usize = 40;
/// Longest student number accepted, in characters.
pub const NUMBER_MAX: usize = 32;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawStudent")]
pub struct Student {
    pub name: String,
    pub number: String,
}

#[derive(Deserialize)]
struct RawStudent {
    name: String,
    number: String,
}

impl TryFrom<RawStudent> for Student {
    type Error = StudentError;
    fn try_from(r: RawStudent) -> Result<Student, StudentError> {
        Student::new(&r.name, &r.number)
    }
}

/// Why a name or number was refused. The messages are shown next to the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StudentError {
    EmptyName,
    EmptyNumber,
    NameTooLong {
        chars: usize,
    },
    NumberTooLong {
        chars: usize,
    },
    /// Line breaks, tabs and other control characters would break CSV rows and file names.
    ControlCharacter {
        field: &'static str,
    },
}

impl std::fmt::Display for StudentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StudentError::EmptyName => write!(f, "请填写姓名"),
            StudentError::EmptyNumber => write!(f, "请填写学号"),
            StudentError::NameTooLong { chars } => write!(f, "姓名过长({chars} 个字符,最多 {NAME_MAX} 个)"),
            StudentError::NumberTooLong { chars } => {
                write!(f, "学号过长({chars} 个字符,最多 {NUMBER_MAX} 个)")
            }
            StudentError::ControlCharacter { field } => write!(f, "{field}中不能包含换行、制表符等控制字符"),
        }
    }
}

impl std::error::Error for StudentError {}

impl Student {
    /// A student from what was typed: surrounding spaces (ASCII or full-width) are dropped.
    pub fn new(name: &str, number: &str) -> Result<Student, StudentError> {
        let name = name.trim();
        let number = number.trim();
        if name.is_empty() {
            return Err(StudentError::EmptyName);
        }
        if number.is_empty() {
            return Err(StudentError::EmptyNumber);
        }
        if name.chars().any(char::is_control) {
            return Err(StudentError::ControlCharacter { field: "姓名" });
        }
        if number.chars().any(char::is_control) {
            return Err(StudentError::ControlCharacter { field: "学号" });
        }
        let chars = name.chars().count();
        if chars > NAME_MAX {
            return Err(StudentError::NameTooLong { chars });
        }
        let chars = number.chars().count();
        if chars > NUMBER_MAX {
            return Err(StudentError::NumberTooLong { chars });
        }
        Ok(Student { name: name.to_string(), number: number.to_string() })
    }

    /// The stored identity. An unreadable stored value is copied to a recovery key first (see
    /// docs/storage.md), as for every stored document.
    pub fn load(store: &dyn Store, now: i64) -> Result<Loaded<Student>, StoreError> {
        load(store, STUDENT_KEY, now)
    }

    pub fn save(&self, store: &dyn Store) -> Result<(), StoreError> {
        save(store, STUDENT_KEY, self)
    }
}

impl Versioned for Student {
    const SCHEMA: u32 = 1;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryStore;

    #[test]
    fn trims_and_validates() {
        let s = Student::new("  张三\u{3000}", " 2023001 ").unwrap();
        assert_eq!((s.name.as_str(), s.number.as_str()), ("张三", "2023001"));
        assert_eq!(Student::new(" ", "1"), Err(StudentError::EmptyName));
        assert_eq!(Student::new("张三", "\u{3000}"), Err(StudentError::EmptyNumber));
        assert_eq!(Student::new("张\n三", "1"), Err(StudentError::ControlCharacter { field: "姓名" }));
        assert_eq!(Student::new("张三", "1\t2"), Err(StudentError::ControlCharacter { field: "学号" }));
        assert_eq!(Student::new(&"长".repeat(NAME_MAX), "1").unwrap().name.chars().count(), NAME_MAX);
        assert_eq!(
            Student::new(&"长".repeat(NAME_MAX + 1), "1"),
            Err(StudentError::NameTooLong { chars: NAME_MAX + 1 })
        );
        assert_eq!(
            Student::new("a", &"9".repeat(NUMBER_MAX + 1)),
            Err(StudentError::NumberTooLong { chars: NUMBER_MAX + 1 })
        );
        assert!(StudentError::NameTooLong { chars: 41 }.to_string().contains("41"));
    }

    #[test]
    fn deserializing_validates_too() {
        let ok: Student = serde_json::from_str(r#"{"name":" 李四 ","number":"B-07"}"#).unwrap();
        assert_eq!(ok, Student::new("李四", "B-07").unwrap());
        let err = serde_json::from_str::<Student>(r#"{"name":"","number":"1"}"#).unwrap_err();
        assert!(err.to_string().contains("请填写姓名"), "{err}");
    }

    #[test]
    fn stored_locally_and_recovered_when_damaged() {
        let store = MemoryStore::new();
        assert_eq!(Student::load(&store, 1).unwrap(), Loaded::Missing);
        let s = Student::new("王五", "2023002").unwrap();
        s.save(&store).unwrap();
        assert_eq!(Student::load(&store, 1).unwrap(), Loaded::Found(s));
        store.set(STUDENT_KEY, r#"{"schema":1,"data":{"name":"","number":"x"}}"#).unwrap();
        let Loaded::Unreadable { reason, recovery_key: Some(_) } = Student::load(&store, 2).unwrap() else {
            panic!("an invalid stored identity must be set aside")
        };
        assert!(reason.contains("姓名"), "{reason}");
    }
}
