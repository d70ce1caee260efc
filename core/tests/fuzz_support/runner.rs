//! Running a property: the case count (`SKYGLASS_FUZZ_CASES`), proptest's configuration, a
//! summary line per property, and a failing case's minimized input saved to the corpus.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestError, TestRunner};
use skyglass_core::http::clip;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// The corpus: regression inputs, one response body per file (see its README).
pub const CORPUS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz_corpus");

/// Cases per property: `SKYGLASS_FUZZ_CASES`, default 1,000.
pub fn fuzz_cases() -> u32 {
    std::env::var("SKYGLASS_FUZZ_CASES")
        .ok()
        .and_then(|v| v.trim().replace('_', "").parse().ok())
        .unwrap_or(1_000)
}

pub fn config() -> Config {
    Config {
        cases: fuzz_cases(),
        // Off on purpose: failures are kept as minimized inputs in tests/fuzz_corpus/.
        failure_persistence: None,
        // Plenty random for fuzzing, and much cheaper than ChaCha for values this big.
        rng_algorithm: RngAlgorithm::XorShift,
        max_shrink_iters: 20_000,
        max_shrink_time: 120_000,
        ..Config::default()
    }
}

/// Counts cases by the kind of input they were.
struct Tally {
    kinds: &'static [&'static str],
    counts: Vec<AtomicU64>,
}

impl Tally {
    fn new(kinds: &'static [&'static str]) -> Self {
        Tally {
            kinds,
            counts: kinds.iter().map(|_| AtomicU64::new(0)).collect(),
        }
    }
    fn add(&self, kind: usize) {
        self.counts[kind].fetch_add(1, Ordering::Relaxed);
    }
    fn total(&self) -> u64 {
        self.counts.iter().map(|c| c.load(Ordering::Relaxed)).sum()
    }
    fn breakdown(&self) -> String {
        if self.kinds.len() < 2 {
            return String::new();
        }
        let parts: Vec<String> = self
            .kinds
            .iter()
            .zip(&self.counts)
            .map(|(k, c)| format!("{k} {}", c.load(Ordering::Relaxed)))
            .collect();
        format!(" ({})", parts.join(", "))
    }
}

/// Runs one property; `test` says which of `kinds` each input was. Prints its summary
/// line; on a failure (a panic) saves the minimized input with `save` and fails the test.
pub fn run_property<S: Strategy>(
    name: &str,
    kinds: &'static [&'static str],
    strategy: S,
    test: impl Fn(&S::Value) -> usize,
    save: impl Fn(&S::Value) -> Option<PathBuf>,
) {
    let tally = Tally::new(kinds);
    let started = Instant::now();
    let mut runner = TestRunner::new(config());
    let result = runner.run(&strategy, |input| {
        tally.add(test(&input));
        Ok(())
    });
    let secs = started.elapsed().as_secs_f64();
    match result {
        Ok(()) => eprintln!(
            "fuzz {name}: {} cases{}, 0 panics, {secs:.1} s",
            tally.total(),
            tally.breakdown()
        ),
        Err(TestError::Fail(reason, input)) => {
            let saved =
                save(&input).map_or_else(String::new, |p| format!("; minimized input saved to {}", p.display()));
            eprintln!(
                "fuzz {name}: {} cases (shrinking included), 1 panic, {secs:.1} s{saved}",
                tally.total()
            );
            panic!(
                "fuzz {name}: {reason}\nminimized input: {}{saved}",
                clip(&format!("{input:#?}"), 8000)
            );
        }
        Err(TestError::Abort(reason)) => panic!("fuzz {name}: aborted: {reason}"),
    }
}

/// A property with one kind of case and nothing to save.
pub fn run_simple<S: Strategy>(name: &str, strategy: S, test: impl Fn(&S::Value)) {
    run_property(
        name,
        &["cases"],
        strategy,
        |input| {
            test(input);
            0
        },
        |_| None,
    );
}

/// Writes a body that made decoder `decoder` panic to the corpus as
/// `<decoder>-found-<hash>.txt`, where the replay finds it from then on.
pub fn save_found(decoder: &str, body: &str) -> Option<PathBuf> {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut h = DefaultHasher::new();
    body.hash(&mut h);
    let path = Path::new(CORPUS_DIR).join(format!("{decoder}-found-{:016x}.txt", h.finish()));
    std::fs::create_dir_all(CORPUS_DIR).ok()?;
    std::fs::write(&path, body).ok()?;
    Some(path)
}
