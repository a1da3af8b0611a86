//! The values of the `data-*` test hooks for the core's enums: their serde names (`target`,
//! `no_answer`, `prospect` …), so tests and the JSON format spell them alike.

use serde::Serialize;

/// The serde name of a unit variant, e.g. `ManClass::Prospect` → `prospect`.
pub fn key<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use kefu_core::crm::{ManClass, Outcome, State};

    #[test]
    fn hooks_use_serde_names() {
        assert_eq!(key(&ManClass::NonCustomer), "non_customer");
        assert_eq!(key(&Outcome::NoAnswer), "no_answer");
        assert_eq!(key(&State::Target), State::Target.key());
    }
}
