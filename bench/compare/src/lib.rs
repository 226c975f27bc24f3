//! Inputs and workloads shared by the comparison benchmark and its sanity
//! check: paxscreen and edifact-rs over the same bytes.
//!
//! Each workload takes one file's bytes and returns a count, so that the
//! benchmark can sum over a set of files and the check can compare what the
//! two libraries found.

use paxscreen_core::edifact::{self, Delimiters, Lexer, ReadOptions};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A set of files read into memory: the unit one benchmark iteration
/// processes.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// Short name used in benchmark ids (`paxlst_flights`).
    pub name: String,
    /// The files' bytes, in file-name order.
    pub files: Vec<Vec<u8>>,
}

impl Corpus {
    /// Bytes in all files.
    #[must_use]
    pub fn bytes(&self) -> u64 {
        self.files.iter().map(|f| f.len() as u64).sum()
    }

    /// Every file under `dir` (recursively) whose name ends with `suffix`.
    ///
    /// # Errors
    ///
    /// A folder or file that cannot be read.
    pub fn load(name: &str, dir: &Path, suffix: &str) -> io::Result<Corpus> {
        let mut paths = Vec::new();
        collect(dir, suffix, &mut paths)?;
        paths.sort();
        let files = paths.iter().map(fs::read).collect::<io::Result<Vec<_>>>()?;
        Ok(Corpus {
            name: name.to_string(),
            files,
        })
    }
}

fn collect(dir: &Path, suffix: &str, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, suffix, out)?;
        } else if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with(suffix))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// The delimiters of a file and where its first segment starts: a UNA is
/// read, the defaults are used otherwise (what `edifact::read` does).
#[must_use]
pub fn delimiters(input: &[u8]) -> (Delimiters, usize) {
    if input.starts_with(b"UNA") {
        if let Ok(d) = Delimiters::from_una(input) {
            return (d, 9);
        }
    }
    (Delimiters::default(), 0)
}

/// paxscreen's allocation-free lexer: segment boundaries only. Returns the
/// number of segments.
#[must_use]
pub fn paxscreen_lexer(input: &[u8]) -> usize {
    let (d, start) = delimiters(input);
    Lexer::new(input, start, d).count()
}

/// paxscreen's lexer, then every segment split into its elements and
/// components (what edifact-rs's tokeniser yields). Returns the number of
/// components.
#[must_use]
pub fn paxscreen_lexer_split(input: &[u8]) -> usize {
    let (d, start) = delimiters(input);
    let mut n = 0;
    for raw in Lexer::new(input, start, d) {
        let s = edifact::Segment::new(raw.content, d, edifact::Encoding::Ascii, raw.offset, 0);
        for e in s.elements() {
            n += e.components().count();
        }
    }
    n
}

/// edifact-rs's tokeniser: tags, elements, components and terminators.
/// Returns the number of segment terminators (0 on an error).
#[must_use]
pub fn edifact_rs_tokenizer(input: &[u8]) -> usize {
    let ssa = edifact_rs::ServiceStringAdvice::from_bytes_unchecked(input);
    let mut n = 0;
    for token in edifact_rs::Tokenizer::new(input, ssa) {
        match token {
            Ok(edifact_rs::Token::SegmentTerminator { .. }) => n += 1,
            Ok(_) => {}
            Err(_) => return 0,
        }
    }
    n
}

/// paxscreen's segment tree: interchanges, groups and messages of borrowed
/// segments, envelope checks and diagnostics. Returns the number of
/// segments inside messages.
#[must_use]
pub fn paxscreen_read(input: &[u8]) -> usize {
    edifact::read(input, ReadOptions::default())
        .map_or(0, |t| t.messages().map(|(_, m)| m.segments.len()).sum())
}

/// [`paxscreen_read`], then every element and component of every segment
/// visited (edifact-rs splits them eagerly; paxscreen on access). Returns
/// the number of components.
#[must_use]
pub fn paxscreen_read_split(input: &[u8]) -> usize {
    edifact::read(input, ReadOptions::default()).map_or(0, |t| {
        let mut n = 0;
        for (_, m) in t.messages() {
            for s in &m.segments {
                for e in s.elements() {
                    n += e.components().count();
                }
            }
        }
        n
    })
}

/// edifact-rs's full parse: a vector of segments with their elements and
/// components (borrowed; unescaped values owned). Returns the number of
/// segments (0 on an error).
#[must_use]
pub fn edifact_rs_parse(input: &[u8]) -> usize {
    edifact_rs::from_bytes(input)
        .collect::<Result<Vec<_>, _>>()
        .map_or(0, |v| v.len())
}

/// edifact-rs's full parse, counting components as [`paxscreen_read_split`]
/// does.
#[must_use]
pub fn edifact_rs_components(input: &[u8]) -> usize {
    edifact_rs::from_bytes(input)
        .collect::<Result<Vec<_>, _>>()
        .map_or(0, |v| {
            v.iter()
                .map(|s| {
                    s.elements
                        .iter()
                        .map(|e| e.components().count())
                        .sum::<usize>()
                })
                .sum()
        })
}
