//! `packcheck [--json] PATH...`: checks scenario packs the way the app does and prints every
//! diagnostic as `FILE:LINE:COL: severity[CODE]: message` (docs/diagnostics.md). Directories are
//! searched for `*.toml`. Exit status: 0 when no file has an error (warnings allowed), 1 when any
//! has, 2 on a usage error (no path, unknown option, unreadable path).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kefu_sim::pack::check::{score_bounds, DimBounds};
use kefu_sim::pack::{compile, Compiled, Located};
use serde::Serialize;

const USAGE: &str = "usage: packcheck [--json] PATH...
Checks kefu-sim scenario packs (TOML). PATH is a pack file or a folder of *.toml files.
  --json   print one JSON document instead of text
Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error.";

#[derive(Serialize)]
struct FileReport {
    file: String,
    ok: bool,
    hash: String,
    diagnostics: Vec<Located>,
    /// Score range per dimension over all paths (only for packs without errors).
    bounds: Vec<DimBounds>,
}

fn files(arg: &str) -> Result<Vec<PathBuf>, String> {
    let path = Path::new(arg);
    let meta = std::fs::metadata(path).map_err(|e| format!("packcheck: cannot read {arg}: {e}"))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| format!("packcheck: cannot read {arg}: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .collect();
    out.sort();
    Ok(out)
}

fn bounds_note(b: &[DimBounds]) -> String {
    let show = |v: Option<i64>| v.map_or("∞".to_string(), |x| x.to_string());
    b.iter().map(|d| format!("{} {}..{}", d.dim, show(d.min), show(d.max))).collect::<Vec<_>>().join(", ")
}

fn main() -> ExitCode {
    let mut json = false;
    let mut paths = Vec::new();
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with('-') && s.len() > 1 => {
                eprintln!("packcheck: unknown option {s}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => paths.push(a),
        }
    }
    if paths.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let mut list = Vec::new();
    for p in &paths {
        match files(p) {
            Ok(f) => list.extend(f),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        }
    }
    let mut reports = Vec::new();
    for path in &list {
        let name = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("packcheck: cannot read {name}: {e}");
                return ExitCode::from(2);
            }
        };
        let Compiled { pack, hash, diagnostics } = compile(&name, &bytes);
        let bounds = pack.as_ref().map(score_bounds).unwrap_or_default();
        if !json {
            for d in &diagnostics {
                println!("{d}");
                if !d.source_line.is_empty() {
                    println!("  | {}", d.source_line);
                }
            }
            if let Some(p) = &pack {
                let nodes: usize =
                    p.activities.iter().filter_map(|a| a.body.dialogue()).map(|d| d.nodes.len()).sum();
                println!(
                    "note: {name}: ok, {} activities, {nodes} dialogue nodes; score ranges: {}",
                    p.activities.len(),
                    bounds_note(&bounds)
                );
            }
        }
        reports.push(FileReport { file: name, ok: pack.is_some(), hash, diagnostics, bounds });
    }
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({ "files": reports }))
                .expect("reports serialize")
        );
    }
    if list.is_empty() {
        eprintln!("packcheck: no *.toml files in {}", paths.join(", "));
        return ExitCode::from(2);
    }
    if reports.iter().all(|r| r.ok) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
