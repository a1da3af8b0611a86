//! `make fuzz`: mutation fuzzing on stable Rust. Seeds are real inputs — the built-in packs'
//! sources and compiled files, exported result files, CRM CSV and JSON exports, stored documents
//! (history entries, progress, CRM log chunks, the xAPI queue, SCORM suspend data), condition and
//! template strings — and each input is a seed mutated by byte flips, splices, truncations and
//! TOML/JSON token edits. Every input goes through what the app does with such bytes (parse,
//! check, a random engine play of what compiles, import, decode, verify) under `catch_unwind`,
//! with a time bound per input. Prints the counts per target; the last line is
//! `fuzz: N inputs, P panics, H hangs`. Exit status 1 when anything panicked or hung; each such
//! input is written to `target/fuzz-crashes/` to become a committed regression input.
//!
//! `FUZZ_CASES=N` (default 1 000 000) inputs in total, shared among the targets; `FUZZ_SEED=S`
//! changes the mutations; `FUZZ_MS=T` is the per-input bound (default 2000 ms).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;
use std::time::{Duration, Instant};

use kefu_core::crm::persist::LogChunk;
use kefu_core::crm::{export_csv, export_json, preview_csv, preview_json, Workspace};
use kefu_core::engine::saves::{HistoryEntry, Progress};
use kefu_core::engine::{Current, LoadedPack, Session};
use kefu_core::pack::store::StoredPack;
use kefu_core::pack::summary::{decode_file, encode_file};
use kefu_core::pack::{compile, PackSummary};
use kefu_core::results::xapi::Queue;
use kefu_core::results::{import, parse};
use kefu_core::storage::versioned::{decode, encode};
use kefu_core::testing::{self, crm_gen, plays};

/// SplitMix64: the fuzzer's own deterministic source.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Tokens that mean something to the TOML, JSON, CSV and condition readers.
const TOKENS: &[&str] = &[
    "[",
    "]",
    "{",
    "}",
    "\"",
    "'",
    "=",
    ",",
    "\n",
    "[[",
    "]]",
    ".",
    "#",
    "\\",
    "\\u",
    "\"\"\"",
    "'''",
    "true",
    "false",
    "0",
    "-1",
    "9223372036854775807",
    "-9223372036854775808",
    "1e309",
    "null",
    ":",
    "one_of",
    "range",
    "init",
    "goto",
    "start",
    "node",
    "activity",
    "kind",
    "when",
    "score",
    "{need}",
    "&&",
    "||",
    "!",
    "==",
    "!=",
    "<",
    ">=",
    "(",
    ")",
    "schema",
    "data",
    "\u{feff}",
    "\r\n",
    "\u{0}",
    "苹果",
    "\u{10ffff}",
    "\u{202e}",
    "=cmd|",
    "+",
    "@",
];

fn mutate(seed: &[u8], donor: &[u8], r: &mut Rng) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..1 + r.below(4) {
        let at = r.below(v.len() + 1);
        match r.below(8) {
            0 if !v.is_empty() => {
                let i = r.below(v.len());
                v[i] ^= 1 << r.below(8);
            }
            1 if !v.is_empty() => {
                let i = r.below(v.len());
                v[i] = r.next() as u8;
            }
            2 => {
                let end = (at + r.below(64)).min(v.len());
                v.drain(at..end);
            }
            3 => {
                // Splice a piece of another seed in.
                if !donor.is_empty() {
                    let s = r.below(donor.len());
                    let e = (s + r.below(256)).min(donor.len());
                    v.splice(at..at, donor[s..e].iter().copied());
                }
            }
            4 => v.truncate(at),
            5 => {
                // Duplicate a piece (repeats, deep nesting).
                let end = (at + r.below(128)).min(v.len());
                let piece = v[at..end].to_vec();
                for _ in 0..1 + r.below(8) {
                    v.splice(at..at, piece.iter().copied());
                }
            }
            _ => {
                let t = TOKENS[r.below(TOKENS.len())].as_bytes();
                if r.below(2) == 0 || v.is_empty() {
                    v.splice(at..at, t.iter().copied());
                } else {
                    let end = (at + t.len()).min(v.len());
                    v.splice(at..end, t.iter().copied());
                }
            }
        }
    }
    v
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A random play of `pack`: random choices, exercise answers right or wrong; errors end it.
fn play_randomly(pack: &Rc<LoadedPack>, seed: u64) {
    let Ok(mut s) = Session::start(pack.clone(), seed, 0) else { return };
    let mut picker = plays::Picker(seed);
    for step in 0..300 {
        let ok = match s.current() {
            Current::Choose { choices, .. } if !choices.is_empty() => {
                let id = choices[picker.below(choices.len())].id.clone();
                s.choose(&id, step).is_ok()
            }
            Current::Exercise { .. } => {
                match kefu_core::engine::answer_key::answer_in(&s, kefu_core::engine::answer_key::Aim::Best) {
                    Some(input) => s.submit(input, step).is_ok(),
                    None => false,
                }
            }
            _ => false,
        };
        if !ok {
            break;
        }
    }
    let _ = kefu_core::engine::Debrief::of(&s);
}

