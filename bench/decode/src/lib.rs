//! Benchmark helper for `make bench` (bench/README.md), built for the browser only by
//! bench/run.sh (`wasm-bindgen --target web` into bench/out/decode).
//!
//! Figure 3 decodes one CloudDC list page into the app's own type,
//! [`skyglass_core::services::clouddc::wire::InstanceList`], the two ways a browser app can:
//! - serde_json on the response's bytes, as the app does ([`decode_bytes`]: copied into
//!   WASM memory, checked as UTF-8, CloudDC's `decode_list`, serde_json into `InstanceList`); for comparison
//!   also on the text (a JS string copied into WASM memory as UTF-8, as reading
//!   `Response.text()` into a `String` would);
//! - `JSON.parse` in JS, then serde-wasm-bindgen walking the JS object tree.
//!
//! Figure 5 needs the latency-bound floor of "Load all pages": the round trips each
//! service's walk needs at best, from the app's own walks ([`min_round_trips`]) and each
//! service's description (page size, paging).

use skyglass_core::http::{body_text, ApiResponse};
use skyglass_core::load_all::{self, MAX_PARALLEL};
use skyglass_core::services::clouddc::list::decode_list;
use skyglass_core::services::clouddc::wire::InstanceList;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    /// A response body already in WASM memory (for the serde_json-only timing).
    static STORED: RefCell<ApiResponse> = const {
        RefCell::new(ApiResponse {
            status: 200,
            retry_after: None,
            body: String::new(),
        })
    };
}

/// The app's path: the body text (copied from JS into WASM memory) through
/// `clouddc::decode_list` (serde_json). Returns the number of instances, or -1 when
/// the text does not decode.
#[wasm_bindgen]
pub fn decode_serde_json(text: String) -> i32 {
    let resp = ApiResponse {
        status: 200,
        retry_after: None,
        body: text,
    };
    count(decode_list(&resp).ok())
}

/// The app's path since it reads bodies as bytes (src/ui/transport.rs): the response's
/// bytes copied into WASM memory, made text by [`body_text`] (a UTF-8 check, no
/// transcoding) and decoded by `clouddc::decode_list`.
#[wasm_bindgen]
pub fn decode_bytes(bytes: Vec<u8>) -> i32 {
    let resp = ApiResponse {
        status: 200,
        retry_after: None,
        body: body_text(bytes),
    };
    count(decode_list(&resp).ok())
}

/// Keeps `text` in WASM memory for [`decode_stored`].
#[wasm_bindgen]
pub fn store_text(text: String) {
    STORED.with(|s| s.borrow_mut().body = text);
}

/// serde_json alone: decodes the text [`store_text`] kept (no copy from JS).
#[wasm_bindgen]
pub fn decode_stored() -> i32 {
    STORED.with(|s| count(decode_list(&s.borrow()).ok()))
}

/// The other path: a value `JSON.parse` made, walked by serde-wasm-bindgen into the same type.
#[wasm_bindgen]
pub fn decode_from_value(value: JsValue) -> i32 {
    count(serde_wasm_bindgen::from_value::<InstanceList>(value).ok())
}

fn count(list: Option<InstanceList>) -> i32 {
    list.map_or(-1, |l| i32::try_from(l.instances.len()).unwrap_or(i32::MAX))
}

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

    #[test]
    fn both_paths_decode_a_page() {
        let text = r#"{"instances":[{"id":"a","name":"x"},{"id":"b"}],"count":2}"#;
        assert_eq!(decode_serde_json(text.into()), 2);
        store_text(text.into());
        assert_eq!(decode_stored(), 2);
        assert_eq!(decode_serde_json("{".into()), -1);
    }
}
