//! The benchmarks' one timing loop: the median over batches of repeated calls, so a noisy machine
//! (two shared cores) moves the figure less than a mean would.

use std::time::Instant;

/// Median time per call in seconds over `batches` batches of `per` calls.
pub fn median_secs(batches: usize, per: usize, mut f: impl FnMut()) -> f64 {
    let mut v: Vec<f64> = (0..batches)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..per {
                f();
            }
            t.elapsed().as_secs_f64() / per as f64
        })
        .collect();
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}
