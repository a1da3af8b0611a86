//! The crm app's one reducer: the workspace (kept in storage through [`CrmStore`]), the list's
//! query, the pending sample and import decisions, and what the user must be told. Every change
//! goes through a checked core method (`kefu_core::crm`); the reducer only routes actions to them,
//! saves after each change and turns refusals into messages shown where the user acted. Actions
//! carry the time, so the reducer is deterministic and tested natively on an in-memory store.
//!
//! The workspace sits in a `RefCell` shared by successive states: cloning 10 000 cards on every
//! edit would cost more than the edit itself, and an old state is never looked at again.

use std::cell::{Ref, RefCell};
use std::rc::Rc;

use yew::Reducible;

use kefu_core::crm::{
    preview_csv, preview_json, CrmStore, Customer, Field, ImportPreview, Man, NewContact, Query,
    SampleChoice, SamplePlan, SearchIndex, State, VisitRow, Workspace,
};
use kefu_core::storage::Store;

/// Where a refusal is shown: next to the control that caused it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Create,
    Field(u32, Field),
    Man(u32),
    Move(u32),
    Remove(u32),
    Contact(u32),
    Visit(u32),
    Import,
}

/// A refused action and why (the core's Chinese message).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UiError {
    pub place: Place,
    pub message: String,
}

/// A file read for import, waiting for the user to accept its good rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingImport {
    pub file: String,
    pub preview: ImportPreview,
}

#[derive(Clone)]
pub struct CrmState {
    ws: Rc<RefCell<Workspace>>,
    repo: Rc<RefCell<CrmStore>>,
    /// The list's search index, rebuilt by the core when the workspace's revision changes.
    pub index: Rc<RefCell<SearchIndex>>,
    pub query: Query,
    /// Storage notices (damaged data recovered, quota full …), shown until dismissed.
    pub notices: Vec<String>,
    /// Opening found damage: saving waits until the user agrees to rewrite the stored log.
    pub needs_repair: bool,
    pub error: Option<UiError>,
    /// What the last successful bulk action did ("已导入 3 位客户").
    pub message: Option<String>,
    /// Loading the sample would touch the user's cards: merge or replace?
    pub sample_plan: Option<SamplePlan>,
    pub import: Option<PendingImport>,
    /// How long opening the stored workspace took, in ms (shown as `data-open-ms`).
    pub open_ms: i64,
    rev: u64,
}

impl PartialEq for CrmState {
    fn eq(&self, other: &Self) -> bool {
        self.rev == other.rev
    }
}

pub enum Action {
    SetQuery(Query),
    Create {
        card: Box<Customer>,
        now: i64,
    },
    SetField {
        id: u32,
        field: Field,
        text: String,
        now: i64,
    },
    SetMan {
        id: u32,
        man: Option<Man>,
        now: i64,
    },
    Move {
        id: u32,
        to: State,
        reason: String,
        now: i64,
    },
    Remove {
        id: u32,
        reason: String,
        now: i64,
    },
    LogContact {
        contact: NewContact,
        now: i64,
    },
    PlanVisit {
        row: Box<VisitRow>,
        now: i64,
    },
    /// A new version of a visit-plan row (same id), e.g. with its 实际结果 filled in.
    UpdateVisit {
        row: Box<VisitRow>,
        now: i64,
    },
    Sample {
        choice: SampleChoice,
        now: i64,
    },
    CancelSample,
    /// A file was picked for import: preview it (nothing is imported yet).
    PreviewImport {
        file: String,
        bytes: Vec<u8>,
    },
    /// Import the previewed file's good rows (optionally without the likely duplicates).
    AcceptImport {
        skip_duplicates: bool,
        now: i64,
    },
    CancelImport,
    /// After damage: rewrite the stored log from what could be read.
    Repair,
    DismissNotice(usize),
    DismissMessage,
    /// Something the user must be told that happened outside the reducer (a failed download or read).
    Notify(String),
}

/// JSON when the file says so by its name or its first character; CSV otherwise.
fn is_json(file: &str, bytes: &[u8]) -> bool {
    let first = bytes
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(bytes)
        .iter()
        .find(|b| !b.is_ascii_whitespace());
    file.to_lowercase().ends_with(".json") || matches!(first, Some(b'{' | b'['))
}

impl CrmState {
    /// Opens the stored workspace; `now` names recovery copies of damaged data.
    pub fn open(store: Rc<dyn Store>, now: i64) -> CrmState {
        let (repo, ws, notices) = CrmStore::open(store, now);
        let needs_repair = repo.needs_repair();
        let queued = repo.queued();
        let mut state = CrmState {
            ws: Rc::new(RefCell::new(ws)),
            repo: Rc::new(RefCell::new(repo)),
            index: Rc::default(),
            query: Query::default(),
            notices: notices.iter().map(ToString::to_string).collect(),
            needs_repair,
            error: None,
            message: None,
            sample_plan: None,
            import: None,
            open_ms: 0,
            rev: 0,
        };
        // Finished role-plays leave their CRM writes in an inbox (crm/record.rs) that `open`
        // applied; storing them now moves them into the log and empties the inbox, so they are
        // applied once. With damage the save waits for the user's repair, and they stay queued.
        if queued > 0 && !needs_repair {
            state.save();
            state.message = Some(format!("已记入 {queued} 次角色扮演练习的客户资料。"));
        }
        state
    }

