//! The typed pack model: what a pack means once its TOML has been read and checked. The engine
//! plays this. Packs travel in this form, serialized with postcard (`pack::summary::encode_file`):
//! the build writes the built-in packs' files, the teacher app stores loaded packs so, and the
//! student app decodes them, so a student's first load carries no TOML parser.
//!
//! Spans are kept for the checker and skipped in the compiled form.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::decimal::Decimal;
use super::expr::{Expr, Value};
use super::source::Span;
use crate::crm::contact::{ContactKind, Outcome as ContactOutcome};
use crate::crm::customer::Kind as CardKind;
use crate::crm::field::Field;
use crate::crm::man::{Man, ManClass};
use crate::crm::state::State;

/// A whole scenario pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pack {
    pub meta: Meta,
    pub dimensions: Vec<Dimension>,
    pub vars: Vec<VarDef>,
    pub grades: Vec<GradeBand>,
    pub activities: Vec<Activity>,
}

/// The `[pack]` table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub id: String,
    pub version: u32,
    pub title: String,
    pub lang: String,
    /// Where in the course the pack comes from, e.g. "001 项目二 · 精彩案例 老太太买苹果".
    pub source: String,
    /// The course project (项目) the home page groups it under; may be empty.
    pub project: String,
    pub summary: String,
    /// How long a play takes, for the home page.
    pub minutes: u32,
}

/// A skill the pack scores, e.g. `needs` = 需求挖掘.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    #[serde(skip)]
    pub span: Span,
}

/// A play variable: drawn from the play's seed (`OneOf`, `Range`) or starting at a fixed value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VarDef {
    pub id: String,
    pub kind: VarKind,
    /// Human-readable names of values, shown in the debrief ("这位顾客要的是…").
    pub labels: IndexMap<String, String>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum VarKind {
    /// One of these values, drawn with the given weights (all 1 when not written).
    OneOf { values: Vec<Value>, weights: Vec<u32> },
    /// An integer in `lo..=hi`.
    Range { lo: i64, hi: i64 },
    /// Not random: starts at this value and changes through `set`/`add` effects.
    Init(Value),
}

/// A grade band: a total at or above `min` percent of the reachable maximum earns this grade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradeBand {
    pub min: u32,
    pub label: String,
    pub text: String,
    #[serde(skip)]
    pub span: Span,
}

/// One activity of a pack. A play goes through a pack's activities in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub id: String,
    pub title: String,
    /// Scene-setting text shown before the first step.
    pub intro: String,
    pub body: ActivityBody,
    #[serde(skip)]
    pub span: Span,
}

/// The kinds of activity: a branching role-play, or one of the exercises (see `exercise.rs`).
// Externally tagged (`{"dialogue": {…}}`): an internally tagged enum would pull serde's buffering
// `Content` deserializer into the wasm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActivityBody {
    Dialogue(Dialogue),
    Order(Order),
    Classify(Classify),
    Calc(Calc),
    Plan(Plan),
    /// A customer card to fill in, graded against the CRM (see `CrmForm`).
    Crm(CrmForm),
}

impl ActivityBody {
    pub fn kind(&self) -> &'static str {
        match self {
            ActivityBody::Dialogue(_) => "dialogue",
            ActivityBody::Order(_) => "order",
            ActivityBody::Classify(_) => "classify",
            ActivityBody::Calc(_) => "calc",
            ActivityBody::Plan(_) => "plan",
            ActivityBody::Crm(_) => "crm",
        }
    }

    pub fn dialogue(&self) -> Option<&Dialogue> {
        match self {
            ActivityBody::Dialogue(d) => Some(d),
            _ => None,
        }
    }
}

/// What every exercise has: the task, how each right answer scores, and the closing feedback.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub prompt: String,
    /// Score per right answer (per correctly ordered item, classified item, or correct step).
    pub score: Vec<ScoreDelta>,
    /// Shown after the exercise is submitted, and in the debrief.
    pub feedback: String,
    pub principle: String,
}

/// An item of an `order` or `classify` exercise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub text: String,
    /// `classify`: the id of the right category.
    pub category: String,
    /// Shown when this item is answered wrongly (and in the debrief).
    pub feedback: String,
    #[serde(skip)]
    pub span: Span,
}

/// Put the items in order. Written in the right order; shown shuffled by the play's seed. Scores
/// `score` for each item in the longest run that is in the right relative order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Order {
    pub task: Task,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Category {
    pub id: String,
    pub text: String,
    #[serde(skip)]
    pub span: Span,
}

/// Sort items into categories. `pick` items (all when 0) are drawn by the seed and shuffled.
/// Scores `score` per item put in its category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Classify {
    pub task: Task,
    pub categories: Vec<Category>,
    pub items: Vec<Item>,
    pub pick: u32,
}

/// One numeric step of a `calc` exercise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalcStep {
    pub id: String,
    pub text: String,
    pub answer: Decimal,
    pub unit: String,
    /// Largest accepted absolute difference from `answer`.
    pub tolerance: Decimal,
    /// Shown when the step is answered wrongly.
    pub hint: String,
    #[serde(skip)]
    pub span: Span,
}

