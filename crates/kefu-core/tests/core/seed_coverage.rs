//! docs/seed-coverage.md maps every section of the course seeds to the built-in activities that
//! teach it. This keeps the table and scenarios/ in step:
//! - every built-in pack's `source` is a section of the table, and that row lists the pack;
//! - every `pack/activity` the table names exists, and every built-in activity is named somewhere;
//! - every covered row quotes, in 「」, seed phrases that occur in at least one of its activities;
//! - the totals line matches the rows;
//! - every built-in pack's `project` (its home-page group) is the one of its source's seed.
//!
//! Rows whose note says "(in progress)" may name packs another author is still writing, by pack id
//! alone. Such a name is skipped only while no built-in pack has that id: as soon as the pack
//! exists, the row must name its activities exactly, so the table cannot silently go stale.

use kefu_core::testing;

use std::collections::{BTreeMap, BTreeSet};

const TABLE: &str = include_str!("../../../../docs/seed-coverage.md");
const IN_PROGRESS: &str = "(in progress)";

/// The home-page group (`project`) of the packs whose source is in each seed, in the course's order.
const SEED_PROJECTS: [(&str, &str); 4] = [
    ("000", "客户信息收集"),
    ("001", "项目二 识别与开发客户资源"),
    ("002", "大客户开发(北京现代)"),
    ("004", "客户沟通与维护复习"),
];

/// A built-in pack as the check sees it: its source, its home-page group and its activity ids.
struct PackInfo {
    source: String,
    project: String,
    activities: Vec<String>,
    /// Every text of each activity (its JSON form), by activity id: where quoted phrases must occur.
    texts: BTreeMap<String, String>,
}

#[derive(Debug, PartialEq)]
enum Cell {
    /// `—`: nothing teaches the section yet.
    NotYet,
    /// `n/a`: the seed has nothing to teach there.
    NotApplicable,
    /// `pack/activity` or (in-progress rows only) `pack`.
    Refs(Vec<String>),
}

struct Row {
    line: usize,
    section: String,
    cell: Cell,
    in_progress: bool,
    /// The seed phrases the note quotes in 「」.
    phrases: Vec<String>,
}

/// The phrases quoted in 「」 in `note`.
fn quoted(note: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = note;
    while let Some(start) = rest.find('「') {
        let after = &rest[start + '「'.len_utf8()..];
        let Some(len) = after.find('」') else { break };
        out.push(after[..len].to_string());
        rest = &after[len + '」'.len_utf8()..];
    }
    out
}

/// The text between the first pair of backticks of `s`, if any.
fn backticked(s: &str) -> Option<&str> {
    let start = s.find('`')? + 1;
    let len = s[start..].find('`')?;
    Some(&s[start..start + len])
}

