//! The app's one reducer: which pack is being played, the feedback being shown, and the storage
//! notices the user must see. Actions carry the time and any new seed, so the reducer itself is
//! deterministic and is tested natively with an in-memory store.

use std::rc::Rc;

use yew::Reducible;

use kefu_core::engine::{Chosen, Debrief, GradedExercise, Input, LoadedPack, Play, Session};
use kefu_core::engine::{DimSummary, HistoryEntry, Saves};
use kefu_core::pack::PackSummary;
use kefu_core::storage::Notice;

/// What the play page shows.
// The app holds exactly one `Screen`, so boxing the large `Playing` variant would save nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone)]
pub enum Screen {
    /// No play open.
    Idle,
    /// The pack the student opened is being fetched.
    Loading { id: String, title: String },
    /// The pack has an unfinished play: resume it or start over?
    AskResume { pack: Rc<LoadedPack>, play: Play },
    /// A play in progress (or just finished, showing its debrief). `feedback` is the last step's
    /// feedback while it is on screen. The session is shared (`Rc`): every action copies the state,
    /// and only a step changes the session, so the other actions (continue, notices…) no longer
    /// copy the whole transcript; the transcript's lines are rendered from it by index.
    Playing { session: Rc<Session>, feedback: Option<Feedback> },
    /// The stored play cannot be resumed; the message says why.
    Broken { pack: Rc<LoadedPack>, message: String },
}

/// The feedback on the step just taken.
#[derive(Clone, PartialEq)]
pub enum Feedback {
    Choice(Chosen),
    Exercise(GradedExercise),
}

#[derive(Clone)]
pub struct AppState {
    /// Every pack the student can open (the built-in index, then the teacher's), loaded or not.
    pub catalog: Rc<Vec<PackSummary>>,
    /// The ids of the packs a teacher loaded (`pack::store`), listed apart on the home page.
    pub local: Rc<Vec<String>>,
    /// The packs loaded so far (fetched when first opened).
    pub packs: Rc<Vec<Rc<LoadedPack>>>,
    pub saves: Rc<Saves>,
    pub screen: Screen,
    pub notices: Vec<String>,
    /// Bumped whenever the history changes, so pages reading it refresh.
    pub history_rev: u32,
    /// The last part of the history key of the play finished last (its debrief's export link).
    pub finished_key: Option<String>,
    /// Bumped by every action: contexts compare states by it (sessions are large to compare).
    rev: u64,
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        self.rev == other.rev
    }
}

pub enum Action {
    /// A pack's body is being fetched (the play page shows that it is on its way).
    Loading {
        id: String,
    },
    /// A pack's body arrived.
    Loaded {
        pack: Rc<LoadedPack>,
    },
    /// A pack's body could not be fetched; `error` says why.
    LoadFailed {
        id: String,
        error: String,
    },
    /// The student picked a pack on the home page (its body is loaded).
    Open {
        pack_id: String,
        seed: u64,
        now: i64,
    },
    Resume {
        now: i64,
    },
    /// Start the open pack over with a new seed (the old progress is set aside, not lost).
    Restart {
        seed: u64,
        now: i64,
    },
    Choose {
        choice: String,
        now: i64,
    },
    /// Submit the answer to the current exercise.
    Submit {
        input: Input,
        now: i64,
    },
    Continue,
    /// Play the same pack again, with the same or a new seed.
    Again {
        seed: u64,
        now: i64,
    },
    Close,
    DismissNotice(usize),
    /// Single-pack (SCORM) launch: start `pack_id` directly, or continue the play the LMS kept in
    /// `cmi.suspend_data` (`suspend`), without asking: the LMS, not local storage, owns the attempt.
    Launch {
        pack_id: String,
        suspend: Option<String>,
        seed: u64,
        now: i64,
    },
    /// A message the student must read (an export that failed, the LMS or LRS connection…).
    Notify(String),
    /// A pack arrived by a share link and was stored (`pages::install`): listed with the
    /// teacher's packs, replacing an older version of it.
    Installed {
        summary: PackSummary,
        pack: Rc<LoadedPack>,
    },
}

impl AppState {
    /// A state listing `catalog`, with `preloaded` packs already in memory.
    pub fn new(catalog: Vec<PackSummary>, preloaded: Vec<Rc<LoadedPack>>, saves: Rc<Saves>) -> Self {
        AppState {
            catalog: Rc::new(catalog),
            local: Rc::default(),
            packs: Rc::new(preloaded),
            saves,
            screen: Screen::Idle,
            notices: vec![],
            history_rev: 0,
            finished_key: None,
            rev: 0,
        }
    }

    /// A state whose catalog is exactly `packs`, all loaded (tests, single-pack builds).
    pub fn with_packs(packs: Vec<Rc<LoadedPack>>, saves: Rc<Saves>) -> Self {
        let catalog = packs.iter().map(|p| PackSummary::of(&p.pack, &p.hash)).collect();
        AppState::new(catalog, packs, saves)
    }

