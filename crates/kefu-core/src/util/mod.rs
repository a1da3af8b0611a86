//! Small helpers every other module may use and that use nothing of the core: a stable sort that
//! keeps wasm small, base64, the CSV reader and writer, calendar dates (China's UTC+8 by default) and the FNV-1a hash.

pub mod base64;
pub mod csv;
pub mod fnv;
pub mod order;
pub mod time;
