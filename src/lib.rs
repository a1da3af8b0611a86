//! kefu-sim (客服实训): a classroom role-play and CRM simulator for the course 客户服务与管理.
//!
//! The core (`pack`, `engine`, `storage`) is plain Rust with no browser dependency and is tested
//! natively; `ui` is a thin Yew layer on top of it.

pub mod crm;
pub mod engine;
pub mod library;
pub mod pack;
pub mod results;
pub mod storage;
pub mod ui;