/// What a target does with one input and a random number; `true` when the input was accepted.
type Run = Box<dyn Fn(&[u8], u64) -> bool>;

struct Target {
    name: &'static str,
    seeds: Vec<Vec<u8>>,
    /// Returns whether the input was accepted (parsed, decoded…): how deep the input went.
    run: Run,
    inputs: u64,
    accepted: u64,
    panics: u64,
    hangs: u64,
    slowest: Duration,
}

fn main() {
    let cases: u64 = std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let seed: u64 = std::env::var("FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(1);
    let bound =
        Duration::from_millis(std::env::var("FUZZ_MS").ok().and_then(|v| v.parse().ok()).unwrap_or(2000));
    std::panic::set_hook(Box::new(|_| {})); // counted, not printed

    let builtin: Vec<(String, Rc<LoadedPack>)> = testing::builtin();
    let packs: Rc<Vec<Rc<LoadedPack>>> = Rc::new(builtin.iter().map(|(_, p)| p.clone()).collect());
    let sources: Vec<Vec<u8>> = builtin
        .iter()
        .map(|(name, _)| std::fs::read(testing::scenarios_dir().join(name)).expect("scenarios/ is readable"))
        .chain([testing::SAMPLE.as_bytes().to_vec()])
        .collect();
    let compiled: Vec<Vec<u8>> = packs.iter().map(|p| encode_file(&p.pack, &p.hash)).collect();
    let share_links: Vec<Vec<u8>> =
        packs.iter().map(|p| kefu_core::pack::share::payload(&StoredPack::of(p))).collect();
    let finished: Vec<Session> =
        packs.iter().enumerate().map(|(i, p)| plays::finished(p, 11 + i as u64, 1)).collect();
    let result_files: Vec<Vec<u8>> = finished
        .iter()
        .enumerate()
        .map(|(i, s)| plays::file_of(&plays::student(i as u32 + 1), &[s]).into_bytes())
        .chain([plays::file_of(&plays::student(9), &finished.iter().collect::<Vec<_>>()).into_bytes()])
        .collect();
    let cards = crm_gen::cards(30, 7);
    let crm_files = vec![export_csv(&cards).into_bytes(), export_json(&cards).into_bytes()];
    let ws = crm_gen::workspace(40, 3);
    let mut stored: Vec<Vec<u8>> = vec![
        encode(&LogChunk(ws.log().to_vec())).into_bytes(),
        encode(&Progress { play: finished[0].play().clone() }).into_bytes(),
    ];
    for s in &finished {
        let mut q = Queue::default();
        q.enqueue(&[serde_json::json!({"id": "a", "verb": {"id": "x"}})]);
        stored.push(encode(&q).into_bytes());
        if let Ok(t) = kefu_core::results::scorm::suspend::encode(s.loaded(), s.play()) {
            stored.push(t.into_bytes());
        }
    }
    let conditions: Vec<Vec<u8>> = [
        "need == 'sour' && !asked",
        "(patience >= 2 || bought) && need != \"x\"",
        "a < 3 && b > -4 || !(c == true)",
        "你好 {need} 的 {patience} {need:raw}",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();

    let summaries: Rc<Vec<PackSummary>> =
        Rc::new(packs.iter().map(|p| PackSummary::of(&p.pack, &p.hash)).collect());
    let mut targets = vec![
        Target {
            name: "pack-source",
            seeds: sources,
            run: Box::new(|b, s| {
                let c = compile("fuzz.toml", b);
                let Some(pack) = c.pack else { return false };
                play_randomly(&Rc::new(LoadedPack { pack, hash: c.hash }), s);
                true
            }),
            ..blank()
        },
        Target {
            name: "compiled-pack",
            seeds: compiled,
            run: {
                let summaries = summaries.clone();
                Box::new(move |b, s| {
                    let summary = &summaries[s as usize % summaries.len()];
                    let mut ok = false;
                    if let Ok(pack) = decode_file(b, summary) {
                        play_randomly(&Rc::new(LoadedPack { pack, hash: summary.hash.clone() }), s);
                        ok = true;
                    }
                    // The postcard bytes without the summary check: what the engine must survive.
                    if let Ok((_, pack)) = postcard::from_bytes::<(String, kefu_core::pack::Pack)>(b) {
                        if kefu_core::pack::validate(&pack).is_ok() {
                            play_randomly(&Rc::new(LoadedPack { pack, hash: String::new() }), s);
                            ok = true;
                        }
                    }
                    ok
                })
            },
            ..blank()
        },
        Target {
            name: "share-link",
            seeds: share_links,
            run: Box::new(|b, s| match kefu_core::pack::share::decode(b) {
                Ok(loaded) => {
                    play_randomly(&Rc::new(loaded), s);
                    true
                }
                Err(_) => false,
            }),
            ..blank()
        },
        Target {
            name: "result-file",
            seeds: result_files,
            run: {
                let packs = packs.clone();
                Box::new(move |b, _| {
                    let ok = parse(b).is_ok();
                    let imp = import(&packs, [("f.json", b)]);
                    let _ = imp.summary();
                    let _ = kefu_core::results::results_csv(&imp);
                    ok
                })
            },
            ..blank()
        },
        Target {
            name: "crm-import",
            seeds: crm_files,
            run: Box::new(|b, s| {
                let ws = Workspace::new();
                let p = if s % 2 == 0 { preview_csv(&ws, b) } else { preview_json(&ws, &text(b)) };
                let ok = !p.rows.is_empty();
                let mut ws = ws;
                let _ = p.accept(&mut ws, 1, "fuzz");
                ok
            }),
            ..blank()
        },
        Target {
            name: "stored-document",
            seeds: stored,
            run: {
                let packs = packs.clone();
                Box::new(move |b, _| {
                    let t = text(b);
                    let mut ok = decode::<LogChunk>(&t).is_ok();
                    ok |= decode::<Progress>(&t).is_ok();
                    ok |= decode::<HistoryEntry>(&t).is_ok();
                    if let Ok(q) = decode::<Queue>(&t) {
                        let _ = q.next_batch(0, 50, 1 << 20);
                        ok = true;
                    }
                    for p in packs.iter() {
                        if let Ok(play) = kefu_core::results::scorm::suspend::decode(p, &t) {
                            let _ = Session::replay(p.clone(), &play);
                            ok = true;
                        }
                    }
                    ok
                })
            },
            ..blank()
        },
        Target {
            name: "condition-template",
            seeds: conditions,
            run: Box::new(|b, _| {
                let t = text(b);
                let ok = kefu_core::pack::expr::parse(&t).is_ok();
                let _ = kefu_core::pack::template::expand(&t, |name, _| Some(name.repeat(2)));
                let _ = kefu_core::pack::template::refs(&t);
                ok
            }),
            ..blank()
        },
    ];

    let crash_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/fuzz-crashes");
    let mut r = Rng(seed);
    let n = targets.len() as u64;
    let started = Instant::now();
    for i in 0..cases {
        let t = &mut targets[(i % n) as usize];
        let a = r.below(t.seeds.len());
        let d = r.below(t.seeds.len());
        let input = mutate(&t.seeds[a], &t.seeds[d], &mut r);
        let s = r.next();
        let begin = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| (t.run)(&input, s)));
        let took = begin.elapsed();
        let ok = result.is_ok();
        t.inputs += 1;
        t.accepted += u64::from(result.unwrap_or(false));
        t.slowest = t.slowest.max(took);
        let bad = if !ok {
            t.panics += 1;
            Some("panic")
        } else if took > bound {
            t.hangs += 1;
            Some("hang")
        } else {
            None
        };
        if let Some(kind) = bad {
            let _ = std::fs::create_dir_all(&crash_dir);
            let file = crash_dir.join(format!("{}-{kind}-{i}.bin", t.name));
            let _ = std::fs::write(&file, &input);
            eprintln!("{}: {kind} on input {i} ({} bytes), saved to {}", t.name, input.len(), file.display());
        }
    }
    let (mut total, mut panics, mut hangs) = (0, 0, 0);
    for t in &targets {
        println!(
            "{:<20} {:>9} inputs ({:>9} accepted) {:>4} panics {:>4} hangs  slowest {:>6.1} ms",
            t.name,
            t.inputs,
            t.accepted,
            t.panics,
            t.hangs,
            t.slowest.as_secs_f64() * 1000.0
        );
        total += t.inputs;
        panics += t.panics;
        hangs += t.hangs;
    }
    eprintln!("({:.1} s)", started.elapsed().as_secs_f64());
    println!("fuzz: {total} inputs, {panics} panics, {hangs} hangs");
    if panics + hangs > 0 {
        std::process::exit(1);
    }
}

fn blank() -> Target {
    Target {
        name: "",
        seeds: vec![],
        run: Box::new(|_, _| false),
        inputs: 0,
        accepted: 0,
        panics: 0,
        hangs: 0,
        slowest: Duration::ZERO,
    }
}
