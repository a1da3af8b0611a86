//! The crm app (`crm/index.html`): the customer workspace (客户资料卡, MAN, lifecycle, contacts and visits, analytics, import and export) over `crate::crm`.

pub mod app;

pub use app::CrmApp;
