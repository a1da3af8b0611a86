//! Exact decimals for `calc` exercises: a number is kept as millionths in an `i64`. Comparing a
//! student's "497.2" with an expected 497.2 is then exact (no binary-float surprises such as
//! 0.1 + 0.2), and the app needs no float parsing or printing code.

use serde::{Deserialize, Serialize};

/// A decimal number with up to six digits after the point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Decimal(pub i64);

const SCALE: i64 = 1_000_000;

impl Decimal {
    /// Parses `-12`, `497.2`, `.5`, `1_000` (underscores are ignored, as in TOML). `None` for
    /// anything else, more than six decimals, or a magnitude beyond about 9.2 × 10^12.
    pub fn parse(text: &str) -> Option<Decimal> {
        let t = text.replace('_', "");
        let (neg, t) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t.strip_prefix('+').unwrap_or(&t)),
        };
        let (int, frac) = t.split_once('.').unwrap_or((t, ""));
        if int.is_empty() && frac.is_empty()
            || frac.len() > 6
            || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let whole: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
        let mut part: i64 = if frac.is_empty() { 0 } else { frac.parse().ok()? };
        for _ in frac.len()..6 {
            part *= 10;
        }
        let v = whole.checked_mul(SCALE)?.checked_add(part)?;
        Some(Decimal(if neg { -v } else { v }))
    }

    pub fn abs_diff(self, other: Decimal) -> u64 {
        self.0.abs_diff(other.0)
    }
}

impl std::fmt::Display for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let v = self.0.unsigned_abs();
        let (whole, frac) = (v / SCALE as u64, v % SCALE as u64);
        if frac == 0 {
            return write!(f, "{sign}{whole}");
        }
        let digits = format!("{frac:06}");
        write!(f, "{sign}{whole}.{}", digits.trim_end_matches('0'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_exactly() {
        for (text, shown) in [
            ("497.2", "497.2"),
            ("6905", "6905"),
            ("-0.5", "-0.5"),
            (".25", "0.25"),
            ("1_000", "1000"),
            ("43.200", "43.2"),
        ] {
            assert_eq!(Decimal::parse(text).unwrap().to_string(), shown, "{text}");
        }
        assert_eq!(
            Decimal::parse("0.1").unwrap().0 + Decimal::parse("0.2").unwrap().0,
            Decimal::parse("0.3").unwrap().0
        );
        for bad in ["", ".", "1.2.3", "1e5", "abc", "1.0000001", "99999999999999999", "--1", "1-"] {
            assert_eq!(Decimal::parse(bad), None, "{bad}");
        }
    }
}
