//! The crm app (`crm/index.html`): the customer workspace (客户资料卡, MAN, lifecycle, contacts and
//! visits, analytics, import and export) over `kefu_core::crm`. One reducer (`state.rs`), hash routes
//! (`route.rs`), one page per route (`pages/`) built from small components (`components/`).

pub mod app;
pub mod components;
pub mod keys;
pub mod pages;
pub mod route;
pub mod state;

pub use app::CrmApp;
