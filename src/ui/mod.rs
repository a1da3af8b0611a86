//! The Yew user interface: pages and components over the core. No business logic lives here;
//! the one reducer (`state.rs`) calls the engine and storage.

pub mod app;
pub mod clock;
pub mod components;
pub mod format;
pub mod pack_loader;
pub mod pages;
pub mod route;
pub mod state;

pub use app::App;
