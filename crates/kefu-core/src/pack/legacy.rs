//! Compiled packs written before a change of the compiled form. The form is postcard, which is not
//! self-describing: bytes written without a field cannot be read by a type that has it, so the
//! reader must be told which form it is reading. Only one earlier form is still read:
//!
//! - **before rubrics** (teacher packs stored with `pack::store` schema 1, before 2026-12-07): a
//!   plan field had no `rubric`. Read with [`before_rubrics`]; such a field gets no rubric.
//!
//! Teacher packs are stored compiled (the TOML is not kept), so without this an upgrade of the site
//! would make every pack a teacher had loaded unplayable until the teacher found its file again.

use std::cell::Cell;

thread_local! {
    static BEFORE_RUBRICS: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` with plan fields read (and written) in the form before rubrics.
pub fn before_rubrics<T>(f: impl FnOnce() -> T) -> T {
    /// Resets the flag even if `f` panics (a fuzzed input must not leave it set).
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            BEFORE_RUBRICS.with(|b| b.set(false));
        }
    }
    BEFORE_RUBRICS.with(|b| b.set(true));
    let _reset = Reset;
    f()
}

/// Whether plan fields are being read in the form before rubrics.
pub(crate) fn reading_before_rubrics() -> bool {
    BEFORE_RUBRICS.with(Cell::get)
}
