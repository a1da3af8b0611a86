//! A play in progress: the variables, scores and position derived from a [`Play`], and the
//! transcript of what was said. `choose` is the only way forward, and `replay` rebuilds a session
//! from a stored play by choosing again, so a resumed or verified play is the same play.

use std::rc::Rc;

use indexmap::IndexMap;
use serde::Serialize;

use crate::pack::expr::{self, Env, Value};
use crate::pack::{
    Activity, ActivityBody, Branch, Choice, Cond, CrmWrite, Dialogue, Item, Node, NodeBody, Outcome, VarKind,
};

use super::crm_link::{PlayCrm, Texts};
use super::error::EngineError;
use super::exercise::{self, Graded};
use super::play::{Answer, Input, Play};
use super::rng::PlayRng;
use crate::pack::LoadedPack;

/// One line of the transcript.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Event {
    /// An activity begins.
    Intro { activity: usize, title: String, text: String },
    /// Someone speaks, or narration (empty speaker).
    Line { activity: usize, node: String, speaker: String, text: String },
    /// The student chose.
    Chose(Chosen),
    /// An activity ended.
    Ended { activity: usize, node: String, outcome: Outcome, title: String },
    /// An exercise was submitted and graded.
    Graded(GradedExercise),
    /// A CRM write ran (`ok`) or was refused by the CRM; `text` says which card and what.
    Crm { activity: usize, text: String, ok: bool },
}

/// A submitted exercise with its grade and the exercise's closing feedback.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GradedExercise {
    pub activity: usize,
    pub kind: String,
    pub title: String,
    pub grade: Graded,
    /// Score changes in the pack's dimension order (zero changes omitted).
    pub deltas: Vec<(String, i64)>,
    pub feedback: String,
    pub principle: String,
}

/// A choice the student made, with what it earned and how it compared with the alternatives.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chosen {
    pub activity: usize,
    pub node: String,
    pub choice: String,
    pub text: String,
    pub feedback: String,
    pub principle: String,
    /// Score changes, in the pack's dimension order (zero changes omitted).
    pub deltas: Vec<(String, i64)>,
    /// Whether no offered choice had a higher total score change.
    pub best: bool,
    /// The text of a better offered choice, when this one was not the best.
    pub better: Option<String>,
}

/// Where a play is.
#[derive(Debug, Clone, PartialEq)]
enum Position {
    At { activity: usize, node: String },
    Finished,
}

/// What the student faces now.
pub enum Current<'a> {
    Choose {
        activity: &'a Activity,
        node: &'a Node,
        choices: Vec<&'a Choice>,
    },
    /// An exercise; `items` are the `order`/`classify` items in the order this play shows them
    /// (shuffled by the seed; for `classify`, the `pick` drawn), empty for other kinds.
    Exercise {
        activity: &'a Activity,
        items: Vec<&'a Item>,
    },
    Finished,
}

#[derive(Debug, Clone)]
pub struct Session {
    pack: Rc<LoadedPack>,
    play: Play,
    vars: IndexMap<String, Value>,
    /// The values drawn from the seed, as they were at the start.
    drawn: IndexMap<String, Value>,
    scores: Vec<i64>,
    pos: Position,
    events: Vec<Event>,
    /// The play's own CRM (cards written by the pack and the student).
    crm: PlayCrm,
    /// The time of the answer being applied (the play's start before the first), for CRM writes.
    now: i64,
}

struct Vars<'a> {
    vars: &'a IndexMap<String, Value>,
    dims: &'a [crate::pack::Dimension],
    scores: &'a [i64],
}

impl Env for Vars<'_> {
    fn var(&self, name: &str) -> Option<&Value> {
        self.vars.get(name)
    }
    fn score(&self, dim: &str) -> i64 {
        self.dims.iter().position(|d| d.id == dim).map_or(0, |i| self.scores[i])
    }
}

