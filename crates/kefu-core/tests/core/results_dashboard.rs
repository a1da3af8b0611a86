//! The class dashboard from a real import: only verified results count, each student's best
//! attempt per pack, completion and time, per-skill histograms, the mistakes most students made
//! (counted in students), and the CSV exports as Excel/WPS read them.

use kefu_core::testing::plays;

use std::rc::Rc;

use kefu_core::engine::{Event, LoadedPack, Session};
use kefu_core::results::dashboard::active_time;
use kefu_core::results::{
    import, mistakes_csv, results_csv, students_csv, Dashboard, Import, ResultFile, ResultPlay,
};
use plays::{best, student, worst};

struct Class {
    packs: Vec<Rc<LoadedPack>>,
    import: Import,
    /// (student number, session) of every play that should count.
    counted: Vec<(String, Session)>,
}

fn file(n: u32, sessions: &[&Session]) -> Vec<u8> {
    let plays = sessions
        .iter()
        .map(|s| ResultPlay::of_session(s, s.play().answers.last().unwrap().at + 3000))
        .collect();
    ResultFile::new(student(n), plays, 0).to_json().into_bytes()
}

fn class() -> Class {
    let packs = kefu_core::testing::builtin_packs();
    let (apple, jewelry) = (&packs[0], &packs[1]);
    let s1a = best(apple, 1);
    let s1b = best(apple, 2);
    let s2 = worst(apple, 1);
    let s3a = worst(apple, 2);
    let s3b = worst(apple, 3);
    let s4 = best(apple, 4);
    let s5 = best(jewelry, 1);
    let mut tampered: serde_json::Value = serde_json::from_slice(&file(4, &[&worst(apple, 4)])).unwrap();
    tampered["plays"][0]["claimed"] = serde_json::to_value(ResultPlay::of_session(&s4, 0).claimed).unwrap();
    let files = [
        ("1.json", file(1, &[&s1a, &s1b])),
        ("2.json", file(2, &[&s2])),
        ("3.json", file(3, &[&s3a, &s3b])),
        ("4.json", serde_json::to_vec(&tampered).unwrap()),
        ("5.json", file(5, &[&s5])),
        ("1-dup.json", file(1, &[&s1a])),
    ];
    let import = import(&packs, files.iter().map(|(n, b)| (*n, b.as_slice())));
    let counted = [(1, &s1a), (1, &s1b), (2, &s2), (3, &s3a), (3, &s3b), (5, &s5)]
        .into_iter()
        .map(|(n, s)| (student(n).number, s.clone()))
        .collect();
    Class { packs, import, counted }
}

#[test]
fn only_verified_results_reach_the_dashboard_and_each_student_shows_the_best_attempt() {
    let c = class();
    assert_eq!(c.import.summary().flagged, 1);
    assert_eq!(c.import.summary().duplicates, 1);
    let d = Dashboard::of_import(&c.import);
    let numbers: Vec<&str> = d.students.iter().map(|r| r.student.number.as_str()).collect();
    assert_eq!(
        numbers,
        ["2023001", "2023002", "2023003", "2023005"],
        "student 4's tampered file is not counted"
    );
    assert_eq!(d.packs.len(), 2);
    assert_eq!(d.packs[0].pack, c.packs[0].pack_ref());
    assert_eq!(d.packs[0].students, 3);
    assert_eq!(d.packs[1].students, 1);

    for row in &d.students {
        assert_eq!(row.completed, row.packs.iter().flatten().count());
        let mine: Vec<&Session> =
            c.counted.iter().filter(|(n, _)| *n == row.student.number).map(|(_, s)| s).collect();
        let best_percent = mine.iter().map(|s| kefu_core::engine::Debrief::of(s).percent).max().unwrap();
        let shown = row.packs.iter().flatten().map(|p| p.percent).max().unwrap();
        assert_eq!(shown, best_percent, "{}", row.student.number);
        let attempts: usize = row.packs.iter().flatten().map(|p| p.attempts).sum();
        assert_eq!(attempts, mine.len());
        let time: i64 =
            mine.iter().map(|s| active_time(s.play(), s.play().answers.last().unwrap().at + 3000)).sum();
        assert_eq!(row.time_ms, time);
        assert!(row.time_ms > 0);
    }
    let first = &d.students[0];
    assert_eq!(first.packs[0].as_ref().unwrap().percent, 100, "the best play earns 100%");
    assert_eq!(first.packs[0].as_ref().unwrap().dims.len(), d.packs[0].dims.len());
    assert!(first.packs[1].is_none());
}