/// Numeric steps with expected values; `score` per correct step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Calc {
    pub task: Task,
    pub steps: Vec<CalcStep>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldInput {
    /// Free text, kept for the teacher and exported; not scored.
    Text,
    /// Exactly one option.
    One,
    /// Any number of options.
    Many,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanOption {
    pub id: String,
    pub text: String,
    pub score: Vec<ScoreDelta>,
    pub feedback: String,
    #[serde(skip)]
    pub span: Span,
}

/// (De)serialized by hand: in the form before rubrics (`legacy::before_rubrics`) it has no
/// `rubric`, so that teacher packs stored before can still be read.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanField {
    pub id: String,
    pub label: String,
    pub input: FieldInput,
    pub options: Vec<PlanOption>,
    /// Text fields: the fewest characters accepted (0 = may be left empty).
    pub min_chars: u32,
    /// Text fields: the teacher's rubric for the answer (empty: none). See `rubric.rs`.
    pub rubric: Vec<super::rubric::Criterion>,
    pub span: Span,
}

/// [`PlanField`] as written now.
#[derive(Serialize)]
#[serde(rename = "PlanField")]
struct PlanFieldOut<'a> {
    id: &'a str,
    label: &'a str,
    input: &'a FieldInput,
    options: &'a [PlanOption],
    min_chars: u32,
    rubric: &'a [super::rubric::Criterion],
}

/// [`PlanField`] as written in the form before rubrics (tests of reading that form).
#[derive(Serialize)]
#[serde(rename = "PlanField")]
struct PlanFieldOutBeforeRubrics<'a> {
    id: &'a str,
    label: &'a str,
    input: &'a FieldInput,
    options: &'a [PlanOption],
    min_chars: u32,
}

/// [`PlanField`] as read now.
#[derive(Deserialize)]
#[serde(rename = "PlanField")]
struct PlanFieldIn {
    id: String,
    label: String,
    input: FieldInput,
    options: Vec<PlanOption>,
    min_chars: u32,
    rubric: Vec<super::rubric::Criterion>,
}

/// [`PlanField`] as read in the form before rubrics.
#[derive(Deserialize)]
#[serde(rename = "PlanField")]
struct PlanFieldBeforeRubrics {
    id: String,
    label: String,
    input: FieldInput,
    options: Vec<PlanOption>,
    min_chars: u32,
}

impl Serialize for PlanField {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (id, label, input, options) = (&self.id[..], &self.label[..], &self.input, &self.options[..]);
        let min_chars = self.min_chars;
        if super::legacy::reading_before_rubrics() {
            PlanFieldOutBeforeRubrics { id, label, input, options, min_chars }.serialize(s)
        } else {
            PlanFieldOut { id, label, input, options, min_chars, rubric: &self.rubric }.serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for PlanField {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (id, label, input, options, min_chars, rubric) = if super::legacy::reading_before_rubrics() {
            let f = PlanFieldBeforeRubrics::deserialize(d)?;
            (f.id, f.label, f.input, f.options, f.min_chars, vec![])
        } else {
            let f = PlanFieldIn::deserialize(d)?;
            (f.id, f.label, f.input, f.options, f.min_chars, f.rubric)
        };
        Ok(PlanField { id, label, input, options, min_chars, rubric, span: Span::default() })
    }
}

/// A structured plan: option fields scored by their options' `score` (the rubric), free-text fields
/// kept for the teacher.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub task: Task,
    pub fields: Vec<PlanField>,
}

/// A branching role-play: nodes joined by choices, ending in one of its ending nodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dialogue {
    pub start: String,
    #[serde(skip)]
    pub start_span: Span,
    /// Nodes by id, in source order.
    pub nodes: IndexMap<String, Node>,
}

