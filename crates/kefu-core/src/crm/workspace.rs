//! The CRM workspace: customers, contacts and visit plans, with the audit log they come from.
//! Every change goes through one function, [`Workspace::apply`], which is also what replaying a
//! stored log runs, so the state the user sees and the state a replay rebuilds cannot drift
//! apart. The public methods check the course's rules (valid fields, lifecycle moves) first and
//! log nothing when they refuse.

use super::audit::{AuditEntry, Change};
use super::contact::{Contact, ContactKind, Outcome};
use super::customer::Customer;
use super::duplicate::{Duplicate, DuplicateIndex};
use super::error::CrmError;
use super::field::{canonical_card, Field, FieldError};
use super::lifecycle::check_move;
use super::man::Man;
use super::state::State;
use super::visit::VisitRow;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Workspace {
    /// Sorted by id.
    customers: Vec<Customer>,
    contacts: Vec<Contact>,
    /// Sorted by id.
    visits: Vec<VisitRow>,
    log: Vec<AuditEntry>,
    next_id: u32,
    /// Bumped on every change, so views (e.g. the search index) know when to rebuild.
    revision: u64,
}

/// A card was created; `duplicates` lists existing cards it may duplicate (a warning).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    pub id: u32,
    pub duplicates: Vec<Duplicate>,
}

/// A new call or visit, before the workspace numbers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewContact {
    pub customer: u32,
    pub kind: ContactKind,
    pub person: String,
    pub outcome: Outcome,
    pub summary: String,
}

/// Why a log could not be replayed: the 0-based entry and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplayError {
    pub entry: usize,
    pub reason: String,
}

impl std::fmt::Display for ReplayError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "第 {} 条记录无法重放:{}", self.entry + 1, self.reason)
    }
}

fn require_reason(reason: &str) -> Result<(), CrmError> {
    if reason.trim().is_empty() {
        Err(CrmError::ReasonRequired)
    } else {
        Ok(())
    }
}

impl Workspace {
    pub fn new() -> Workspace {
        Workspace { next_id: 1, ..Workspace::default() }
    }

    /// Rebuilds a workspace from its log. Every entry must fit the state before it (a changed
    /// field's `from` must be the current value), so a damaged or reordered log is detected.
    pub fn replay(log: impl IntoIterator<Item = AuditEntry>) -> Result<Workspace, ReplayError> {
        let mut ws = Workspace::new();
        for (i, e) in log.into_iter().enumerate() {
            ws.apply(e).map_err(|reason| ReplayError { entry: i, reason })?;
        }
        Ok(ws)
    }

    /// Like [`Workspace::replay`], but skips entries that do not fit (e.g. after part of a
    /// stored log was lost) and returns how many were skipped.
    pub fn replay_lenient(log: impl IntoIterator<Item = AuditEntry>) -> (Workspace, usize) {
        let mut ws = Workspace::new();
        let mut skipped = 0;
        for e in log {
            if ws.apply(e).is_err() {
                skipped += 1;
            }
        }
        (ws, skipped)
    }

    fn position(&self, id: u32) -> Result<usize, String> {
        self.customers.binary_search_by_key(&id, |c| c.id).map_err(|_| format!("没有编号为 {id} 的客户"))
    }

    /// Applies one entry and appends it to the log: the only place that changes the workspace.
    fn apply(&mut self, e: AuditEntry) -> Result<(), String> {
        match &e.change {
            Change::Created(card) => {
                if card.id != e.customer {
                    return Err("新建记录的编号不一致".into());
                }
                match self.customers.binary_search_by_key(&card.id, |c| c.id) {
                    Ok(_) => return Err(format!("编号 {} 已被使用", card.id)),
                    Err(at) => self.customers.insert(at, (**card).clone()),
                }
                self.next_id = self.next_id.max(card.id + 1);
            }
            Change::Changed { field, from, to } => {
                let i = self.position(e.customer)?;
                let c = &mut self.customers[i];
                let current = field.get(c);
                if current != *from {
                    return Err(format!("{}的原值应为「{from}」,实为「{current}」", field.label()));
                }
                field.set(c, to)?;
            }
            Change::Removed => {
                let i = self.position(e.customer)?;
                self.customers.remove(i);
            }
            Change::Contacted(c) => {
                self.position(e.customer)?;
                if c.id as usize != self.contacts.len() || c.customer != e.customer || c.at != e.at {
                    return Err("联系记录的编号或时间不一致".into());
                }
                self.contacts.push(c.clone());
            }
            Change::Visit(v) => {
                self.position(e.customer)?;
                if v.customer != e.customer {
                    return Err("拜访计划的客户不一致".into());
                }
                match self.visits.binary_search_by_key(&v.id, |r| r.id) {
                    Ok(i) if self.visits[i].customer == v.customer => self.visits[i] = (**v).clone(),
                    Ok(_) => return Err("拜访计划不能换到另一位客户".into()),
                    Err(i) => self.visits.insert(i, (**v).clone()),
                }
            }
        }
        self.log.push(e);
        self.revision += 1;
        Ok(())
    }

