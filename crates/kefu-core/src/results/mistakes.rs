//! What the class got wrong, for the next lesson: the dialogue choices that were not the best
//! option at their node, and the exercise items answered wrongly, each counted in students (a
//! student who made the same mistake in three plays counts once) and set against how many
//! students reached that point.

use crate::engine::Event;

use super::dashboard::Counted;

/// A dialogue choice that was not the best offered one.
#[derive(Debug, Clone, PartialEq)]
pub struct Mistake {
    /// Index into the dashboard's packs.
    pub pack: usize,
    pub activity: String,
    pub node: String,
    /// What the customer said (the node's text as written in the pack).
    pub node_text: String,
    pub choice: String,
    pub choice_text: String,
    /// The text of a better choice offered at that moment.
    pub better: Option<String>,
    pub feedback: String,
    pub principle: String,
    /// Students who made this choice.
    pub students: usize,
    /// Students who answered at this node at all.
    pub reached: usize,
}

/// An exercise item answered wrongly.
#[derive(Debug, Clone, PartialEq)]
pub struct MissedItem {
    pub pack: usize,
    pub activity: String,
    pub item: String,
    pub label: String,
    /// What was expected, or the grader's note on where the item belongs.
    pub expected: String,
    pub students: usize,
    /// Students who submitted this exercise.
    pub answered: usize,
}

/// Most students first; then the larger share of those who got there; then pack order.
fn rank(
    students: usize,
    reached: usize,
    pack: usize,
) -> (std::cmp::Reverse<usize>, std::cmp::Reverse<u64>, usize) {
    let share = (students as u64 * 1000).checked_div(reached as u64).unwrap_or(0);
    (std::cmp::Reverse(students), std::cmp::Reverse(share), pack)
}

/// The distinct students of a list (a class is small; a hash set would cost the wasm more).
#[derive(Default)]
struct Who<'a>(Vec<&'a str>);

impl<'a> Who<'a> {
    fn of(n: &'a str) -> Who<'a> {
        Who(vec![n])
    }
    fn insert(&mut self, n: &'a str) {
        if !self.0.contains(&n) {
            self.0.push(n);
        }
    }
    fn len(&self) -> usize {
        self.0.len()
    }
}

/// Inserts `x` after every element ranked at or before it (a stable insertion sort; see
/// `dashboard.rs` on why not `sort`).
fn insert_ranked<T, K: Ord>(out: &mut Vec<T>, x: T, key: impl Fn(&T) -> K) {
    let k = key(&x);
    let at = out.partition_point(|y| key(y) <= k);
    out.insert(at, x);
}

/// (pack, activity index, node id): a place in a dialogue.
type At = (usize, usize, String);

pub fn common_mistakes(results: &[(usize, &Counted)]) -> Vec<Mistake> {
    // (place, choice id) → the mistake and who made it.
    let mut found: Vec<((At, String), Mistake, Who)> = Vec::new();
    let mut reached: Vec<(At, Who)> = Vec::new();
    for &(pack, r) in results {
        let loaded = r.verified.session.loaded();
        for e in r.verified.session.events() {
            let Event::Chose(c) = e else { continue };
            let who = r.student.number.as_str();
            let at = (pack, c.activity, c.node.clone());
            match reached.iter_mut().find(|(k, _)| *k == at) {
                Some((_, set)) => {
                    set.insert(who);
                }
                None => reached.push((at, Who::of(who))),
            }
            if c.best {
                continue;
            }
            let key = ((pack, c.activity, c.node.clone()), c.choice.clone());
            if let Some((_, _, set)) = found.iter_mut().find(|(k, _, _)| *k == key) {
                set.insert(who);
                continue;
            }
            let act = &loaded.pack.activities[c.activity];
            let node_text = act
                .body
                .dialogue()
                .and_then(|d| d.nodes.get(&c.node))
                .map(|n| n.text.clone())
                .unwrap_or_default();
            let m = Mistake {
                pack,
                activity: act.title.clone(),
                node: c.node.clone(),
                node_text,
                choice: c.choice.clone(),
                choice_text: c.text.clone(),
                better: c.better.clone(),
                feedback: c.feedback.clone(),
                principle: c.principle.clone(),
                students: 0,
                reached: 0,
            };
            found.push((key, m, Who::of(who)));
        }
    }
    let mut out: Vec<Mistake> = Vec::with_capacity(found.len());
    for ((at, _), mut m, who) in found {
        m.students = who.len();
        m.reached = reached.iter().find(|(k, _)| *k == at).map_or(m.students, |(_, s)| s.len());
        insert_ranked(&mut out, m, |m| rank(m.students, m.reached, m.pack));
    }
    out
}

pub fn missed_items(results: &[(usize, &Counted)]) -> Vec<MissedItem> {
    // (pack, activity index, item id) → the item and who missed it.
    let mut found: Vec<(At, MissedItem, Who)> = Vec::new();
    let mut answered: Vec<((usize, usize), Who)> = Vec::new();
    for &(pack, r) in results {
        let who = r.student.number.as_str();
        for g in &r.verified.debrief.exercises {
            match answered.iter_mut().find(|(k, _)| *k == (pack, g.activity)) {
                Some((_, set)) => {
                    set.insert(who);
                }
                None => answered.push(((pack, g.activity), Who::of(who))),
            }
            for item in g.grade.results.iter().filter(|i| !i.ok) {
                let key = (pack, g.activity, item.id.clone());
                if let Some((_, _, set)) = found.iter_mut().find(|(k, _, _)| *k == key) {
                    set.insert(who);
                    continue;
                }
                let expected =
                    if item.expected.is_empty() { item.note.clone() } else { item.expected.clone() };
                let m = MissedItem {
                    pack,
                    activity: g.title.clone(),
                    item: item.id.clone(),
                    label: item.label.clone(),
                    expected,
                    students: 0,
                    answered: 0,
                };
                found.push((key, m, Who::of(who)));
            }
        }
    }
    let mut out: Vec<MissedItem> = Vec::with_capacity(found.len());
    for ((pack, activity, _), mut m, who) in found {
        m.students = who.len();
        m.answered =
            answered.iter().find(|(k, _)| *k == (pack, activity)).map_or(m.students, |(_, s)| s.len());
        insert_ranked(&mut out, m, |m| rank(m.students, m.answered, m.pack));
    }
    out
}
