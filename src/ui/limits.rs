//! How long a request may take and how large a file may be, checked before anything is read: a
//! picked file by its size, a download by its `Content-Length` and then while it streams in. The
//! messages are for the user (Chinese) and name the file, its size and the limit.

/// Every fetch (a pack, a pack source by URL, a statement batch to the LRS) is aborted after this.
pub const FETCH_TIMEOUT_MS: u32 = 30_000;
/// A scenario pack: its TOML source or its compiled file.
pub const PACK_BYTES: u64 = 4 << 20;
/// A student's result file (`kefu_core::results::parse::MAX_FILE_BYTES`).
pub const RESULT_BYTES: u64 = kefu_core::results::parse::MAX_FILE_BYTES as u64;
/// A CRM import, CSV or JSON (`kefu_core::crm::import::MAX_IMPORT_BYTES`).
pub const CRM_IMPORT_BYTES: u64 = kefu_core::crm::import::MAX_IMPORT_BYTES as u64;

/// What a limit is for, for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub bytes: u64,
    /// e.g. "场景包"
    pub what: &'static str,
}

pub const PACK: Limit = Limit { bytes: PACK_BYTES, what: "场景包" };
pub const RESULT: Limit = Limit { bytes: RESULT_BYTES, what: "成绩文件" };
pub const CRM_IMPORT: Limit = Limit { bytes: CRM_IMPORT_BYTES, what: "客户资料导入文件" };
/// A whole class record (a term of result files; 50 × 20 results are about 2 MB).
pub const CLASS_RECORD: Limit = Limit { bytes: 20 << 20, what: "班级记录文件" };

fn mb(bytes: u64) -> String {
    let v = bytes as f64 / (1u64 << 20) as f64;
    if v.fract() == 0.0 {
        format!("{v:.0} MB")
    } else {
        format!("{v:.1} MB")
    }
}

impl Limit {
    /// `Err` with the message when `size` is over the limit.
    pub fn check(&self, name: &str, size: u64) -> Result<(), String> {
        if size <= self.bytes {
            return Ok(());
        }
        Err(format!("「{name}」有 {},超过{}的上限 {}:没有读取", mb(size), self.what, mb(self.bytes)))
    }
}

/// The message when a fetch of `url` did not finish within [`FETCH_TIMEOUT_MS`].
pub fn timed_out(url: &str) -> String {
    format!("下载 {url} 超时({} 秒内没有完成):请检查网络后重试", FETCH_TIMEOUT_MS / 1000)
}
