//! Checks every built-in pack (scenarios/*.toml) at build time with kefu-core's checker (the same
//! one `packcheck` runs) and writes, in compiled (postcard) form, their summaries (embedded in the
//! app: the home page lists packs without loading them) and the packs themselves (embedded only
//! where something calls `library::builtin()`: native tests, the teacher's verifier). The app a
//! student loads needs no TOML parser, fetches a pack's body only when it is opened (files written
//! by `packcheck --emit`, see Trunk.toml), and never plays a broken pack. A pack with errors is left
//! out with a build warning rather than failing the build (an author mid-edit should not break
//! everyone's build); `make test` fails on it instead, through `packcheck scenarios/` and the
//! library test that every source file is embedded.

use std::path::Path;

use kefu_core::pack::{compile_dir, PackSummary};

fn main() {
    // KEFU_SCENARIOS_DIR builds the app with another folder of packs (e.g. a school's own set).
    println!("cargo:rerun-if-env-changed=KEFU_SCENARIOS_DIR");
    let dir_name = std::env::var("KEFU_SCENARIOS_DIR").unwrap_or_else(|_| "scenarios".into());
    let dir = Path::new(&dir_name);
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut out = Vec::new();
    let mut index = Vec::new();
    for (path, compiled) in compile_dir(dir).expect("the scenarios folder is readable") {
        println!("cargo:rerun-if-changed={}", path.display());
        for d in &compiled.diagnostics {
            println!("cargo:warning={d}");
        }
        if let Some(p) = compiled.pack {
            index.push(PackSummary::of(&p, &compiled.hash));
            out.push((path.display().to_string(), compiled.hash, p));
        }
    }
    let out_dir = std::env::var("OUT_DIR").unwrap();
    std::fs::write(Path::new(&out_dir).join("builtin_packs.bin"), postcard::to_allocvec(&out).unwrap())
        .unwrap();
    std::fs::write(Path::new(&out_dir).join("builtin_index.bin"), postcard::to_allocvec(&index).unwrap())
        .unwrap();
}
