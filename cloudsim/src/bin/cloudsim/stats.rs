//! Request and fault counters behind `GET /__cloudsim/stats`: lock-free
//! atomics, zeroed by `POST /__cloudsim/stats/reset`.

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use cloudsim::FAULT_KINDS;
use serde_json::{json, Map, Value};

/// The keys of `by_path` (what `cloudsim::path_template` answers).
const PATHS: [&str; 6] = [
    "/v1/{project_id}/instances",
    "/v1/{project_id}/instances/{id}/status",
    "/v2/{project_id}/instances",
    "/v1/instances",
    "/v1/{project_id}/service/{instance_name}",
    "other",
];

/// The server's counters.
pub struct Stats {
    requests: AtomicU64,
    faults: [AtomicU64; FAULT_KINDS.len()],
    by_path: [AtomicU64; PATHS.len()],
}

impl Stats {
    pub fn new() -> Stats {
        Stats {
            requests: AtomicU64::new(0),
            faults: std::array::from_fn(|_| AtomicU64::new(0)),
            by_path: std::array::from_fn(|_| AtomicU64::new(0)),
        }
    }

    /// Counts one answered request to `template` and the fault it met.
    pub fn record(&self, template: &str, kind: Option<&str>) {
        self.requests.fetch_add(1, Relaxed);
        let path = PATHS.iter().position(|p| *p == template).unwrap_or(PATHS.len() - 1);
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
            "by_path": nonzero(&PATHS, &self.by_path),
        })
        .to_string()
    }
}
