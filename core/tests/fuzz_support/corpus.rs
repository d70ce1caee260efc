//! Replaying the corpus (`tests/fuzz_corpus/`): each file's name says which decoders read
//! it (`<decoder>-<short-name>.json|txt`, `any-` for all); each is decoded with status 200
//! and 500 in fixed contexts at their extremes and put through what the app does with it.

use super::checks::Env;
use super::decoders::{check, Decoder, DECODERS};
use super::runner::CORPUS_DIR;
use super::values::REAL_NOW;
use skyglass_core::http::ApiResponse;
use std::path::PathBuf;

/// Fixed contexts every corpus file is decoded in: realistic, and every extreme the
/// properties also reach (clocks, offsets, URL pages and offsets at their maxima).
pub fn corpus_envs() -> Vec<Env> {
    let far_pairs = |pairs: &[(&str, &str)]| pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    vec![
        Env {
            now_ms: REAL_NOW,
            offset_minutes: 480,
            secret: "tok".into(),
            clip_max: 120,
            pairs: Vec::new(),
        },
        Env {
            now_ms: i64::MAX,
            offset_minutes: 840,
            secret: String::new(),
            clip_max: 0,
            pairs: far_pairs(&[
                ("marker", "m"),
                ("page", "4294967295"),
                ("offset", "18446744073709551615"),
                ("limit", "1"),
            ]),
        },
        Env {
            now_ms: i64::MIN,
            offset_minutes: -720,
            secret: "a".into(),
            clip_max: usize::MAX,
            pairs: far_pairs(&[
                ("offset", "18446744073709551600"),
                ("limit", "100"),
                ("status", "RUNNING"),
            ]),
        },
        Env {
            now_ms: 0,
            offset_minutes: i32::MIN,
            secret: "\u{0}".into(),
            clip_max: 1,
            pairs: far_pairs(&[("name", "x"), ("tags", " "), ("state", "running"), ("limit", "0")]),
        },
    ]
}

/// Which decoders a corpus file is for: the name's prefix (up to the first `-`), `any`
/// for all; `None` for a prefix that names no decoder.
pub fn decoders_for(file_name: &str) -> Option<Vec<Decoder>> {
    let prefix = file_name.split('-').next()?;
    if prefix == "any" {
        return Some(DECODERS.to_vec());
    }
    DECODERS.iter().find(|d| d.name() == prefix).map(|d| vec![*d])
}

/// Every `.json` and `.txt` file of the corpus, sorted.
pub fn corpus_files() -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(CORPUS_DIR)
        .expect("tests/fuzz_corpus exists")
        .map(|e| e.expect("a readable corpus entry").path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("json" | "txt")))
        .collect();
    entries.sort();
    entries
}

pub fn file_name(path: &std::path::Path) -> String {
    path.file_name().expect("a file").to_string_lossy().into_owned()
}

/// Replays every corpus file for decoder `d` (its own and the `any-` ones); fails with
/// every input that panicked.
pub fn replay_corpus(d: Decoder) {
    let files: Vec<PathBuf> = corpus_files()
        .into_iter()
        .filter(|p| decoders_for(&file_name(p)).is_some_and(|ds| ds.contains(&d)))
        .collect();
    assert!(
        files.len() >= 20,
        "the corpus has only {} files for {}",
        files.len(),
        d.name()
    );
    let envs = corpus_envs();
    let mut failures = Vec::new();
    let mut runs = 0;
    for path in &files {
        let name = file_name(path);
        let bytes = std::fs::read(path).expect("a readable corpus file");
        let body = String::from_utf8_lossy(&bytes).into_owned();
        // Big files in the realistic and the most extreme context only (they are slow in debug).
        let envs = if body.len() > 64 * 1024 { &envs[..2] } else { &envs[..] };
        for status in [200u16, 500] {
            for env in envs {
                let resp = ApiResponse {
                    status,
                    retry_after: Some("1".into()),
                    body: body.clone(),
                };
                runs += 1;
                if let Err(p) = std::panic::catch_unwind(|| check(d, &resp, env)) {
                    let msg = p
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default();
                    failures.push(format!("{name} with {} (status {status}, {env:?}): {msg}", d.name()));
                }
            }
        }
    }
    eprintln!(
        "fuzz corpus for {}: {} files, {runs} decodes, {} panics",
        d.name(),
        files.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "corpus inputs panicked:\n{}", failures.join("\n"));
}