/// The table rows (lines whose first cell is a backticked section starting with a seed number),
/// or the problems found while reading them.
fn parse(doc: &str) -> Result<Vec<Row>, Vec<String>> {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in doc.lines().enumerate() {
        let line_no = i + 1;
        let Some(inner) = line.trim().strip_prefix('|').and_then(|l| l.strip_suffix('|')) else { continue };
        let cells: Vec<&str> = inner.split('|').map(str::trim).collect();
        let Some(section) = backticked(cells[0]) else { continue };
        if !section.chars().take(3).all(|c| c.is_ascii_digit()) {
            continue;
        }
        if cells.len() != 3 {
            problems.push(format!(
                "line {line_no}: expected 3 cells (section, activities, note), found {}",
                cells.len()
            ));
            continue;
        }
        let cell = match cells[1] {
            "—" => Cell::NotYet,
            "n/a" => Cell::NotApplicable,
            refs => {
                let mut names = Vec::new();
                for part in refs.split(',').map(str::trim) {
                    match part.strip_prefix('`').and_then(|p| p.strip_suffix('`')) {
                        Some(name) if !name.is_empty() && !name.contains('`') => names.push(name.to_string()),
                        _ => problems
                            .push(format!("line {line_no}: `{part}` is not a backticked `pack/activity`")),
                    }
                }
                Cell::Refs(names)
            }
        };
        rows.push(Row {
            line: line_no,
            section: section.to_string(),
            cell,
            in_progress: cells[2].contains(IN_PROGRESS),
            phrases: quoted(cells[2]),
        });
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

#[derive(Debug, Default, PartialEq)]
struct Totals {
    sections: usize,
    covered: usize,
    in_progress: usize,
    not_yet: usize,
    not_applicable: usize,
}

impl Totals {
    fn line(&self) -> String {
        format!(
            "Totals: {} sections — {} covered, {} in progress, {} not yet, {} n/a.",
            self.sections, self.covered, self.in_progress, self.not_yet, self.not_applicable
        )
    }
}

/// Every disagreement between the table and the packs, and the totals of the table.
fn check(doc: &str, packs: &BTreeMap<String, PackInfo>) -> (Vec<String>, Totals) {
    let rows = match parse(doc) {
        Ok(rows) => rows,
        Err(problems) => return (problems, Totals::default()),
    };
    let mut problems = Vec::new();
    let mut totals = Totals { sections: rows.len(), ..Totals::default() };
    let mut seen_sections = BTreeSet::new();
    let mut named: BTreeSet<(String, String)> = BTreeSet::new();

    for row in &rows {
        let at = format!("line {} (`{}`)", row.line, row.section);
        if !["000", "001", "002", "004"].contains(&&row.section[..3]) || !row.section.contains(" · ") {
            problems.push(format!(
                "{at}: not `NNN <document> · <section>` of one of the seeds 000, 001, 002, 004"
            ));
        }
        if !seen_sections.insert(row.section.as_str()) {
            problems.push(format!("{at}: the section is listed twice"));
        }
        let refs = match &row.cell {
            Cell::NotYet => {
                totals.not_yet += 1;
                continue;
            }
            Cell::NotApplicable => {
                totals.not_applicable += 1;
                continue;
            }
            Cell::Refs(refs) => refs,
        };
        let mut covered = false;
        let mut texts: Vec<&str> = Vec::new();
        for name in refs {
            let (pack_id, activity) = match name.split_once('/') {
                Some((p, a)) => (p, Some(a)),
                None => (name.as_str(), None),
            };
            let Some(pack) = packs.get(pack_id) else {
                if !row.in_progress {
                    problems.push(format!(
                        "{at}: no built-in pack `{pack_id}` (mark the row {IN_PROGRESS} if it is being written)"
                    ));
                }
                continue;
            };
            match activity {
                None => problems.push(format!(
                    "{at}: pack `{pack_id}` exists now: name its activities as `{pack_id}/ACTIVITY`"
                )),
                Some(a) if !pack.activities.iter().any(|x| x == a) => problems.push(format!(
                    "{at}: pack `{pack_id}` has no activity `{a}` (it has {})",
                    pack.activities.join(", ")
                )),
                Some(a) => {
                    covered = true;
                    named.insert((pack_id.to_string(), a.to_string()));
                    if let Some(t) = pack.texts.get(a) {
                        texts.push(t);
                    }
                }
            }
        }
        if covered {
            if row.phrases.is_empty() {
                problems.push(format!(
                    "{at}: a covered row must quote in 「」 the seed words its activities practise"
                ));
            }
            for phrase in &row.phrases {
                if !texts.iter().any(|t| t.contains(phrase.as_str())) {
                    problems.push(format!("{at}: 「{phrase}」 occurs in none of its activities"));
                }
            }
            totals.covered += 1;
        } else if row.in_progress {
            totals.in_progress += 1;
        } else {
            problems.push(format!("{at}: names no existing activity; use — or mark it {IN_PROGRESS}"));
        }
    }

    for (id, pack) in packs {
        let seed = pack.source.get(..3).unwrap_or_default();
        if let Some((_, project)) = SEED_PROJECTS.iter().find(|(s, _)| *s == seed) {
            if pack.project != *project {
                problems.push(format!(
                    "pack `{id}`: its source is in seed {seed}, so its project should be `{project}` (found `{}`)",
                    pack.project
                ));
            }
        }
        match rows.iter().find(|r| r.section == pack.source) {
            None => problems
                .push(format!("pack `{id}`: its source `{}` is not a section of the table", pack.source)),
            Some(row) => {
                let lists_it = matches!(&row.cell, Cell::Refs(refs)
                    if refs.iter().any(|r| r.split('/').next() == Some(id.as_str())));
                if !lists_it {
                    problems.push(format!(
                        "pack `{id}`: the row of its source (line {}) does not list it",
                        row.line
                    ));
                }
            }
        }
        for a in &pack.activities {
            if !named.contains(&(id.clone(), a.clone())) {
                problems.push(format!("activity `{id}/{a}` is not in the table"));
            }
        }
    }

    let written: Vec<&str> = doc.lines().filter(|l| l.starts_with("Totals:")).collect();
    if written != [totals.line().as_str()] {
        problems.push(format!(
            "the totals line should read exactly `{}` (found {:?})",
            totals.line(),
            written
        ));
    }
    (problems, totals)
}

fn builtin_packs() -> BTreeMap<String, PackInfo> {
    testing::builtin()
        .into_iter()
        .map(|(_, p)| {
            let meta = &p.pack.meta;
            let activities = p.pack.activities.iter().map(|a| a.id.clone()).collect();
            let texts = p
                .pack
                .activities
                .iter()
                .map(|a| (a.id.clone(), serde_json::to_string(a).expect("an activity serialises")))
                .collect();
            let info =
                PackInfo { source: meta.source.clone(), project: meta.project.clone(), activities, texts };
            (meta.id.clone(), info)
        })
        .collect()
}

#[test]
fn the_coverage_table_matches_the_built_in_packs() {
    let packs = builtin_packs();
    let (problems, totals) = check(TABLE, &packs);
    assert!(problems.is_empty(), "docs/seed-coverage.md:\n{}", problems.join("\n"));
    assert!(totals.covered > 0 && totals.sections >= 60, "{totals:?}");
}

/// The check itself must be able to fail: a small table with one mistake of each kind.
#[test]
fn the_check_reports_each_kind_of_mismatch() {
    let packs = BTreeMap::from([
        (
            "alpha".to_string(),
            PackInfo {
                source: "000 文档 · 甲".into(),
                project: "客户信息收集".into(),
                activities: vec!["a1".into(), "a2".into()],
                texts: BTreeMap::from([
                    ("a1".to_string(), "甲的原话".to_string()),
                    ("a2".to_string(), String::new()),
                ]),
            },
        ),
        (
            "beta".to_string(),
            PackInfo {
                source: "001 文档 · 不在表里".into(),
                project: "客户信息收集".into(),
                activities: vec!["b1".into()],
                texts: BTreeMap::new(),
            },
        ),
    ]);
    let doc = "\
| Section | Activities | Note |
|---|---|---|
| `000 文档 · 甲` | `alpha/a1`, `alpha/zz` | 「甲的原话」 and 「不在里面」 |
| `000 文档 · 乙` | `gamma` | (in progress) |
| `001 文档 · 丙` | `delta/x` | |
| `001 文档 · 丁` | `beta` | (in progress) |
| `002 文档 · 戊` | — | |
| `004 文档 · 己` | n/a | |
| `000 文档 · 甲` | — | |
| `003 没有这份 · 庚` | — | |

Totals: 1 sections — 1 covered, 0 in progress, 0 not yet, 0 n/a.
";
    let (problems, totals) = check(doc, &packs);
    let expect = [
        "pack `alpha` has no activity `zz`",
        "no built-in pack `delta`",
        "pack `beta` exists now",
        "the section is listed twice",
        "not `NNN <document> · <section>`",
        "its source `001 文档 · 不在表里` is not a section",
        "activity `alpha/a2` is not in the table",
        "activity `beta/b1` is not in the table",
        "the totals line should read exactly",
        "its project should be `项目二 识别与开发客户资源` (found `客户信息收集`)",
        "「不在里面」 occurs in none of its activities",
    ];
    for e in expect {
        assert!(problems.iter().any(|p| p.contains(e)), "missing `{e}` in:\n{}", problems.join("\n"));
    }
    // `gamma` does not exist but its row is in progress: skipped, and counted as in progress.
    assert!(!problems.iter().any(|p| p.contains("gamma")), "{problems:?}");
    // A quoted phrase that is in the activity is not reported.
    assert!(!problems.iter().any(|p| p.contains("「甲的原话」")), "{problems:?}");
    // `alpha` is in the group of its seed: no complaint about its project.
    assert!(!problems.iter().any(|p| p.contains("pack `alpha`: its source is in seed")), "{problems:?}");
    assert_eq!(
        totals,
        Totals { sections: 8, covered: 1, in_progress: 2, not_yet: 3, not_applicable: 1 },
        "{problems:?}"
    );
}

#[test]
fn a_malformed_row_is_reported_with_its_line() {
    let doc = "| `000 文档 · 甲` | alpha/a1 | |\n| `001 文档 · 乙` | — |\n";
    let problems = parse(doc).err().expect("malformed rows are refused");
    assert!(problems.iter().any(|p| p.starts_with("line 1:") && p.contains("backticked")), "{problems:?}");
    assert!(
        problems.iter().any(|p| p.starts_with("line 2:") && p.contains("expected 3 cells")),
        "{problems:?}"
    );
}

#[test]
fn a_covered_row_must_quote_the_seed() {
    let packs = BTreeMap::from([(
        "alpha".to_string(),
        PackInfo {
            source: "000 文档 · 甲".into(),
            project: "客户信息收集".into(),
            activities: vec!["a1".into()],
            texts: BTreeMap::from([("a1".to_string(), "原话".to_string())]),
        },
    )]);
    let doc = "| `000 文档 · 甲` | `alpha/a1` | no quote |\n\nTotals: 1 sections — 1 covered, 0 in progress, 0 not yet, 0 n/a.\n";
    let (problems, _) = check(doc, &packs);
    assert!(problems.iter().any(|p| p.contains("must quote in 「」")), "{problems:?}");
    assert_eq!(quoted("a 「一」 b 「二」 c 「未完"), vec!["一".to_string(), "二".to_string()]);
}
