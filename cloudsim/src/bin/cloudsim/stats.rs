//! Request and fault counters behind `GET /__cloudsim/stats`: lock-free
//! atomics, zeroed by `POST /__cloudsim/stats/reset`.

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use cloudsim::{api_templates, FAULT_KINDS};
use serde_json::{json, Map, Value};

/// The server's counters.
pub struct Stats {
    requests: AtomicU64,
    faults: [AtomicU64; FAULT_KINDS.len()],
    /// The keys of `by_path`: what `cloudsim::path_template` answers (every
    /// service's API templates, then `other`).
    paths: Vec<&'static str>,
    by_path: Vec<AtomicU64>,
}

impl Stats {
    pub fn new() -> Stats {
        let paths: Vec<&'static str> = api_templates().into_iter().chain(["other"]).collect();
        Stats {
            requests: AtomicU64::new(0),
            faults: std::array::from_fn(|_| AtomicU64::new(0)),
            by_path: paths.iter().map(|_| AtomicU64::new(0)).collect(),
            paths,
        }
    }

    /// Counts one answered request to `template` and the fault it met.
    pub fn record(&self, template: &str, kind: Option<&str>) {
        self.requests.fetch_add(1, Relaxed);
        let other = self.paths.len() - 1;
        let path = self.paths.iter().position(|p| *p == template).unwrap_or(other);
        self.by_path[path].fetch_add(1, Relaxed);
        if let Some(i) = kind.and_then(|k| FAULT_KINDS.iter().position(|f| *f == k)) {
            self.faults[i].fetch_add(1, Relaxed);
        }
    }

    /// Zeroes every counter.
    pub fn reset(&self) {
        let all = std::iter::once(&self.requests).chain(&self.faults).chain(&self.by_path);
        for counter in all {
            counter.store(0, Relaxed);
        }
    }

    /// `{"requests": N, "faults": {kind: n}, "faults_total": n,
    /// "by_path": {template: n}}`; only counts above zero are listed.
    pub fn to_json(&self) -> String {
        let nonzero = |names: &[&str], counters: &[AtomicU64]| -> Map<String, Value> {
            names
                .iter()
                .zip(counters)
                .map(|(name, c)| (name.to_string(), c.load(Relaxed)))
                .filter(|(_, n)| *n > 0)
                .map(|(name, n)| (name, json!(n)))
                .collect()
        };
        let faults = nonzero(&FAULT_KINDS, &self.faults);
        let total: u64 = self.faults.iter().map(|c| c.load(Relaxed)).sum();
        json!({
            "requests": self.requests.load(Relaxed),
            "faults": faults,
            "faults_total": total,
            "by_path": nonzero(&self.paths, &self.by_path),
        })
        .to_string()
    }
}
