//! The one entry point for reading a pack: bytes in, a checked [`Pack`] and every diagnostic out.
//! `packcheck`, the build script (built-in packs) and the teacher's pack loader all call this.

use toml::de::DeTable;

use super::check;
use super::diagnostic::{Code, Diagnostic, Located};
use super::fast_toml;
use super::lower;
use super::model::Pack;
use super::reader::{span_of, Sink};
use super::source::{content_hash, SourceMap, Span};

/// Larger files are refused before parsing (E001). A 100 000-node pack is about 15 MB.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
/// At most this many TOML syntax errors are reported; later ones are mostly echoes of the first.
const MAX_SYNTAX_ERRORS: usize = 50;

/// The result of compiling one pack file.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// The pack, when it has no errors (warnings allowed).
    pub pack: Option<Pack>,
    /// SHA-256 of the file's bytes: identifies exactly which text a play was made on.
    pub hash: String,
    /// Every diagnostic, sorted by position.
    pub diagnostics: Vec<Located>,
}

impl Compiled {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == super::diagnostic::Severity::Error)
    }
}

/// Compiles every `*.toml` file of `dir`, in file-name order, each named by its path: what the build
/// script embeds as the built-in packs, what `packcheck` checks in a folder, and what tests play.
pub fn compile_dir(dir: &std::path::Path) -> std::io::Result<Vec<(std::path::PathBuf, Compiled)>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|x| x == "toml") {
            files.push(path);
        }
    }
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path)?;
            let compiled = compile(&path.display().to_string(), &bytes);
            Ok((path, compiled))
        })
        .collect()
}

/// Compiles a pack file. Never panics, whatever the bytes.
pub fn compile(file: &str, bytes: &[u8]) -> Compiled {
    let hash = content_hash(bytes);
    let (pack, diags, text) = compile_inner(bytes);
    let map = SourceMap::new(text);
    let mut diagnostics: Vec<Located> = diags.iter().map(|d| Located::new(file, &map, d)).collect();
    crate::util::order::sort_by_key(&mut diagnostics, |d| (d.line, d.col, d.code));
    diagnostics.dedup();
    let has_errors = diags.iter().any(Diagnostic::is_error);
    Compiled { pack: if has_errors { None } else { pack }, hash, diagnostics }
}

fn compile_inner(bytes: &[u8]) -> (Option<Pack>, Vec<Diagnostic>, &str) {
    let whole = |msg: String| (None, vec![Diagnostic::new(Code::E001, Span::NONE, msg)], "");
    if bytes.len() > MAX_BYTES {
        return whole(format!(
            "the file is {} bytes; packs larger than {MAX_BYTES} bytes are refused",
            bytes.len()
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            // Point at the first bad byte, inside the valid prefix's text.
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or("");
            let d = Diagnostic::new(
                Code::E001,
                Span::new(valid.len(), valid.len()),
                "the file is not UTF-8 text (save it as UTF-8)".to_string(),
            );
            return (None, vec![d], valid);
        }
    };
    if text.trim().is_empty() {
        return (None, vec![Diagnostic::new(Code::E001, Span::NONE, "the file is empty")], text);
    }
    // The fast path reads the plain TOML packs are written in into the same tree; anything else,
    // and every file with a syntax error, is read by `toml` (see `fast_toml`).
    let (root, errors) = match fast_toml::parse(text) {
        Some(root) => (root, Vec::new()),
        None => DeTable::parse_recoverable(text),
    };
    if !errors.is_empty() {
        let diags = errors
            .iter()
            .take(MAX_SYNTAX_ERRORS)
            .map(|e| {
                let span = e.span().map_or(Span::NONE, Span::from_range);
                Diagnostic::new(Code::E002, span, format!("TOML syntax: {}", e.message()))
            })
            .collect();
        return (None, diags, text);
    }
    if root.get_ref().is_empty() {
        return (
            None,
            vec![Diagnostic::new(Code::E001, Span::NONE, "the file is empty (it has no tables or keys)")],
            text,
        );
    }
    let mut sink = Sink::default();
    let pack = lower::lower(text, root.get_ref(), span_of(&root), &mut sink);
    if let Some(p) = &pack {
        check::check(p, &mut sink);
    }
    (pack, sink.diags, text)
}
