//! `scorm [--pack ID]... [--title TITLE] [--launch URL] [--packs DIR] [--stored] DIST OUT.zip`: packages a built
//! site (`trunk build --release` makes `dist/`) as a SCORM 1.2 zip for an LMS, with one SCO per
//! built-in pack (compiled from `scenarios/`, or `--packs DIR`), or per `--pack`. Exit status:
//! 0 written, 1 failed, 2 usage error.
//! Native only: the zip and deflate code never reaches the app's wasm.

use std::path::PathBuf;
use std::process::ExitCode;
use std::rc::Rc;

use kefu_cli::scorm_package::{package, read_tree, Compression};
use kefu_core::pack::{compile_dir, LoadedPack};
use kefu_core::results::scorm::DEFAULT_LAUNCH;

const USAGE: &str = "usage: scorm [--pack ID]... [--title TITLE] [--launch URL] [--packs DIR] [--stored] DIST OUT.zip
Packages a built kefu-sim site (DIST, e.g. dist/) as a SCORM 1.2 package OUT.zip.
  --pack ID      one SCO for this built-in pack (repeatable; default: every built-in pack)
  --title TITLE  the course title shown by the LMS (default: 客服实训)
  --launch URL   launch URL template, {pack} is the pack id (default: lms/scorm/index.html?scorm=1&pack={pack})
  --packs DIR    where the built-in packs' sources are (default: scenarios)
  --stored       store files uncompressed (default: deflate)
Exit status: 0 written, 1 failed, 2 usage error.";

struct Args {
    packs: Vec<String>,
    title: String,
    launch: String,
    how: Compression,
    sources: PathBuf,
    dist: PathBuf,
    out: PathBuf,
}

fn args(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
    let (mut packs, mut title, mut launch) = (vec![], "客服实训".to_string(), DEFAULT_LAUNCH.to_string());
    let mut how = Compression::Deflated;
    let mut sources = PathBuf::from("scenarios");
    let mut paths = vec![];
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} 需要一个值"));
        match a.as_str() {
            "--pack" => packs.push(value("--pack")?),
            "--title" => title = value("--title")?,
            "--launch" => launch = value("--launch")?,
            "--packs" => sources = PathBuf::from(value("--packs")?),
            "--stored" => how = Compression::Stored,
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("未知选项 {s}")),
            _ => paths.push(PathBuf::from(a)),
        }
    }
    let [dist, out]: [PathBuf; 2] =
        paths.try_into().map_err(|_| "需要 DIST 和 OUT.zip 两个路径".to_string())?;
    Ok(Args { packs, title, launch, how, sources, dist, out })
}

fn main() -> ExitCode {
    let a = match args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(why) => {
            if !why.is_empty() {
                eprintln!("scorm: {why}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let all: Vec<Rc<LoadedPack>> = match compile_dir(&a.sources) {
        Ok(compiled) => compiled
            .into_iter()
            .filter_map(|(_, c)| Some(Rc::new(LoadedPack { pack: c.pack?, hash: c.hash })))
            .collect(),
        Err(e) => {
            eprintln!("scorm: {}: {e}", a.sources.display());
            return ExitCode::FAILURE;
        }
    };
    let mut packs: Vec<Rc<LoadedPack>> = Vec::new();
    for id in &a.packs {
        match all.iter().find(|p| p.pack.meta.id == *id) {
            Some(p) => packs.push(Rc::clone(p)),
            None => {
                let ids: Vec<&str> = all.iter().map(|p| p.pack.meta.id.as_str()).collect();
                eprintln!("scorm: 没有内置场景包 {id}(可用:{})", ids.join(", "));
                return ExitCode::from(2);
            }
        }
    }
    if packs.is_empty() {
        packs = all;
    }
    let result = read_tree(&a.dist)
        .and_then(|site| package(site, &packs, &a.title, &a.launch, a.how))
        .and_then(|zip| {
            std::fs::write(&a.out, &zip).map_err(|e| format!("{}: {e}", a.out.display()))?;
            Ok(zip.len())
        });
    match result {
        Ok(bytes) => {
            println!("{}: {} 个 SCO, {} KB", a.out.display(), packs.len(), bytes.div_ceil(1024));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("scorm: {e}");
            ExitCode::FAILURE
        }
    }
}
