//! The fuzzing corpus (`tests/fuzz_corpus/`) and the generators' inputs: every corpus
//! file's name selects a decoder (each decoder's `fuzz_*.rs` replays its files), the README
//! names every decoder, and every seed page's examples are found.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod fuzz_support;

use fuzz_support::corpus::{corpus_files, decoders_for, file_name};
use fuzz_support::decoders::{all_examples, DECODERS};
use fuzz_support::runner::CORPUS_DIR;

/// Every file is replayed: its name starts with a decoder's name or `any-`.
#[test]
fn every_corpus_file_names_its_decoders() {
    let files = corpus_files();
    assert!(files.len() >= 20, "the corpus has only {} files", files.len());
    for path in &files {
        let name = file_name(path);
        assert!(
            decoders_for(&name).is_some(),
            "{name}: the name must start with a decoder name or `any-`"
        );
    }
    for d in DECODERS {
        let own = files
            .iter()
            .filter(|p| decoders_for(&file_name(p)) == Some(vec![d]))
            .count();
        assert!(own > 0, "no corpus file for {} alone", d.name());
    }
    let others: Vec<String> = std::fs::read_dir(CORPUS_DIR)
        .expect("tests/fuzz_corpus exists")
        .map(|e| {
            e.expect("a readable corpus entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| !n.ends_with(".json") && !n.ends_with(".txt") && n != "README.md")
        .collect();
    assert!(others.is_empty(), "files the replay skips: {others:?}");
}

#[test]
fn the_corpus_readme_names_every_decoder() {
    let readme = std::fs::read_to_string(format!("{CORPUS_DIR}/README.md")).expect("a README");
    for d in DECODERS {
        assert!(readme.contains(&format!("`{}`", d.name())), "{}", d.name());
    }
}

/// The mutation base is really there: every page's example responses were found.
#[test]
fn seed_examples_are_found() {
    for d in DECODERS {
        assert!(!d.seeds().is_empty(), "{}", d.name());
    }
    assert!(all_examples().len() >= 10);
}
