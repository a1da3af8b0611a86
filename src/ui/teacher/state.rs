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
use kefu_core::results::class_record::{self, ClassRecord, ClassView, Range, Removed};
use kefu_core::results::marking::{check_mark, Draft, MarkRef};
use kefu_core::results::{Dashboard, Import};
use kefu_core::storage::Store;

/// What a confirmation asks to remove from the chosen class.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    File(String),
    Student(String),
    Class,
}

/// What can be put back until the page is left.
#[derive(Clone, Debug)]
pub enum Undo {
    Entries(Removed),
    Class(ClassRecord),
}

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
    /// The stored classes (issue 17), by id.
    pub classes: Rc<Vec<ClassRecord>>,
    /// The chosen class, replayed against the packs at hand; imports are added to it.
    pub class: Option<Rc<ClassView>>,
    /// The chosen class's dashboard and rows over `range`.
    pub class_dashboard: Rc<Dashboard>,
    pub class_import: Rc<Import>,
    pub range: Range,
    /// A removal waiting for the teacher's confirmation.
    pub pending: Option<Pending>,
    /// Removals that can be undone, the last one last.
    pub undo: Vec<Undo>,
    /// What the last change to the class record did.
    pub class_message: Option<String>,
    /// The student (number) whose plays are open, from the class panel or a dashboard row.
    pub open_student: Option<String>,
    /// Unsaved teacher marking, one draft per stored result (by its key). Kept over reloads
    /// caused by another tab: never dropped or overwritten without the teacher saving.
    pub drafts: Vec<Draft>,
    /// Criteria that another tab marked differently while this tab had them unsaved, by result
    /// key (shown beside the criterion until saved).
    pub conflicts: Vec<(String, MarkRef)>,
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
        /// The teacher's clock (when the results were added to the chosen class).
        now: i64,
    },
    ClearResults,
    /// Something the teacher must be told (a download that failed…).
    Notice(String),
    DismissNotice(usize),
    /// A new class with this name (chosen at once).
    NewClass {
        name: String,
        now: i64,
    },
    /// Choose a class, with the built-in packs fetched for its results.
    SelectClass {
        id: String,
        fetched: Vec<Rc<LoadedPack>>,
        errors: Vec<String>,
    },
    SetRange(Range),
    /// Ask to remove (a confirmation is shown); `Confirm` does it, `Cancel` forgets it.
    Ask(Pending),
    Confirm {
        now: i64,
    },
    Cancel,
    /// Puts back the last removal.
    Undo,
    /// Opens (or, with `None`, closes) a student's plays.
    OpenStudent(Option<String>),
    /// The teacher chose a level of a rubric criterion of the stored result `entry` (`None`
    /// clears the mark); unsaved until `SaveMarks`.
    Mark {
        entry: String,
        at: MarkRef,
        points: Option<u32>,
    },
    /// Writes the draft of `entry` to the class (read afresh: another tab's marks are kept).
    SaveMarks {
        entry: String,
        now: i64,
    },
    /// Another tab changed the stored classes (a `storage` event): read them again. Unsaved marks
    /// are kept, and criteria the other tab marked differently are named.
    StorageChanged {
        now: i64,
    },
    /// An exported class record file, with the built-in packs fetched for it.
    ImportRecord {
        text: String,
        fetched: Vec<Rc<LoadedPack>>,
        errors: Vec<String>,
        now: i64,
    },
}

impl TeacherState {
    pub fn new(store: Rc<dyn Store>, catalog: Vec<PackSummary>, now: i64) -> TeacherState {
        let mut notices = vec![];
        let installed = packs::list(store.as_ref(), now, &mut notices);
        let mut class_notices = vec![];
        let classes = class_record::list(store.as_ref(), now, &mut class_notices);
        TeacherState {
            store,
            catalog: Rc::new(catalog),
            installed: Rc::new(installed),
            fetched: Rc::default(),
            files: Rc::default(),
            import: Rc::default(),
            dashboard: Rc::new(Dashboard::of_import(&Import::new())),
            busy: false,
            classes: Rc::new(classes),
            class: None,
            class_dashboard: Rc::new(Dashboard::of_import(&Import::new())),
            class_import: Rc::default(),
            range: Range::all(),
            pending: None,
            undo: vec![],
            class_message: None,
            open_student: None,
            drafts: vec![],
            conflicts: vec![],
            notices: notices.into_iter().chain(class_notices).map(|n| n.to_string()).collect(),
            rev: 0,
        }
    }

