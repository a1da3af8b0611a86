//! The LRS (Learning Record Store) connection: its settings, kept in local storage, and the HTTP
//! request that sends a batch of statements, built as plain data for the UI to send with
//! `fetch`. The key and secret are stored in the browser as typed (local storage is readable by
//! anyone using this browser profile): use a key that may only write statements.

use serde::{Deserialize, Serialize};

use crate::storage::versioned::{load, save};
use crate::storage::{Loaded, Store, StoreError, Versioned};
use crate::util::base64;

use super::queue::Queued;
use super::statements::Profile;

pub const LRS_SETTINGS_KEY: &str = "kefu-sim/xapi/settings";
/// The xAPI version this app speaks.
pub const XAPI_VERSION: &str = "1.0.3";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LrsSettings {
    /// The LRS's xAPI endpoint, e.g. `https://lrs.example.edu/xAPI/` (`statements` is added).
    pub endpoint: String,
    pub key: String,
    pub secret: String,
    /// The `account.homePage` of actors: the school or LMS the student numbers belong to.
    pub home_page: String,
    /// The base IRI of this app's activities (normally the site's address).
    pub activity_base: String,
}

impl Versioned for LrsSettings {
    const SCHEMA: u32 = 1;
}

/// A setting that cannot work, named for the settings form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsError {
    NotHttp {
        field: &'static str,
    },
    Empty {
        field: &'static str,
    },
    /// Basic authentication cannot carry a `:` in the key.
    ColonInKey,
    /// `http://` to another machine would send the key and secret in clear.
    Insecure,
}

impl std::fmt::Display for SettingsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SettingsError::NotHttp { field } => {
                write!(f, "{field}必须是以 http:// 或 https:// 开头、不含空格的完整地址")
            }
            SettingsError::Empty { field } => write!(f, "请填写{field}"),
            SettingsError::ColonInKey => write!(f, "密钥(用户名)中不能包含冒号"),
            SettingsError::Insecure => write!(
                f,
                "LRS 地址必须以 https:// 开头:http:// 会把密钥和密码以明文发送(只有本机地址 localhost、127.0.0.1 可以用 http://)"
            ),
        }
    }
}

impl std::error::Error for SettingsError {}

fn http_url(s: &str, field: &'static str) -> Result<(), SettingsError> {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"));
    match rest {
        Some(r) if !r.is_empty() && !r.starts_with('/') && !s.chars().any(char::is_whitespace) => Ok(()),
        _ => Err(SettingsError::NotHttp { field }),
    }
}

/// An `http://` endpoint is accepted only for this machine (a local test LRS): anywhere else Basic
/// authentication would cross the network in clear.
fn secure_endpoint(s: &str) -> Result<(), SettingsError> {
    let Some(rest) = s.strip_prefix("http://") else { return Ok(()) };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return Err(SettingsError::Insecure);
    }
    let host = if authority.starts_with('[') {
        authority.split_inclusive(']').next().unwrap_or("")
    } else {
        authority.split(':').next().unwrap_or("")
    };
    match host.to_ascii_lowercase().as_str() {
        "localhost" | "127.0.0.1" | "[::1]" => Ok(()),
        _ => Err(SettingsError::Insecure),
    }
}

impl LrsSettings {
    /// Settings as typed, trimmed and checked.
    pub fn new(
        endpoint: &str,
        key: &str,
        secret: &str,
        home_page: &str,
        activity_base: &str,
    ) -> Result<LrsSettings, SettingsError> {
        let s = LrsSettings {
            endpoint: endpoint.trim().to_string(),
            key: key.trim().to_string(),
            secret: secret.trim().to_string(),
            home_page: home_page.trim().to_string(),
            activity_base: activity_base.trim().to_string(),
        };
        s.validate()?;
        Ok(s)
    }