    fn record(&mut self, at: i64, customer: u32, change: Change, reason: &str) {
        let e = AuditEntry { at, customer, change, reason: reason.trim().to_string() };
        self.apply(e).expect("checked before recording");
    }

    // ---- reading ----

    pub fn customers(&self) -> &[Customer] {
        &self.customers
    }

    pub fn customer(&self, id: u32) -> Option<&Customer> {
        self.position(id).ok().map(|i| &self.customers[i])
    }

    pub fn is_empty(&self) -> bool {
        self.customers.is_empty()
    }

    pub fn contacts(&self) -> &[Contact] {
        &self.contacts
    }

    /// A customer's calls and visits, oldest first.
    pub fn contacts_of(&self, id: u32) -> impl Iterator<Item = &Contact> {
        self.contacts.iter().filter(move |c| c.customer == id)
    }

    pub fn visits(&self) -> &[VisitRow] {
        &self.visits
    }

    /// A customer's rows of the 客户拜访计划表, by date.
    pub fn visits_of(&self, id: u32) -> Vec<&VisitRow> {
        let mut rows: Vec<&VisitRow> = self.visits.iter().filter(|v| v.customer == id).collect();
        crate::util::order::sort_by(&mut rows, |a, b| a.date.cmp(&b.date));
        rows
    }

    /// The 客户拜访计划表 of one 销售专员 for one 年度, by date.
    pub fn visit_plan(&self, salesperson: &str, year: u32) -> Vec<&VisitRow> {
        let mut rows: Vec<&VisitRow> =
            self.visits.iter().filter(|v| v.salesperson == salesperson && v.year() == Some(year)).collect();
        crate::util::order::sort_by(&mut rows, |a, b| a.date.cmp(&b.date));
        rows
    }

    /// The whole audit log, oldest first.
    pub fn log(&self) -> &[AuditEntry] {
        &self.log
    }