impl Session {
    /// Starts a new play of `pack` with `seed`.
    pub fn start(pack: Rc<LoadedPack>, seed: u64, now: i64) -> Result<Session, EngineError> {
        let play = Play { pack: pack.pack_ref(), seed, answers: vec![], started: now };
        Session::begin(pack, play)
    }

    /// Rebuilds a session from a stored play, checking that it was made on this exact pack.
    pub fn replay(pack: Rc<LoadedPack>, play: &Play) -> Result<Session, EngineError> {
        if play.pack != pack.pack_ref() {
            return Err(EngineError::PackMismatch { play: play.pack.clone(), pack: pack.pack_ref() });
        }
        let mut s = Session::begin(pack, Play { answers: vec![], ..play.clone() })?;
        for a in &play.answers {
            s.answer(a.clone())?;
        }
        Ok(s)
    }

    fn begin(pack: Rc<LoadedPack>, play: Play) -> Result<Session, EngineError> {
        if pack.pack.activities.is_empty() {
            return Err(EngineError::Empty);
        }
        let mut rng = PlayRng::new(play.seed);
        let mut vars = IndexMap::new();
        let mut drawn = IndexMap::new();
        for v in &pack.pack.vars {
            let value = match &v.kind {
                // An empty list only in an unvalidated pack: draw nothing rather than panic.
                VarKind::OneOf { values, weights } => match values.len() {
                    0 => Value::Int(0),
                    n => values[rng.weighted(weights).min(n - 1)].clone(),
                },
                VarKind::Range { lo, hi } => Value::Int(rng.range(*lo, *hi)),
                VarKind::Init(x) => x.clone(),
            };
            if !matches!(v.kind, VarKind::Init(_)) {
                drawn.insert(v.id.clone(), value.clone());
            }
            vars.insert(v.id.clone(), value);
        }
        let scores = vec![0; pack.pack.dimensions.len()];
        let now = play.started;
        let mut s = Session {
            pack,
            play,
            vars,
            drawn,
            scores,
            pos: Position::Finished,
            events: vec![],
            crm: PlayCrm::default(),
            now,
        };
        s.enter_activity(0)?;
        Ok(s)
    }

    pub fn loaded(&self) -> &Rc<LoadedPack> {
        &self.pack
    }

    pub fn play(&self) -> &Play {
        &self.play
    }

    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Current scores, in the pack's dimension order.
    pub fn scores(&self) -> &[i64] {
        &self.scores
    }

    pub fn vars(&self) -> &IndexMap<String, Value> {
        &self.vars
    }

    pub fn drawn(&self) -> &IndexMap<String, Value> {
        &self.drawn
    }

    /// The play's CRM: its cards, and the writes to copy into the student's CRM at the end.
    pub fn crm(&self) -> &PlayCrm {
        &self.crm
    }

