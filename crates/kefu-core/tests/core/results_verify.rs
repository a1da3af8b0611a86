//! Result files made from real plays of the built-in packs: exported, read back, replayed and
//! verified; and every kind of bad result flagged with what is wrong: tampered scores, altered
//! answers, an unfinished play, an unknown pack or version, malformed JSON. A class import goes on
//! past bad files and counts duplicates once.

use kefu_core::testing;
use kefu_core::testing::plays;

use std::rc::Rc;

use kefu_core::engine::{Current, EngineError, Input, LoadedPack};
use kefu_core::results::{import, parse, Field, ResultFile, ResultPlay, Verdict};
use plays::{best, file_of, finished, play, student, Picker};
use proptest::prelude::*;
use serde_json::Value;

fn packs() -> Vec<Rc<LoadedPack>> {
    let mut p = kefu_core::testing::builtin_packs();
    p.push(testing::load("ex.toml", testing::EXERCISES));
    p
}

fn only_play(text: &str) -> ResultPlay {
    let mut parsed = parse(text.as_bytes()).unwrap();
    assert_eq!(parsed.plays.len(), 1);
    parsed.plays.remove(0).unwrap()
}

fn verdict_of(text: &str) -> Verdict {
    kefu_core::results::verify(&packs(), &only_play(text))
}

/// Edits a file's JSON.
fn edit(text: &str, f: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(text).unwrap();
    f(&mut v);
    serde_json::to_string_pretty(&v).unwrap()
}

#[test]
fn exported_plays_of_every_pack_verify_after_a_round_trip() {
    for pack in packs() {
        for seed in [1, 7, 42] {
            let s = finished(&pack, seed, seed * 10);
            let text = file_of(&student(1), &[&s]);
            let parsed = parse(text.as_bytes()).unwrap();
            assert_eq!(parsed.student, student(1));
            assert_eq!(parsed.app, env!("CARGO_PKG_VERSION"));
            let play = parsed.plays[0].clone().unwrap();
            assert_eq!(play.play(), *s.play(), "the file holds the exact play, answer times included");
            let v = kefu_core::results::verify(&packs(), &play);
            let Verdict::Verified(ok) = v else { panic!("{}: {v}", pack.pack.meta.id) };
            assert_eq!(ok.session.events(), s.events());
        }
    }
}

#[test]
fn tampered_scores_name_the_dimension_with_both_values() {
    let pack = &kefu_core::testing::builtin_packs()[0];
    let s = finished(pack, 3, 1);
    let text = file_of(&student(1), &[&s]);
    let dim = only_play(&text).claimed.dims[1].clone();
    let tampered = edit(&text, |v| {
        let d = &mut v["plays"][0]["claimed"]["dims"][1]["score"];
        *d = Value::from(d.as_i64().unwrap() + 2);
    });
    let Verdict::ScoreMismatch(ms) = verdict_of(&tampered) else { panic!("must be flagged") };
    assert_eq!(ms.len(), 1, "{ms:?}");
    assert_eq!(ms[0].field, Field::Score { dim: dim.id.clone(), name: dim.name.clone() });
    assert_eq!(ms[0].claimed, (dim.score + 2).to_string());
    assert_eq!(ms[0].replayed, dim.score.to_string());
    let shown = Verdict::ScoreMismatch(ms).to_string();
    assert!(shown.contains(&dim.name) && shown.contains(&(dim.score + 2).to_string()), "{shown}");

    // Percent and grade raised together (what a student would do to look better).
    let raised = edit(&text, |v| {
        v["plays"][0]["claimed"]["percent"] = Value::from(100);
        v["plays"][0]["claimed"]["grade"] = Value::from("优秀");
    });
    let Verdict::ScoreMismatch(ms) = verdict_of(&raised) else { panic!("must be flagged") };
    assert!(ms.iter().any(|m| m.field == Field::Percent && m.claimed == "100%"), "{ms:?}");

    // A dimension removed from the claims.
    let dropped = edit(&text, |v| {
        v["plays"][0]["claimed"]["dims"].as_array_mut().unwrap().remove(0);
    });
    let Verdict::ScoreMismatch(ms) = verdict_of(&dropped) else { panic!("must be flagged") };
    assert!(ms.iter().any(|m| m.claimed == "—"), "{ms:?}");
}

