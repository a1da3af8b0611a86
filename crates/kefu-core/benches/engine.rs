//! Engine benchmark (`make bench`): time to start a play, take one step (a choice or an exercise
//! answer), replay a whole play and build the debrief, for every built-in pack and a generated 10 000-node dialogue. Plain timing
//! loops (median of batches) printed as a markdown table; no timing is asserted anywhere.

use std::hint::black_box;
use std::rc::Rc;

use kefu_core::engine::answer_key::{self, Aim};
use kefu_core::engine::{Current, Debrief, LoadedPack, Session};

use kefu_core::testing::timing;

use kefu_core::testing::packgen;

/// Median time per call in microseconds over `batches` batches of `per` calls.
fn time(batches: usize, per: usize, f: impl FnMut()) -> f64 {
    timing::median_secs(batches, per, f) * 1e6
}

/// A whole play: the first offered choice at every dialogue step, the answer key's best answer at
/// every exercise.
fn first_choice_play(pack: &Rc<LoadedPack>) -> Session {
    let mut s = Session::start(pack.clone(), 1, 0).unwrap();
    loop {
        match s.current() {
            Current::Choose { choices, .. } => {
                let id = choices[0].id.clone();
                s.choose(&id, 0).unwrap();
            }
            Current::Exercise { .. } => {
                let input = answer_key::answer_in(&s, Aim::Best).expect("an exercise");
                s.submit(input, 0).unwrap();
            }
            Current::Finished => return s,
        }
    }
}

fn main() {
    let mut packs: Vec<(String, Rc<LoadedPack>)> =
        kefu_core::testing::builtin_packs().into_iter().map(|p| (p.pack.meta.id.clone(), p)).collect();
    let text = packgen::generate(10_000, 7);
    let c = kefu_core::pack::compile("gen.toml", text.as_bytes());
    let big = Rc::new(LoadedPack { pack: c.pack.expect("generated pack is valid"), hash: c.hash });
    packs.push(("generated 10k nodes".into(), big));

    println!("| pack | steps | start µs | step µs | replay µs | debrief µs |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (name, pack) in &packs {
        let played = first_choice_play(pack);
        let steps = played.play().answers.len();
        let start = time(21, 20, || {
            black_box(Session::start(pack.clone(), 1, 0).unwrap());
        });
        let replay = time(21, 5, || {
            black_box(Session::replay(pack.clone(), played.play()).unwrap());
        });
        // One step = replaying n steps minus replaying n-1 steps would be noisy; measure the
        // replay per step instead, which is exactly the work of `choose`.
        let step = if steps > 0 { (replay - start).max(0.0) / steps as f64 } else { 0.0 };
        let debrief = time(21, 5, || {
            black_box(Debrief::of(&played));
        });
        println!("| {name} | {steps} | {start:.1} | {step:.2} | {replay:.1} | {debrief:.1} |");
    }
}
