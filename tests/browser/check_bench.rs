//! Pack parse + check time in wasm (headless Chromium), for `make bench`: the generated packs of
//! `crates/kefu-core/benches/check.rs` (1 000, 10 000 and 100 000 nodes) compiled by
//! `kefu_core::pack::compile`, the call a teacher's pack loader makes. Ignored in `make test`;
//! scripts/bench-check-wasm.sh runs it with `--include-ignored` in a release build and keeps the
//! markdown table it logs. It measures and prints; nothing is asserted about the times.

use kefu_core::testing::packgen;
use wasm_bindgen_test::*;

/// Milliseconds from the browser's clock (`Date.now()`: whole milliseconds, so the small pack is
/// repeated and the median taken).
fn now_ms() -> f64 {
    js_sys::Date::now()
}

#[wasm_bindgen_test]
#[ignore = "a benchmark: scripts/bench-check-wasm.sh runs it"]
fn check_time_in_wasm() {
    let mut rows = vec![
        "| pack (wasm, Chromium) | nodes | size | parse + check | per node |".to_string(),
        "|---|---:|---:|---:|---:|".to_string(),
    ];
    let mut per_node = Vec::new();
    // Warm-up: Chromium first runs wasm through its baseline compiler and optimizes hot functions
    // in the background; without this the first (smallest) pack measures the baseline code.
    let warm = packgen::generate(10_000, 3);
    for _ in 0..3 {
        std::hint::black_box(kefu_core::pack::compile("warm.toml", warm.as_bytes()));
    }
    drop(warm);
    for (nodes, runs) in [(1_000, 15), (10_000, 5), (100_000, 1)] {
        let text = packgen::generate(nodes, 7);
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let t = now_ms();
                let c = kefu_core::pack::compile("gen.toml", text.as_bytes());
                let took = now_ms() - t;
                assert!(c.pack.is_some(), "generated pack is valid: {:?}", c.diagnostics.first());
                took
            })
            .collect();
        times.sort_by(|a, b| a.total_cmp(b));
        let median = times[times.len() / 2];
        let us = median * 1e3 / nodes as f64;
        per_node.push(us);
        rows.push(format!(
            "| generated | {nodes} | {:.1} MB | {median:.0} ms | {us:.2} µs |",
            text.len() as f64 / 1e6
        ));
    }
    rows.push(String::new());
    rows.push(format!(
        "Per node at 100k / at 1k: {:.2}× (linear would be 1.00×).",
        per_node[2] / per_node[0]
    ));
    // Where the time of the 10 000-node pack goes in wasm: the content hash (SHA-256 of the
    // bytes, kept for replays), reading the TOML, and everything (the last row's compile).
    let text = packgen::generate(10_000, 7);
    let phase = |f: &dyn Fn()| {
        let mut t: Vec<f64> = (0..5)
            .map(|_| {
                let start = now_ms();
                f();
                now_ms() - start
            })
            .collect();
        t.sort_by(|a, b| a.total_cmp(b));
        t[2]
    };
    let hash = phase(&|| {
        std::hint::black_box(kefu_core::pack::source::content_hash(text.as_bytes()));
    });
    let parse = phase(&|| {
        std::hint::black_box(kefu_core::pack::fast_toml::parse(&text));
    });
    rows.push(String::new());
    rows.push("| 10 000 nodes in wasm | time |".to_string());
    rows.push("|---|---:|".to_string());
    rows.push(format!("| content hash (SHA-256) | {hash:.0} ms |"));
    rows.push(format!("| TOML read (`fast_toml`, with dropping the tree) | {parse:.0} ms |"));
    rows.push(format!("| whole parse + check (above) | {:.0} ms |", per_node[1] * 10.0));
    for r in rows {
        // One console line per row: the runner prints them, the script keeps the table.
        console_log!("BENCH {r}");
    }
}
