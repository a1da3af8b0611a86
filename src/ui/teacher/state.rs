//! The teacher (results) app's one reducer: the import with every row's verdict and the class
//! dashboard of the counted ones, verified against the fetched built-in packs and the teacher's
//! stored packs. Loading packs (the checker) is the packs app's (`ui::teacher_packs::state`), so the TOML
//! parser stays out of this app's wasm. Actions carry everything that came from the browser (file
//! bytes, fetched packs), so the reducer is deterministic and tested natively on a memory store.

use std::rc::Rc;

use yew::Reducible;

use kefu_core::engine::LoadedPack;
use kefu_core::pack::store::{self as packs, StoredPack};
use kefu_core::pack::PackSummary;
use kefu_core::results::{Dashboard, Import};
use kefu_core::storage::Store;

#[derive(Clone)]
pub struct TeacherState {
    pub store: Rc<dyn Store>,
    /// The built-in packs' summaries.
    pub catalog: Rc<Vec<PackSummary>>,
    /// The packs this teacher loaded, as stored (read once: the packs page is another app).
    pub installed: Rc<Vec<StoredPack>>,
    /// Built-in pack bodies fetched so far (to verify results).
    pub fetched: Rc<Vec<Rc<LoadedPack>>>,
    /// Every result file imported so far, in order (name, bytes).
    files: Rc<Vec<(String, Vec<u8>)>>,
    /// Their rows, verified against the packs at hand.
    pub import: Rc<Import>,
    pub dashboard: Rc<Dashboard>,
    /// Files are being read or packs fetched.
    pub busy: bool,
    pub notices: Vec<String>,
    rev: u64,
}

impl PartialEq for TeacherState {
    fn eq(&self, other: &Self) -> bool {
        self.rev == other.rev
    }
}

pub enum Action {
    /// Result files are being read (and their packs fetched).
    Busy,
    /// Result files arrived, with the built-in packs they need that were fetched for them and the
    /// errors of those that could not be.
    ImportResults {
        files: Vec<(String, Vec<u8>)>,
        fetched: Vec<Rc<LoadedPack>>,
        errors: Vec<String>,
    },
    ClearResults,
    /// Something the teacher must be told (a download that failed…).
    Notice(String),
    DismissNotice(usize),
}

impl TeacherState {
    pub fn new(store: Rc<dyn Store>, catalog: Vec<PackSummary>, now: i64) -> TeacherState {
        let mut notices = vec![];
        let installed = packs::list(store.as_ref(), now, &mut notices);
        TeacherState {
            store,
            catalog: Rc::new(catalog),
            installed: Rc::new(installed),
            fetched: Rc::default(),
            files: Rc::default(),
            import: Rc::default(),
            dashboard: Rc::new(Dashboard::of_import(&Import::new())),
            busy: false,
            notices: notices.into_iter().map(|n| n.to_string()).collect(),
            rev: 0,
        }
    }

    /// Every pack results can be verified against now: the fetched built-in ones and the
    /// teacher's stored ones (decoded; a damaged one is reported).
    fn verification_packs(&mut self) -> Vec<Rc<LoadedPack>> {
        let mut out: Vec<Rc<LoadedPack>> = self.fetched.iter().cloned().collect();
        for p in self.installed.iter() {
            match p.decode() {
                Ok(l) => out.push(Rc::new(l)),
                Err(e) => self.notices.push(format!("场景包「{}」无法使用:{e}", p.summary.title)),
            }
        }
        out
    }
}

impl Reducible for TeacherState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.rev += 1;
        match action {
            Action::Busy => s.busy = true,
            Action::ImportResults { files, fetched, errors } => {
                s.busy = false;
                s.notices.extend(errors);
                if !fetched.is_empty() {
                    let mut all = (*s.fetched).clone();
                    all.extend(fetched);
                    s.fetched = Rc::new(all);
                }
                // Every file is verified again (replays take milliseconds): the packs at hand may
                // have changed since the last batch, and the import need not be cloned.
                let mut all = (*s.files).clone();
                all.extend(files);
                let packs = s.verification_packs();
                let import =
                    kefu_core::results::import(&packs, all.iter().map(|(n, b)| (n.as_str(), b.as_slice())));
                s.files = Rc::new(all);
                s.dashboard = Rc::new(Dashboard::of_import(&import));
                s.import = Rc::new(import);
            }
            Action::ClearResults => {
                s.files = Rc::default();
                s.import = Rc::default();
                s.dashboard = Rc::new(Dashboard::of_import(&s.import));
            }
            Action::Notice(n) => s.notices.push(n),
            Action::DismissNotice(i) => {
                if i < s.notices.len() {
                    s.notices.remove(i);
                }
            }
        }
        Rc::new(s)
    }
}