#[test]
fn skill_histograms_count_each_student_once() {
    let d = Dashboard::of_import(&class().import);
    let dims: usize = d.packs.iter().map(|p| p.dims.len()).sum();
    assert_eq!(d.skills.len(), dims);
    for s in &d.skills {
        let total: usize = s.buckets.iter().map(|b| b.count).sum();
        assert_eq!(total, s.students);
        assert!(s.students <= d.packs[s.pack].students);
        assert_eq!(s.buckets.first().unwrap().from, 0);
        assert_eq!(s.buckets.last().unwrap().to, 100);
    }
    // Apple seller: one student at 100% in every skill it can score, two at the bottom.
    for s in d.skills.iter().filter(|s| s.pack == 0 && s.students == 3) {
        assert_eq!(s.buckets.last().unwrap().count, 1, "{}", s.name);
    }
}

#[test]
fn the_most_common_mistakes_are_counted_in_students() {
    let c = class();
    let d = Dashboard::of_import(&c.import);
    assert!(!d.mistakes.is_empty());
    // Recount independently from the sessions: who made each non-best choice, and who got there.
    for m in &d.mistakes {
        let pack = &d.packs[m.pack].pack;
        let mut who: Vec<&str> = Vec::new();
        let mut reached: Vec<&str> = Vec::new();
        for (n, s) in c.counted.iter().filter(|(_, s)| s.loaded().pack_ref() == *pack) {
            for e in s.events() {
                if let Event::Chose(ch) = e {
                    if ch.node == m.node && ch.activity == 0 {
                        reached.push(n);
                        if ch.choice == m.choice {
                            who.push(n);
                        }
                    }
                }
            }
        }
        who.sort();
        who.dedup();
        reached.sort();
        reached.dedup();
        assert_eq!(m.students, who.len(), "{}/{}", m.node, m.choice);
        assert_eq!(m.reached, reached.len(), "{}/{}", m.node, m.choice);
        assert!(m.better.is_some());
    }
    assert!(d.mistakes.windows(2).all(|w| w[0].students >= w[1].students), "most frequent first");
    // The first node's worst choice: students 2 and 3 made it (3 twice, counted once) of 3 there.
    let first = &d.mistakes[0];
    assert_eq!((first.students, first.reached), (2, 3));
    let node = c.packs[0].pack.activities[0].body.dialogue().unwrap().nodes.get(&first.node).unwrap();
    assert_eq!(first.node_text, node.text);
}

fn rows(bytes: &[u8]) -> Vec<Vec<String>> {
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "Excel needs the BOM to read UTF-8");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    for line in text.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(line.starts_with('"') && line.ends_with('"'), "every field quoted: {line}");
    }
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[3..])
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn csv_exports_read_back() {
    let c = class();
    let d = Dashboard::of_import(&c.import);
    let s = rows(&students_csv(&d));
    assert_eq!(s.len(), 1 + d.students.len());
    assert_eq!(&s[0][..2], ["学号", "姓名"]);
    assert!(s[0].iter().all(|h| !h.is_empty()));
    assert!(s.iter().all(|r| r.len() == s[0].len()), "a rectangle");
    let percent_col = s[0].iter().position(|h| h == &format!("{}·得分率(%)", d.packs[0].title)).unwrap();
    assert_eq!(s[1][0], "2023001");
    assert_eq!(s[1][percent_col], "100");
    assert_eq!(s[1][2], "1/2");
    assert_eq!(s[4][percent_col], "", "student 5 did not play this pack");

    let m = rows(&mistakes_csv(&d));
    assert_eq!(m.len(), 1 + d.mistakes.len() + d.missed_items.len());
    assert_eq!(m[1][7], d.mistakes[0].students.to_string());

    let r = rows(&results_csv(&c.import));
    assert_eq!(r.len(), 1 + c.import.rows.len());
    assert!(r.iter().any(|row| row[7] == "分数不符" && row[2] == "2023004"));
    assert_eq!(r.iter().filter(|row| row[10] == "是").count(), 1);
}