    /// Expands the pack's `{var}` templates with this play's variables.
    pub fn texts(&self) -> Texts<'_> {
        Texts { vars: &self.vars, defs: &self.pack.pack.vars }
    }

    pub fn is_finished(&self) -> bool {
        self.pos == Position::Finished
    }

    /// How many activities are done, and how many there are (for a progress bar).
    pub fn progress(&self) -> (usize, usize) {
        let total = self.pack.pack.activities.len();
        match &self.pos {
            Position::At { activity, .. } => (*activity, total),
            Position::Finished => (total, total),
        }
    }

    pub fn current(&self) -> Current<'_> {
        let Position::At { activity, node } = &self.pos else { return Current::Finished };
        let act = &self.pack.pack.activities[*activity];
        match &act.body {
            ActivityBody::Dialogue(d) => match d.nodes.get(node) {
                Some(n) => Current::Choose { activity: act, node: n, choices: self.offered(n) },
                None => Current::Finished,
            },
            _ => Current::Exercise { activity: act, items: self.items(*activity) },
        }
    }

    /// The items of exercise `activity` as this play shows them. The shuffle is drawn from the
    /// seed and the activity id only, so it does not depend on what happened earlier in the play.
    pub fn items(&self, activity: usize) -> Vec<&Item> {
        let act = &self.pack.pack.activities[activity];
        let (items, pick) = match &act.body {
            ActivityBody::Order(o) => (&o.items, o.items.len()),
            ActivityBody::Classify(c) => {
                (&c.items, if c.pick == 0 { c.items.len() } else { (c.pick as usize).min(c.items.len()) })
            }
            _ => return vec![],
        };
        let salt = crate::util::fnv::fnv1a_64(act.id.as_bytes());
        let mut rng = PlayRng::new(self.play.seed ^ salt);
        let mut shown: Vec<&Item> = items.iter().collect();
        for i in (1..shown.len()).rev() {
            let j = rng.range(0, i as i64) as usize;
            shown.swap(i, j);
        }
        if matches!(act.body, ActivityBody::Order(_))
            && shown.len() > 1
            && shown.iter().zip(items).all(|(a, b)| a.id == b.id)
        {
            // Never hand out an order exercise already solved.
            shown.rotate_left(1);
        }
        shown.truncate(pick);
        shown
    }

    /// Submits the answer to the current exercise.
    pub fn submit(&mut self, input: Input, at: i64) -> Result<&GradedExercise, EngineError> {
        let Position::At { activity, node } = &self.pos else { return Err(EngineError::Finished) };
        let answer = Answer {
            activity: self.pack.pack.activities[*activity].id.clone(),
            node: node.clone(),
            input,
            at,
        };
        self.answer(answer)?;
        self.events
            .iter()
            .rev()
            .find_map(|e| if let Event::Graded(g) = e { Some(g) } else { None })
            .ok_or(EngineError::Finished)
    }

    /// Chooses `choice` at the current node.
    pub fn choose(&mut self, choice: &str, at: i64) -> Result<&Chosen, EngineError> {
        let Position::At { activity, node } = &self.pos else { return Err(EngineError::Finished) };
        let answer = Answer {
            activity: self.pack.pack.activities[*activity].id.clone(),
            node: node.clone(),
            input: Input::Choice(choice.to_string()),
            at,
        };
        self.answer(answer)?;
        self.events
            .iter()
            .rev()
            .find_map(|e| if let Event::Chose(c) = e { Some(c) } else { None })
            .ok_or(EngineError::Finished)
    }

    /// Applies one answer; on error the session is left as it was. Only the small state is
    /// copied for the rollback; the transcript and the answers only grow, so they are cut back to
    /// their old length. (Cloning the whole session made every step cost the play's length, and a
    /// replay of a long play quadratic.)
    fn answer(&mut self, a: Answer) -> Result<(), EngineError> {
        let vars = self.vars.clone();
        let scores = self.scores.clone();
        let pos = self.pos.clone();
        let (crm, now) = (self.crm.clone(), self.now);
        let (events, answers) = (self.events.len(), self.play.answers.len());
        let result = self.apply(a);
        if result.is_err() {
            self.vars = vars;
            self.scores = scores;
            self.pos = pos;
            self.crm = crm;
            self.now = now;
            self.events.truncate(events);
            self.play.answers.truncate(answers);
        }
        result
    }

    fn apply(&mut self, a: Answer) -> Result<(), EngineError> {
        let Position::At { activity, node } = self.pos.clone() else { return Err(EngineError::Finished) };
        let pack = Rc::clone(&self.pack);
        let act = &pack.pack.activities[activity];
        self.now = a.at;
        if a.activity != act.id || a.node != node {
            return Err(EngineError::OutOfStep {
                expected: format!("{}/{}", act.id, node),
                got: format!("{}/{}", a.activity, a.node),
            });
        }
        let ActivityBody::Dialogue(d) = &act.body else {
            self.play.answers.push(a.clone());
            return self.grade(activity, a.input);
        };
        let n = self.node(act, d, &node)?;
        let Input::Choice(choice_id) = &a.input else {
            return Err(EngineError::WrongInput { activity: act.id.clone(), expected: "dialogue" });
        };
        let Some(choice) = n.choices().iter().find(|c| &c.id == choice_id) else {
            return Err(EngineError::UnknownChoice { node, choice: choice_id.clone() });
        };
        let offered = self.offered(n);
        if !offered.iter().any(|c| c.id == choice.id) {
            return Err(EngineError::NotOffered { node, choice: choice_id.clone() });
        }
        let total = |c: &Choice| c.score.iter().map(|s| s.delta).sum::<i64>();
        let top = offered.iter().map(|c| total(c)).max().unwrap_or(0);
        let best = total(choice) >= top;
        let better =
            (!best).then(|| offered.iter().find(|c| total(c) == top).map(|c| c.text.clone())).flatten();

        // Effects: score, then set, then add; then the first goto branch that holds.
        let mut deltas: Vec<(String, i64)> = Vec::new();
        for (i, dim) in pack.pack.dimensions.iter().enumerate() {
            let delta: i64 = choice.score.iter().filter(|s| s.dim == dim.id).map(|s| s.delta).sum();
            if delta != 0 {
                self.scores[i] = self.scores[i].saturating_add(delta);
                deltas.push((dim.id.clone(), delta));
            }
        }
        for s in &choice.set {
            self.vars.insert(s.var.clone(), s.value.clone());
        }
        for inc in &choice.add {
            if let Some(Value::Int(x)) = self.vars.get_mut(&inc.var) {
                *x = x.saturating_add(inc.by);
            }
        }
        self.events.push(Event::Chose(Chosen {
            activity,
            node: node.clone(),
            choice: choice.id.clone(),
            text: choice.text.clone(),
            feedback: choice.feedback.clone(),
            principle: choice.principle.clone(),
            deltas,
            best,
            better,
        }));
        self.play.answers.push(a);
        self.write_crm(activity, &choice.crm);
        let target = self
            .branch(&choice.goto)
            .ok_or_else(|| EngineError::Stuck { activity: act.id.clone(), node: node.clone() })?;
        self.arrive(activity, target)
    }

    /// Grades an exercise answer, applies its scores and moves to the next activity.
    fn grade(&mut self, activity: usize, input: Input) -> Result<(), EngineError> {
        let pack = Rc::clone(&self.pack);
        let act = &pack.pack.activities[activity];
        let wrong = || EngineError::WrongInput { activity: act.id.clone(), expected: act.body.kind() };
        let invalid = |why: String| EngineError::InvalidAnswer { activity: act.id.clone(), why };
        let (grade, task) = match (&act.body, &input) {
            (ActivityBody::Order(o), Input::Order(a)) => {
                (exercise::grade_order(o, a).map_err(invalid)?, &o.task)
            }
            (ActivityBody::Classify(c), Input::Classify(a)) => {
                (exercise::grade_classify(c, &self.items(activity), a).map_err(invalid)?, &c.task)
            }
            (ActivityBody::Calc(c), Input::Calc(a)) => {
                (exercise::grade_calc(c, a).map_err(invalid)?, &c.task)
            }
            (ActivityBody::Plan(p), Input::Plan(a)) => {
                (exercise::grade_plan(p, a).map_err(invalid)?, &p.task)
            }
            (ActivityBody::Crm(f), Input::Plan(a)) => {
                let texts = Texts { vars: &self.vars, defs: &pack.pack.vars };
                let reason = format!("角色扮演「{}」", pack.pack.meta.title);
                (self.crm.grade_form(f, a, &texts, self.now, &reason).map_err(invalid)?, &f.task)
            }
            _ => return Err(wrong()),
        };
        let mut deltas = Vec::new();
        for (i, dim) in pack.pack.dimensions.iter().enumerate() {
            if let Some(&(_, d)) = grade.deltas.iter().find(|(id, _)| *id == dim.id) {
                self.scores[i] = self.scores[i].saturating_add(d);
                deltas.push((dim.id.clone(), d));
            }
        }
        self.events.push(Event::Graded(GradedExercise {
            activity,
            kind: act.body.kind().to_string(),
            title: act.title.clone(),
            grade,
            deltas,
            feedback: task.feedback.clone(),
            principle: task.principle.clone(),
        }));
        self.enter_activity(activity + 1)
    }

    /// Runs a node's or choice's CRM writes, in order. A write the CRM refuses (say, an illegal
    /// state move on this path) is reported in the transcript and skipped; the play goes on.
    fn write_crm(&mut self, activity: usize, writes: &[CrmWrite]) {
        let reason = format!("角色扮演「{}」", self.pack.pack.meta.title);
        for w in writes {
            let effect = Texts { vars: &self.vars, defs: &self.pack.pack.vars }.effect(w);
            let (text, ok) = match self.crm.apply(effect, self.now, &reason) {
                Ok(t) => (t, true),
                Err(t) => (t, false),
            };
            self.events.push(Event::Crm { activity, text, ok });
        }
    }

    fn node<'p>(&self, act: &Activity, d: &'p Dialogue, id: &str) -> Result<&'p Node, EngineError> {
        d.nodes
            .get(id)
            .ok_or_else(|| EngineError::MissingNode { activity: act.id.clone(), node: id.to_string() })
    }

    fn env(&self) -> Vars<'_> {
        Vars { vars: &self.vars, dims: &self.pack.pack.dimensions, scores: &self.scores }
    }

    fn holds(&self, c: &Cond) -> bool {
        expr::truthy(&expr::eval(&c.expr, &self.env()))
    }

    fn offered<'n>(&self, n: &'n Node) -> Vec<&'n Choice> {
        n.choices().iter().filter(|c| c.when.as_ref().is_none_or(|w| self.holds(w))).collect()
    }

    fn branch(&self, bs: &[Branch]) -> Option<String> {
        bs.iter().find(|b| b.when.as_ref().is_none_or(|w| self.holds(w))).map(|b| b.to.clone())
    }

    fn enter_activity(&mut self, index: usize) -> Result<(), EngineError> {
        let pack = Rc::clone(&self.pack);
        let Some(act) = pack.pack.activities.get(index) else {
            self.pos = Position::Finished;
            return Ok(());
        };
        self.events.push(Event::Intro { activity: index, title: act.title.clone(), text: act.intro.clone() });
        match &act.body {
            ActivityBody::Dialogue(d) => self.arrive(index, d.start.clone()),
            _ => {
                self.pos = Position::At { activity: index, node: act.id.clone() };
                Ok(())
            }
        }
    }

    /// Moves to `node`, then on through `next` nodes and endings until the student must choose
    /// or the play is over.
    fn arrive(&mut self, activity: usize, mut node: String) -> Result<(), EngineError> {
        let pack = Rc::clone(&self.pack);
        let act = &pack.pack.activities[activity];
        let Some(d) = act.body.dialogue() else { return Err(EngineError::Finished) };
        // A `next` chain visits each node at most once per arrival; more means it loops.
        for _ in 0..=d.nodes.len() {
            let n = self.node(act, d, &node)?;
            let text = n.variants.iter().find(|v| self.holds(&v.when)).map_or(&n.text, |v| &v.text).clone();
            self.events.push(Event::Line { activity, node: node.clone(), speaker: n.speaker.clone(), text });
            self.write_crm(activity, &n.crm);
            match &n.body {
                NodeBody::Choices(_) => {
                    if self.offered(n).is_empty() {
                        return Err(EngineError::Stuck { activity: act.id.clone(), node });
                    }
                    self.pos = Position::At { activity, node };
                    return Ok(());
                }
                NodeBody::Next(bs) => {
                    node = self
                        .branch(bs)
                        .ok_or_else(|| EngineError::Stuck { activity: act.id.clone(), node: node.clone() })?;
                }
                NodeBody::Ending(e) => {
                    self.events.push(Event::Ended {
                        activity,
                        node: node.clone(),
                        outcome: e.outcome,
                        title: e.title.clone(),
                    });
                    return self.enter_activity(activity + 1);
                }
            }
        }
        Err(EngineError::Stuck { activity: act.id.clone(), node })
    }
}
