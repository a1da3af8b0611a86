//! Pack checker benchmark (`make bench`): parse + check (`pack::compile`) of generated, realistic
//! dialogue packs of 1 000, 10 000 and 100 000 nodes. The time per node should stay flat as packs
//! grow (the graph checks are linear); it is printed, never asserted.

use std::hint::black_box;
use std::time::Instant;

use kefu_core::testing::packgen;

fn main() {
    println!("| pack | nodes | size | diagnostics | parse + check | per node |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (nodes, runs) in [(1_000, 21), (10_000, 7), (100_000, 3)] {
        let text = packgen::generate(nodes, 7);
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                let c = black_box(kefu_core::pack::compile("gen.toml", black_box(text.as_bytes())));
                assert!(c.pack.is_some(), "generated pack is valid: {:?}", c.diagnostics.first());
                t.elapsed().as_secs_f64()
            })
            .collect();
        times.sort_by(|a, b| a.total_cmp(b));
        let median = times[times.len() / 2];
        let diags = kefu_core::pack::compile("gen.toml", text.as_bytes()).diagnostics.len();
        println!(
            "| generated | {nodes} | {:.1} MB | {diags} | {:.1} ms | {:.2} µs |",
            text.len() as f64 / 1e6,
            median * 1e3,
            median * 1e6 / nodes as f64
        );
    }
}