#[test]
fn altered_answers_are_caught_by_the_replay() {
    let pack = &kefu_core::testing::builtin_packs()[0];
    // The worst first choice of a best play, claims unchanged: scores differ on replay (or the
    // play no longer fits its answers).
    let s = best(pack, 5);
    let text = file_of(&student(2), &[&s]);
    let first = &s.play().answers[0];
    let start = kefu_core::engine::Session::start(pack.clone(), 5, 0).unwrap();
    let Current::Choose { node, .. } = start.current() else { panic!() };
    let total = |c: &kefu_core::pack::Choice| c.score.iter().map(|x| x.delta).sum::<i64>();
    let worst = node.choices().iter().min_by_key(|c| total(c)).unwrap().id.clone();
    assert_ne!(Input::Choice(worst.clone()), first.input);
    let altered = edit(&text, |v| v["plays"][0]["answers"][0]["choice"] = Value::from(worst));
    let v = verdict_of(&altered);
    assert!(matches!(v, Verdict::ScoreMismatch(_) | Verdict::ReplayFailed(_)), "{v}");

    // An exercise answer changed after the fact: the play still replays, to another score.
    let ex = testing::load("ex.toml", testing::EXERCISES);
    let text_ex = file_of(&student(2), &[&best(&ex, 4)]);
    let reordered = edit(&text_ex, |v| {
        v["plays"][0]["answers"][0]["order"].as_array_mut().unwrap().reverse();
    });
    let Verdict::ScoreMismatch(ms) = verdict_of(&reordered) else { panic!("must be flagged") };
    assert!(ms.iter().any(|m| matches!(&m.field, Field::Score { dim, .. } if dim == "know")), "{ms:?}");

    // A choice that does not exist.
    let invented = edit(&text, |v| v["plays"][0]["answers"][0]["choice"] = Value::from("always_best"));
    let v = verdict_of(&invented);
    assert!(
        matches!(&v, Verdict::ReplayFailed(EngineError::UnknownChoice { choice, .. }) if choice == "always_best"),
        "{v}"
    );
    assert!(v.to_string().contains("always_best"));

    // Answers dropped at the end: the play is not over.
    let cut = edit(&text, |v| {
        v["plays"][0]["answers"].as_array_mut().unwrap().pop();
    });
    let v = verdict_of(&cut);
    assert!(matches!(v, Verdict::NotFinished { .. }), "{v}");
}

#[test]
fn unknown_packs_say_whether_the_id_is_known_in_another_version() {
    let pack = &kefu_core::testing::builtin_packs()[1];
    let text = file_of(&student(3), &[&finished(pack, 2, 3)]);
    let other_id = edit(&text, |v| v["plays"][0]["pack"]["id"] = Value::from("no-such-pack"));
    let Verdict::UnknownPack { same_id } = verdict_of(&other_id) else { panic!() };
    assert!(same_id.is_empty());
    let newer = edit(&text, |v| v["plays"][0]["pack"]["version"] = Value::from(99));
    let Verdict::UnknownPack { same_id } = verdict_of(&newer) else { panic!() };
    assert_eq!(same_id, vec![pack.pack_ref()]);
    assert!(Verdict::UnknownPack { same_id }.to_string().contains("版本不同"));
    let edited_text = edit(&text, |v| v["plays"][0]["pack"]["hash"] = Value::from("0".repeat(64)));
    assert!(matches!(verdict_of(&edited_text), Verdict::UnknownPack { same_id } if same_id.len() == 1));
}

