//! `packcheck [--json] [--emit DIR] PATH...`: checks scenario packs the way the app does and prints
//! every diagnostic as `FILE:LINE:COL: severity[CODE]: message` (docs/diagnostics.md). Directories
//! are searched for `*.toml`. `--emit DIR` also writes each valid pack in the compiled form the app
//! fetches (`pack::summary`); the web build uses it to put the built-in packs in `dist/packs/`.
//! Exit status: 0 when no file has an error (warnings allowed), 1 when any has, 2 on a usage error
//! (no path, unknown option, unreadable path, unwritable DIR).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kefu_core::pack::check::{score_bounds, DimBounds};
use kefu_core::pack::summary::{encode_file, file_name};
use kefu_core::pack::{compile, Compiled, Located};
use serde::Serialize;

const USAGE: &str = "usage: packcheck [--json] [--emit DIR] PATH...
Checks kefu-sim scenario packs (TOML). PATH is a pack file or a folder of *.toml files.
  --json       print one JSON document instead of text
  --emit DIR   also write every valid pack, compiled, into DIR (as the web app loads them)
  --model      with --json: include each valid pack as the checker understood it (field pack)
Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error.";

#[derive(Serialize)]
struct FileReport {
    file: String,
    ok: bool,
    hash: String,
    diagnostics: Vec<Located>,
    /// Score range per dimension over all paths (only for packs without errors).
    bounds: Vec<DimBounds>,
    /// With `--model`: the compiled pack, as the engine plays it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pack: Option<kefu_core::pack::Pack>,
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
    let mut model = false;
    let mut emit: Option<PathBuf> = None;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => json = true,
            "--model" => model = true,
            "--emit" => match args.next() {
                Some(dir) => emit = Some(PathBuf::from(dir)),
                None => {
                    eprintln!("packcheck: --emit needs a folder\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
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
        if let (Some(dir), Some(p)) = (&emit, &pack) {
            let file = dir.join(file_name(&p.meta.id, &hash));
            let written =
                std::fs::create_dir_all(dir).and_then(|_| std::fs::write(&file, encode_file(p, &hash)));
            if let Err(e) = written {
                eprintln!("packcheck: cannot write {}: {e}", file.display());
                return ExitCode::from(2);
            }
        }
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
        let ok = pack.is_some();
        let pack = if model { pack } else { None };
        reports.push(FileReport { file: name, ok, hash, diagnostics, bounds, pack });
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
