//! The crm app's pages, one per route.

pub mod analytics;
pub mod card;
pub mod io;
pub mod list;
pub mod new_customer;
pub mod visits;
