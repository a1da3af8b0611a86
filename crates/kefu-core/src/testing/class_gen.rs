//! A generated class record for the class record's tests and bench: `students` students with
//! `per` plays each, over the built-in packs in turn, alternately best and worst plays, one play
//! a day per student from [`T0`].

use std::rc::Rc;

use crate::engine::LoadedPack;
use crate::results::{ClassRecord, ResultPlay};

use super::plays::{best, student, worst};

/// The first play's finish time (2023-11-14, ms).
pub const T0: i64 = 1_700_000_000_000;
/// A day in ms.
pub const DAY: i64 = 86_400_000;

/// The `j`-th play of student `n` and its finish time.
pub fn play(packs: &[Rc<LoadedPack>], n: u32, j: u32) -> ResultPlay {
    let pack = &packs[j as usize % packs.len()];
    let seed = u64::from(n) * 1000 + u64::from(j);
    let s = if (n + j) % 2 == 0 { best(pack, seed) } else { worst(pack, seed) };
    ResultPlay::of_session(&s, T0 + i64::from(j) * DAY + i64::from(n) * 60_000)
}

pub fn record(packs: &[Rc<LoadedPack>], students: u32, per: u32) -> ClassRecord {
    let mut r = ClassRecord::new("c-bench", "23级客服1班", T0);
    for n in 1..=students {
        let who = student(n);
        for j in 0..per {
            r.add(&format!("成绩-{}-{j}.json", who.number), &who, &play(packs, n, j), T0 + 1);
        }
    }
    r
}