    /// One customer's history, oldest first.
    pub fn history_of(&self, id: u32) -> impl Iterator<Item = &AuditEntry> {
        self.log.iter().filter(move |e| e.customer == id)
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The id the next created card will get.
    pub fn next_id(&self) -> u32 {
        self.next_id
    }

    /// Existing cards `card` may duplicate.
    pub fn duplicates_of(&self, card: &Customer) -> Vec<Duplicate> {
        DuplicateIndex::of(&self.customers).find(card)
    }

    // ---- changing ----

    /// Adds a card (its `id` is ignored and assigned). Any initial state is accepted, since
    /// imported cards bring their state with them. Possible duplicates are returned as warnings;
    /// use [`Workspace::duplicates_of`] first to ask the user before creating.
    pub fn create(&mut self, card: Customer, at: i64, reason: &str) -> Result<Created, CrmError> {
        let mut card = canonical_card(&card).map_err(CrmError::Invalid)?;
        card.id = self.next_id;
        let duplicates = self.duplicates_of(&card);
        let id = card.id;
        self.record(at, id, Change::Created(Box::new(card)), reason);
        Ok(Created { id, duplicates })
    }

    /// Adds many cards at once (an accepted import): all are checked first and none is added if
    /// any is invalid. Duplicates are not looked for here (the import preview did that).
    pub fn create_many(&mut self, cards: Vec<Customer>, at: i64, reason: &str) -> Result<Vec<u32>, CrmError> {
        let cards: Vec<Customer> =
            cards.iter().map(canonical_card).collect::<Result<_, _>>().map_err(CrmError::Invalid)?;
        let mut ids = Vec::with_capacity(cards.len());
        for mut card in cards {
            card.id = self.next_id;
            ids.push(card.id);
            self.record(at, card.id, Change::Created(Box::new(card)), reason);
        }
        Ok(ids)
    }

    /// Sets one field from its text form. A state change is checked like [`Workspace::move_state`]
    /// (and needs a reason). Returns whether anything changed.
    pub fn set_field(
        &mut self,
        id: u32,
        field: Field,
        text: &str,
        at: i64,
        reason: &str,
    ) -> Result<bool, CrmError> {
        let c = self.customer(id).ok_or(CrmError::NoSuchCustomer(id))?;
        let mut next = c.clone();
        field.set(&mut next, text).map_err(|reason| CrmError::Invalid(vec![FieldError { field, reason }]))?;
        self.update(id, next, at, reason).map(|n| n > 0)
    }

    /// Replaces a card by an edited copy: every changed field is checked, then logged as its own
    /// entry (MAN before state, so a new MAN assessment counts for the move). Nothing is logged
    /// if any field is refused. Returns the number of changed fields.
    pub fn update(&mut self, id: u32, edited: Customer, at: i64, reason: &str) -> Result<usize, CrmError> {
        let old = self.customer(id).ok_or(CrmError::NoSuchCustomer(id))?;
        let new = canonical_card(&Customer { id, ..edited }).map_err(CrmError::Invalid)?;
        if old.state != new.state {
            check_move(old.state, new.state, new.man).map_err(|why| CrmError::IllegalMove {
                from: old.state,
                to: new.state,
                reason: why,
            })?;
            require_reason(reason)?;
        }
        let mut order: Vec<Field> = Field::ALL.into_iter().filter(|f| *f != Field::State).collect();
        order.push(Field::State);
        let changes: Vec<(Field, String, String)> = order
            .into_iter()
            .map(|f| (f, f.get(old), f.get(&new)))
            .filter(|(_, from, to)| from != to)
            .collect();
        let n = changes.len();
        for (field, from, to) in changes {
            self.record(at, id, Change::Changed { field, from, to }, reason);
        }
        Ok(n)
    }

    /// Moves a customer to another lifecycle state (seed 004's flow; see `lifecycle.rs`).
    pub fn move_state(&mut self, id: u32, to: State, at: i64, reason: &str) -> Result<(), CrmError> {
        let c = self.customer(id).ok_or(CrmError::NoSuchCustomer(id))?;
        check_move(c.state, to, c.man).map_err(|why| CrmError::IllegalMove {
            from: c.state,
            to,
            reason: why,
        })?;
        require_reason(reason)?;
        let from = c.state.label().to_string();
        self.record(at, id, Change::Changed { field: Field::State, from, to: to.label().into() }, reason);
        Ok(())
    }

    /// Records a MAN assessment (or clears it with `None`).
    pub fn set_man(&mut self, id: u32, man: Option<Man>, at: i64, reason: &str) -> Result<(), CrmError> {
        let c = self.customer(id).ok_or(CrmError::NoSuchCustomer(id))?;
        let (from, to) = (Field::Man.get(c), man.map(Man::code).unwrap_or_default());
        if from != to {
            self.record(at, id, Change::Changed { field: Field::Man, from, to }, reason);
        }
        Ok(())
    }

    /// Removes a card; its history stays in the log.
    pub fn remove(&mut self, id: u32, at: i64, reason: &str) -> Result<(), CrmError> {
        self.customer(id).ok_or(CrmError::NoSuchCustomer(id))?;
        require_reason(reason)?;
        self.record(at, id, Change::Removed, reason);
        Ok(())
    }

    /// Logs a call or visit; returns its id.
    pub fn log_contact(&mut self, c: NewContact, at: i64) -> Result<u32, CrmError> {
        self.customer(c.customer).ok_or(CrmError::NoSuchCustomer(c.customer))?;
        let id = self.contacts.len() as u32;
        let contact = Contact {
            id,
            customer: c.customer,
            at,
            kind: c.kind,
            person: c.person.trim().into(),
            outcome: c.outcome,
            summary: c.summary.trim().into(),
        };
        self.record(at, c.customer, Change::Contacted(contact), "");
        Ok(id)
    }

    /// Adds a row to the 客户拜访计划表 (its `id` is assigned); returns the id.
    pub fn plan_visit(&mut self, row: VisitRow, at: i64) -> Result<u32, CrmError> {
        self.customer(row.customer).ok_or(CrmError::NoSuchCustomer(row.customer))?;
        row.validate().map_err(CrmError::InvalidVisit)?;
        let id = self.visits.last().map_or(0, |v| v.id + 1);
        let customer = row.customer;
        self.record(at, customer, Change::Visit(Box::new(VisitRow { id, ..row })), "");
        Ok(id)
    }

    /// Replaces a visit-plan row (same id, same customer), e.g. to fill in its 实际结果.
    pub fn update_visit(&mut self, row: VisitRow, at: i64) -> Result<(), CrmError> {
        let old = self.visits.iter().find(|v| v.id == row.id).ok_or(CrmError::NoSuchVisit(row.id))?;
        if old.customer != row.customer {
            return Err(CrmError::InvalidVisit("拜访计划不能换到另一位客户".into()));
        }
        row.validate().map_err(CrmError::InvalidVisit)?;
        if *old != row {
            let customer = row.customer;
            self.record(at, customer, Change::Visit(Box::new(row)), "");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crm::customer::Kind;

    fn ws_with(name: &str) -> (Workspace, u32) {
        let mut ws = Workspace::new();
        let id = ws.create(Customer::new(Kind::Individual, name), 10, "").unwrap().id;
        (ws, id)
    }

    #[test]
    fn ids_start_at_one_and_increase() {
        let (mut ws, a) = ws_with("甲");
        let b = ws.create(Customer::new(Kind::Individual, "乙"), 11, "").unwrap().id;
        assert_eq!((a, b), (1, 2));
        ws.remove(b, 12, "重复").unwrap();
        let c = ws.create(Customer::new(Kind::Individual, "丙"), 13, "").unwrap().id;
        assert_eq!(c, 3, "ids are never reused");
    }

    #[test]
    fn a_refused_change_logs_nothing() {
        let (mut ws, id) = ws_with("甲");
        let before = ws.log().len();
        let e = ws.move_state(id, State::Loyal, 20, "他说会常来").unwrap_err();
        assert!(matches!(e, CrmError::IllegalMove { from: State::Potential, to: State::Loyal, .. }));
        assert!(e.to_string().contains("重复购买"), "{e}");
        assert_eq!(ws.move_state(id, State::Target, 20, " "), Err(CrmError::ReasonRequired));
        assert!(ws.set_field(id, Field::Phone, "打电话", 20, "").is_err());
        assert!(ws.set_field(id, Field::State, "忠诚", 20, "x").is_err());
        assert_eq!(ws.log().len(), before);
    }

    #[test]
    fn moves_are_logged_with_from_to_and_why() {
        let (mut ws, id) = ws_with("甲");
        ws.move_state(id, State::Target, 20, "MAN 三项具备").unwrap();
        let e = ws.log().last().unwrap();
        assert_eq!(
            (e.what(), e.from(), e.to().as_str(), e.reason.as_str(), e.at),
            ("客户状态".into(), "潜在客户", "目标客户", "MAN 三项具备", 20)
        );
        assert_eq!(ws.customer(id).unwrap().state, State::Target);
    }

    #[test]
    fn update_logs_each_changed_field_and_checks_the_move_with_the_new_man() {
        let (mut ws, id) = ws_with("甲");
        let mut card = ws.customer(id).unwrap().clone();
        card.man = Some(Man::new(false, false, false));
        card.state = State::Target;
        let e = ws.update(id, card.clone(), 30, "评估").unwrap_err();
        assert!(e.to_string().contains("m+a+n"), "{e}");
        card.man = Some(Man::new(true, true, true));
        card.needs = "每天喝奶".into();
        assert_eq!(ws.update(id, card, 30, "评估").unwrap(), 3);
        let fields: Vec<String> = ws.history_of(id).skip(1).map(AuditEntry::what).collect();
        assert_eq!(fields, vec!["MAN评估", "需求", "客户状态"]);
        assert_eq!(ws.update(id, ws.customer(id).unwrap().clone(), 31, "").unwrap(), 0);
    }

    #[test]
    fn contacts_and_visits_need_an_existing_customer() {
        let (mut ws, id) = ws_with("甲");
        let call = |customer| NewContact {
            customer,
            kind: ContactKind::Call,
            person: "甲".into(),
            outcome: Outcome::Refused,
            summary: "对不起,我现在很忙".into(),
        };
        assert_eq!(ws.log_contact(call(id), 40).unwrap(), 0);
        assert_eq!(ws.log_contact(call(99), 40), Err(CrmError::NoSuchCustomer(99)));
        assert_eq!(ws.contacts_of(id).count(), 1);
        let row = VisitRow {
            customer: id,
            date: "2024-05-06".into(),
            purpose: "介绍产品".into(),
            salesperson: "小王".into(),
            ..VisitRow::default()
        };
        let v = ws.plan_visit(row.clone(), 41).unwrap();
        assert!(ws.plan_visit(VisitRow { purpose: String::new(), ..row.clone() }, 41).is_err());
        ws.update_visit(VisitRow { id: v, result: "约定下周试驾".into(), ..row }, 42).unwrap();
        assert_eq!(ws.visit_plan("小王", 2024)[0].result, "约定下周试驾");
        assert!(ws.visit_plan("小王", 2023).is_empty());
        assert_eq!(ws.visits_of(id).len(), 1);
    }

    #[test]
    fn replay_rebuilds_the_same_workspace_and_detects_tampering() {
        let (mut ws, id) = ws_with("甲");
        ws.set_field(id, Field::Needs, "买酸苹果", 50, "").unwrap();
        ws.move_state(id, State::Actual, 51, "买了一斤").unwrap();
        let again = Workspace::replay(ws.log().to_vec()).unwrap();
        assert_eq!(again, ws);
        let mut log = ws.log().to_vec();
        log.swap(1, 2);
        let mut tampered = log.clone();
        if let Change::Changed { from, .. } = &mut tampered[2].change {
            *from = "别的".into();
        }
        assert_eq!(Workspace::replay(tampered).unwrap_err().entry, 2);
        let (lenient, skipped) = Workspace::replay_lenient(log);
        assert_eq!((skipped, lenient.customers().len()), (0, 1));
    }
}
