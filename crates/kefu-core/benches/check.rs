//! Pack checker benchmark (`make bench`): parse + check (`pack::compile`) of generated, realistic
//! dialogue packs of 1 000, 10 000 and 100 000 nodes. The time per node should stay flat as packs
//! grow (the graph checks are linear); it is printed with the ratio of the largest pack's time per
//! node to the smallest's, never asserted. The last row adds 2 000 unused variables to the
//! 10 000-node pack: variable lookups once scanned lists per reference and per choice, which made
//! such packs several times slower.
//!
//! Besides the wall time, each run's CPU time (Linux: the thread's time on a CPU, from
//! `/proc/thread-self/schedstat`) is printed: the bench machines are shared, and wall times there
//! include waiting for a core, which swamped differences of 2× between runs in December 2026.
//! That clock advances in scheduler ticks (4 ms here), so each timed sample compiles the pack
//! often enough to take at least ~200 ms, and the time per compile is the sample over the count.
//!
//! Where the time went (perf, December 2026, 10 000 nodes): the `toml` crate's parse (lexing to a
//! token vector, then events, then the spanned table) about half, glibc's malloc/free and the
//! page faults of those vectors and of the tree a third of the whole, the lowering to the model
//! ~20 %, the checks ~10 %. `pack::fast_toml` now reads plain packs in one pass into the same
//! tree, 3–4× faster than `toml` in the same run.

use std::hint::black_box;
use std::time::Instant;

use kefu_core::testing::packgen;

/// Nanoseconds this thread has spent on a CPU, where the system says (Linux); else `None`.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn main() {
    println!("| pack | nodes | size | diagnostics | parse + check | per node | CPU per node |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    // (nodes, wall µs per node, CPU µs per node) of the plain generated packs.
    let mut per_node: Vec<(usize, f64, Option<f64>)> = Vec::new();
    for (label, nodes, vars, runs) in [
        ("generated", 1_000, 0, 11),
        ("generated", 10_000, 0, 7),
        ("generated", 100_000, 0, 3),
        ("generated + 2000 vars", 10_000, 2_000, 7),
    ] {
        let mut text = packgen::generate(nodes, 7);
        for i in 0..vars {
            text.push_str(&format!("\n[vars.v{i}]\ninit = 0\n"));
        }
        let repeat = (20_000 / nodes).max(1);
        let (wall, cpu): (Vec<f64>, Vec<Option<f64>>) = (0..runs)
            .map(|_| {
                let c0 = cpu_ns();
                let t = Instant::now();
                for _ in 0..repeat {
                    let c = black_box(kefu_core::pack::compile("gen.toml", black_box(text.as_bytes())));
                    assert!(c.pack.is_some(), "generated pack is valid: {:?}", c.diagnostics.first());
                }
                let wall = t.elapsed().as_secs_f64() / repeat as f64;
                let cpu = c0.zip(cpu_ns()).map(|(a, b)| b.saturating_sub(a) as f64 / 1e9 / repeat as f64);
                (wall, cpu)
            })
            .unzip();
        let wall = median(wall);
        let cpu: Option<Vec<f64>> = cpu.into_iter().collect();
        let cpu = cpu.map(median);
        let us = |s: f64| s * 1e6 / nodes as f64;
        if vars == 0 {
            per_node.push((nodes, us(wall), cpu.map(us)));
        }
        let diags = kefu_core::pack::compile("gen.toml", text.as_bytes()).diagnostics.len();
        println!(
            "| {label} | {nodes} | {:.1} MB | {diags} | {:.1} ms | {:.2} µs | {} |",
            text.len() as f64 / 1e6,
            wall * 1e3,
            us(wall),
            cpu.map_or("–".to_string(), |c| format!("{:.2} µs", us(c)))
        );
    }
    // Linearity: the time per node of the largest pack over that of the smallest (1.00 = linear;
    // issue 16 asks for at most 1.3).
    if let (Some(&(n0, w0, c0)), Some(&(n1, w1, c1))) = (per_node.first(), per_node.last()) {
        println!();
        let cpu = c0.zip(c1).map_or(String::new(), |(a, b)| format!(", CPU {:.2}×", b / a));
        println!("Per node at {n1} / at {n0} nodes: wall {:.2}×{cpu} (linear = 1.00×).", w1 / w0);
    }
}
