//! Pages, one per route.

pub mod history;
pub mod home;
pub mod install;
pub mod play;