    /// The chosen class's id.
    pub fn class_id(&self) -> Option<&str> {
        self.class.as_ref().map(|c| c.record.id.as_str())
    }

    /// Replaces the stored classes' list entry of `record` and opens it as the chosen class.
    fn show(&mut self, record: ClassRecord) {
        let mut all = (*self.classes).clone();
        match all.iter_mut().find(|c| c.id == record.id) {
            Some(c) => *c = record.clone(),
            None => {
                let at = all.partition_point(|c| c.id < record.id);
                all.insert(at, record.clone());
            }
        }
        self.classes = Rc::new(all);
        let packs = self.verification_packs();
        self.class = Some(Rc::new(record.open(&packs)));
        self.refresh_class();
    }

    /// The dashboard and rows of the chosen class over the range.
    fn refresh_class(&mut self) {
        match &self.class {
            Some(v) => {
                self.class_dashboard = Rc::new(v.dashboard(self.range));
                self.class_import = Rc::new(v.as_import(self.range));
            }
            None => {
                self.class_dashboard = Rc::new(Dashboard::of_import(&Import::new()));
                self.class_import = Rc::default();
            }
        }
    }

    /// Changes the chosen class as stored (read afresh: another tab may have added to it).
    fn change_class<R>(&mut self, now: i64, f: impl FnOnce(&mut ClassRecord) -> R) -> Option<R> {
        let id = self.class_id()?.to_string();
        match class_record::update(self.store.as_ref(), &id, now, f) {
            Ok((record, out)) => {
                self.show(record);
                Some(out)
            }
            Err(e) => {
                self.notices.push(e.to_string());
                None
            }
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

impl TeacherState {
    /// The draft of the stored result `entry`, if the teacher has unsaved marks for it.
    pub fn draft(&self, entry: &str) -> Option<&Draft> {
        self.drafts.iter().find(|d| d.entry == entry)
    }

    /// The stored entry `key` of the chosen class and its replayed pack.
    fn entry_pack(&self, key: &str) -> Option<(&class_record::Entry, &kefu_core::pack::Pack)> {
        let view = self.class.as_ref()?;
        let i = view.record.entries.iter().position(|e| e.key == key)?;
        let v = view.verdicts[i].verified()?;
        Some((&view.record.entries[i], &v.session.loaded().pack))
    }

    fn mark(&mut self, entry: String, at: MarkRef, points: Option<u32>) {
        let Some((e, pack)) = self.entry_pack(&entry) else { return };
        // Only levels the rubric has (the page offers no others; a stale click is ignored).
        if let Some(p) = points {
            if check_mark(pack, &at, p).is_err() {
                return;
            }
        }
        let stored = e.marks.clone();
        if !self.drafts.iter().any(|d| d.entry == entry) {
            self.drafts.push(Draft::new(&entry, &stored));
        }
        if let Some(d) = self.drafts.iter_mut().find(|d| d.entry == entry) {
            d.set(at, points);
        }
        self.drafts.retain(Draft::is_dirty);
    }

    fn save_marks(&mut self, entry: &str, now: i64) {
        let Some(draft) = self.draft(entry).cloned() else { return };
        match self.change_class(now, |c| c.save_marks(&draft, now)) {
            Some(true) => {
                self.drafts.retain(|d| d.entry != entry);
                self.conflicts.retain(|(k, _)| k != entry);
                self.class_message = Some("已保存评分".into());
            }
            Some(false) => {
                self.class_message =
                    Some("这条成绩已不在班级中(可能在另一个标签页中被移除),评分未保存".into())
            }
            None => {}
        }
    }

    /// Reads the stored classes again after another tab changed them.
    fn reload(&mut self, now: i64) {
        let mut notices = vec![];
        let classes = class_record::list(self.store.as_ref(), now, &mut notices);
        self.notices.extend(notices.into_iter().map(|n| n.to_string()));
        let chosen = self.class_id().map(str::to_string);
        self.classes = Rc::new(classes);
        let Some(id) = chosen else { return };
        let Some(record) = self.classes.iter().find(|c| c.id == id).cloned() else {
            self.class = None;
            self.refresh_class();
            self.class_message = Some(if self.drafts.is_empty() {
                "这个班级已在另一个标签页中被删除".to_string()
            } else {
                "这个班级已在另一个标签页中被删除,未保存的评分无法保存".to_string()
            });
            self.drafts.clear();
            return;
        };
        // Unsaved marks stay; the other tab's marks become their base, and where the other tab
        // marked a criterion this tab changed, the teacher is told before saving over it.
        let mut conflicts = vec![];
        for d in &mut self.drafts {
            // Drafts of another class (chosen earlier) wait until it is chosen again.
            let Some(stored) = record.entries.iter().find(|e| e.key == d.entry).map(|e| e.marks.clone())
            else {
                continue;
            };
            conflicts.extend(d.conflicts(&stored).into_iter().map(|at| (d.entry.clone(), at)));
            d.rebase(&stored);
        }
        self.drafts.retain(Draft::is_dirty);
        let told = !conflicts.is_empty();
        self.conflicts.extend(conflicts);
        self.show(record);
        self.class_message = Some(match (self.drafts.is_empty(), told) {
            (true, _) => "另一个标签页修改了这个班级,已重新载入".to_string(),
            (false, false) => "另一个标签页修改了这个班级,已重新载入;你未保存的评分仍保留,请记得保存".to_string(),
            (false, true) => "另一个标签页修改了这个班级,已重新载入;有些评分项在那里被评了不同的分(已标出),你未保存的评分仍保留,保存时会以你的为准".to_string(),
        });
    }

    fn add_fetched(&mut self, fetched: Vec<Rc<LoadedPack>>) {
        if !fetched.is_empty() {
            let mut all = (*self.fetched).clone();
            all.extend(fetched);
            self.fetched = Rc::new(all);
        }
    }
}

impl Reducible for TeacherState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.rev += 1;
        match action {
            Action::Busy => s.busy = true,
            Action::ImportResults { files, fetched, errors, now } => {
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
                // The results that count are added to the chosen class (each once).
                if s.class.is_some() {
                    // Only this batch's rows (earlier batches were added when they came).
                    let batch = &import.rows[s.import.rows.len().min(import.rows.len())..];
                    if let Some(a) = s.change_class(now, |c| c.add_rows(batch, now)) {
                        s.class_message = Some(format!(
                            "已加入班级:新增 {} 条,已有 {} 条(不重复计入)",
                            a.added, a.duplicates
                        ));
                    }
                }
                s.import = Rc::new(import);
            }
            Action::ClearResults => {
                s.files = Rc::default();
                s.import = Rc::default();
                s.dashboard = Rc::new(Dashboard::of_import(&s.import));
            }
            Action::Notice(n) => s.notices.push(n),
            Action::NewClass { name, now } => match class_record::class_name(&name) {
                Ok(name) => {
                    let taken: Vec<String> = s.classes.iter().map(|c| c.id.clone()).collect();
                    let record = ClassRecord::new(&class_record::new_id(&taken, now), &name, now);
                    match class_record::save_class(s.store.as_ref(), &record) {
                        Ok(()) => {
                            s.class_message = Some(format!("已新建班级「{name}」"));
                            s.show(record);
                        }
                        Err(e) => s.notices.push(e.to_string()),
                    }
                }
                Err(e) => s.class_message = Some(e.to_string()),
            },
            Action::SelectClass { id, fetched, errors } => {
                s.busy = false;
                s.notices.extend(errors);
                s.add_fetched(fetched);
                s.pending = None;
                if let Some(record) = s.classes.iter().find(|c| c.id == id).cloned() {
                    s.show(record);
                }
            }
            Action::SetRange(r) => {
                s.range = r;
                s.refresh_class();
            }
            Action::Ask(p) => s.pending = Some(p),
            Action::Cancel => s.pending = None,
            Action::Confirm { now } => match s.pending.take() {
                Some(Pending::File(name)) => {
                    if let Some(r) = s.change_class(now, |c| c.remove_file(&name)) {
                        s.class_message = Some(format!("已移除文件「{name}」的 {} 条成绩", r.entries.len()));
                        s.undo.push(Undo::Entries(r));
                    }
                }
                Some(Pending::Student(number)) => {
                    if let Some(r) = s.change_class(now, |c| c.remove_student(&number)) {
                        s.class_message = Some(format!("已移除学号 {number} 的 {} 条成绩", r.entries.len()));
                        s.undo.push(Undo::Entries(r));
                    }
                }
                Some(Pending::Class) => {
                    let Some(id) = s.class_id().map(str::to_string) else { return Rc::new(s) };
                    match class_record::delete_class(s.store.as_ref(), &id, now) {
                        Ok(old) => {
                            let all: Vec<ClassRecord> =
                                s.classes.iter().filter(|c| c.id != id).cloned().collect();
                            s.classes = Rc::new(all);
                            s.class = None;
                            s.refresh_class();
                            if let Some(old) = old {
                                s.class_message = Some(format!("已删除班级「{}」", old.name));
                                s.undo.push(Undo::Class(old));
                            }
                        }
                        Err(e) => s.notices.push(e.to_string()),
                    }
                }
                None => {}
            },
            Action::Undo => match s.undo.pop() {
                Some(Undo::Entries(r)) => {
                    let id = r.class.clone();
                    match class_record::update(s.store.as_ref(), &id, 0, |c| c.restore(r)) {
                        Ok((record, ())) => {
                            s.class_message = Some("已撤销".into());
                            s.show(record);
                        }
                        Err(e) => s.notices.push(e.to_string()),
                    }
                }
                Some(Undo::Class(record)) => match class_record::save_class(s.store.as_ref(), &record) {
                    Ok(()) => {
                        s.class_message = Some(format!("已恢复班级「{}」", record.name));
                        s.show(record);
                    }
                    Err(e) => s.notices.push(e.to_string()),
                },
                None => {}
            },
            Action::OpenStudent(n) => s.open_student = n,
            Action::Mark { entry, at, points } => s.mark(entry, at, points),
            Action::SaveMarks { entry, now } => s.save_marks(&entry, now),
            Action::StorageChanged { now } => s.reload(now),
            Action::ImportRecord { text, fetched, errors, now } => {
                s.busy = false;
                s.notices.extend(errors);
                s.add_fetched(fetched);
                let packs = s.verification_packs();
                let taken: Vec<String> = s.classes.iter().map(|c| c.id.clone()).collect();
                match class_record::from_export(&text, &packs, &class_record::new_id(&taken, now)) {
                    Ok(got) => match class_record::save_class(s.store.as_ref(), &got.record) {
                        Ok(()) => {
                            s.class_message = Some(format!(
                                "已导入班级「{}」:{} 条成绩核实无误{}",
                                got.record.name,
                                got.record.entries.len(),
                                if got.refused.is_empty() {
                                    String::new()
                                } else {
                                    format!(",{} 条未通过核对(未导入)", got.refused.len())
                                }
                            ));
                            s.show(got.record);
                        }
                        Err(e) => s.notices.push(e.to_string()),
                    },
                    Err(e) => s.class_message = Some(e),
                }
            }
            Action::DismissNotice(i) => {
                if i < s.notices.len() {
                    s.notices.remove(i);
                }
            }
        }
        Rc::new(s)
    }
}
