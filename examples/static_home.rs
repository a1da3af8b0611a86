//! Writes the student's static first page (`ui::student::static_home`) into a built site:
//! `cargo run --example static_home -- DIST` rewrites `DIST/index.html` (trunk's student page) and
//! writes the boot script and the app manifest next to it. Run by trunk's post-build hook (scripts/trunk-post-build.sh).
//!
//! An example rather than a binary: it needs Yew's server-side rendering and an async runtime,
//! which the app has only as dev-dependencies (the wasm never carries them).

use std::path::PathBuf;
use std::rc::Rc;

use kefu_core::engine::saves::PROGRESS;
use kefu_core::pack::store::PACKS;
use kefu_core::results::xapi::LRS_SETTINGS_KEY;
use kefu_core::storage::MemoryStore;
use kefu_sim::ui::store::StoreProp;
use kefu_sim::ui::student::pages::home::UNFINISHED_BADGE;
use kefu_sim::ui::student::static_home::{build, BootConfig, BOOT_JS};
use kefu_sim::ui::student::{app::AppProps, App};
use yew::LocalServerRenderer;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let dist: PathBuf = std::env::args_os().nth(1).expect("usage: static_home DIST").into();
    let index = dist.join("index.html");
    let trunk_index =
        std::fs::read_to_string(&index).unwrap_or_else(|e| fail(&format!("{}: {e}", index.display())));
    // A first visit: an empty store, the home route.
    let props = AppProps { store: Some(StoreProp(Rc::new(MemoryStore::new()))), packs: None };
    let app_html = LocalServerRenderer::<App>::with_props(props).hydratable(false).render().await;
    let config =
        BootConfig { app_keys: &[PACKS, LRS_SETTINGS_KEY], progress: PROGRESS, badge: UNFINISHED_BADGE };
    let page = build(&trunk_index, &app_html, &config)
        .unwrap_or_else(|e| fail(&format!("{}: {e}", index.display())));
    std::fs::write(dist.join(&page.boot_file), BOOT_JS).unwrap_or_else(|e| fail(&e.to_string()));
    std::fs::write(dist.join(&page.manifest_file), &page.manifest).unwrap_or_else(|e| fail(&e.to_string()));
    std::fs::write(&index, page.index_html).unwrap_or_else(|e| fail(&e.to_string()));
}

fn fail(message: &str) -> ! {
    eprintln!("static_home: {message}");
    std::process::exit(1);
}
