//! CRM benchmark: 10 000 generated Chinese customers (with the edits, contacts and moves a CRM in
//! use logs). Measures opening the stored workspace (decode + replay), saving it all (encode),
//! filtering the list per keystroke, CSV export and import preview, and the stored size in UTF-16
//! code units (what local storage counts). Plain timing loops (median of batches) printed as a
//! markdown table; no timing is asserted anywhere.

use std::hint::black_box;
use std::rc::Rc;
use std::time::Instant;

use kefu_core::crm::{export_csv, preview_csv, CrmStore, Query, SearchIndex, State, StateSet};
use kefu_core::storage::{MemoryStore, Store};

use kefu_core::testing::timing;

use kefu_core::testing::crm_gen;

/// Median time per call in milliseconds over `batches` batches of `per` calls.
fn time(batches: usize, per: usize, f: impl FnMut()) -> f64 {
    timing::median_secs(batches, per, f) * 1e3
}

fn main() {
    let n = 10_000;
    let ws = crm_gen::workspace(n, 2024);
    let store = Rc::new(MemoryStore::new());
    let dyn_store: Rc<dyn Store> = store.clone();
    let (mut repo, _, _) = CrmStore::open(dyn_store.clone(), 0);
    repo.save(&ws).expect("fits");
    // `KEFU_CRM_DUMP=FILE`: only write the stored keys as a JSON object, for the same workspace
    // to be measured in the browser (tests/e2e/crm-bench.mjs, run by scripts/bench-browser.sh).
    if let Ok(path) = std::env::var("KEFU_CRM_DUMP") {
        let stored: serde_json::Map<String, serde_json::Value> = store
            .keys("kefu-sim/crm/")
            .unwrap()
            .into_iter()
            .map(|k| {
                let v = store.get(&k).unwrap().unwrap();
                (k, v.into())
            })
            .collect();
        std::fs::write(&path, serde_json::to_string(&stored).unwrap()).expect("write the dump");
        eprintln!("wrote {} keys to {path}", stored.len());
        return;
    }
    let units = store.used();
    let keys = store.keys("kefu-sim/crm/").unwrap().len();

    println!(
        "{n} customers, {} log entries, {keys} keys, {units} UTF-16 units stored ({:.2} M; budget 2.5 M)\n",
        ws.log().len(),
        units as f64 / 1e6
    );
    println!("| operation | ms |");
    println!("|---|---:|");
    let open = time(7, 1, || {
        black_box(CrmStore::open(dyn_store.clone(), 0));
    });
    println!("| open: decode + replay all chunks | {open:.1} |");
    let encode = time(7, 1, || {
        let s: Rc<dyn Store> = Rc::new(MemoryStore::new());
        let (mut r, _, _) = CrmStore::open(s, 0);
        r.save(&ws).unwrap();
    });
    println!("| save everything: encode all chunks | {encode:.1} |");
    let mut edited = ws.clone();
    let id = edited.customers()[17].id;
    let mut flip = false;
    let one_edit = time(21, 1, || {
        flip = !flip;
        let needs = if flip { "一" } else { "二" };
        edited.set_field(id, kefu_core::crm::Field::Needs, needs, 1, "").unwrap();
        repo.save(&edited).unwrap();
    });
    println!("| one edit + save (last chunk only) | {one_edit:.2} |");

    let build = time(7, 1, || {
        let mut i = SearchIndex::new();
        black_box(i.run(&ws, &Query::default()));
    });
    println!("| build search index + list all (once per change of the data) | {build:.1} |");
    let mut index = SearchIndex::new();
    index.sync(&ws);
    // One keystroke: the query before it has just run (so narrowing applies when it can), then
    // the new query is timed on its own.
    let mut keystroke = |before: &Query, after: &Query| {
        let mut v: Vec<f64> = (0..21)
            .map(|_| {
                index.run(&ws, before);
                let t = Instant::now();
                black_box(index.run(&ws, after));
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        v.sort_by(|a, b| a.total_cmp(b));
        (v[v.len() / 2], index.run(&ws, after).len())
    };
    let q = |text: &str| Query { text: text.into(), ..Query::default() };
    let typed = ["", "王", "王芳", "王芳 读"];
    for w in typed.windows(2) {
        let (ms, hits) = keystroke(&q(w[0]), &q(w[1]));
        println!("| keystroke 「{}」→「{}」 ({hits} hits, narrowing) | {ms:.2} |", w[0], w[1]);
    }
    let other = Query { states: StateSet::of(&[State::Lost]), ..Query::default() };
    let (ms, hits) = keystroke(&other, &q("138-0"));
    println!("| 「138-0」 phone query, full scan ({hits} hits) | {ms:.2} |");
    let (ms, hits) = keystroke(&q("王芳"), &q(""));
    println!("| clear the box: all {hits} cards, full scan | {ms:.2} |");
    let by_name = Query { sort: kefu_core::crm::SortKey::Name, ..Query::default() };
    let (ms, hits) = keystroke(&other, &by_name);
    println!("| all {hits} cards sorted by name | {ms:.2} |");
    let filtered = Query {
        text: "阅读".into(),
        states: StateSet::of(&[State::Loyal, State::Actual]),
        sort: kefu_core::crm::SortKey::Revenue,
        descending: true,
        ..Query::default()
    };
    let (ms, hits) = keystroke(&other, &filtered);
    println!("| 「阅读」 + 现实/忠诚 filter + revenue sort, full scan ({hits} hits) | {ms:.2} |");

    let csv = export_csv(ws.customers());
    let export = time(5, 1, || {
        black_box(export_csv(ws.customers()));
    });
    println!("| CSV export ({} KB) | {export:.1} |", csv.len() / 1024);
    let empty = kefu_core::crm::Workspace::new();
    let import = time(5, 1, || {
        black_box(preview_csv(&empty, csv.as_bytes()));
    });
    println!("| CSV import preview | {import:.1} |");
}
