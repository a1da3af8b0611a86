//! Class record benchmark (issue 17): a class of 50 students × 20 plays (1 000 results, over the
//! built-in packs). Measures opening it as the teacher app does (read and decode the stored
//! document, replay every result, build the dashboard), the export, and the stored size in UTF-16
//! code units (what local storage counts; budget 2 M). Plain timing loops (median of batches)
//! printed as a markdown table; no timing is asserted anywhere.

use std::hint::black_box;

use kefu_core::results::class_record::{list, save_class, update};
use kefu_core::results::Range;
use kefu_core::storage::MemoryStore;
use kefu_core::testing::{builtin_packs, class_gen, timing};

/// Median time per call in milliseconds over `batches` batches of `per` calls.
fn time(batches: usize, per: usize, f: impl FnMut()) -> f64 {
    timing::median_secs(batches, per, f) * 1e3
}

fn main() {
    let packs = builtin_packs();
    let (students, per) = (50, 20);
    let record = class_gen::record(&packs, students, per);
    let store = MemoryStore::new();
    save_class(&store, &record).expect("fits");
    let units = store.used();
    println!(
        "{students} students × {per} plays = {} results, {units} UTF-16 units stored ({:.2} M; budget 2 M)\n",
        record.entries.len(),
        units as f64 / 1e6
    );
    println!("| operation | ms |");
    println!("|---|---:|");
    let decode = time(7, 1, || {
        black_box(list(&store, 0, &mut vec![]));
    });
    println!("| read + decode the stored class | {decode:.1} |");
    let open = time(7, 1, || {
        let classes = list(&store, 0, &mut vec![]);
        let view = classes[0].open(&packs);
        black_box(view.dashboard(Range::all()));
    });
    println!("| open: decode + replay 1 000 results + dashboard | {open:.1} |");
    let view = record.open(&packs);
    let dash = time(7, 1, || {
        black_box(
            view.dashboard(Range { from: Some(class_gen::T0), to: Some(class_gen::T0 + 7 * class_gen::DAY) }),
        );
    });
    println!("| dashboard over a week (date range) | {dash:.1} |");
    let remove = time(7, 1, || {
        let (_, r) = update(&store, &record.id, 0, |c| c.remove_file(&record.entries[0].file)).unwrap();
        update(&store, &record.id, 0, |c| c.restore(r)).unwrap();
    });
    println!("| remove a file + undo (two stored updates) | {remove:.1} |");
    let export = time(7, 1, || {
        black_box(record.to_export());
    });
    println!("| export the class record as JSON | {export:.1} |");
}