    pub fn validate(&self) -> Result<(), SettingsError> {
        http_url(&self.endpoint, "LRS 地址")?;
        secure_endpoint(&self.endpoint)?;
        if self.key.is_empty() {
            return Err(SettingsError::Empty { field: "密钥(用户名)" });
        }
        if self.key.contains(':') {
            return Err(SettingsError::ColonInKey);
        }
        http_url(&self.home_page, "学号所属主页")?;
        http_url(&self.activity_base, "活动地址前缀")
    }

    pub fn profile(&self) -> Profile {
        Profile { home_page: self.home_page.clone(), activity_base: self.activity_base.clone() }
    }

    /// The statements resource: the endpoint with `statements` added once (an endpoint pasted
    /// with `/statements` already is accepted too).
    pub fn statements_url(&self) -> String {
        let base = self.endpoint.trim_end_matches('/');
        let base = base.strip_suffix("/statements").unwrap_or(base);
        format!("{base}/statements")
    }

    /// `Basic base64(key:secret)`.
    pub fn authorization(&self) -> String {
        format!("Basic {}", base64::encode(format!("{}:{}", self.key, self.secret).as_bytes()))
    }

    pub fn load(store: &dyn Store, now: i64) -> Result<Loaded<LrsSettings>, StoreError> {
        load(store, LRS_SETTINGS_KEY, now)
    }

    pub fn save(&self, store: &dyn Store) -> Result<(), StoreError> {
        save(store, LRS_SETTINGS_KEY, self)
    }
}

/// An HTTP request for the UI to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LrsRequest {
    pub method: &'static str,
    pub url: String,
    pub headers: Vec<(&'static str, String)>,
    /// A JSON array of the statements.
    pub body: String,
    /// The ids of the statements in the body, to mark them once the LRS answers.
    pub ids: Vec<String>,
}

/// The POST that sends `batch` (from [`super::Queue::next_batch`]).
pub fn request(settings: &LrsSettings, batch: &[&Queued]) -> Result<LrsRequest, SettingsError> {
    settings.validate()?;
    let mut body = String::from("[");
    for (i, q) in batch.iter().enumerate() {
        if i > 0 {
            body.push(',');
        }
        body.push_str(&q.statement);
    }
    body.push(']');
    Ok(LrsRequest {
        method: "POST",
        url: settings.statements_url(),
        headers: vec![
            ("Content-Type", "application/json".into()),
            ("X-Experience-API-Version", XAPI_VERSION.into()),
            ("Authorization", settings.authorization()),
        ],
        body,
        ids: batch.iter().map(|q| q.id.clone()).collect(),
    })
}

/// What an LRS answer means for the statements sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// Stored.
    Sent,
    /// Some statement id is already stored (xAPI answers 409 for the whole batch): send them one
    /// by one, and a single statement answered 409 is already there.
    Conflict,
    /// The batch is too large for the LRS: send them one by one.
    TooLarge,
    /// A temporary failure (network, CORS, timeout, overload, server error): try again later.
    Retry(String),
    /// The LRS refused them (bad request, wrong address, wrong key): held until the user fixes the
    /// settings and asks to retry.
    Rejected(String),
}

/// Classifies an HTTP status; `0` is how `fetch` reports a network or CORS failure.
pub fn classify(status: u16) -> Delivery {
    match status {
        200..=299 => Delivery::Sent,
        409 => Delivery::Conflict,
        413 => Delivery::TooLarge,
        0 => Delivery::Retry("无法连接学习记录库(网络中断或跨域设置不允许)".into()),
        401 | 403 => Delivery::Rejected(format!("学习记录库拒绝了密钥({status}):请检查密钥和密码")),
        404 => Delivery::Rejected("学习记录库地址不对(404):请检查 LRS 地址".into()),
        408 | 429 => Delivery::Retry(format!("学习记录库繁忙({status}),稍后重试")),
        500..=599 => Delivery::Retry(format!("学习记录库出错({status}),稍后重试")),
        _ => Delivery::Rejected(format!("学习记录库不接受这些记录({status})")),
    }
}