    /// Adds the packs a teacher loaded (already decoded: `pack::store::playable`) after the
    /// catalog, and the notices that reading them gave.
    pub fn with_local(mut self, local: Vec<(PackSummary, Rc<LoadedPack>)>, notices: Vec<String>) -> Self {
        for (summary, pack) in local {
            self.add_local(summary, pack);
        }
        self.notices.extend(notices);
        self
    }

    /// Lists `pack` with the teacher's packs, in place of any version of it listed before.
    fn add_local(&mut self, summary: PackSummary, pack: Rc<LoadedPack>) {
        let id = summary.id.clone();
        let mut catalog: Vec<PackSummary> = self.catalog.iter().filter(|p| p.id != id).cloned().collect();
        let mut packs: Vec<Rc<LoadedPack>> =
            self.packs.iter().filter(|p| p.pack.meta.id != id).cloned().collect();
        catalog.push(summary);
        packs.push(pack);
        self.catalog = Rc::new(catalog);
        self.packs = Rc::new(packs);
        if !self.local.contains(&id) {
            let mut local = (*self.local).clone();
            local.push(id);
            self.local = Rc::new(local);
        }
    }

    /// A copy of this state saving to `store` instead (`warm_up` rehearses a step on it).
    pub fn with_store(&self, store: Rc<dyn kefu_core::storage::Store>) -> AppState {
        AppState { saves: Rc::new(Saves::new(store)), ..self.clone() }
    }

    /// The loaded pack `id`, if it is loaded.
    pub fn pack(&self, id: &str) -> Option<Rc<LoadedPack>> {
        self.packs.iter().find(|p| p.pack.meta.id == id).cloned()
    }

    /// The catalog entry of pack `id`.
    pub fn summary(&self, id: &str) -> Option<&PackSummary> {
        self.catalog.iter().find(|p| p.id == id)
    }

    fn note(&mut self, n: Notice) {
        self.notices.push(n.to_string());
    }

    fn start(&mut self, pack: Rc<LoadedPack>, seed: u64, now: i64) {
        self.screen = match Session::start(pack.clone(), seed, now) {
            Ok(session) => Screen::Playing { session: Rc::new(session), feedback: None },
            Err(e) => Screen::Broken { pack, message: e.to_string() },
        };
    }

    fn open(&mut self, pack_id: &str, seed: u64, now: i64) {
        let Some(pack) = self.pack(pack_id) else {
            self.notices.push(format!("没有找到场景包「{pack_id}」"));
            return;
        };
        let mut notices = vec![];
        let stored = self.saves.progress(pack_id, now, &mut notices);
        notices.into_iter().for_each(|n| self.note(n));
        match stored {
            // Made on other text of this pack (it was updated since): say so at once instead of
            // offering a resume that cannot work. Starting over sets the old play aside.
            Some(play) if play.pack != pack.pack_ref() => {
                let message =
                    kefu_core::engine::EngineError::PackMismatch { play: play.pack, pack: pack.pack_ref() };
                self.screen = Screen::Broken { pack, message: message.to_string() };
            }
            Some(play) => self.screen = Screen::AskResume { pack, play },
            None => self.start(pack, seed, now),
        }
    }

    /// Takes one step (a choice or an exercise answer), shows its feedback and saves the play.
    fn step(&mut self, take: impl FnOnce(&mut Session) -> Result<Feedback, kefu_core::engine::EngineError>) {
        let Screen::Playing { session, feedback } = &mut self.screen else { return };
        // The state being reduced still holds the session, so this copies it once (the step must
        // not change the state on screen until the new one replaces it).
        match take(Rc::make_mut(session)) {
            Ok(f) => *feedback = Some(f),
            Err(e) => {
                let msg = e.to_string();
                self.notices.push(msg);
                return;
            }
        }
        let now = session.play().answers.last().map_or(0, |a| a.at);
        let session = Rc::clone(session);
        // Drafts exist only for exercises; a dialogue choice has none to drop (clearing them lists
        // every stored key, work that grows with the history, on every step).
        if matches!(feedback, Some(Feedback::Exercise(_))) {
            self.saves.clear_drafts(&session.loaded().pack.meta.id);
        }
        if session.is_finished() {
            // The play's cards go to the student's own CRM now that the play cannot change (queued;
            // the CRM applies them when it opens, see crm/record.rs).
            let play = session.play();
            let record = kefu_core::crm::PlayRecord {
                id: format!("{}/{}/{}", play.pack.id, play.seed, play.started),
                reason: format!("角色扮演「{}」", session.loaded().pack.meta.title),
                at: now,
                effects: session.crm().applied.iter().map(|(_, e)| e.clone()).collect(),
            };
            if let Err(e) = kefu_core::crm::queue_play(self.saves.store().as_ref(), &record) {
                self.notices.push(format!("这次练习的客户资料没有记入客户管理:{e}"));
            }
            match self.saves.finish(&history_entry(&session, now)) {
                Ok(key) => {
                    self.history_rev += 1;
                    self.finished_key =
                        key.strip_prefix(kefu_core::engine::saves::HISTORY).map(str::to_string);
                }
                Err(n) => {
                    self.finished_key = None;
                    // The history could not be written: keep the progress so the play is not lost.
                    self.note(n);
                    if let Err(n) = self.saves.save_progress(session.play()) {
                        self.note(n);
                    }
                }
            }
        } else if let Err(n) = self.saves.save_progress(session.play()) {
            self.note(n);
        }
    }
}

