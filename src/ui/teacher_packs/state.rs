//! The packs app's one reducer: the built-in packs' summaries, the teacher's stored packs and the
//! report of the last pack file given. It is the only teacher state that runs the checker (TOML
//! parser included), so it lives apart from the results app's state and that app's wasm stays
//! small. Actions carry everything that came from the browser (file bytes, fetched sources), so the
//! reducer is deterministic and tested natively on a memory store.

use std::rc::Rc;

use yew::Reducible;

use kefu_core::engine::LoadedPack;
use kefu_core::pack::store::{self as packs, Installed, StoredPack};
use kefu_core::pack::{compile, Located, PackSummary};
use kefu_core::storage::Store;

/// What became of the last pack file the teacher gave.
// The state holds at most one report, so boxing the larger variant would save nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum PackReport {
    /// The checker found errors: every diagnostic (warnings too), as `packcheck` prints them.
    Broken { file: String, diagnostics: Vec<Located> },
    /// Stored (or already there); `warnings` are the checker's warnings.
    Installed { file: String, outcome: Installed, warnings: Vec<Located> },
    /// Valid, but not stored; the message says why.
    Refused { file: String, message: String },
}

#[derive(Clone)]
pub struct PacksState {
    pub store: Rc<dyn Store>,
    /// The built-in packs' summaries.
    pub catalog: Rc<Vec<PackSummary>>,
    /// The packs this teacher loaded, as stored.
    pub installed: Rc<Vec<StoredPack>>,
    pub report: Option<PackReport>,
    pub notices: Vec<String>,
    rev: u64,
}

impl PartialEq for PacksState {
    fn eq(&self, other: &Self) -> bool {
        self.rev == other.rev
    }
}

pub enum PacksAction {
    /// A pack source arrived (picked, dropped or fetched): check it and, if valid, store it.
    PackSource {
        file: String,
        bytes: Vec<u8>,
    },
    /// A pack source could not be read or fetched.
    PackSourceFailed {
        file: String,
        error: String,
    },
    RemovePack {
        id: String,
    },
    DismissNotice(usize),
}

impl PacksState {
    pub fn new(store: Rc<dyn Store>, catalog: Vec<PackSummary>, now: i64) -> PacksState {
        let mut notices = vec![];
        let installed = packs::list(store.as_ref(), now, &mut notices);
        PacksState {
            store,
            catalog: Rc::new(catalog),
            installed: Rc::new(installed),
            report: None,
            notices: notices.into_iter().map(|n| n.to_string()).collect(),
            rev: 0,
        }
    }

    fn reload_installed(&mut self) {
        let mut notices = vec![];
        self.installed = Rc::new(packs::list(self.store.as_ref(), 0, &mut notices));
        self.notices.extend(notices.into_iter().map(|n| n.to_string()));
    }

    fn pack_source(&mut self, file: String, bytes: &[u8]) {
        let compiled = compile(&file, bytes);
        let Some(pack) = compiled.pack else {
            self.report = Some(PackReport::Broken { file, diagnostics: compiled.diagnostics });
            return;
        };
        let loaded = LoadedPack { pack, hash: compiled.hash };
        self.report = Some(match packs::install(self.store.as_ref(), &loaded, &self.catalog) {
            Ok(outcome) => PackReport::Installed { file, outcome, warnings: compiled.diagnostics },
            Err(refused) => PackReport::Refused { file, message: refused.to_string() },
        });
        self.reload_installed();
    }
}

impl Reducible for PacksState {
    type Action = PacksAction;

    fn reduce(self: Rc<Self>, action: PacksAction) -> Rc<Self> {
        let mut s = (*self).clone();
        s.rev += 1;
        match action {
            PacksAction::PackSource { file, bytes } => s.pack_source(file, &bytes),
            PacksAction::PackSourceFailed { file, error } => {
                s.report = Some(PackReport::Refused { file, message: error });
            }
            PacksAction::RemovePack { id } => {
                if let Err(e) = packs::remove(s.store.as_ref(), &id) {
                    s.notices.push(format!("删除场景包「{id}」失败:{e}"));
                }
                // The last report spoke of the list before this change.
                s.report = None;
                s.reload_installed();
            }
            PacksAction::DismissNotice(i) => {
                if i < s.notices.len() {
                    s.notices.remove(i);
                }
            }
        }
        Rc::new(s)
    }
}