/// One step of a dialogue: someone says something, then the student chooses, or the dialogue
/// moves on by itself (`Next`), or it ends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    pub id: String,
    /// Who speaks (display text such as "老太太"); empty for narration.
    pub speaker: String,
    pub text: String,
    /// Alternative texts; the first whose condition holds replaces `text`.
    pub variants: Vec<Variant>,
    pub body: NodeBody,
    /// CRM writes made when the node is reached.
    pub crm: Vec<CrmWrite>,
    /// Why this node's options may depend on the seed's draw (silences W005); empty: they may not.
    pub depends_on_draw: String,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Variant {
    pub when: Cond,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum NodeBody {
    Choices(Vec<Choice>),
    /// Shown, then the dialogue goes on by itself.
    Next(Vec<Branch>),
    Ending(Ending),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Success,
    Partial,
    Fail,
}

impl Outcome {
    pub const ALL: [(&'static str, Outcome); 3] =
        [("success", Outcome::Success), ("partial", Outcome::Partial), ("fail", Outcome::Fail)];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ending {
    pub outcome: Outcome,
    /// A short name for the ending, e.g. "老太太摇摇头走了".
    pub title: String,
}

/// Something the student can say or do at a node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub id: String,
    pub text: String,
    /// Offered only when this holds.
    pub when: Option<Cond>,
    pub goto: Vec<Branch>,
    pub score: Vec<ScoreDelta>,
    pub set: Vec<Assign>,
    pub add: Vec<Increment>,
    pub feedback: String,
    /// The course principle the feedback applies, e.g. "MAN法则" or "先了解需求,再介绍产品".
    pub principle: String,
    /// CRM writes made when the choice is taken (after `set` and `add`).
    pub crm: Vec<CrmWrite>,
    #[serde(skip)]
    pub span: Span,
}

/// One possible destination: the first branch whose condition holds (or that has none) is taken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Branch {
    pub when: Option<Cond>,
    pub to: String,
    #[serde(skip)]
    pub span: Span,
}

/// A parsed condition together with its source text (for display) and location.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cond {
    pub src: String,
    pub expr: Expr,
    /// Span of the first character of the expression text in the file (see `lower::expr_base`).
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreDelta {
    pub dim: String,
    pub delta: i64,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assign {
    pub var: String,
    pub value: Value,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Increment {
    pub var: String,
    pub by: i64,
    #[serde(skip)]
    pub span: Span,
}

impl Pack {
    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    pub fn var(&self, id: &str) -> Option<&VarDef> {
        self.vars.iter().find(|v| v.id == id)
    }

    pub fn activity(&self, id: &str) -> Option<&Activity> {
        self.activities.iter().find(|a| a.id == id)
    }
}

impl Node {
    pub fn choices(&self) -> &[Choice] {
        match &self.body {
            NodeBody::Choices(c) => c,
            _ => &[],
        }
    }

    /// Every node this one can lead to (through any choice or branch), with repeats.
    pub fn successors(&self) -> impl Iterator<Item = &str> {
        let (choices, next): (&[Choice], &[Branch]) = match &self.body {
            NodeBody::Choices(c) => (c, &[]),
            NodeBody::Next(b) => (&[], b),
            NodeBody::Ending(_) => (&[], &[]),
        };
        choices.iter().flat_map(|c| c.goto.iter()).chain(next.iter()).map(|b| b.to.as_str())
    }

    pub fn is_ending(&self) -> bool {
        matches!(self.body, NodeBody::Ending(_))
    }
}

/// A write to the play's CRM: what to do to the customer named by the handle `customer`. Texts may
/// hold templates (`{need}`, see `template.rs`), expanded when the write runs. The engine turns it
/// into a `crm::CrmEffect` (this mirror keeps the pack model free of the CRM workspace, which the
/// build script does not compile).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CrmWrite {
    pub customer: String,
    pub op: CrmOp,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CrmOp {
    Create { kind: CardKind, fields: Vec<(Field, String)> },
    Update { fields: Vec<(Field, String)> },
    LogContact { kind: ContactKind, outcome: ContactOutcome, person: String, summary: String },
    MoveState { to: State },
    SetMan { man: Man },
}

impl CrmOp {
    pub const NAMES: [&'static str; 5] = ["create", "update", "log_contact", "move_state", "set_man"];
}

/// What a card check tests (mirrors `crm::CrmCheck`; `equals`/`contains` may hold templates).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CrmTest {
    Field { field: Field, equals: String },
    FieldContains { field: Field, contains: String },
    Man { man: Man },
    ManClass { class: ManClass },
    State { state: State },
    Contacted { kind: Option<ContactKind>, outcome: Option<ContactOutcome> },
}

impl CrmTest {
    pub const NAMES: [&'static str; 6] =
        ["field", "field_contains", "man", "man_class", "state", "contacted"];
}

/// One graded check of a `crm` activity: passing it earns `score`; when it fails, `feedback` and
/// `principle` say why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardCheck {
    pub id: String,
    pub customer: String,
    pub test: CrmTest,
    pub score: Vec<ScoreDelta>,
    pub feedback: String,
    pub principle: String,
    #[serde(skip)]
    pub span: Span,
}

/// Where a form field's choices come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FormOptions {
    /// Free text.
    Free,
    /// One of these texts.
    List(Vec<String>),
    /// One of the labels (or values) of this variable: the student picks what this customer said.
    Var(String),
}

/// One field of the card form. The MAN field (`man`) is asked as three yes/no questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormField {
    pub field: Field,
    /// Shown above the field; the card field's own label when the pack gives none.
    pub label: String,
    pub options: FormOptions,
    #[serde(skip)]
    pub span: Span,
}

/// `crm`: the student fills in a customer card; the values are written to the play's CRM (a new
/// card when the handle is not bound yet) together with `fixed`, then the checks grade the card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CrmForm {
    pub task: Task,
    pub customer: String,
    /// Values written with the form (templates allowed), e.g. the customer group.
    pub fixed: Vec<(Field, String)>,
    pub fields: Vec<FormField>,
    pub checks: Vec<CardCheck>,
}
