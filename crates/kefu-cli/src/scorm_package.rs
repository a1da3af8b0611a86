//! Writing a SCORM package (native only). Packaging is a deploy step — the package must hold the
//! built site (`index.html`, the wasm and its JS glue), which exists only after `trunk build` —
//! so it runs in the `scorm` CLI rather than in the browser, and the zip and deflate code stays
//! out of the app's wasm. Entries carry a fixed date so that the same site gives the same zip.

use std::io::{Cursor, Write};
use std::path::Path;
use std::rc::Rc;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use kefu_core::pack::LoadedPack;
use kefu_core::results::scorm::{manifest, sco_items};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    Stored,
    Deflated,
}

/// A zip of `files` (`/`-separated relative paths and contents), in the given order.
pub fn zip_files(files: &[(String, Vec<u8>)], how: Compression) -> Result<Vec<u8>, String> {
    let method = match how {
        Compression::Stored => CompressionMethod::Stored,
        Compression::Deflated => CompressionMethod::Deflated,
    };
    let options = SimpleFileOptions::default()
        .compression_method(method)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in files {
        w.start_file(name.as_str(), options).map_err(|e| format!("{name}: {e}"))?;
        w.write_all(bytes).map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(w.finish().map_err(|e| e.to_string())?.into_inner())
}

/// Every file under `dir`, as sorted `/`-separated relative paths with their contents.
pub fn read_tree(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) -> Result<(), String> {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
            if path.is_dir() {
                walk(root, &path, out)?;
                continue;
            }
            let rel = path.strip_prefix(root).expect("walked under root");
            let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
            let name = parts.ok_or_else(|| format!("{}: 文件名不是 UTF-8", path.display()))?.join("/");
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            out.push((name, bytes));
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out)?;
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// A SCORM 1.2 package of a built site: `imsmanifest.xml` (one SCO per pack, launched with
/// `launch`) first, then every file of `site` (an old manifest in it is replaced).
pub fn package(
    site: Vec<(String, Vec<u8>)>,
    packs: &[Rc<LoadedPack>],
    title: &str,
    launch: &str,
    how: Compression,
) -> Result<Vec<u8>, String> {
    let site: Vec<(String, Vec<u8>)> = site.into_iter().filter(|(n, _)| n != "imsmanifest.xml").collect();
    let items = sco_items(packs, launch);
    for it in &items {
        let file = it.href.split(['?', '#']).next().unwrap_or_default();
        if !site.iter().any(|(n, _)| n == file) {
            return Err(format!("启动文件 {file} 不在网站文件中(先构建网站,如 trunk build --release)"));
        }
    }
    let names: Vec<String> = site.iter().map(|(n, _)| n.clone()).collect();
    let id = match packs {
        [one] => format!("kefu-sim-{}-v{}", one.pack.meta.id, one.pack.meta.version),
        _ => "kefu-sim".to_string(),
    };
    let xml = manifest(&id, title, &items, &names);
    let mut files = vec![("imsmanifest.xml".to_string(), xml.into_bytes())];
    files.extend(site);
    zip_files(&files, how)
}
