//! Reading the inputs named on the command line.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// One input: where it came from and its bytes.
pub struct Source {
    /// The path as given (or found in a directory), `-` for standard input.
    pub name: String,
    /// The bytes read.
    pub bytes: Vec<u8>,
}

/// Extensions of files that sit beside messages in a folder (answers,
/// notes, scripts, schemas) and are never messages themselves.
const NOT_MESSAGES: [&str; 6] = ["md", "toml", "json", "jsonl", "py", "sh"];

/// Expands directories (recursively, sorted by name; hidden files and the
/// non-message files of [`NOT_MESSAGES`] skipped) into files; keeps files
/// and `-` named on the command line as given.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<PathBuf, (PathBuf, io::Error)>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" || !path.is_dir() {
            out.push(Ok(path.clone()));
            continue;
        }
        walk(path, &mut out);
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<PathBuf, (PathBuf, io::Error)>>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.push(Err((dir.to_path_buf(), e)));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let visible = p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| !n.starts_with('.'));
            let message = !p
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| NOT_MESSAGES.contains(&e));
            visible && (message || p.is_dir())
        })
        .collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(Ok(p));
        }
    }
}

/// Reads one path (`-` is standard input).
pub fn read(path: &Path) -> io::Result<Source> {
    let name = path.display().to_string();
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin().lock().read_to_end(&mut buf)?;
        buf
    } else {
        fs::read(path)?
    };
    Ok(Source { name, bytes })
}
