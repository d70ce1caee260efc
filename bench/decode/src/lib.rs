//! Benchmark helper for `make bench` (bench/README.md), built for the browser only by
//! bench/run.sh (`wasm-bindgen --target web` into bench/out/decode).
//!
//! Figure 5 needs the latency-bound floor of "Load all pages": the round trips each
//! service's walk needs at best, from the app's own walks ([`min_round_trips`]) and each
//! service's description (page size, paging).

use skyglass_core::load_all::{self, MAX_PARALLEL};
use wasm_bindgen::prelude::*;

/// The fewest round trips "Load all pages" needs for `total_rows` on `service` (a list
/// service's key: `clouddc`, `roma`, `bycloud`) with its load-all page size and the
/// in-flight cap, from `load_all::min_round_trips`. -1 for an unknown service.
#[wasm_bindgen]
pub fn min_round_trips(service: &str, total_rows: f64) -> f64 {
    let total = total_rows.max(0.0) as u64;
    match skyglass_core::services::info(service).and_then(|i| i.list()) {
        Some(l) => load_all::min_round_trips(l.paging, total, l.load_all_page_size, MAX_PARALLEL) as f64,
        None => -1.0,
    }
}

/// The page size each service's walk asks for (0 for an unknown service).
#[wasm_bindgen]
pub fn load_all_page_size(service: &str) -> u32 {
    skyglass_core::services::info(service)
        .and_then(|i| i.list())
        .map_or(0, |l| l.load_all_page_size)
}

/// Requests "Load all pages" keeps under way at once (the per-connection cap).
#[wasm_bindgen]
pub fn load_all_parallel() -> u32 {
    u32::try_from(MAX_PARALLEL).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floors_match_the_planners() {
        assert_eq!(min_round_trips("clouddc", 10_000.0), 10.0);
        assert_eq!(min_round_trips("bycloud", 10_000.0), 20.0);
        assert_eq!(min_round_trips("roma", 10_000.0), 18.0);
        assert_eq!(min_round_trips("nope", 1.0), -1.0);
    }
}