/// The play kept in SCORM resume data. Only the SCORM page (cargo feature `scorm`) launches SCORM
/// attempts, so the student app's wasm leaves the decoder out; native builds keep it for the tests.
#[cfg(any(feature = "scorm", not(target_arch = "wasm32")))]
fn resume(pack: &LoadedPack, data: &str) -> Result<Play, String> {
    kefu_core::results::scorm::decode(pack, data).map_err(|e| e.to_string())
}

/// The history record of a finished session.
pub fn history_entry(session: &Session, now: i64) -> HistoryEntry {
    let d = Debrief::of(session);
    HistoryEntry {
        play: session.play().clone(),
        title: session.loaded().pack.meta.title.clone(),
        finished: now,
        dims: d
            .dims
            .iter()
            .map(|x| DimSummary { id: x.id.clone(), name: x.name.clone(), score: x.score, max: x.max })
            .collect(),
        percent: d.percent,
        grade: d.grade.map(|g| g.label).unwrap_or_default(),
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.rev += 1;
        match action {
            Action::Loading { id } => {
                let title = s.summary(&id).map_or_else(|| id.clone(), |p| p.title.clone());
                s.screen = Screen::Loading { id, title };
            }
            Action::Loaded { pack } => {
                if s.pack(&pack.pack.meta.id).is_none() {
                    let mut packs = (*s.packs).clone();
                    packs.push(pack);
                    s.packs = Rc::new(packs);
                }
            }
            Action::LoadFailed { id, error } => {
                let title = s.summary(&id).map_or_else(|| id.clone(), |p| p.title.clone());
                s.notices.push(format!("场景「{title}」加载失败:{error}。请检查网络后再试一次。"));
                if matches!(&s.screen, Screen::Loading { id: loading, .. } if *loading == id) {
                    s.screen = Screen::Idle;
                }
            }
            Action::Open { pack_id, seed, now } => s.open(&pack_id, seed, now),
            Action::Resume { now } => {
                if let Screen::AskResume { pack, play } = s.screen.clone() {
                    s.screen = match Session::replay(pack.clone(), &play) {
                        Ok(session) => Screen::Playing { session: Rc::new(session), feedback: None },
                        Err(e) => Screen::Broken { pack, message: e.to_string() },
                    };
                    let _ = now;
                }
            }
            Action::Restart { seed, now } => {
                let pack = match &s.screen {
                    Screen::AskResume { pack, .. } | Screen::Broken { pack, .. } => Some(pack.clone()),
                    Screen::Playing { session, .. } => Some(session.loaded().clone()),
                    Screen::Idle | Screen::Loading { .. } => None,
                };
                if let Some(pack) = pack {
                    match s.saves.set_aside_progress(&pack.pack.meta.id, now) {
                        Ok(_) => {
                            s.saves.clear_drafts(&pack.pack.meta.id);
                            s.start(pack, seed, now)
                        }
                        Err(n) => s.note(n),
                    }
                }
            }
            Action::Choose { choice, now } => {
                s.step(|session| session.choose(&choice, now).map(|c| Feedback::Choice(c.clone())))
            }
            Action::Submit { input, now } => {
                s.step(|session| session.submit(input, now).map(|g| Feedback::Exercise(g.clone())))
            }
            Action::Continue => {
                if let Screen::Playing { feedback, .. } = &mut s.screen {
                    *feedback = None;
                }
            }
            Action::Again { seed, now } => {
                if let Screen::Playing { session, .. } = &s.screen {
                    let pack = session.loaded().clone();
                    s.start(pack, seed, now);
                }
            }
            Action::Close => s.screen = Screen::Idle,
            // Only the SCORM page launches attempts (native builds keep it for the tests).
            #[cfg(any(feature = "scorm", not(target_arch = "wasm32")))]
            Action::Launch { pack_id, suspend, seed, now } => match (s.pack(&pack_id), suspend) {
                (None, _) => s.notices.push(format!("没有找到场景包「{pack_id}」")),
                (Some(pack), Some(data)) => {
                    let resumed = resume(&pack, &data)
                        .and_then(|play| Session::replay(pack.clone(), &play).map_err(|e| e.to_string()));
                    match resumed {
                        Ok(session) => {
                            s.screen = Screen::Playing { session: Rc::new(session), feedback: None }
                        }
                        Err(e) => {
                            s.notices.push(format!("学习平台保存的进度无法继续({e}),已重新开始"));
                            s.start(pack, seed, now)
                        }
                    }
                }
                (Some(pack), None) => s.start(pack, seed, now),
            },
            #[cfg(not(any(feature = "scorm", not(target_arch = "wasm32"))))]
            Action::Launch { .. } => {}
            Action::Notify(message) => s.notices.push(message),
            Action::Installed { summary, pack } => s.add_local(summary, pack),
            Action::DismissNotice(i) => {
                if i < s.notices.len() {
                    s.notices.remove(i);
                }
            }
        }
        Rc::new(s)
    }
}