#[test]
fn malformed_files_and_plays_are_located() {
    let pack = &kefu_core::testing::builtin_packs()[0];
    let a = finished(pack, 1, 1);
    let b = finished(pack, 2, 2);
    let text = file_of(&student(4), &[&a, &b]);

    // A syntax error: the line and column of the damage.
    let broken = text.replacen("\"seed\":", "\"seed\" ", 1);
    let line = broken.lines().position(|l| l.contains("\"seed\" ")).unwrap() + 1;
    let m = parse(broken.as_bytes()).unwrap_err();
    assert_eq!(m.line, line, "{m}");
    // The column counts characters (the Chinese title before it counts one per character).
    let at = broken.find("\"seed\" ").unwrap() + "\"seed\" ".len();
    let line_start = broken[..at].rfind('\n').map_or(0, |i| i + 1);
    assert!(
        broken[..at].chars().count() > broken[..at].len() / 3,
        "the file has Chinese text before the error"
    );
    assert_eq!(m.col, broken[line_start..at].chars().count() + 1, "{m}");
    assert!(m.message.contains("JSON 语法错误"), "{m}");

    // The second play lacks its seed: that play is malformed (located in it), the first is fine.
    let missing = edit(&text, |v| {
        v["plays"][1].as_object_mut().unwrap().remove("seed");
    });
    let parsed = parse(missing.as_bytes()).unwrap();
    assert!(parsed.plays[0].is_ok());
    let m = parsed.plays[1].clone().unwrap_err();
    assert!(m.message.contains("seed"), "{m}");
    let second_play_starts = missing.match_indices("\"pack\": {").nth(1).unwrap().0;
    let start_line = missing[..second_play_starts].lines().count();
    assert!(m.line >= start_line, "{m} should point into the second play (from line {start_line})");

    // A wrong type in the student.
    let bad_student = edit(&text, |v| v["student"]["number"] = Value::from(2023004));
    assert!(parse(bad_student.as_bytes()).unwrap_err().message.contains("内容不符合"));
    let blank_name = edit(&text, |v| v["student"]["name"] = Value::from("  "));
    assert!(parse(blank_name.as_bytes()).unwrap_err().message.contains("请填写姓名"));
}

#[test]
fn a_class_import_goes_on_past_bad_files_and_counts_duplicates_once() {
    let packs = packs();
    let apple = &packs[0];
    let s1 = finished(apple, 11, 1);
    let s2 = finished(apple, 12, 2);
    let good = file_of(&student(1), &[&s1]);
    let both = file_of(&student(1), &[&s1, &s2]); // s1 again, exported with "all"
    let other = file_of(&student(2), &[&s1]); // same play, another student: a copy, not a duplicate
    let s3 = finished(apple, 13, 3); // its own play: student 1's s2 under student 3 would be a copy
    let tampered =
        edit(&file_of(&student(3), &[&s3]), |v| v["plays"][0]["claimed"]["percent"] = Value::from(101));
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("a.json", good.clone().into_bytes()),
        ("garbage.json", b"\x00\x01not json".to_vec()),
        ("b.json", both.into_bytes()),
        ("a-again.json", good.into_bytes()),
        ("empty.json", vec![]),
        ("c.json", other.into_bytes()),
        ("d.json", tampered.into_bytes()),
    ];
    let imp = import(&packs, files.iter().map(|(n, b)| (*n, b.as_slice())));
    let s = imp.summary();
    assert_eq!(s.files, 7);
    assert_eq!(s.rows, 8);
    assert_eq!(s.duplicates, 2, "b.json's first play and a-again.json repeat a.json");
    assert_eq!(s.copies, 2, "a.json and c.json hold the same play under two students");
    assert_eq!(s.verified, 1, "b.json's second play");
    assert_eq!(s.flagged, 3, "garbage, empty, tampered");
    let dup = imp.rows.iter().find(|r| r.file == "a-again.json").unwrap();
    assert_eq!(dup.duplicate_of, Some(0));
    assert!(dup.verdict.is_verified() && !dup.counts());
    assert!(imp.rows.iter().find(|r| r.file == "garbage.json").unwrap().verdict.label() == "文件损坏");
    assert!(matches!(imp.rows.last().unwrap().verdict, Verdict::ScoreMismatch(_)));
    assert_eq!(imp.counted().count(), 1);
    assert!(imp.counted().all(|(_, _, v)| v.session.is_finished()));

    // A later batch: duplicates are found across batches.
    let mut imp = imp;
    let again = file_of(&student(2), &[&s1]);
    imp.add_file(&packs, "c-again.json", again.as_bytes());
    assert_eq!(imp.summary().duplicates, 3);
    assert_eq!(imp.summary().verified, 1);
}

