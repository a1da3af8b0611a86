//! The browser's clock and dice, read only in event handlers; the core gets them as arguments.

/// Milliseconds since the Unix epoch (0 off the browser, where only tests render).
pub fn now() -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() as i64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}

/// A new play seed. Six digits, so a teacher can read one out to the class ("大家都用 104729").
pub fn new_seed() -> u64 {
    (js_sys::Math::random() * 900_000.0) as u64 + 100_000
}
