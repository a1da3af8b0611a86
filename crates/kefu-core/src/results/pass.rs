//! When a finished play counts as passed, for the LMS (SCORM `lesson_status`, xAPI
//! passed/failed). A pack has no separate pass mark: its grade bands say it. The lowest band
//! (which starts at 0%, checker rule E020) is "not yet"; reaching any band above it passes. A
//! pack with a single band (or none) grades nothing as failing, so it reports "completed" only.

use crate::pack::Pack;

/// The lowest percent that passes, or `None` when the pack has no pass/fail distinction.
pub fn pass_mark(pack: &Pack) -> Option<u32> {
    let lowest = pack.grades.iter().map(|g| g.min).min()?;
    if lowest > 0 {
        // Not reachable for a checked pack (E020 requires a band at 0), but then every band passes.
        return Some(lowest);
    }
    pack.grades.iter().map(|g| g.min).filter(|&m| m > lowest).min()
}

/// Whether `percent` passes `pack`: `None` when the pack does not distinguish.
pub fn passed(pack: &Pack, percent: u32) -> Option<bool> {
    pass_mark(pack).map(|m| percent >= m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::GradeBand;

    fn with_bands(mins: &[u32]) -> Pack {
        let mut p = crate::testing::builtin_packs().remove(0).pack.clone();
        p.grades = mins
            .iter()
            .map(|&min| GradeBand {
                min,
                label: format!("≥{min}"),
                text: String::new(),
                span: Default::default(),
            })
            .collect();
        p
    }

    #[test]
    fn the_band_above_the_lowest_passes() {
        assert_eq!(pass_mark(&with_bands(&[85, 60, 0])), Some(60));
        assert_eq!(passed(&with_bands(&[85, 60, 0]), 59), Some(false));
        assert_eq!(passed(&with_bands(&[85, 60, 0]), 60), Some(true));
        assert_eq!(pass_mark(&with_bands(&[0])), None);
        assert_eq!(pass_mark(&with_bands(&[])), None);
        assert_eq!(pass_mark(&with_bands(&[50, 70])), Some(50));
    }

    #[test]
    fn builtin_packs_have_a_pass_mark() {
        for p in crate::testing::builtin_packs() {
            let m = pass_mark(&p.pack).expect("built-in packs grade pass and fail");
            assert!((1..=100).contains(&m), "{}: {m}", p.pack.meta.id);
        }
    }
}