#[test]
fn a_classmates_file_with_the_name_and_number_changed_is_a_copy_and_not_counted() {
    let packs = packs();
    let apple = &packs[0];
    let mine = finished(apple, 11, 1);
    let original = file_of(&student(1), &[&mine]);
    let copied = edit(&original, |v| {
        v["student"]["name"] = Value::from("学生9");
        v["student"]["number"] = Value::from("2023009");
    });
    // Same seed, another play (started at another time): not a copy.
    let own = finished(apple, 11, 40);
    assert_ne!(own.play().started, mine.play().started);
    let honest = file_of(&student(3), &[&own]);
    let files = [("mine.json", original), ("copied.json", copied), ("honest.json", honest)];
    let imp = import(&packs, files.iter().map(|(n, t)| (*n, t.as_bytes())));
    let copy = &imp.rows[1];
    assert!(copy.verdict.is_verified(), "a copy replays fine: verification alone cannot see it");
    assert_eq!((copy.copy_of, imp.rows[0].copy_of), (Some(0), Some(1)), "both rows are marked");
    assert!(!copy.counts() && !imp.rows[0].counts());
    assert_eq!(imp.rows[2].copy_of, None);
    assert!(imp.rows[2].counts());
    let s = imp.summary();
    assert_eq!((s.verified, s.copies, s.flagged, s.duplicates), (1, 2, 0, 0));
    assert_eq!(imp.counted().count(), 1);
}

#[test]
fn files_name_themselves_and_multi_play_files_hold_every_play() {
    let pack = &kefu_core::testing::builtin_packs()[0];
    let s = play(pack, 1, &mut Picker(1), 0, 500);
    let one = ResultFile::new(student(1), vec![ResultPlay::of_session(&s, 9)], 10);
    assert_eq!(one.file_name(), format!("成绩-2023001-学生1-{}-1.json", pack.pack.meta.id));
    let weird = kefu_core::results::Student::new("a/b:c", "1*2").unwrap();
    let all = ResultFile::new(weird, vec![], 10);
    assert_eq!(all.file_name(), "成绩-1_2-a_b_c-全部.json");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Damaged files (bytes overwritten, cut short) never stop an import: every file gives at
    /// least one row, and a row is verified only if its file still says exactly what the play did.
    #[test]
    fn damaged_files_never_stop_an_import(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let packs = packs();
        let s = finished(&packs[0], 1, 1);
        let good = file_of(&student(1), &[&s]);
        let mut bytes = good.clone().into_bytes();
        for (at, b) in &edits {
            let i = at.index(bytes.len());
            bytes[i] = *b;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        let imp = import(&packs, [("damaged.json", bytes.as_slice()), ("good.json", good.as_bytes())]);
        prop_assert!(imp.rows.len() >= 2);
        let last = imp.rows.last().unwrap();
        prop_assert_eq!(last.file.as_str(), "good.json");
        prop_assert!(last.verdict.is_verified());
        for r in imp.rows.iter().filter(|r| r.verdict.is_verified()) {
            let p = r.play.as_ref().unwrap();
            let v = r.verdict.verified().unwrap();
            prop_assert!(kefu_core::results::verify::compare(p, &v.debrief).is_empty());
        }
    }
}
