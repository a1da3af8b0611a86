//! The app crate's native tests, one binary: the architecture checks (`layout`), the app table, and
//! the Yew components and reducers rendered and driven without a browser.

mod apps;
mod crm_ui;
mod layout;
mod teacher_marking;
mod teacher_state;
mod ui_lms;
mod ui_render;
mod ui_state;
