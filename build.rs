//! Checks every built-in pack (scenarios/*.toml) at build time and writes, in compiled (postcard)
//! form, their summaries (embedded in the app: the home page lists packs without loading them) and
//! the packs themselves (embedded only where something calls `library::builtin()`: native tests,
//! benches, the teacher's verifier). The app a student loads needs no TOML parser, fetches a pack's
//! body only when it is opened (files written by `packcheck --emit`, see Trunk.toml), and never
//! plays a broken pack. A pack with errors is left out with a build warning rather than failing the build (an
//! author mid-edit should not break everyone's build); `make test` fails on it instead, through
//! `packcheck scenarios/` and the library test that every source file is embedded.
//! The pack module is compiled here from the same source files as the library, with the part of
//! the CRM module it names (`crate::crm::{field, man, state, …}`).

#[allow(dead_code, unused_imports)]
#[path = "src/pack/mod.rs"]
mod pack;

/// The CRM vocabulary the pack format uses for its CRM effects and checks (card fields, states,
/// MAN, contact outcomes), from the same sources as the library; not the workspace itself.
#[allow(dead_code, unused_imports)]
mod crm {
    #[path = "../src/crm/contact.rs"]
    pub mod contact;
    #[path = "../src/crm/customer.rs"]
    pub mod customer;
    #[path = "../src/crm/field.rs"]
    pub mod field;
    #[path = "../src/crm/labels.rs"]
    pub mod labels;
    #[path = "../src/crm/man.rs"]
    pub mod man;
    #[path = "../src/crm/order.rs"]
    pub mod order;
    #[path = "../src/crm/phone.rs"]
    pub mod phone;
    #[path = "../src/crm/state.rs"]
    pub mod state;
}

use std::path::Path;

fn main() {
    // KEFU_SCENARIOS_DIR builds the app with another folder of packs (e.g. a school's own set).
    println!("cargo:rerun-if-env-changed=KEFU_SCENARIOS_DIR");
    let dir_name = std::env::var("KEFU_SCENARIOS_DIR").unwrap_or_else(|_| "scenarios".into());
    let dir = Path::new(&dir_name);
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed=src/pack");
    println!("cargo:rerun-if-changed=src/crm");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("scenarios/ exists")
        .map(|e| e.expect("readable scenarios/").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    let mut index = Vec::new();
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let bytes = std::fs::read(&path).expect("readable pack");
        let name = path.display().to_string();
        let compiled = pack::compile(&name, &bytes);
        for d in &compiled.diagnostics {
            println!("cargo:warning={d}");
        }
        if let Some(p) = compiled.pack {
            index.push(pack::PackSummary::of(&p, &compiled.hash));
            out.push((name, compiled.hash, p));
        }
    }
    let out_dir = std::env::var("OUT_DIR").unwrap();
    std::fs::write(Path::new(&out_dir).join("builtin_packs.bin"), postcard::to_allocvec(&out).unwrap())
        .unwrap();
    std::fs::write(Path::new(&out_dir).join("builtin_index.bin"), postcard::to_allocvec(&index).unwrap())
        .unwrap();
}