    pub fn ws(&self) -> Ref<'_, Workspace> {
        self.ws.borrow()
    }

    /// The error shown at `place`, if the last action was refused there.
    pub fn error_at(&self, place: Place) -> Option<&str> {
        self.error.as_ref().filter(|e| e.place == place).map(|e| e.message.as_str())
    }

    /// The ids the list shows for the current query, in order.
    pub fn visible(&self) -> Vec<u32> {
        self.index.borrow_mut().run(&self.ws.borrow(), &self.query)
    }

    fn note(&mut self, text: String) {
        if !self.notices.contains(&text) {
            self.notices.push(text);
        }
    }

    /// Stores what changed. A refused write (quota) leaves the stored data as it was and the
    /// workspace in memory intact; the next save retries it.
    fn save(&mut self) {
        if self.needs_repair {
            return;
        }
        let result = self.repo.borrow_mut().save(&self.ws.borrow());
        if let Err(n) = result {
            self.note(format!("{n}。请先导出客户资料(CSV/JSON)备份。"));
        }
    }

    /// Runs a change; on success saves, on refusal shows why at `place`.
    fn change<T, E: ToString>(
        &mut self,
        place: Place,
        f: impl FnOnce(&mut Workspace) -> Result<T, E>,
    ) -> Option<T> {
        let result = f(&mut self.ws.borrow_mut());
        match result {
            Ok(v) => {
                self.error = None;
                self.save();
                Some(v)
            }
            Err(e) => {
                self.error = Some(UiError { place, message: e.to_string() });
                None
            }
        }
    }
}

impl Reducible for CrmState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.rev += 1;
        match action {
            Action::SetQuery(q) => s.query = q,
            Action::Create { card, now } => {
                s.change(Place::Create, |ws| ws.create(*card, now, ""));
            }
            Action::SetField { id, field, text, now } => {
                s.change(Place::Field(id, field), |ws| ws.set_field(id, field, &text, now, ""));
            }
            Action::SetMan { id, man, now } => {
                s.change(Place::Man(id), |ws| ws.set_man(id, man, now, ""));
            }
            Action::Move { id, to, reason, now } => {
                s.change(Place::Move(id), |ws| ws.move_state(id, to, now, &reason));
            }
            Action::Remove { id, reason, now } => {
                s.change(Place::Remove(id), |ws| ws.remove(id, now, &reason));
            }
            Action::LogContact { contact, now } => {
                let id = contact.customer;
                s.change(Place::Contact(id), |ws| ws.log_contact(contact, now));
            }
            Action::PlanVisit { row, now } => {
                let id = row.customer;
                s.change(Place::Visit(id), |ws| ws.plan_visit(*row, now));
            }
            Action::UpdateVisit { row, now } => {
                let id = row.customer;
                s.change(Place::Visit(id), |ws| ws.update_visit(*row, now));
            }
            Action::Sample { choice, now } => {
                let result = s.ws.borrow_mut().load_sample(choice, now);
                match result {
                    Ok(done) => {
                        s.sample_plan = None;
                        let mut m = format!("已载入 {} 位示例客户", done.created.len());
                        if done.removed > 0 {
                            m += &format!(",原有的 {} 位客户已移除(历史记录中仍可查到)", done.removed);
                        }
                        if !done.skipped.is_empty() {
                            m += &format!(";与已有客户重复而跳过:{}", done.skipped.join("、"));
                        }
                        s.message = Some(m);
                        s.save();
                    }
                    Err(plan) => s.sample_plan = Some(plan),
                }
            }
            Action::CancelSample => s.sample_plan = None,
            Action::PreviewImport { file, bytes } => {
                let preview = {
                    let ws = s.ws.borrow();
                    if is_json(&file, &bytes) {
                        match std::str::from_utf8(&bytes) {
                            Ok(text) => preview_json(&ws, text.trim_start_matches('\u{FEFF}')),
                            Err(_) => ImportPreview {
                                rows: vec![],
                                errors: vec![kefu_core::crm::ImportError {
                                    line: 0,
                                    column: String::new(),
                                    reason: "文件不是 UTF-8 编码的 JSON".into(),
                                }],
                            },
                        }
                    } else {
                        preview_csv(&ws, &bytes)
                    }
                };
                s.error = None;
                s.message = None;
                s.import = Some(PendingImport { file, preview });
            }
            Action::AcceptImport { skip_duplicates, now } => {
                if let Some(p) = s.import.take() {
                    let preview = if skip_duplicates { p.preview.without_duplicates() } else { p.preview };
                    let reason = format!("从文件「{}」导入", p.file);
                    if let Some(ids) = s.change(Place::Import, |ws| preview.accept(ws, now, &reason)) {
                        s.message = Some(format!("已从「{}」导入 {} 位客户", p.file, ids.len()));
                    }
                }
            }
            Action::CancelImport => s.import = None,
            Action::Repair => {
                let result = s.repo.borrow_mut().repair(&s.ws.borrow());
                match result {
                    Ok(()) => {
                        s.needs_repair = false;
                        s.message = Some("已按能读出的数据重新保存客户管理数据".into());
                    }
                    Err(n) => s.note(n.to_string()),
                }
            }
            Action::Notify(text) => s.note(text),
            Action::DismissNotice(i) => {
                if i < s.notices.len() {
                    s.notices.remove(i);
                }
            }
            Action::DismissMessage => s.message = None,
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_told_from_csv() {
        assert!(is_json("a.JSON", b"x"));
        assert!(is_json("a.txt", b"\xEF\xBB\xBF  [1]"));
        assert!(!is_json("a.csv", "\u{FEFF}客户名称".as_bytes()));
    }
}
